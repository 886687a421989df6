import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/lib/model.ts';
import type { QualityCheck } from '../../src/lib/quality/quality-check.ts';
import type { QualityReport } from '../../src/lib/quality/quality-report.ts';
import { aggregateFiles, jsonWithCitations } from '../../src/publish/outputs.ts';
import { budgetRef, keyRef, reference, rowRef } from '../support/reference.ts';
import { loadContext } from '../support/site-context.ts';

let model: Model;
let report: QualityReport;
beforeAll(async () => {
  model = await loadContext();
  report = model.quality;
});

const check = (id: string) => {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`vérification absente : ${id}`);
  return found;
};
const PROMOTIONS = ['EIG 1', 'EIG 2', 'EIG 3'];
/** The members of the website's community list a check adds up, named in tests/reference/. */
const listRef = (promotion: string, profiles: readonly string[]) =>
  reference('communaute-par-profil.csv')
    .filter((r) => r.promotion === promotion && r.programme === 'EIG' && profiles.includes(r.profil ?? ''))
    .map((r) => rowRef('communaute-par-profil.csv', r, ['promotion', 'programme', 'profil'], 'effectif'))
    .join(' ; ');
const EIG_PROFILES = ['developpement', 'data science', 'design', 'data engineering'];

describe('data-quality report', () => {
  it('flags the 85 printed vs 94 summed défis proposed as an inconsistency, with both figures and their rows', () => {
    const c = check('total-defis-proposes');
    const where = `${keyRef('Total', 'defis_proposes')} ; sum of ${keyRef(PROMOTIONS, 'defis_proposes')}`;
    expect(c.severity, where).toBe('incoherence');
    expect(
      c.figures.map((f) => f.figure.value),
      where,
    ).toEqual([85, 94]);
    expect(c.figures[1]!.figure.from, where).toHaveLength(3);
    expect(
      check('defis-deposes-billet-rapport').severity,
      `${keyRef('Total', 'defis_deposes')} ; ${keyRef('Total', 'defis_proposes')}`,
    ).toBe('incoherence');
  });

  it('calls the salaries total a rounding, not an inconsistency', () => {
    const c = check('total-budget-salaires');
    const where = `${budgetRef('Total', 'salaires')} ; sum of ${budgetRef(PROMOTIONS, 'salaires')}`;
    expect(c.severity, where).toBe('arrondi');
    expect(
      c.figures.map((f) => f.figure.value),
      where,
    ).toEqual([4658243, 4658243.47]);
  });

  it('lists the disagreements SOURCES.md describes between the website and the publications', () => {
    expect(
      check('communaute-eig-eig-2').severity,
      `sum of ${listRef('EIG 2', EIG_PROFILES)} ; ${keyRef('EIG 2', 'eig')}`,
    ).toBe('ecart');
    for (const promotion of PROMOTIONS)
      expect(
        check(`communaute-mentors-${promotion.replace(' ', '-').toLowerCase()}`).severity,
        `${listRef(promotion, ['mentor'])} ; ${keyRef(promotion, 'mentors')}`,
      ).toBe('ecart');
    expect(
      check('taille-equipes-eig-1').figures.map((f) => f.figure.value),
      `defis.csv: nb_eig of the défis of EIG 1 ; ${keyRef('EIG 1', 'eig')}`,
    ).toEqual([9, 11]);
    expect(
      check('defis-liste-eig-4').figures.map((f) => f.figure.value),
      `defis.csv: défis of EIG 4 ; ${keyRef('EIG 4', 'defis')}`,
    ).toEqual([17, 16]);
    expect(
      check('candidatures-billet-rapport').severity,
      `${keyRef('Total', 'candidatures_recues')} ; sum of ${keyRef(PROMOTIONS, 'candidats_eig')}`,
    ).toBe('approximation');
    expect(
      check('structures-accueil').severity,
      `${keyRef('Total', 'structures_publiques_accueil')} ; ${keyRef('Total', 'services_ou_directions')}`,
    ).toBe('ecart');
  });

  it('finds that the November 2019 portage categories add up to 13 of the 14 projects', () => {
    const c = check('suivi-somme-eig-3-2019-11-portage');
    const where = reference('defis-suivi.csv')
      .filter(
        (r) => r.promotion === 'EIG 3' && r.date === '2019-11' && ['portage', 'etat'].includes(r.indicateur ?? ''),
      )
      .map((r) => rowRef('defis-suivi.csv', r, ['promotion', 'date', 'indicateur', 'categorie'], 'nombre_defis'))
      .join(' ; ');
    expect(c.severity, where).toBe('incoherence');
    expect(
      c.figures.map((f) => f.figure.value),
      where,
    ).toEqual([13, 14]);
  });

  it('lists the malformed source-code links and the administrations spelled several ways', () => {
    const links = report.checks.filter((c) => c.id.startsWith('lien-'));
    expect(links, 'defis.csv: code_source').toHaveLength(3);
    expect(links.every((c) => c.severity === 'format')).toBe(true);
    expect(check('orthographe-cour-de-cassation').severity, 'defis.csv: administration of LABEL (EIG 4)').toBe(
      'format',
    );
  });

  it('keeps the checks that passed, after the problems, each with a unique id', () => {
    expect(check('total-eig').severity, `${keyRef('Total', 'eig')} ; sum of ${keyRef(PROMOTIONS, 'eig')}`).toBe(
      'conforme',
    );
    const order = ['incoherence', 'ecart', 'approximation', 'arrondi', 'format', 'conforme'];
    const ranks = report.checks.map((c) => order.indexOf(c.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(report.checks.map((c) => c.id)).size).toBe(report.checks.length);
    expect(report.counts.incoherence).toBe(report.checks.filter((c) => c.severity === 'incoherence').length);
  });

  it('writes each check to JSON as the page shows it: sentence, labels, values and the rows with their keys', () => {
    expect(structuredClone(report)).toEqual(report);
    // Plain data: no sentence written later by a getter (a getter keeps its inputs alive and is no data).
    const accessors = report.checks.filter((c) =>
      Object.values(Object.getOwnPropertyDescriptors(c)).some((d) => d.get),
    );
    expect(accessors.map((c) => c.id)).toEqual([]);
    const json = JSON.parse(jsonWithCitations(aggregateFiles(model).qualite.data, model)) as {
      checks: QualityCheck[];
    };
    expect(json.checks.map((c) => c.id)).toEqual(report.checks.map((c) => c.id));
    json.checks.forEach((written, i) => {
      const shown = report.checks[i]!;
      expect(Object.keys(written).sort()).toEqual(['figures', 'id', 'severity', 'title']);
      expect(written.title).toBe(shown.title);
      expect(written.title).toMatch(/\.$/u);
      expect(written.figures.map((f) => [f.label, f.figure.value])).toEqual(
        shown.figures.map((f) => [f.label, f.figure.value]),
      );
    });
    const mentors = json.checks.find((c) => c.id === 'communaute-mentors-eig-1')!;
    expect(mentors.title).toMatch(
      /^Nombre de mentors, EIG 1 : \d+ selon la liste de la communauté du site du programme, \d+ selon /u,
    );
    const reported = mentors.figures[1]!.figure.from[0]! as unknown as Record<string, unknown>;
    expect(reported.table).toBe('chiffres-cles');
    expect(reported.key).toEqual({ promotion: 'EIG 1', indicateur: 'mentors' });
    expect(Object.keys(reported).sort()).toEqual(['key', 'line', 'source', 'table']);
  });
});
