/**
 * The original site's figures and their checks, on a few rows written here (not the real snapshot): a total that
 * is or is not the sum of its parts, a share printed rounded or wrong, a share of nobody, a figure not yet known,
 * a map whose services do or do not add up to the défis.
 */
import { describe, expect, it } from 'vitest';
import { readFigures } from '../../src/lib/aggregates/index.ts';
import { ORIGINAL } from '../../src/lib/aggregates/original-site.ts';
import { indexPublications } from '../../src/lib/publications.ts';
import { originalSiteChecks } from '../../src/lib/quality/original-site-checks.ts';
import { tableNames, type Row, type SnapshotTables } from '../../src/lib/tables.ts';

const SOURCE = 'data-eig-forever-2019';
const plain = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ');

function snapshot(
  figures: [string, string, string, number | null, string][],
  services: [string, string, number, number, number, number, number][] = [],
): SnapshotTables {
  const tables = Object.fromEntries(tableNames.map((name) => [name, []])) as unknown as SnapshotTables;
  tables['eig-forever-2019'] = figures.map(([tableau, indicateur, promotion, valeur, unite], i) => ({
    tableau,
    indicateur,
    promotion,
    annee: 2016 + Number(promotion.slice(-1)),
    valeur,
    unite,
    source: SOURCE,
    precision: valeur === null ? 'pas encore connu' : null,
    _line: i + 2,
  })) as unknown as Row<'eig-forever-2019'>[];
  tables['carte-2019'] = services.map(([tutelle, service, a, b, c, latitude, longitude], i) => ({
    tutelle,
    service,
    defis_2017: a,
    defis_2018: b,
    defis_2019: c,
    latitude,
    longitude,
    source: SOURCE,
    remarque: null,
    _line: i + 2,
  })) as unknown as Row<'carte-2019'>[];
  return tables;
}

const publications = indexPublications([]);
const checksOf = (tables: SnapshotTables) => originalSiteChecks(readFigures(tables), publications);
const byId = (tables: SnapshotTables, id: string) => checksOf(tables).find((c) => c.id === id);

describe('the original site’s figures', () => {
  it('keeps a figure written while it could not be known as missing, with its note, never as 0', () => {
    const { original } = readFigures(
      snapshot([
        ['parcours', ORIGINAL.phd, 'EIG 1', 1, 'personnes'],
        ['parcours', ORIGINAL.phd, 'EIG 3', null, 'personnes'],
      ]),
    );
    expect(original.value(ORIGINAL.phd, 'EIG 1')?.value).toBe(1);
    expect(original.get(ORIGINAL.phd, 'EIG 3')?.figure).toBeNull();
    expect(original.get(ORIGINAL.phd, 'EIG 3')?.note).toBe('pas encore connu');
    expect(original.get(ORIGINAL.phd, 'EIG 3')?.ref).toEqual({ table: 'eig-forever-2019', line: 3, source: SOURCE });
    expect(original.series(ORIGINAL.phd).map((f) => f.promotion)).toEqual(['EIG 1', 'EIG 3']);
  });
});

describe('checks of the original site against itself', () => {
  const cost = (total: number, share = 95.58) =>
    snapshot([
      ['financement', ORIGINAL.salariesTotal, 'EIG 1', 756553.38, 'euros'],
      ['financement', ORIGINAL.communicationTotal, 'EIG 1', 0, 'euros'],
      ['financement', ORIGINAL.accompanimentTotal, 'EIG 1', 25000, 'euros'],
      ['financement', ORIGINAL.researchTotal, 'EIG 1', 10000, 'euros'],
      ['financement', ORIGINAL.programmeTotal, 'EIG 1', total, 'euros'],
      ['financement', ORIGINAL.shareSalaries, 'EIG 1', share, 'pourcent'],
    ]);

  it('finds a total that is not the sum of its parts, and says on what total the shares were computed', () => {
    const total = byId(cost(766553.38), 'origine-somme-cout-total-eig-1')!;
    expect(total.severity).toBe('incoherence');
    expect(total.figures.map((f) => f.figure.value)).toEqual([766553.38, 791553.38]);
    const share = byId(cost(766553.38), 'origine-part-part-des-salaires-dans-le-cout-total-du-programme-eig-1')!;
    expect(share.severity).toBe('incoherence');
    expect(share.title.replace(/[\u00a0\u202f]/gu, ' ')).toContain(
      'sur la somme des postes (791 553,38 €), le calcul donne 95,58 %',
    );
    expect(plain(total.title)).toBe(
      'Site d’origine, EIG 1, coût total du programme : 766 553,38 € selon le total de la publication « data-eig-forever-2019 », 791 553,38 € selon la somme de ses parties.',
    );
  });

  // A comparison's sentence is written with the check, from its figures and their labels: each of its three forms.
  it('writes the sentence of a comparison from its figures and their labels', () => {
    const sentence = (total: number, share: number, id: string) =>
      plain(checksOf(cost(total, share)).find((c) => c.id === id)!.title);
    expect(sentence(791553.38, 95.58, 'origine-somme-cout-total-eig-1')).toBe(
      'Site d’origine, EIG 1, coût total du programme : 791 553,38 € selon le total de la publication « data-eig-forever-2019 » comme selon la somme de ses parties.',
    );
    expect(sentence(791553.38, 96, 'origine-part-part-des-salaires-dans-le-cout-total-du-programme-eig-1')).toBe(
      'Site d’origine, EIG 1, « Part des salaires dans le coût total du programme » : 96 % selon la publication « data-eig-forever-2019 », 95,58 % selon le calcul sur le total imprimé (791 553,38 €) ; sur la somme des postes (791 553,38 €), le calcul donne 95,58 %, soit le même chiffre une fois arrondi.',
    );
    const check = checksOf(cost(791553.38, 96)).find((c) => c.id === 'origine-somme-cout-total-eig-1')!;
    expect(structuredClone(check)).toEqual(check);
  });

  it('finds nothing when the total is the sum, and the share its computation rounded as printed', () => {
    expect(byId(cost(791553.38), 'origine-somme-cout-total-eig-1')?.severity).toBe('conforme');
    expect(
      byId(cost(791553.38), 'origine-part-part-des-salaires-dans-le-cout-total-du-programme-eig-1')?.severity,
    ).toBe('conforme');
  });

  const profiles = (share: number, designers: number, womenShare: number) =>
    snapshot([
      ['programme', ORIGINAL.eig, 'EIG 1', 11, 'personnes'],
      ['eig', ORIGINAL.developers, 'EIG 1', 8, 'personnes'],
      ['eig', ORIGINAL.designers, 'EIG 1', designers, 'personnes'],
      ['eig', ORIGINAL.shareDevelopers, 'EIG 1', share, 'pourcent'],
      ['eig', ORIGINAL.womenDesigners, 'EIG 1', 0, 'personnes'],
      ['eig', ORIGINAL.shareWomenDesigners, 'EIG 1', womenShare, 'pourcent'],
    ]);

  it('takes 73 % for 8 of 11 (72,73 % rounded as printed), not 80 %', () => {
    const id = 'origine-ratio-part-des-developpeurs-parmi-les-eig-eig-1';
    expect(byId(profiles(73, 0, 0), id)?.severity).toBe('conforme');
    expect(byId(profiles(80, 0, 0), id)?.severity).toBe('incoherence');
  });

  it('flags a share of women among no designers at all', () => {
    const id = 'origine-ratio-pourcentage-de-femmes-parmi-les-designers-eig-1';
    expect(byId(profiles(73, 0, 0), id)?.severity).toBe('format');
    expect(byId(profiles(73, 2, 0), id)?.severity).toBe('conforme');
  });

  it('skips a sum with a figure not yet known', () => {
    const tables = snapshot([
      ['programme', ORIGINAL.eig, 'EIG 3', 32, 'personnes'],
      ...[ORIGINAL.civilService, ORIGINAL.phd, ORIGINAL.privateSector, ORIGINAL.freelance, ORIGINAL.otherCareers].map(
        (name): [string, string, string, number | null, string] => ['parcours', name, 'EIG 3', null, 'personnes'],
      ),
    ]);
    expect(checksOf(tables).filter((c) => c.id.includes('parcours'))).toEqual([]);
  });

  it('compares the map’s services with the défis and the administrations of each year', () => {
    const tables = snapshot(
      [
        ['programme', ORIGINAL.eig, 'EIG 1', 11, 'personnes'],
        ['programme', ORIGINAL.defis, 'EIG 1', 3, 'defis'],
        ['administrations', ORIGINAL.administrations, 'EIG 1', 1, 'administrations'],
      ],
      [
        ['Ministère A', 'Service A', 2, 0, 0, 48.85, 2.35],
        ['Ministère B', 'Service B', 0, 1, 0, 48.39, -4.49],
      ],
    );
    const defis = byId(tables, 'origine-carte-defis-2017')!;
    expect([defis.severity, ...defis.figures.map((f) => f.figure.value)]).toEqual(['incoherence', 2, 3]);
    expect(byId(tables, 'origine-carte-administrations-2017')?.severity).toBe('conforme');
  });
});
