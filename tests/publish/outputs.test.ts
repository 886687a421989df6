/**
 * The files a chart and the model are written to (CSV, JSON, aggregates, catalogue), on the small fixture
 * (tests/fixtures/small). Expected files are written out by hand from the fixture's CSV lines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import promotions from '../../src/charts/promotions.ts';
import salaires from '../../src/charts/salaires.ts';
import { defineChart, type Chart } from '../../src/charts/types.ts';
import { refOf } from '../../src/lib/figures.ts';
import type { Model } from '../../src/lib/model.ts';
import { aggregateJson, catalogue, chartCsv, chartJson } from '../../src/publish/outputs.ts';
import { publish } from '../../src/publish/publish.ts';
import { fixtureModel } from '../support/fixtures.ts';

const SITE = 'https://donnees.example/';
let model: Model;
beforeAll(async () => {
  model = await fixtureModel('small');
});

const one = (chart: Chart, m: Model = model) => publish(m, [chart]).charts[0]!;

describe('chart CSV', () => {
  it('is the chart’s rows with their publications and the lines they come from', () => {
    expect(chartCsv(one(promotions))).toBe(
      [
        'promotion,indicateur,valeur,source,lignes',
        // The original site's EIG and défis of EIG 1 and 2 equal the report's: both are cited.
        'EIG 1,EIG,4,rapport-essai ; site-origine-essai,chiffres-cles.csv:2 ; eig-forever-2019.csv:7',
        'EIG 2,EIG,6,rapport-essai ; site-origine-essai,chiffres-cles.csv:3 ; eig-forever-2019.csv:8',
        'EIG 3,EIG,10,rapport-essai,chiffres-cles.csv:4',
        'EIG 4,EIG,7,billet-suivi,chiffres-cles.csv:48',
        'EIG 1,Mentors,2,rapport-essai,chiffres-cles.csv:6',
        'EIG 2,Mentors,3,rapport-essai,chiffres-cles.csv:7',
        'EIG 3,Mentors,5,rapport-essai,chiffres-cles.csv:8',
        'EIG 4,Mentors,4,billet-suivi,chiffres-cles.csv:49',
        'EIG 1,Défis,2,rapport-essai ; site-origine-essai,chiffres-cles.csv:10 ; eig-forever-2019.csv:9',
        'EIG 2,Défis,3,rapport-essai ; site-origine-essai,chiffres-cles.csv:11 ; eig-forever-2019.csv:10',
        'EIG 3,Défis,4,rapport-essai,chiffres-cles.csv:12',
        'EIG 4,Défis,3,billet-suivi,chiffres-cles.csv:50',
        'EIG 1,Services lauréats,2,rapport-essai,chiffres-cles.csv:14',
        'EIG 2,Services lauréats,3,rapport-essai,chiffres-cles.csv:15',
        'EIG 3,Services lauréats,3,rapport-essai,chiffres-cles.csv:16',
        '',
      ].join('\n'),
    );
  });

  it('writes a computed row with all its lines, an absent value empty, and a formula as text', () => {
    const csv = chartCsv(one(salaires)).split('\n');
    // The original site's amounts and défis per funding mode are empty: the fixture has none.
    expect(csv[0]).toBe('promotion,financeur,part,montant,defis,nature,precision,source,lignes');
    expect(csv[3]).toBe(
      'EIG 1,Somme des deux parts,100,,,calculé,,billet-essai,chiffres-cles.csv:44 ; chiffres-cles.csv:45',
    );
    const formula = defineChart({
      slug: 'test-formule',
      title: 'Formule',
      theme: 'programme',
      order: 1,
      description: '',
      rows: ({ tables }) => [{ nom: '=1+1', _from: [refOf('defis', tables.defis[0]!)] }],
      columns: [{ key: 'nom', label: 'Nom', kind: 'texte' }],
      reading: () => '',
      plot: () => ({}),
    });
    // Prefixed with an apostrophe (and quoted), so that a spreadsheet shows it instead of running it.
    expect(chartCsv(one(formula))).toBe('nom,source,lignes\n"\'=1+1",site-essai,defis.csv:2\n');
  });
});

describe('chart JSON', () => {
  it('gives each row its values, its publications and the provenance of each figure', () => {
    const json = chartJson(one(salaires), model, SITE);
    expect(json).toMatchObject({
      slug: 'salaires',
      snapshotDate: '2025-03-14',
      url: 'https://donnees.example/graphiques/salaires/',
      columns: [
        { key: 'promotion', label: 'Promotion', kind: 'texte' },
        { key: 'financeur', label: 'Part des salaires', kind: 'texte' },
        { key: 'part', label: 'Pourcentage', kind: 'pourcent' },
        { key: 'montant', label: 'Euros', kind: 'euros' },
        { key: 'defis', label: 'Défis financés ainsi', kind: 'nombre' },
        { key: 'nature', label: 'Nature', kind: 'texte' },
        { key: 'precision', label: 'Précision', kind: 'texte' },
      ],
    });
    expect(json.rows).toHaveLength(7);
    expect(json.rows[2]).toEqual({
      promotion: 'EIG 1',
      financeur: 'Somme des deux parts',
      part: 100,
      montant: null,
      defis: null,
      nature: 'calculé',
      precision: null,
      sources: ['billet-essai'],
      provenance: [44, 45].map((line, i) => ({
        table: 'chiffres-cles',
        line,
        key: { promotion: 'EIG 1', indicateur: ['part_pia_dans_salaires', 'part_administrations_dans_salaires'][i] },
        source: 'billet-essai',
        file: 'chiffres-cles.csv',
        href: `https://donnees.example/tables/chiffres-cles/#L${line}`,
        resource: null,
      })),
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('names the data.gouv.fr resource of a table that was downloaded', () => {
    const resource = {
      id: 'r-1',
      title: 'Chiffres clés',
      url: 'https://static.data.gouv.fr/r-1.csv',
      latest: null,
      checksum: { type: 'sha1', value: 'abc' },
      filesize: 10,
      last_modified: '2025-01-01T00:00:00+00:00',
    };
    const manifest = structuredClone(model.manifest);
    manifest.tables['chiffres-cles'] = { ...manifest.tables['chiffres-cles'], origin: 'data.gouv.fr', resource };
    const json = chartJson(one(salaires), { ...model, manifest }, SITE);
    expect(json.rows[0]!.provenance[0]!.resource).toEqual({
      id: 'r-1',
      title: 'Chiffres clés',
      url: 'https://static.data.gouv.fr/r-1.csv',
      latest: null,
      checksum: { type: 'sha1', value: 'abc' },
      last_modified: '2025-01-01T00:00:00+00:00',
    });
  });
});

describe('aggregate JSON', () => {
  it('writes the quality report with every row reference keyed, and the publications without line numbers', () => {
    const json = JSON.parse(aggregateJson('qualite', model)) as {
      name: string;
      snapshotDate: string;
      publications: Record<string, unknown>[];
      data: { checks: { id: string; figures: { figure: { from: Record<string, unknown>[] } }[] }[] };
    };
    expect([json.name, json.snapshotDate]).toEqual(['qualite', '2025-03-14']);
    expect(json.publications.map((p) => p.id)).toEqual([
      'rapport-essai',
      'billet-essai',
      'billet-suivi',
      'doc-essai',
      'site-essai',
      'site-origine-essai',
      'site-v3-essai',
      'organismes-essai',
    ]);
    expect(json.publications.every((p) => !('_line' in p))).toBe(true);
    const total = json.data.checks.find((c) => c.id === 'total-defis-proposes')!;
    expect(total.figures[0]!.figure.from).toEqual([
      {
        table: 'chiffres-cles',
        line: 25,
        key: { promotion: 'Total', indicateur: 'defis_proposes' },
        source: 'rapport-essai',
      },
    ]);
  });
});

describe('catalogue', () => {
  it('lists every chart’s files and every aggregate file at the site’s address', () => {
    const site = publish(model);
    const json = catalogue(site, SITE);
    expect(json.snapshotDate).toBe('2025-03-14');
    expect(json.charts).toHaveLength(site.charts.length);
    expect(json.charts.find((c) => c.slug === 'promotions')).toEqual({
      slug: 'promotions',
      title: promotions.title,
      description: site.chart('promotions').description,
      page: 'https://donnees.example/graphiques/promotions/',
      embed: 'https://donnees.example/embed/promotions/',
      json: 'https://donnees.example/api/promotions.json',
      csv: 'https://donnees.example/data/promotions.csv',
      spreadsheetCsv: 'https://donnees.example/data/tableur/promotions.csv',
      svg: 'https://donnees.example/images/promotions.svg',
      png: 'https://donnees.example/images/promotions.png',
    });
    expect(json.aggregates.map((a) => a.json)).toEqual(
      ['programme', 'profils', 'budget', 'enquetes', 'defis', 'origine', 'suivi', 'qualite'].map(
        (name) => `https://donnees.example/api/agregats/${name}.json`,
      ),
    );
    expect(json.manifest).toBe('https://donnees.example/manifest.json');
  });
});
