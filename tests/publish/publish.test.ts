/**
 * publish() on the small fixture (tests/fixtures/small): each chart once, with its rows, reading, notes, sources,
 * related quality checks and addresses. Expected values are worked out by hand from the fixture's CSV files; line
 * numbers are those of tests/fixtures/small/snapshot/chiffres-cles.csv (the header is line 1).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import candidatures from '../../src/charts/candidatures.ts';
import { charts } from '../../src/charts/registry.ts';
import promotions from '../../src/charts/promotions.ts';
import salaires from '../../src/charts/salaires.ts';
import { THEMES } from '../../src/charts/types.ts';
import type { Model } from '../../src/lib/model.ts';
import { publish, type Published, type PublishedChart } from '../../src/publish/publish.ts';
import { drawChart } from '../../src/site/render-chart.ts';
import { plainSpaces } from '../support/dist.ts';
import { fixtureModel } from '../support/fixtures.ts';

let model: Model;
let site: Published;
beforeAll(async () => {
  model = await fixtureModel('small');
  site = publish(model);
});

const lines = (chart: PublishedChart) => chart.rows.map((r) => r._from.map((ref) => ref.line));
const tail = 'Données EIG, reconstruction de data.eig-forever.org.';

describe('every chart of the registry', () => {
  it('publishes from the fixture, once each, with rows, a reading, its sources and its addresses', () => {
    expect(site.charts.map((c) => c.slug)).toEqual(charts.map((c) => c.slug));
    for (const chart of site.charts) {
      expect(chart.rows.length, chart.slug).toBeGreaterThan(0);
      expect(chart.reading, chart.slug).toMatch(/\.$/u);
      expect(chart.sources.length, chart.slug).toBeGreaterThan(0);
      // Every row cites fixture rows, and every cited publication is one of the fixture's.
      for (const row of chart.rows) expect(row._from.length, chart.slug).toBeGreaterThan(0);
      expect(
        chart.sources.every((p) => p.titre.endsWith('(fixture de test)')),
        chart.slug,
      ).toBe(true);
      expect(chart.addresses.page).toBe(`/graphiques/${chart.slug}/`);
    }
  });

  it('relates to a chart exactly the problems found on the rows it shows', () => {
    for (const chart of site.charts) {
      const shown = new Set(chart.rows.flatMap((r) => r._from.map((ref) => `${ref.table}:${ref.line}`)));
      const related = model.quality.checks.filter(
        (c) =>
          c.severity !== 'conforme' &&
          c.figures.some((f) => f.figure.from.some((ref) => shown.has(`${ref.table}:${ref.line}`))),
      );
      expect(
        chart.quality.map((c) => c.id),
        chart.slug,
      ).toEqual(related.map((c) => c.id));
    }
  });

  it('groups the charts by theme in menu order, and finds each by its slug or its old anchor', () => {
    const order = Object.keys(THEMES);
    const themes = site.themes.map((t) => t.theme);
    expect(themes).toEqual([...themes].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(site.themes.flatMap((t) => t.charts)).toHaveLength(site.charts.length);
    expect(site.chart('salaires').title).toBe(salaires.title);
    expect(() => site.chart('inconnu')).toThrow('Graphique inconnu : « inconnu »');
    expect(site.legacy.find((l) => l.anchor === 'promo')?.chart.slug).toBe('promotions');
  });
});

describe('the promotions chart', () => {
  let chart: PublishedChart;
  beforeAll(() => {
    chart = publish(model, [promotions]).charts[0]!;
  });

  it('shows the EIG, mentors, défis and host services of each promotion, and no host services for EIG 4', () => {
    expect(chart.rows.map((r) => [r.promotion, r.indicateur, r.valeur])).toEqual([
      ['EIG 1', 'EIG', 4],
      ['EIG 2', 'EIG', 6],
      ['EIG 3', 'EIG', 10],
      ['EIG 4', 'EIG', 7],
      ['EIG 1', 'Mentors', 2],
      ['EIG 2', 'Mentors', 3],
      ['EIG 3', 'Mentors', 5],
      ['EIG 4', 'Mentors', 4],
      ['EIG 1', 'Défis', 2],
      ['EIG 2', 'Défis', 3],
      ['EIG 3', 'Défis', 4],
      ['EIG 4', 'Défis', 3],
      ['EIG 1', 'Services lauréats', 2],
      ['EIG 2', 'Services lauréats', 3],
      ['EIG 3', 'Services lauréats', 3],
    ]);
    // The original site's EIG and défis of EIG 1 and 2 (eig-forever-2019.csv, lines 7 to 10) equal the report's:
    // those rows cite both.
    expect(lines(chart)).toEqual([
      [2, 7],
      [3, 8],
      [4],
      [48],
      [6],
      [7],
      [8],
      [49],
      [10, 9],
      [11, 10],
      [12],
      [50],
      [14],
      [15],
      [16],
    ]);
  });

  it('reads, cites and links as published', () => {
    expect(chart.reading).toBe('La promotion EIG 1 comptait 4 EIG ; la promotion EIG 4 en compte 7.');
    expect(chart.notes).toHaveLength(1);
    expect(chart.sources.map((p) => p.id)).toEqual(['rapport-essai', 'site-origine-essai', 'billet-suivi']);
    expect(chart.sourceLine).toBe(
      `Sources : rapport d’essai (fixture, 2019) ; site d’origine d’essai (2019) ; billet de suivi (avril 2021). Instantané du 14 mars 2025. ${tail}`,
    );
    expect(chart.addresses).toEqual({
      page: '/graphiques/promotions/',
      embed: '/embed/promotions/',
      csv: '/data/promotions.csv',
      spreadsheetCsv: '/data/tableur/promotions.csv',
      json: '/api/promotions.json',
      svg: '/images/promotions.svg',
      svgDark: '/images/sombre/promotions.svg',
      png: '/images/promotions.png',
    });
    // The frame holds the widest drawing (its SVG's own height attribute), plus 170 px for the title, legend and
    // source line.
    const drawings = drawChart(chart);
    const widest = drawings.variants.at(-1)!.svg;
    expect(drawings.embedHeight).toBe(Number(/<svg[^>]* height="(\d+(\.\d+)?)"/u.exec(widest)![1]) + 170);
    expect(drawings.embedHeight).toBeGreaterThan(400);
  });

  it('carries the problems found on its figures, and only those', () => {
    // The eig, mentors and défis rows shown are compared with the billet, the site's lists and the team sizes.
    expect(chart.quality.map((c) => c.id)).toEqual([
      'profils-somme-effectifs-eig-4', // EIG 4: 7 published, 3 + 2 + 3 by profile
      'postes-eig-billet-rapport',
      'eig-alumni-billet-rapport',
      'communaute-eig-eig-2',
      'communaute-eig-eig-4',
      'communaute-mentors-eig-2',
      'defis-liste-eig-3',
      'taille-equipes-eig-1',
    ]);
  });
});

describe('the salaries chart', () => {
  let chart: PublishedChart;
  beforeAll(() => {
    chart = publish(model, [salaires]).charts[0]!;
  });

  it('shows both published shares, their sum, and the co-financing rule', () => {
    expect(chart.rows.map((r) => [r.promotion, r.financeur, r.part, r.nature, r.precision])).toEqual([
      ['EIG 1', 'PIA', 80, 'publié', null],
      ['EIG 1', 'Administrations', 20, 'publié', null],
      ['EIG 1', 'Somme des deux parts', 100, 'calculé', null],
      ['EIG 3', 'PIA', 60, 'publié', null],
      ['EIG 3', 'Administrations', 35, 'publié', null],
      ['EIG 3', 'Somme des deux parts', 95, 'calculé', null],
      ['EIG 3', 'Cofinancement minimum des administrations', 25, 'règle du programme', 'du coût total employeur'],
    ]);
    expect(lines(chart)).toEqual([[44], [45], [44, 45], [46], [47], [46, 47], [74]]);
  });

  it('says which sum is not 100 % and which promotion has no published split', () => {
    expect(chart.reading).toBe(
      'La part des salaires des EIG payée par le PIA passe de 80 % (EIG 1) à 60 % (EIG 3) ; celle des administrations de 20 % à 35 %.'.replace(
        / %/gu,
        '\u00a0%',
      ),
    );
    const notes = chart.notes.map(plainSpaces);
    expect(notes[0]).toMatch(
      /^EIG 3 : les deux parts publiées \(PIA 60 %, administrations 35 %\) font 95 %, pas 100 % ;/u,
    );
    expect(notes[1]).toBe('La répartition n’a pas été publiée pour EIG 2 : elle n’est pas estimée ici.');
    expect(notes.at(-1)).toBe(
      'Pour situer les montants : la même documentation estime le coût employeur moyen d’un EIG de la promotion 4 à 65 000 € (brut, charges comprises).',
    );
    expect(chart.sources.map((p) => p.id)).toEqual(['billet-essai', 'doc-essai']);
    expect(chart.quality.map((c) => c.id)).toEqual(['salaires-parts-eig-3']);
    // Two promotions with a published split (EIG 1 and 3), each a heading, a bar and a line of labels of 22 px;
    // 34 px of axis and 8 more for its title (a 38 px bottom margin, not 30); 170 px around.
    const drawn = drawChart(chart);
    expect(drawn.variants.map((d) => d.svg.match(/^<svg[^>]*\bheight="(\d+)"/u)?.[1])).toContain(
      String(2 * 3 * 22 + 42),
    );
    expect(drawn.embedHeight).toBe(2 * 3 * 22 + 42 + 170);
  });
});

describe('the applications chart', () => {
  let chart: PublishedChart;
  beforeAll(() => {
    chart = publish(model, [candidatures]).charts[0]!;
  });

  it('shows each promotion, the printed total, the sum and the billet’s own figure', () => {
    expect(chart.rows.map((r) => [r.groupe, r.mesure, r.valeur, r.nature, plainSpaces(String(r.texte))])).toEqual([
      ['EIG 1', 'par promotion', 40, 'publié', '40'],
      ['EIG 2', 'par promotion', 60, 'publié', '60'],
      ['EIG 3', 'par promotion', 90, 'publié', '90'],
      ['Total', 'total publié', 190, 'publié', '190'],
      ['Total', 'somme des promotions', 190, 'calculé', '190'],
      ['Total', 'billet de mai 2019', 200, 'publié', 'environ 200'],
      ['EIG 1', 'par promotion', 5, 'publié', '5'],
      ['EIG 2', 'par promotion', 8, 'publié', '8'],
      ['EIG 3', 'par promotion', 12, 'publié', '12'],
      ['Total', 'total publié', 23, 'publié', '23'],
      ['Total', 'somme des promotions', 25, 'calculé', '25'],
      ['Total', 'billet de mai 2019', 25, 'publié', '25'],
    ]);
    expect(lines(chart)).toEqual([
      [18],
      [19],
      [20],
      [21],
      [18, 19, 20],
      [61],
      [22],
      [23],
      [24],
      [25],
      [22, 23, 24],
      [63],
    ]);
  });

  it('reads the gap between the printed total and the sum, and relates the three checks on them', () => {
    expect(chart.reading).toBe(
      'Les promotions 1 à 3 ont reçu 190 candidatures d’EIG ; les administrations ont proposé 25 défis selon la somme des promotions, mais le total imprimé du rapport en annonce 23.',
    );
    expect(chart.notes[0]).toMatch(
      /imprime un total de 23, alors que ses lignes, une par promotion, s’additionnent à 25 ;/u,
    );
    expect(chart.quality.map((c) => [c.id, c.severity])).toEqual([
      ['total-defis-proposes', 'incoherence'],
      ['defis-deposes-billet-rapport', 'incoherence'],
      ['candidatures-billet-rapport', 'approximation'],
    ]);
    expect(chart.sources.map((p) => p.id)).toEqual(['rapport-essai', 'billet-essai']);
  });
});
