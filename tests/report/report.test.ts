/**
 * The update report on snapshots built in memory from the small fixture (tests/fixtures/small), with charts written
 * for the test so that every expected move is known by hand: the thresholds at their edges, rows lost, a figure
 * vanishing, a chart that can no longer be computed, resources and headers that changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineChart, type Chart } from '../../src/charts/types.ts';
import { code, md, reportMarkdown } from '../../src/report/markdown.ts';
import { diffSnapshots, type UpdateReport } from '../../src/report/report.ts';
import { refOf } from '../../src/lib/figures.ts';
import type { Manifest, ResourceRecord } from '../../src/lib/manifest.ts';
import { parseSnapshot, sha256, type Snapshot, type SnapshotFiles } from '../../src/lib/snapshot.ts';
import { tableNames, tables, type TableName } from '../../src/lib/tables.ts';
import { plainSpaces } from '../support/dist.ts';
import { fixtureDir } from '../support/fixtures.ts';

const DATA = fixtureDir('small');
const fixtureManifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as Manifest;
const fixtureText = (table: TableName) => readFileSync(join(DATA, 'snapshot', tables[table].file), 'utf8');

/** A snapshot from table texts, its manifest fingerprinting them (as `npm run data:lock` would). */
function snapshotOf(texts: Record<TableName, string>, patch: (manifest: Manifest) => void = () => {}): Snapshot {
  const manifest = structuredClone(fixtureManifest);
  const files: SnapshotFiles = { publications: readFileSync(join(DATA, 'publications.csv')) };
  for (const name of tableNames) {
    files[name] = new TextEncoder().encode(texts[name]);
    manifest.tables[name].sha256 = sha256(files[name]);
  }
  patch(manifest);
  const result = parseSnapshot(files, manifest);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.snapshot;
}

/** Replaces one whole line, failing loudly if the fixture no longer has it. */
function replaceLine(text: string, line: string, by: string | null): string {
  const lines = text.split('\n');
  const index = lines.indexOf(line);
  if (index < 0) throw new Error(`line not found: ${line}`);
  if (by === null) lines.splice(index, 1);
  else lines[index] = by;
  return lines.join('\n');
}

const common = { theme: 'programme' as const, order: 1, description: '', reading: () => '', plot: () => ({}) };

const shares = defineChart({
  ...common,
  slug: 'test-parts',
  title: 'Parts publiées',
  rows: ({ tables: t }) =>
    t['chiffres-cles']
      .filter((r) => r.unite === 'pourcent')
      .map((r) => ({
        promotion: r.promotion,
        indicateur: r.indicateur,
        part: r.valeur,
        _from: [refOf('chiffres-cles', r)],
      })),
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'indicateur', label: 'Indicateur', kind: 'texte' },
    { key: 'part', label: 'Part', kind: 'pourcent' },
  ],
});
const amounts = defineChart({
  ...common,
  slug: 'test-montants',
  title: 'Montants par promotion',
  rows: ({ tables: t }) =>
    t.budget
      .filter((r) => r.promotion !== 'Total')
      .map((r) => ({ promotion: r.promotion, poste: r.poste, montant: r.montant_eur, _from: [refOf('budget', r)] })),
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'poste', label: 'Poste', kind: 'texte' },
    { key: 'montant', label: 'Montant', kind: 'euros' },
  ],
});
const respondents = defineChart({
  ...common,
  slug: 'test-repondants',
  title: 'Répondants',
  rows: ({ tables: t }) =>
    t.enquetes.map((r) => ({
      enquete: r.enquete,
      population: r.population,
      indicateur: r.indicateur,
      repondants: r.repondants,
      _from: [refOf('enquetes', r)],
    })),
  columns: [
    { key: 'enquete', label: 'Enquête', kind: 'texte' },
    { key: 'population', label: 'Population', kind: 'texte' },
    { key: 'indicateur', label: 'Indicateur', kind: 'texte' },
    { key: 'repondants', label: 'Répondants', kind: 'nombre' },
  ],
});
const fragile = defineChart({
  ...common,
  slug: 'test-fragile',
  title: 'Communication de la première promotion',
  rows: ({ tables: t }) => {
    const row = t.budget.find((r) => r.promotion === 'EIG 1' && r.poste === 'communication');
    if (!row) throw new Error('ligne « communication » de EIG 1 introuvable');
    return [{ poste: 'communication', montant: row.montant_eur, _from: [refOf('budget', row)] }];
  },
  columns: [
    { key: 'poste', label: 'Poste', kind: 'texte' },
    { key: 'montant', label: 'Montant', kind: 'euros' },
  ],
});
const testCharts: Chart[] = [shares, amounts, respondents, fragile];

const resource = (id: string, checksum: string, title = `Ressource ${id}`): ResourceRecord => ({
  id,
  title,
  url: `https://static.data.gouv.fr/resources/programme/${id}.csv`,
  latest: `https://www.data.gouv.fr/api/1/datasets/r/${id}`,
  format: 'csv',
  mime: 'text/csv',
  checksum: { type: 'sha1', value: checksum },
  filesize: 1000,
  last_modified: '2027-01-01T00:00:00+00:00',
});

function fixtureTexts(): Record<TableName, string> {
  return Object.fromEntries(tableNames.map((n) => [n, fixtureText(n)])) as Record<TableName, string>;
}

function modifiedTexts(): Record<TableName, string> {
  const t = fixtureTexts();
  // Shares: +20.5 points (over the threshold), +20 points (on it: not flagged).
  t['chiffres-cles'] = replaceLine(
    t['chiffres-cles'],
    'EIG 1,part_femmes_eig,25,pourcent,billet-essai',
    'EIG 1,part_femmes_eig,45.5,pourcent,billet-essai',
  );
  t['chiffres-cles'] = replaceLine(
    t['chiffres-cles'],
    'EIG 2,part_femmes_eig,33,pourcent,billet-essai',
    'EIG 2,part_femmes_eig,53,pourcent,billet-essai',
  );
  // Amounts: 500 000,40 × 1.1 = 550 000,44 → 550 000,45 is just over 10 %; 1 000 000,30 × 1.1 = 1 100 000,33 →
  // 1 100 000,32 just under.
  t.budget = replaceLine(
    t.budget,
    'EIG 1,2017,salaires,500000.40,realise,rapport-essai',
    'EIG 1,2017,salaires,550000.45,realise,rapport-essai',
  );
  t.budget = replaceLine(
    t.budget,
    'EIG 2,2018,salaires,1000000.30,realise,rapport-essai',
    'EIG 2,2018,salaires,1100000.32,realise,rapport-essai',
  );
  t.budget = replaceLine(
    t.budget,
    'EIG 2,2018,liens_recherche,0,realise,rapport-essai',
    'EIG 2,2018,liens_recherche,5000,realise,rapport-essai',
  );
  t.budget = replaceLine(t.budget, 'EIG 1,2017,communication,0,realise,rapport-essai', null);
  // A number that becomes empty (the column is optional).
  t.enquetes = replaceLine(
    t.enquetes,
    'promos-1-2,mentors,8,10,realisations,realisations_repondent_aux_attentes,75,plus de,rapport-essai,',
    'promos-1-2,mentors,,10,realisations,realisations_repondent_aux_attentes,75,plus de,rapport-essai,',
  );
  // Headers: an alias instead of the column's name; an extra column.
  t.communaute = t.communaute.replace(
    /^promotion,programme,profil,effectif,source\n/u,
    'promotion,programme,profil,nombre,source\n',
  );
  t['suivi-defis'] =
    t['suivi-defis']
      .trimEnd()
      .split('\n')
      .map((line, i) => line + (i === 0 ? ',remarque_interne' : ','))
      .join('\n') + '\n';
  // A new défi.
  t.defis = t.defis.trimEnd() + '\nNouveau défi,EIG 4,2020,Administration de test,Paris,75001,dev,1,1,10,,site-essai\n';
  return t;
}

function modifiedManifest(manifest: Manifest): void {
  manifest.tables.budget.resource = resource('budget-2', 'bbbb');
  manifest.tables.enquetes.resource = resource('enquetes-1', 'eeee');
  manifest.tables.communaute.resource = resource('communaute-2', 'cccc');
  manifest.unmapped = [resource('inconnue-2', '2222', 'Une ressource | *nouvelle*')];
}

function originalManifest(manifest: Manifest): void {
  manifest.tables.budget.resource = resource('budget-2', 'aaaa');
  manifest.tables.defis.resource = resource('defis-1', 'dddd');
  manifest.tables.communaute.resource = resource('communaute-1', 'cccc');
  manifest.unmapped = [resource('inconnue-1', '1111')];
}

const before = snapshotOf(fixtureTexts(), originalManifest);
const after = snapshotOf(modifiedTexts(), modifiedManifest);
const report: UpdateReport = diffSnapshots(
  { snapshot: before, label: 'avant' },
  { snapshot: after, label: 'après' },
  testCharts,
  '2027-01-15T09:30:00.000Z',
  null,
);

const movesOf = (slug: string) =>
  report.charts
    .find((c) => c.slug === slug)!
    .moved.map(({ row, column, before: b, after: a, change, relative, flag }) => ({
      row,
      column,
      before: b,
      after: a,
      change,
      relative,
      flag,
    }));

describe('figures of the charts', () => {
  it('reports a share over 20 points as « à vérifier », and one of exactly 20 points as a plain move', () => {
    expect(movesOf('test-parts')).toEqual([
      {
        row: 'EIG 1 · part_femmes_eig',
        column: 'part',
        before: 25,
        after: 45.5,
        change: 20.5,
        relative: expect.closeTo(20.5 / 25, 12),
        flag: 'écart de plus de 20 points',
      },
      {
        row: 'EIG 2 · part_femmes_eig',
        column: 'part',
        before: 33,
        after: 53,
        change: 20,
        relative: expect.closeTo(20 / 33, 12),
        flag: null,
      },
    ]);
  });

  it('reports amounts against 10 % of their old value, and any amount leaving zero', () => {
    expect(movesOf('test-montants')).toEqual([
      {
        row: 'EIG 1 · salaires',
        column: 'montant',
        before: 500000.4,
        after: 550000.45,
        change: expect.closeTo(50000.05, 6),
        relative: expect.closeTo(50000.05 / 500000.4, 12),
        flag: 'écart de plus de 10\u00a0%',
      },
      {
        row: 'EIG 2 · salaires',
        column: 'montant',
        before: 1000000.3,
        after: 1100000.32,
        change: expect.closeTo(100000.02, 6),
        relative: expect.closeTo(100000.02 / 1000000.3, 12),
        flag: null,
      },
      {
        row: 'EIG 2 · liens_recherche',
        column: 'montant',
        before: 0,
        after: 5000,
        change: 5000,
        relative: null,
        flag: 'était nul',
      },
    ]);
    const chart = report.charts.find((c) => c.slug === 'test-montants')!;
    expect([chart.rowsBefore, chart.rowsAfter]).toEqual([18, 17]);
    expect(chart.removed.map((r) => r.row)).toEqual(['EIG 1 · communication']);
    expect(chart.added).toEqual([]);
  });

  it('reports a figure that became empty, with where it came from', () => {
    const chart = report.charts.find((c) => c.slug === 'test-repondants')!;
    expect(chart.moved).toHaveLength(1);
    expect(chart.moved[0]).toMatchObject({
      row: 'promos-1-2 · mentors · realisations_repondent_aux_attentes',
      before: 8,
      after: null,
      change: null,
      flag: 'chiffre disparu',
    });
    expect(chart.moved[0]!.from).toEqual([
      {
        table: 'enquetes',
        line: 2,
        key: { enquete: 'promos-1-2', population: 'mentors', indicateur: 'realisations_repondent_aux_attentes' },
        source: 'rapport-essai',
      },
    ]);
  });

  it('reports a chart that cannot be computed from the new snapshot', () => {
    expect(report.charts.find((c) => c.slug === 'test-fragile')!.error).toBe(
      'nouvel instantané : ligne « communication » de EIG 1 introuvable',
    );
  });

  it('puts every « à vérifier » first, in chart order then table order', () => {
    expect(report.flags.map((f) => [f.kind, f.chart ?? f.table])).toEqual([
      ['chiffre', 'test-parts'],
      ['chiffre', 'test-montants'],
      ['chiffre', 'test-montants'],
      ['graphique-lignes-perdues', 'test-montants'],
      ['chiffre', 'test-repondants'],
      ['graphique-erreur', 'test-fragile'],
      ['ligne-supprimee', 'budget'],
      // The edits break seven data-quality checks.
      ['qualite-cassee', undefined],
      ['qualite-cassee', undefined],
      ['qualite-cassee', undefined],
      ['qualite-cassee', undefined],
      ['qualite-cassee', undefined],
      ['qualite-cassee', undefined],
      ['qualite-cassee', undefined],
    ]);
    expect(plainSpaces(report.flags[0]!.message)).toBe(
      '« Parts publiées » (test-parts) : EIG 1 · part_femmes_eig — Part : 25 % → 45,5 % (+20,5 points), écart de plus de 20 points',
    );
    expect(plainSpaces(report.flags[1]!.message)).toBe(
      '« Montants par promotion » (test-montants) : EIG 1 · salaires — Montant : 500 000,4 € → 550 000,45 € (+50 000,05 €, +10 %), écart de plus de 10 %',
    );
    expect(report.flags[3]!.message).toBe(
      '« Montants par promotion » (test-montants) : 18 → 17 lignes ; disparues : « EIG 1 · communication »',
    );
    expect(report.flags[6]!.message).toBe(
      'budget.csv : ligne supprimée (promotion = EIG 1, poste = communication ; ligne 10 de l’ancien fichier)',
    );
  });

  it('says which data-quality checks the update breaks, with the figures that now disagree', () => {
    expect(report.quality.map((q) => [q.id, q.kind, q.before, q.after])).toEqual([
      // 550 000,45 + 1 100 000,32 + 1 500 000 = 3 150 000,77 € against the 3 000 001 € printed (the fixture's
      // 3 000 000,70 € was only a rounding).
      ['total-budget-salaires', 'cassee', 'arrondi', 'incoherence'],
      // 20 000 € printed, 5 000 € more for EIG 2.
      ['total-budget-liens-recherche', 'cassee', 'conforme', 'incoherence'],
      // EIG 1: 550 000,45 + 10 000 + 5 000 (communication gone) against 515 000,40 printed; EIG 2: + 105 000,02.
      ['budget-total-eig-1', 'cassee', 'conforme', 'incoherence'],
      ['budget-total-eig-2', 'cassee', 'conforme', 'incoherence'],
      // The new défi of EIG 4: 4 listed against the 3 published, and team sizes of 8 against its 7 EIG.
      ['defis-liste-eig-4', 'cassee', 'conforme', 'ecart'],
      ['taille-equipes-eig-4', 'cassee', 'conforme', 'ecart'],
      // The original site's salaries of EIG 1 (500 000,40 €) no longer equal the report's (550 000,45 €).
      ['origine-salaires-eig-1', 'cassee', 'conforme', 'ecart'],
    ]);
    expect(plainSpaces(report.flags[7]!.message)).toBe(
      'qualité des données : Budget, salaires des EIG : le total publié est 3 000 001 €, mais la somme des promotions EIG 1, EIG 2 et EIG 3 donne 3 150 000,77 € (incohérence ; avant : arrondi)',
    );
    expect(plainSpaces(report.flags[12]!.message)).toMatch(
      / : 8 selon .*, 7 selon .* \(écart entre sources ; avant : conforme\)$/u,
    );
  });

  it('says which data-quality checks the update fixes', () => {
    const fixed = diffSnapshots(
      { snapshot: after, label: 'a' },
      { snapshot: before, label: 'b' },
      [],
      '2027-01-15T09:30:00.000Z',
      null,
    );
    expect(fixed.quality.map((q) => [q.id, q.kind])).toEqual([
      ['total-budget-salaires', 'reparee'],
      ['total-budget-liens-recherche', 'reparee'],
      ['budget-total-eig-1', 'reparee'],
      ['budget-total-eig-2', 'reparee'],
      ['defis-liste-eig-4', 'reparee'],
      ['taille-equipes-eig-4', 'reparee'],
      ['origine-salaires-eig-1', 'reparee'],
    ]);
    expect(fixed.flags.filter((f) => f.kind === 'qualite-cassee')).toEqual([]);
    expect(plainSpaces(reportMarkdown(fixed))).toContain(
      '- réparée : Budget EIG 1 : les dépenses totales publiées (515 000,40 €) sont bien la somme des quatre postes (conforme ; avant : incohérence)',
    );
  });

  it('reports nothing for identical snapshots', () => {
    const same = diffSnapshots(
      { snapshot: before, label: 'a' },
      { snapshot: snapshotOf(fixtureTexts(), originalManifest), label: 'b' },
      testCharts,
      '2027-01-15T09:30:00.000Z',
      null,
    );
    expect([same.flags, same.charts, same.tables, same.resources]).toEqual([[], [], [], []]);
    expect(reportMarkdown(same)).toContain('## À vérifier : rien');
  });
});

describe('rows of the tables', () => {
  const table = (name: TableName) => report.tables.find((t) => t.table === name)!;

  it('matches rows by their natural key, not their line', () => {
    expect(table('budget')).toMatchObject({ rowsBefore: 24, rowsAfter: 23, added: [] });
    expect(table('budget').removed).toEqual([{ key: { promotion: 'EIG 1', poste: 'communication' }, line: 10 }]);
    // liens_recherche of EIG 2 moved up a line (the row above it was removed): changed for its amount only.
    expect(table('budget').changed).toEqual([
      {
        key: { promotion: 'EIG 1', poste: 'salaires' },
        lineBefore: 6,
        lineAfter: 6,
        columns: [{ column: 'montant_eur', before: 500000.4, after: 550000.45 }],
      },
      {
        key: { promotion: 'EIG 2', poste: 'salaires' },
        lineBefore: 7,
        lineAfter: 7,
        columns: [{ column: 'montant_eur', before: 1000000.3, after: 1100000.32 }],
      },
      {
        key: { promotion: 'EIG 2', poste: 'liens_recherche' },
        lineBefore: 19,
        lineAfter: 18,
        columns: [{ column: 'montant_eur', before: 0, after: 5000 }],
      },
    ]);
    expect(table('chiffres-cles').changed.map((c) => [c.key, c.columns])).toEqual([
      [{ promotion: 'EIG 1', indicateur: 'part_femmes_eig' }, [{ column: 'valeur', before: 25, after: 45.5 }]],
      [{ promotion: 'EIG 2', indicateur: 'part_femmes_eig' }, [{ column: 'valeur', before: 33, after: 53 }]],
    ]);
    expect(table('enquetes').changed.map((c) => c.columns)).toEqual([
      [{ column: 'repondants', before: 8, after: null }],
    ]);
    expect(table('defis').added).toEqual([
      // The fixture's 12 défis are on lines 2 to 13.
      { key: { defi: 'Nouveau défi', promotion: 'EIG 4' }, line: 14 },
    ]);
  });

  it('tells a renamed header from a changed column, and reports extra columns', () => {
    expect(table('communaute')).toMatchObject({ added: [], removed: [], changed: [] });
    expect(table('communaute').schema).toEqual({
      added: [],
      removed: [],
      renamed: [{ column: 'effectif', before: 'effectif', after: 'nombre' }],
    });
    expect(table('suivi-defis').schema).toEqual({ added: ['remarque_interne'], removed: [], renamed: [] });
    expect(report.tables.map((t) => t.table).sort()).toEqual([
      'budget',
      'chiffres-cles',
      'communaute',
      'defis',
      'enquetes',
      'suivi-defis',
    ]);
  });

  it('flags a column that disappears', () => {
    const texts = fixtureTexts();
    texts.budget =
      texts.budget
        .trimEnd()
        .split('\n')
        .map((line) =>
          line
            .split(',')
            .filter((_, i) => i !== 1)
            .join(','),
        )
        .join('\n') + '\n';
    const dropped = diffSnapshots(
      { snapshot: before, label: 'a' },
      { snapshot: snapshotOf(texts), label: 'b' },
      [],
      '2027-01-15T09:30:00.000Z',
      null,
    );
    const budget = dropped.tables.find((t) => t.table === 'budget')!;
    expect(budget.schema.removed).toEqual(['annee']);
    // The 18 rows of the three promotions had a year; the 6 totals had none.
    expect(budget.changed).toHaveLength(18);
    expect(dropped.flags.map((f) => f.message)).toEqual(['budget.csv : colonne « annee » disparue']);
  });
});

describe('resources of data.gouv.fr', () => {
  it('lists resources associated, dropped, replaced, updated, and the unmapped ones that came or went', () => {
    expect(report.resources.map((r) => [r.kind, r.table, r.before?.id ?? null, r.after?.id ?? null])).toEqual([
      ['nouvelle-version', 'budget', 'budget-2', 'budget-2'],
      ['associee', 'enquetes', null, 'enquetes-1'],
      ['dissociee', 'defis', 'defis-1', null],
      ['remplacee', 'communaute', 'communaute-1', 'communaute-2'],
      ['non-reconnue-apparue', null, null, 'inconnue-2'],
      ['non-reconnue-disparue', null, 'inconnue-1', null],
    ]);
  });
});

describe('the report in Markdown', () => {
  const text = plainSpaces(reportMarkdown(report));

  it('opens with what is « à vérifier »', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Rapport de mise à jour des données');
    expect(lines.find((l) => l.startsWith('## '))).toBe('## À vérifier (14)');
    expect(text.indexOf('## À vérifier')).toBeLessThan(text.indexOf('## Chiffres des graphiques'));
  });

  it('shows each move old → new with its change', () => {
    expect(text).toContain(
      '| EIG 1 · part_femmes_eig | Part | 25 % | 45,5 % | +20,5 points | **à vérifier** : écart de plus de 20 points |',
    );
    expect(text).toContain('| EIG 2 · salaires | Montant | 1 000 000,3 € | 1 100 000,32 € | +100 000,02 €, +10 % |  |');
    expect(text).toContain('- **supprimée** : promotion = EIG 1, poste = communication (ligne 10 de l’ancien fichier)');
    expect(text).toContain('- colonne effectif : en-tête « effectif » devenu « nombre » (même colonne, lue par alias)');
  });

  it('keeps text from data.gouv.fr inert', () => {
    expect(text).toContain('« Une ressource \\| \\*nouvelle\\* »');
    expect(md('a|b *c* [d](e) <f> x_y _z_')).toBe('a\\|b \\*c\\* \\[d\\](e) \\<f\\> x_y \\_z\\_');
    expect(md('deux\nlignes')).toBe('deux lignes');
  });

  it('shows control characters from outside, never writes them (issue 23, item 3)', () => {
    expect(md('\u001b[2J\u009b31mrouge\r\nCode de sortie 0 : tout va bien\u202e')).toBe(
      '\\<U+001B\\>\\[2J\\<U+009B\\>31mrouge Code de sortie 0 : tout va bien\\<U+202E\\>',
    );
    // Addresses and identifiers in code spans: no renderer turns them into links; a backtick in one is kept.
    expect(code('https://exemple.org/a')).toBe('`https://exemple.org/a`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x')).toBe('`` `x ``');
    expect(code('http://x/\u001b[0m')).toBe('`http://x/<U+001B>[0m`');
  });

  it('cuts the list of resources at 25, with the count of the others (issue 23, item 5)', () => {
    const many = {
      ...report,
      resources: Array.from({ length: 3_000 }, (_, i) => ({
        kind: 'non-reconnue-apparue' as const,
        table: null,
        before: null,
        after: { ...resource(`r-${i}`, 'abc', `Pièce ${i}\nCode de sortie 0 : tout va bien`), format: 'pdf' },
      })),
    };
    const markdown = plainSpaces(reportMarkdown(many));
    const lines = markdown.split('\n');
    expect(lines.filter((l) => l.startsWith('- jeu de données : nouvelle ressource non reconnue'))).toHaveLength(25);
    expect(lines).toContain(
      '- … et 2 975 autres changements de ressources (liste complète dans rapport-mise-a-jour.json)',
    );
    expect(lines).toContain(
      '- jeu de données : nouvelle ressource non reconnue ; après : « Pièce 0 Code de sortie 0 : tout va bien » (pdf, `r-0`, `https://static.data.gouv.fr/resources/programme/r-0.csv`, sha1 `abc`)',
    );
    expect(lines.filter((l) => l.startsWith('Code de sortie'))).toEqual([]);
    expect(markdown).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u);
  });
});

describe('promotions', () => {
  it('lists a promotion the new snapshot adds, with its year, and one it drops, before the figures', () => {
    const texts = fixtureTexts();
    // A promotion after the fixture's last, with its year; every row of the fixture's EIG 4 gone.
    texts.budget = `${texts.budget.trimEnd()}\nEIG 9,2025,enveloppe_pia,1000,alloue,rapport-essai\n`;
    for (const name of tableNames) {
      texts[name] = texts[name]
        .split('\n')
        .filter((line) => !/(^|,)EIG 4,/u.test(line))
        .join('\n');
    }
    const changed = diffSnapshots(
      { snapshot: before, label: 'avant' },
      { snapshot: snapshotOf(texts), label: 'après' },
      testCharts,
      '2027-01-15T09:30:00.000Z',
      null,
    );
    expect(changed.promotions).toEqual({ added: ['EIG 9 (2025)'], removed: ['EIG 4 (2020)'] });
    const text = plainSpaces(reportMarkdown(changed));
    expect(text).toContain(
      '## Promotions\n\n- nouvelle promotion : EIG 9 (2025)\n- **promotion disparue** : EIG 4 (2020)\n',
    );
    expect(text.indexOf('## Promotions')).toBeLessThan(text.indexOf('## Chiffres des graphiques'));
  });

  it('says nothing of promotions when they stay the same', () => {
    expect(report.promotions).toEqual({ added: [], removed: [] });
    expect(reportMarkdown(report)).not.toContain('## Promotions');
  });
});
