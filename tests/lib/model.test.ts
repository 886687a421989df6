/**
 * The pure core on the small fixture (tests/fixtures/small): aggregates, then the quality checks that consume them.
 * Every expected value is worked out by hand from the fixture's CSV files, in the comments next to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import promotionsChart from '../../src/charts/promotions.ts';
import type { Model } from '../../src/lib/model.ts';
import type { Severity } from '../../src/lib/quality/quality-check.ts';
import { ORIGINAL } from '../../src/lib/aggregates/original-site.ts';
import { plainSpaces } from '../support/dist.ts';
import { fixtureModel, lockedCopy, modelOf, removeCopy } from '../support/fixtures.ts';

let model: Model;
beforeAll(async () => {
  model = await fixtureModel('small');
});

const check = (m: Model, id: string) => {
  const found = m.quality.checks.find((c) => c.id === id);
  if (!found) throw new Error(`vérification absente : ${id}`);
  return found;
};
const values = (m: Model, id: string) => check(m, id).figures.map((f) => f.figure.value);

describe('the model of a snapshot', () => {
  it('names every promotion of the data, in programme order, with its most frequent year', () => {
    // budget.csv and defis.csv give the years; DIG (2019) is ranked after the EIG promotions, « Total » is left out.
    expect(model.promotions).toEqual([
      { name: 'EIG 1', year: 2017 },
      { name: 'EIG 2', year: 2018 },
      { name: 'EIG 3', year: 2019 },
      { name: 'EIG 4', year: 2020 },
      // Named only by the 2017–2023 tables, which give no year.
      { name: 'EIG 5', year: null },
      { name: 'EIG 6', year: null },
      { name: 'EIG 7', year: null },
      { name: 'DIG', year: 2019 },
    ]);
    expect(model.snapshotDate).toBe('2025-03-14');
  });

  it('cites a row with its key, its line and its publication', () => {
    // chiffres-cles.csv, line 25: « Total,defis_proposes,23,defis,rapport-essai ».
    expect(model.cite({ table: 'chiffres-cles', line: 25, source: 'rapport-essai' })).toEqual({
      table: 'chiffres-cles',
      line: 25,
      key: { promotion: 'Total', indicateur: 'defis_proposes' },
      source: 'rapport-essai',
    });
    // defis.csv, line 5: « "Œuvres, inventaire",EIG 2,… » (a quoted name with a comma).
    expect(model.cite({ table: 'defis', line: 5, source: 'site-essai' }).key).toEqual({
      defi: 'Œuvres, inventaire',
      promotion: 'EIG 2',
    });
  });

  it('refers to rows by plain data: their table, their line and the publication they cite', () => {
    const total = model.aggregates.programme.data.totals.find((t) => t.indicator === 'defis_proposes')!;
    // chiffres-cles.csv, lines 22 to 24: the défis proposed of EIG 1 to EIG 3, from the 2019 report.
    expect(total.computed.from).toEqual(
      [22, 23, 24].map((line) => ({ table: 'chiffres-cles', line, source: 'rapport-essai' })),
    );
    // Not the rows themselves: a row is data read from a file, a reference says where it is.
    const rows: readonly object[] = model.tables['chiffres-cles'];
    expect(total.computed.from.some((ref) => rows.includes(ref))).toBe(false);
    expect(rows.some((row) => 'table' in row || '_table' in row)).toBe(false);
  });
});

describe('the headline of the home page', () => {
  it('counts the défis of the current website, the EIG published, the spending and the disagreements', () => {
    const { firstYear, defis, defisPromotions, eig, spending, disagreements } = model.headline;
    expect(firstYear).toBe(2017);
    // defis-2017-2023.csv: Alpha (EIG 1), Bêta (EIG 2), Gamma (DIG), Delta (EIG 5), Epsilon (EIG 7).
    expect(defis.value).toBe(5);
    expect(defis.from.map((r) => r.line)).toEqual([2, 3, 5, 6, 4]);
    expect(defisPromotions).toEqual({ eig: ['EIG 1', 'EIG 2', 'EIG 5', 'EIG 7'], others: ['DIG'] });
    // chiffres-cles.csv: 4, 6 and 10 EIG (the report), 7 (the follow-up post); not the printed total of 20.
    expect(eig?.figure.value).toBe(27);
    expect(eig?.promotions).toEqual(['EIG 1', 'EIG 2', 'EIG 3', 'EIG 4']);
    // budget.csv: the Total row of budget_total, as printed.
    expect(spending?.value).toBe(3215000.7);
    // budget.csv: spending lines for EIG 1 to EIG 3, those of EIG 3 forecast (« previsionnel »).
    expect(model.headline.spendingPromotions).toEqual({ all: ['EIG 1', 'EIG 2', 'EIG 3'], forecast: ['EIG 3'] });
    // The 10 inconsistencies and 9 gaps between sources counted below.
    expect(disagreements).toBe(19);
  });
});

describe('sums the charts read from the model', () => {
  it('adds up the teams of the 2022 list’s défis, mentors too when every défi gives them', () => {
    // defis.csv: mentors 1 + 1 (EIG 1), 1 + 1 + 1 (EIG 2), 2 + 2 + 1 (EIG 3), 2 + 1 + 1 (EIG 4), 1 (DIG).
    expect(model.aggregates.defis.data.teamSizes.map((t) => [t.promotion, t.mentors?.value])).toEqual([
      ['EIG 1', 2],
      ['EIG 2', 3],
      ['EIG 3', 5],
      ['EIG 4', 4],
      ['DIG', 1],
    ]);
  });

  it('adds up an indicator of the original site over its years', () => {
    // eig-forever-2019.csv, line 19: 9 articles on the EIG blog in 2017, the only year the fixture gives.
    const sum = model.aggregates.origine.data.figures.sum(ORIGINAL.eigBlog);
    expect([sum?.value, sum?.from.map((r) => r.line)]).toEqual([9, [19]]);
    expect(model.aggregates.origine.data.figures.sum('aucun indicateur')).toBeNull();
  });

  it('keeps with each profile the promotion’s EIG counted by profile', () => {
    // chiffres-cles.csv, lines 51 to 56: 3 + 2 + 3 EIG in EIG 4, 4 + 4 + 2 in EIG 3 (the post's counts).
    const counted = (promotion: string) =>
      model.aggregates.profils.data.composition.find((c) => c.promotion === promotion)?.counted?.value;
    expect([counted('EIG 3'), counted('EIG 4')]).toEqual([10, 8]);
  });
});

describe('who paid the salaries', () => {
  it('sums each promotion’s published shares, and names the promotions in between without any', () => {
    const funding = model.aggregates.budget.data.salaryFunding;
    // chiffres-cles.csv, lines 44 to 47: the post's shares of EIG 1 (80 and 20 %) and EIG 3 (60 and 35 %).
    expect(funding.published.map((p) => [p.promotion, p.shares.map((s) => s.figure.value), p.sum?.value])).toEqual([
      ['EIG 1', [80, 20], 100],
      ['EIG 3', [60, 35], 95],
    ]);
    expect(funding.published[1]!.sum?.from.map((r) => r.line)).toEqual([46, 47]);
    expect(funding.unpublished).toEqual(['EIG 2']);
    // Line 74: the administrations' minimum of EIG 3; line 71: the average cost of an EIG of EIG 4.
    expect(funding.rules.map((r) => [r.promotion, r.figure.value, r.figure.from[0]!.line])).toEqual([
      ['EIG 3', 25, 74],
    ]);
    expect([funding.averageCost?.promotion, funding.averageCost?.figure.value]).toEqual(['EIG 4', 65000]);
    // The fixture's original site gives amounts of salaries, not their shares: no split of its own.
    expect(funding.original).toEqual([]);
  });
});

describe('aggregates', () => {
  it('sum each printed total’s rows from the same publication only', () => {
    const totals = model.aggregates.programme.data.totals;
    const total = (indicator: string) => totals.find((t) => t.indicator === indicator)!;
    // EIG: 4 + 6 + 10 = 20, as printed; EIG 4 (7) comes from billet-suivi, not from the report that printed it.
    expect(total('eig')).toMatchObject({ promotions: ['EIG 1', 'EIG 2', 'EIG 3'], difference: 0 });
    expect([total('eig').printed.value, total('eig').computed.value]).toEqual([20, 20]);
    // Défis proposés: 5 + 8 + 12 = 25, printed 23.
    expect([total('defis_proposes').printed.value, total('defis_proposes').computed.value]).toEqual([23, 25]);
    expect(total('defis_proposes').difference).toBe(2);
    expect(total('defis_proposes').computed.from.map((r) => r.line)).toEqual([22, 23, 24]);
    expect(totals.map((t) => t.indicator)).toEqual([
      'eig',
      'mentors',
      'defis',
      'services_laureats',
      'candidats_eig',
      'defis_proposes',
    ]);
  });

  it('give each promotion the figures published for it, and none where none was', () => {
    const promotions = model.aggregates.programme.data.promotions;
    const value = (promotion: string, indicator: string) =>
      promotions.find((p) => p.promotion === promotion && p.indicator === indicator)?.figure.value;
    expect([1, 2, 3, 4].map((n) => value(`EIG ${n}`, 'eig'))).toEqual([4, 6, 10, 7]);
    expect([1, 2, 3, 4].map((n) => value(`EIG ${n}`, 'services_laureats'))).toEqual([2, 3, 3, undefined]);
  });

  it('check the budget’s printed totals: to the cent, rounded, or wrong', () => {
    const totals = model.aggregates.budget.data.totals;
    const line = (name: string) => totals.find((t) => t.indicator === name)!;
    // Salaries: 500 000,40 + 1 000 000,30 + 1 500 000 = 3 000 000,70, printed 3 000 001.
    expect([line('salaires').printed.value, line('salaires').computed.value]).toEqual([3000001, 3000000.7]);
    expect(line('salaires').difference).toBe(-0.3);
    // Support programme: 10 000 + 40 000 + 90 000 = 140 000, printed 150 000.
    expect(line('programme_accompagnement').difference).toBe(-10000);
    // Total spending: 515 000,40 + 1 060 000,30 + 1 640 000 = 3 215 000,70, as printed.
    expect(line('budget_total').computed.value).toBe(3215000.7);
    expect(line('budget_total').difference).toBe(0);
    // EIG 3: 1 500 000 + 90 000 + 30 000 + 15 000 = 1 635 000 for a printed 1 640 000.
    expect(
      model.aggregates.budget.data.promotionTotals.map((c) => [c.promotion, c.printed.value, c.computed.value]),
    ).toEqual([
      ['EIG 1', 515000.4, 515000.4],
      ['EIG 2', 1060000.3, 1060000.3],
      ['EIG 3', 1640000, 1635000],
    ]);
    expect(model.aggregates.budget.data.grandTotals.envelope?.value).toBe(4000000);
  });

  it('compose each promotion by profile from printed shares, or from counts when only counts were published', () => {
    const composition = model.aggregates.profils.data.composition.map((c) => [
      c.promotion,
      c.profile,
      c.share?.value ?? null,
      c.share?.computed ?? null,
      c.count?.value ?? null,
    ]);
    expect(composition).toEqual([
      ['EIG 1', 'developpement', 50, false, null],
      ['EIG 1', 'data science', 50, false, null],
      ['EIG 1', 'design', 0, false, null],
      ['EIG 2', 'developpement', 50, false, null],
      ['EIG 2', 'data science', 30, false, null],
      ['EIG 2', 'design', 15, false, null],
      // EIG 3: shares printed (40, 40, 21) and counts published (4, 4, 2): the printed share is kept.
      ['EIG 3', 'developpement', 40, false, 4],
      ['EIG 3', 'data science', 40, false, 4],
      ['EIG 3', 'design', 21, false, 2],
      // EIG 4: counts only (3, 2, 3 of 8): shares computed, 37,5 %, 25 %, 37,5 %.
      ['EIG 4', 'developpement', 37.5, true, 3],
      ['EIG 4', 'data science', 25, true, 2],
      ['EIG 4', 'design', 37.5, true, 3],
    ]);
  });

  it('count the défis by promotion, administration (spellings merged), skill and town, and add up team sizes', () => {
    const { byPromotion, byAdministration, bySkill, byTown, teamSizes } = model.aggregates.defis.data;
    const counts = (list: { label: string; figure: { value: number } }[]) => list.map((c) => [c.label, c.figure.value]);
    expect(counts(byPromotion)).toEqual([
      ['EIG 1', 2],
      ['EIG 2', 3],
      ['EIG 3', 3],
      ['EIG 4', 3],
      ['DIG', 1],
    ]);
    // « Ministère de l’Essai » (3 défis) and « Ministère de l'essai » (1) are one administration.
    expect(byAdministration[0]).toMatchObject({ label: 'Ministère de l’Essai', figure: { value: 4 } });
    expect(byAdministration[1]).toMatchObject({ label: 'Agence des Essais', figure: { value: 2 } });
    expect(byAdministration).toHaveLength(8);
    expect(counts(bySkill)).toEqual([
      ['Développement', 7],
      ['Data science', 6],
      ['Design', 4],
      ['Géomatique', 2],
      ['Data engineering', 1],
    ]);
    expect(counts(byTown)).toEqual([
      ['Brest', 1],
      ['Lyon', 1],
      ['Paris', 1],
    ]);
    // EIG 1: 2 + 1; EIG 2: 2 + 2 + 2; EIG 3: 4 + 3 + 3; EIG 4: 3 + 2 + 2; DIG: 1.
    expect(teamSizes.map((t) => [t.promotion, t.figure.value])).toEqual([
      ['EIG 1', 3],
      ['EIG 2', 6],
      ['EIG 3', 10],
      ['EIG 4', 7],
      ['DIG', 1],
    ]);
  });

  it('add up the categories of the follow-up indicators that split the projects', () => {
    expect(model.aggregates.suivi.data.partitions.map((p) => [p.date, p.indicator, p.total.value])).toEqual([
      ['2019-11', 'etat', 4],
      ['2021-03', 'etat', 4],
      ['2019-11', 'portage', 3],
      ['2021-03', 'portage', 4],
      ['2021-03', 'maintenance', 4],
    ]);
  });
});

describe('quality checks', () => {
  it('finds every inconsistency the fixture was written with, and nothing else', () => {
    const problems = Object.fromEntries(
      model.quality.checks.filter((c) => c.severity !== 'conforme').map((c) => [c.id, c.severity]),
    );
    expect(problems).toEqual({
      // Printed totals that are not the sum of their rows.
      'total-defis-proposes': 'incoherence', // 23 printed, 5 + 8 + 12 = 25
      'total-budget-programme-accompagnement': 'incoherence', // 150 000 printed, 140 000 summed
      'budget-total-eig-3': 'incoherence', // 1 640 000 printed, 1 635 000 summed
      'total-budget-salaires': 'arrondi', // 3 000 001 printed, 3 000 000,70 summed
      // Two sources disagreeing.
      'defis-deposes-billet-rapport': 'incoherence', // billet 25, report's printed total 23
      'candidatures-billet-rapport': 'approximation', // billet « environ 200 », report 40 + 60 + 90 = 190
      'postes-eig-billet-rapport': 'ecart', // billet 21, report 4 + 6 + 10 = 20
      'eig-alumni-billet-rapport': 'ecart', // billet 11, report EIG 1 + EIG 2 = 10
      'communaute-eig-eig-2': 'ecart', // site 3 + 2 = 5, report 6
      'communaute-eig-eig-4': 'ecart', // site 1 + 3 + 2 + 3 = 9, billet 7
      'communaute-mentors-eig-2': 'ecart', // site 4, report 3
      'defis-liste-eig-3': 'ecart', // site lists 3, report 4
      'taille-equipes-eig-1': 'ecart', // teams 2 + 1 = 3, report 4
      'structures-accueil': 'ecart',
      // Shares that do not add up to 100 %.
      'profils-somme-parts-eig-2': 'incoherence', // 50 + 30 + 15 = 95
      'profils-somme-parts-eig-3': 'arrondi', // 40 + 40 + 21 = 101
      'salaires-parts-eig-3': 'incoherence', // 60 + 35 = 95
      // Counts against shares and totals.
      'profils-somme-effectifs-eig-4': 'incoherence', // 3 + 2 + 3 = 8, billet 7
      'profils-part-effectif-eig-3-design': 'incoherence', // 21 % printed, 2 of 10 = 20 %
      // A percentage against the counts it was published with: « 1 mentor sur 4 » is 25 %, printed 30 %.
      'enquete-ratio-promo-3-mentors-programme-au-dela-attentes': 'incoherence',
      // Portage, November 2019: 2 + 1 = 3 projects, 1 + 3 = 4 by state.
      'suivi-somme-eig-3-2019-11-portage': 'incoherence',
      // Malformed values.
      'lien-eig-1-tri-du-courrier': 'format',
      'orthographe-ministere-de-l-essai': 'format',
      'pourcentages-bornes': 'approximation', // 3 survey results « plus de » or « près de »
      // The original site's programme cost of EIG 1 against the report's spending: 500 000 € against 515 000,40 €.
      'origine-cout-total-eig-1': 'ecart',
    });
  });

  it('counts the checks by severity, problems first, each with a unique id', () => {
    expect(model.quality.counts).toEqual({
      incoherence: 10,
      ecart: 9,
      approximation: 2,
      arrondi: 2,
      format: 2,
      // 34, and 16 of the original site's that agree with the fixture's report, post, map and own counts: 2 shares
      // against their counts, laureates against EIG, EIG and défis of EIG 1 and 2, applications, designers' share,
      // envelope of EIG 1 and 2, salaries, EIG Link, the blog's articles, the map's défis of 2017 and 2018; and every
      // host administration's name mapped to a body.
      conforme: 51,
    } satisfies Record<Severity, number>);
    const order: Severity[] = ['incoherence', 'ecart', 'approximation', 'arrondi', 'format', 'conforme'];
    const ranks = model.quality.checks.map((c) => order.indexOf(c.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(model.quality.checks.map((c) => c.id)).size).toBe(model.quality.checks.length);
  });

  it('says what was compared, with both figures and the rows they come from', () => {
    const total = check(model, 'total-defis-proposes');
    expect(plainSpaces(total.title)).toBe(
      'Défis proposés par les administrations : le total publié est 23, mais la somme des promotions EIG 1, EIG 2 et EIG 3 donne 25.',
    );
    expect(total.figures.map((f) => [f.label, f.figure.value, f.figure.from.map((r) => r.line)])).toEqual([
      ['Total publié', 23, [25]],
      ['Somme des promotions EIG 1, EIG 2 et EIG 3', 25, [22, 23, 24]],
    ]);

    const posts = check(model, 'postes-eig-billet-rapport');
    expect(plainSpaces(posts.title)).toBe(
      'Postes d’EIG des promotions 1 à 3 : 21 selon le billet d’essai, 20 selon la somme des EIG des promotions 1 à 3 du rapport d’essai.',
    );

    const shares = check(model, 'profils-somme-parts-eig-2');
    expect(plainSpaces(shares.title)).toBe(
      'Profils de la promotion EIG 2 : les parts publiées (développement 50 %, data science 30 %, design 15 %) font 95 %.',
    );
    expect(values(model, 'profils-somme-parts-eig-2')).toEqual([50, 30, 15, 95]);

    expect(plainSpaces(check(model, 'total-budget-salaires').title)).toBe(
      'Budget, salaires des EIG : le total publié (3 000 001 €) est la somme des promotions EIG 1, EIG 2 et EIG 3 (3 000 000,70 €), arrondie.',
    );
    expect(values(model, 'structures-accueil')).toEqual([5, 7, 5]);
    expect(values(model, 'salaires-parts-eig-3')).toEqual([60, 35, 95]);
  });

  it('names a figure’s publication by its designation from publications.csv', () => {
    const site = check(model, 'communaute-eig-eig-2');
    expect(plainSpaces(site.title)).toBe(
      'Nombre d’EIG, EIG 2 : 5 selon la liste de la communauté du site du programme, 6 selon le rapport d’essai.',
    );
  });
});

describe('a promotion that only the data knows (EIG 9)', () => {
  let dir: string;
  let withNine: Model;
  beforeAll(async () => {
    dir = await lockedCopy('small', {
      'chiffres-cles': (text) => text + 'EIG 9,eig,5,personnes,billet-suivi\nEIG 9,defis,2,defis,billet-suivi\n',
      defis: (text) => text + 'Projet neuf,EIG 9,2025,Ministère de l’Essai,,,dev,3,1,10,,site-essai\n',
    });
    withNine = await modelOf(dir);
  });
  afterAll(async () => {
    await removeCopy(dir);
  });

  it('is listed with its year, after EIG 4 and before DIG', () => {
    expect(withNine.promotions.map((p) => `${p.name} (${p.year})`)).toEqual([
      'EIG 1 (2017)',
      'EIG 2 (2018)',
      'EIG 3 (2019)',
      'EIG 4 (2020)',
      'EIG 5 (null)',
      'EIG 6 (null)',
      'EIG 7 (null)',
      'EIG 9 (2025)',
      'DIG (2019)',
    ]);
  });

  it('is shown by the charts and checked by the quality report, without a change to the code', () => {
    const rows = promotionsChart.rows(withNine).filter((r) => r.promotion === 'EIG 9');
    expect(rows.map((r) => [r.indicateur, r.valeur])).toEqual([
      ['EIG', 5],
      ['Défis', 2],
    ]);
    expect(promotionsChart.reading(promotionsChart.rows(withNine), withNine)).toBe(
      'La promotion EIG 1 comptait 4 EIG ; la promotion EIG 9 en compte 5.',
    );
    // One défi listed for 2 published, a team of 3 for 5 EIG published.
    expect(values(withNine, 'defis-liste-eig-9')).toEqual([1, 2]);
    expect(values(withNine, 'taille-equipes-eig-9')).toEqual([3, 5]);
    expect(check(withNine, 'taille-equipes-eig-9').severity).toBe('ecart');
    // Printed by the report for promotions 1 to 3, the total of EIG still adds up those three.
    expect(check(withNine, 'total-eig').figures[1]!.figure.value).toBe(20);
  });
});
