/**
 * The figures the charts show, computed in the model (src/lib/aggregates/: body-promotions, careers, place-counts,
 * map-hosts, people, profiles, community-categories, category-promotions, current-defis,
 * source-comparisons, follow-up, salaries, programme) on the small fixture (tests/fixtures/small), and the original site's
 * salary split on a few rows written here (the fixture has none). Every expected value is worked out by hand from
 * the CSV cells, in the comments next to it; line numbers count the header as line 1.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hostCounts } from '../../src/lib/aggregates/body-promotions.ts';
import { byPromotionCategoryAndSource } from '../../src/lib/aggregates/community-categories.ts';
import type { CurrentDefi } from '../../src/lib/aggregates/current-defis.ts';
import type { Body } from '../../src/lib/aggregates/host-bodies.ts';
import { indexKeyFigures } from '../../src/lib/aggregates/key-figures.ts';
import { ORIGINAL, originalFigures } from '../../src/lib/aggregates/original-site.ts';
import type { PeopleFigure } from '../../src/lib/aggregates/people.ts';
import type { CommunityFigure } from '../../src/lib/aggregates/profiles.ts';
import { salaryFunding } from '../../src/lib/aggregates/salaries.ts';
import type { Figure } from '../../src/lib/figures.ts';
import { gazetteerOf } from '../../src/lib/geo/places.ts';
import { buildModel, type Model } from '../../src/lib/model.ts';
import type { Row } from '../../src/lib/tables.ts';
import { loadFixture } from '../support/fixtures.ts';

let model: Model;
beforeAll(async () => {
  // The défis' towns of defis-2017-2023.csv, placed with a gazetteer written here (no GeoNames in unit tests).
  const gazetteer = gazetteerOf([
    { name: 'Paris', departement: '75', lat: 48.8534, lon: 2.3488 },
    { name: 'Saint-Denis', departement: '93', lat: 48.9362, lon: 2.3574 },
    { name: 'Brest', departement: '29', lat: 48.3903, lon: -4.4863 },
    { name: 'Lyon', departement: '69', lat: 45.7485, lon: 4.8467 },
  ]);
  model = buildModel({ ...(await loadFixture('small')).snapshot, gazetteer });
});

const value = (figure: Figure | null | undefined) => figure?.value ?? null;
const lines = (figure: Figure) => figure.from.map((ref) => `${ref.table}:${ref.line}`);

describe('host bodies per promotion (administrations)', () => {
  it('counts each body’s défis per promotion, with the défis’ rows and the table organismes’ rows', () => {
    const { byBodyAndPromotion } = model.aggregates.defis.data.current;
    // organismes.csv maps « Ministère du Travail » (défi Alpha, EIG 1, line 2) and « ministère du travail » (Bêta,
    // EIG 2, line 3) to one body, the largest (2 défis), then the bodies of one défi in French order of their
    // labels: Agence d’essai (AE) (Epsilon, EIG 7), Bibliothèque nationale de France (BnF) (Gamma, DIG),
    // Ministère de la Mer (Delta, EIG 5).
    expect(byBodyAndPromotion.map((c) => [c.promotion, c.figure.value])).toEqual([
      ['EIG 1', 1],
      ['EIG 2', 1],
      ['EIG 7', 1],
      ['DIG', 1],
      ['EIG 5', 1],
    ]);
    // Défi Alpha (defis-2017-2023 line 2), and the two rows of organismes.csv that name the ministry (lines 2, 3).
    expect(lines(byBodyAndPromotion[0]!.figure)).toEqual(['defis-2017-2023:2', 'organismes:2', 'organismes:3']);
  });

  it('counts the défis, bodies, names and bodies written several ways', () => {
    const { all, reportPromotions, ofReportPromotions } = model.aggregates.defis.data.current.hosts;
    // Five défis, four bodies (the ministry of labour written twice), one of them hosting two défis; five names
    // as written (two spellings of the ministry); no défi under two bodies, no name apart.
    expect(value(all.defis)).toBe(5);
    expect(value(all.bodies)).toBe(4);
    expect(value(all.several)).toBe(1);
    expect(value(all.names)).toBe(5);
    expect(value(all.writtenSeveralWays)).toBe(1);
    expect(value(all.shared)).toBe(0);
    expect(all.apart.map((a) => [a.status, a.figure.value])).toEqual([
      ['ambigu', 0],
      ['sans-correspondance', 0],
    ]);
    // chiffres-cles.csv: the total of EIG (line 5, rapport-essai) covers EIG 1–3 (lines 2–4, same source); of their
    // défis, Alpha (EIG 1) and Bêta (EIG 2): one body, written two ways.
    expect(reportPromotions).toEqual(['EIG 1', 'EIG 2', 'EIG 3']);
    expect(value(ofReportPromotions.bodies)).toBe(1);
    expect(value(ofReportPromotions.names)).toBe(2);
  });

  it('counts a défi of two bodies once more, and names that designate none apart', () => {
    const body = (key: string, status: Body['status'] = 'organisme') => ({ key, status }) as Body;
    const defi = (line: number, administration: string, bodies: Body[]) =>
      ({
        promotion: 'EIG 1',
        administration,
        bodies,
        ref: { table: 'defis-2017-2023', line, source: 's' },
      }) as unknown as CurrentDefi;
    const counts = hostCounts([
      defi(2, 'A + B', [body('a'), body('b')]),
      defi(3, 'A', [body('a')]),
      defi(4, 'Un ministère', [body('un', 'ambigu')]),
      defi(5, 'Inconnu', [body('inconnu', 'sans-correspondance')]),
    ]);
    // Four défis; bodies a and b (the names apart are not bodies); a hosts two; « A + B » is one défi more.
    expect([counts.defis, counts.bodies, counts.several, counts.shared].map(value)).toEqual([4, 2, 1, 1]);
    expect(lines(counts.shared)).toEqual(['defis-2017-2023:2']);
    expect(counts.apart.map((a) => [a.status, a.figure.value, ...lines(a.figure)])).toEqual([
      ['ambigu', 1, 'defis-2017-2023:4'],
      ['sans-correspondance', 1, 'defis-2017-2023:5'],
    ]);
  });
});

describe('careers after the programme (devenir-eig)', () => {
  it('adds up each promotion’s known careers, none for a promotion whose careers were not known', () => {
    // eig-forever-2019.csv: EIG 1 « Sont restés dans la fonction publique » 3 (line 18); EIG 2 has no career row;
    // EIG 3 has the row without a value (line 22: « pas encore connu »).
    expect(model.aggregates.origine.data.careers.map((c) => [c.promotion, c.careers.length, value(c.total)])).toEqual([
      ['EIG 1', 1, 3],
      ['EIG 2', 0, null],
      ['EIG 3', 1, null],
    ]);
    expect(lines(model.aggregates.origine.data.careers[0]!.total!)).toEqual(['eig-forever-2019:18']);
  });
});

describe('the original map’s services (services-accueil, carte)', () => {
  it('counts the services and their ministries, in all and each year the map gives them a défi', () => {
    const { all, byYear } = model.aggregates.origine.data.mapHosts;
    // carte-2019.csv: three services under three ministries (Travail, Culture, Mer).
    expect([value(all.services), value(all.tutelles)]).toEqual([3, 3]);
    // 2017: DGT (line 2) and the affaires maritimes (line 4); 2018: BnF (3) and the affaires maritimes; 2019: DGT.
    expect(byYear.map((y) => [y.year, y.services.value, y.tutelles.value, ...lines(y.services)])).toEqual([
      [2017, 2, 2, 'carte-2019:2', 'carte-2019:4'],
      [2018, 2, 2, 'carte-2019:3', 'carte-2019:4'],
      [2019, 1, 1, 'carte-2019:2'],
    ]);
  });

  it('adds up each service’s défis of the three years', () => {
    // DGT 1 + 0 + 1, BnF 0 + 2 + 0, affaires maritimes 1 + 1 + 0.
    expect(model.aggregates.origine.data.map.map((s) => s.total.value)).toEqual([2, 2, 2]);
  });
});

describe('the défis per town (carte)', () => {
  it('counts each town’s défis per promotion, per year of the map, and their host bodies', () => {
    const { towns, unplaced } = model.aggregates.origine.data.placeCounts;
    // Paris: Alpha (EIG 1, Paris (75)), Bêta (EIG 2, 75007 Paris), Epsilon (EIG 7, Lyon | Paris); then one défi
    // each, in French order: Brest (Delta), Lyon (Epsilon), Saint-Denis (Gamma).
    expect(towns.map((t) => [t.place, t.defis.value])).toEqual([
      ['Paris', 3],
      ['Brest', 1],
      ['Lyon', 1],
      ['Saint-Denis', 1],
    ]);
    const paris = towns[0]!;
    expect(paris.byPromotion.map((p) => [p.promotion, p.figure.value])).toEqual([
      ['EIG 1', 1],
      ['EIG 2', 1],
      ['EIG 7', 1],
    ]);
    // The promotions' years (budget.csv, defis.csv): EIG 1 2017, EIG 2 2018; EIG 7 has none.
    expect([paris.byYear[2017].value, paris.byYear[2018].value, paris.byYear[2019].value]).toEqual([1, 1, 0]);
    // Its bodies: the ministry of labour (Alpha, Bêta) and the Agence d’essai (Epsilon).
    expect(paris.bodies.value).toBe(2);
    // Saint-Denis: Gamma, of the DIG, which started in 2019.
    expect(towns[3]!.byYear[2019].value).toBe(1);
    expect(unplaced).toEqual([]);
  });

  it('says how the défis make the towns', () => {
    const { sites } = model.aggregates.origine.data.placeCounts;
    // Five défis; the towns count 3 + 1 + 1 + 1 = 6, as Epsilon is in Lyon and in Paris.
    expect([sites.defis, sites.inTowns, sites.inSeveralTowns, sites.unplaced].map(value)).toEqual([5, 6, 1, 0]);
    expect(sites.twoTownsEach).toBe(true);
    expect(lines(sites.inSeveralTowns)).toEqual(['defis-2017-2023:6']);
  });
});

describe('the community (communaute)', () => {
  it('adds up the current website’s people per promotion and role', () => {
    // communaute-2017-2023.csv, one row each: EIG 1 participant 2 and agent-public 1, DIG participant 1, EIG 6
    // participant 3, agent-programme 2 without a promotion; in promotion order, the people without one last.
    expect(
      model.aggregates.profils.data.people.byPromotionAndRole.map((c) => [c.promotion, c.role, c.figure.value]),
    ).toEqual([
      ['EIG 1', 'participant', 2],
      ['EIG 1', 'agent-public', 1],
      ['EIG 6', 'participant', 3],
      ['DIG', 'participant', 1],
      [null, 'agent-programme', 2],
    ]);
  });

  it('adds up the 2022 list’s EIG, mentors and EIG per profile of each promotion under the programme EIG', () => {
    const { eig, mentors, byProfile } = model.aggregates.profils.data.communityCounts;
    const pairs = (counts: readonly { promotion: string; figure: Figure }[]) =>
      counts.map((c) => [c.promotion, c.figure.value]);
    // communaute.csv: EIG 1 2 + 2 (lines 4, 5); EIG 2 3 + 2; EIG 3 4 + 4 + 2 (its « equipe du programme » is no
    // EIG); EIG 4 1 + 3 + 2 + 3. The DIG's rows are under the programme DIG.
    expect(pairs(eig)).toEqual([
      ['EIG 1', 4],
      ['EIG 2', 5],
      ['EIG 3', 10],
      ['EIG 4', 9],
    ]);
    expect(lines(eig[0]!.figure)).toEqual(['communaute:4', 'communaute:5']);
    // Mentors: EIG 1 2 (line 6), EIG 2 4, EIG 4 4; EIG 3 lists none.
    expect(pairs(mentors)).toEqual([
      ['EIG 1', 2],
      ['EIG 2', 4],
      ['EIG 4', 4],
    ]);
    expect(byProfile.map((c) => [c.profile, c.promotion, c.figure.value])).toEqual([
      ['developpement', 'EIG 1', 2],
      ['developpement', 'EIG 2', 3],
      ['developpement', 'EIG 3', 4],
      ['developpement', 'EIG 4', 3],
      ['data science', 'EIG 1', 2],
      ['data science', 'EIG 2', 2],
      ['data science', 'EIG 3', 4],
      ['data science', 'EIG 4', 2],
      ['design', 'EIG 3', 2],
      ['design', 'EIG 4', 3],
      ['data engineering', 'EIG 4', 1],
    ]);
  });
});

describe('the community per promotion, category and website (communaute)', () => {
  it('adds up both websites’ people of each promotion in each category, the current website first', () => {
    const bars = model.aggregates.profils.data.communityByCategory;
    // communaute-2017-2023.csv (source site-v3-essai): EIG 1 participant 2 (line 2) and agent-public 1 (a mentor,
    // line 3), DIG participant 1, EIG 6 participant 3, agent-programme 2 (the programme's team) without a promotion.
    // communaute.csv (site-essai): EIG 1 developpement 2 + data science 2 (lines 4, 5) and mentor 2; EIG 2 3 + 2 and
    // mentor 4; EIG 3 4 + 4 + 2 and « equipe du programme » 1; EIG 4 1 + 3 + 2 + 3 and mentor 4; DIG design 2
    // (line 2) and mentor 3. In promotion order, DIG after the EIG, the people without a promotion last.
    expect(bars.map((b) => [b.promotion, b.category, b.source, b.figure.value])).toEqual([
      ['EIG 1', 'participants', 'site-v3-essai', 2],
      ['EIG 1', 'participants', 'site-essai', 4],
      ['EIG 1', 'mentors', 'site-v3-essai', 1],
      ['EIG 1', 'mentors', 'site-essai', 2],
      ['EIG 2', 'participants', 'site-essai', 5],
      ['EIG 2', 'mentors', 'site-essai', 4],
      ['EIG 3', 'participants', 'site-essai', 10],
      ['EIG 3', 'equipe', 'site-essai', 1],
      ['EIG 4', 'participants', 'site-essai', 9],
      ['EIG 4', 'mentors', 'site-essai', 4],
      ['EIG 6', 'participants', 'site-v3-essai', 3],
      ['DIG', 'participants', 'site-v3-essai', 1],
      ['DIG', 'participants', 'site-essai', 2],
      ['DIG', 'mentors', 'site-essai', 3],
      [null, 'equipe', 'site-v3-essai', 2],
    ]);
    expect(lines(bars[1]!.figure)).toEqual(['communaute:4', 'communaute:5']);
    expect(lines(bars[8]!.figure)).toEqual(['communaute:14', 'communaute:15', 'communaute:16', 'communaute:17']);
    expect(lines(bars[14]!.figure)).toEqual(['communaute-2017-2023:6']);
  });

  it('groups the programme’s team and its alumni, keeps a role it does not know apart, and each source apart', () => {
    const person = (line: number, source: string, role: string, value: number): PeopleFigure => ({
      promotion: 'EIG 2',
      role,
      expertise: null,
      figure: { value, unit: 'personnes', from: [{ table: 'communaute-2017-2023', line, source }], computed: false },
    });
    const listed: CommunityFigure = {
      promotion: 'EIG 2',
      programme: 'EIG',
      profile: 'equipe du programme',
      figure: { value: 1, unit: 'personnes', from: [{ table: 'communaute', line: 2, source: 'b' }], computed: false },
    };
    const bars = byPromotionCategoryAndSource(
      [
        person(2, 'a', 'invite', 7),
        person(3, 'a', 'agent-programme', 2),
        person(4, 'a', 'agent-programme-alumni', 3),
        person(5, 'c', 'agent-programme', 5),
      ],
      [listed],
    );
    // The team: 2 + 3 from source a (lines 3, 4), 5 from source c, the 2022 list's 1 from b; the unknown role
    // « invite » (7) after the categories.
    expect(bars.map((b) => [b.category, b.source, b.figure.value])).toEqual([
      ['equipe', 'a', 5],
      ['equipe', 'c', 5],
      ['equipe', 'b', 1],
      ['invite', 'a', 7],
    ]);
    expect(lines(bars[0]!.figure)).toEqual(['communaute-2017-2023:3', 'communaute-2017-2023:4']);
  });
});

describe('the défis per expertise (explorateur-defis)', () => {
  it('counts each expertise’s défis, the most first, a tie in French order', () => {
    const { byExpertise } = model.aggregates.defis.data.current;
    // defis-2017-2023.csv: Data science for Alpha (line 2) and Delta (line 5), Design for Bêta and Gamma (lines 3,
    // 4), Développement for Alpha and Epsilon (lines 2, 6): two each, in French order.
    expect(byExpertise.map((e) => [e.label, e.figure.value])).toEqual([
      ['Data science', 2],
      ['Design', 2],
      ['Développement', 2],
    ]);
    expect(lines(byExpertise[0]!.figure)).toEqual(['defis-2017-2023:2', 'defis-2017-2023:5']);
  });
});

describe('the défis per theme and expertise and promotion (thematiques-defis, competences-defis)', () => {
  it('counts each theme’s défis per promotion, the largest theme first', () => {
    const { byThemeAndPromotion } = model.aggregates.defis.data.current;
    // defis-2017-2023.csv: « Emploi » is Alpha's (EIG 1, line 2) and Bêta's (EIG 2, line 3); « Mer » and
    // « Environnement » Delta's (EIG 5, line 5), « Culture » Gamma's (DIG, line 4), « Santé » Epsilon's (EIG 7,
    // line 6): one défi each, in French order.
    expect(
      byThemeAndPromotion.map((t) => [
        t.label,
        t.figure.value,
        t.byPromotion.map((p) => [p.promotion, p.figure.value]),
      ]),
    ).toEqual([
      [
        'Emploi',
        2,
        [
          ['EIG 1', 1],
          ['EIG 2', 1],
        ],
      ],
      ['Culture', 1, [['DIG', 1]]],
      ['Environnement', 1, [['EIG 5', 1]]],
      ['Mer', 1, [['EIG 5', 1]]],
      ['Santé', 1, [['EIG 7', 1]]],
    ]);
    expect(lines(byThemeAndPromotion[0]!.byPromotion[1]!.figure)).toEqual(['defis-2017-2023:3']);
  });

  it('gives each promotion its most requested expertise, a tie to the first in French order', () => {
    const { byExpertiseAndPromotion, expertiseLeaders } = model.aggregates.defis.data.current;
    // Alpha (EIG 1, line 2): Développement and Data science; Bêta (EIG 2, line 3) and Gamma (DIG, line 4):
    // Design; Delta (EIG 5, line 5): Data science; Epsilon (EIG 7, line 6): Développement. Two défis each.
    expect(byExpertiseAndPromotion.map((e) => [e.label, e.byPromotion.map((p) => p.promotion)])).toEqual([
      ['Data science', ['EIG 1', 'EIG 5']],
      ['Design', ['EIG 2', 'DIG']],
      ['Développement', ['EIG 1', 'EIG 7']],
    ]);
    // EIG 1 asks for Data science and Développement once each: the tie goes to Data science.
    expect(expertiseLeaders.map((l) => [l.promotion, l.label, l.figure.value])).toEqual([
      ['EIG 1', 'Data science', 1],
      ['EIG 2', 'Design', 1],
      ['EIG 5', 'Data science', 1],
      ['EIG 7', 'Développement', 1],
      ['DIG', 'Design', 1],
    ]);
    expect(lines(expertiseLeaders[0]!.figure)).toEqual(['defis-2017-2023:2']);
  });
});

describe('each promotion in each source (defis-promotions, taille-equipes)', () => {
  const sides = (c: { current: Figure | null; previous: Figure | null; published: Figure | null }) => [
    value(c.current),
    value(c.previous),
    value(c.published),
  ];

  it('sets each promotion’s défis on the current website beside the 2022 list’s and the published count', () => {
    const { defis } = model.aggregates.defis.data.bySource;
    // defis-2017-2023.csv: one défi each for EIG 1, EIG 2, EIG 5, EIG 7 and DIG. defis.csv: EIG 1 two (lines 2,
    // 3), EIG 2 three (lines 4–6), DIG one (line 10), none for EIG 5 or 7. chiffres-cles.csv: defis 2 (EIG 1) and
    // 3 (EIG 2); none for DIG, which is not an EIG promotion.
    expect(defis.map((c) => [c.promotion, ...sides(c), c.min, c.max])).toEqual([
      ['EIG 1', 1, 2, 2, 1, 2],
      ['EIG 2', 1, 3, 3, 1, 3],
      ['EIG 5', 1, null, null, 1, 1],
      ['EIG 7', 1, null, null, 1, 1],
      ['DIG', 1, 1, null, 1, 1],
    ]);
    expect(lines(defis[1]!.previous!)).toEqual(['defis:4', 'defis:5', 'defis:6']);
  });

  it('adds up each promotion’s teams on both websites beside the published numbers', () => {
    const { teams, participants } = model.aggregates.defis.data.bySource;
    // EIG: defis-2017-2023 nb_eig (Alpha 2, Bêta 1, Delta 3, Epsilon 2, Gamma 1); defis.csv nb_eig added up per
    // promotion (EIG 1: 2 + 1, EIG 2: 2 + 2 + 2, EIG 3: 4 + 3 + 3, EIG 4: 3 + 2 + 2, DIG: 1); chiffres-cles eig
    // 4, 6, 10, 7. Mentors the same way (current: 1, 1, 0, 0, 2; 2022 list: 2, 3, 5, 4, 1; published 2, 3, 5, 4).
    expect(teams.map((t) => [t.promotion, t.role, ...sides(t)])).toEqual([
      ['EIG 1', 'eig', 2, 3, 4],
      ['EIG 1', 'mentors', 1, 2, 2],
      ['EIG 2', 'eig', 1, 6, 6],
      ['EIG 2', 'mentors', 1, 3, 3],
      ['EIG 3', 'eig', null, 10, 10],
      ['EIG 3', 'mentors', null, 5, 5],
      ['EIG 4', 'eig', null, 7, 7],
      ['EIG 4', 'mentors', null, 4, 4],
      ['EIG 5', 'eig', 3, null, null],
      ['EIG 5', 'mentors', 0, null, null],
      ['EIG 7', 'eig', 2, null, null],
      ['EIG 7', 'mentors', 0, null, null],
      ['DIG', 'eig', 1, 1, null],
      ['DIG', 'mentors', 2, 1, null],
    ]);
    // Published participants for EIG 1 to 4: EIG 3 and 4 agree; EIG 2 is the widest gap (1 to 6), EIG 1's is 2 to 4.
    expect(participants.compared).toEqual(['EIG 1', 'EIG 2', 'EIG 3', 'EIG 4']);
    expect(participants.agree).toEqual(['EIG 3', 'EIG 4']);
    expect([participants.widest?.promotion, participants.widest?.min, participants.widest?.max]).toEqual([
      'EIG 2',
      1,
      6,
    ]);
  });
});

describe('the follow-up of the défis (suivi-promotion-3)', () => {
  it('sets each partition’s sum beside the projects counted by state at the same date', () => {
    const { partitions } = model.aggregates.suivi.data;
    // suivi-defis.csv, EIG 3: etat 1 + 3 in 2019-11 (lines 2, 3) and 3 + 1 in 2021-03 (lines 4, 5); portage
    // 2 + 1 in 2019-11 (lines 6, 7), one short of the 4 projects by state, and 3 + 1 in 2021-03 (lines 8, 9);
    // maintenance 2 + 2 in 2021-03 (lines 10, 11). Ouverture overlaps: no partition.
    expect(partitions.map((p) => [p.indicator, p.date, p.total.value, value(p.assessed)])).toEqual([
      ['etat', '2019-11', 4, 4],
      ['etat', '2021-03', 4, 4],
      ['portage', '2019-11', 3, 4],
      ['portage', '2021-03', 4, 4],
      ['maintenance', '2021-03', 4, 4],
    ]);
    expect(lines(partitions[2]!.assessed!)).toEqual(['suivi-defis:2', 'suivi-defis:3']);
  });
});

describe('who paid the salaries (salaires)', () => {
  it('says which post’s sums are not 100 %, and how the shares move from the first promotion to the last', () => {
    const funding = model.aggregates.budget.data.salaryFunding;
    // chiffres-cles.csv, lines 44 to 47: EIG 1 80 + 20 = 100 %; EIG 3 60 + 35 = 95 %, not 100.
    expect(funding.published.map((p) => [p.promotion, p.sumIsOff])).toEqual([
      ['EIG 1', false],
      ['EIG 3', true],
    ]);
    // The PIA's share from 80 % (EIG 1, line 44) to 60 % (EIG 3, line 46); the administrations' 20 % (45) to 35 % (47).
    const shift = funding.postShift!;
    expect(
      [shift.pia.first, shift.pia.last, shift.administrations.first, shift.administrations.last].map((s) => [
        s.promotion,
        s.figure.value,
        ...lines(s.figure),
      ]),
    ).toEqual([
      ['EIG 1', 80, 'chiffres-cles:44'],
      ['EIG 3', 60, 'chiffres-cles:46'],
      ['EIG 1', 20, 'chiffres-cles:45'],
      ['EIG 3', 35, 'chiffres-cles:47'],
    ]);
    // The fixture's original site gives no share: nothing of its own.
    expect([funding.originalShift, funding.onlyOriginal]).toEqual([null, []]);
  });

  it('follows the original site’s PIA share from its first promotion to its last, beside the last’s other payers', () => {
    // Written here, EIG 2 before EIG 1: EIG 1 PIA 90 % (line 4); EIG 2 PIA 50 % (line 2), co-financed 30 % (line 3),
    // self-funded 20 % (line 5). No post: both promotions are the original site's alone.
    const cells: [string, string, number][] = [
      [ORIGINAL.sharePia, 'EIG 2', 50],
      [ORIGINAL.shareCofinanced, 'EIG 2', 30],
      [ORIGINAL.sharePia, 'EIG 1', 90],
      [ORIGINAL.shareSelfFunded, 'EIG 2', 20],
    ];
    const rows = cells.map(([indicateur, promotion, valeur], i) => ({
      tableau: 'financement',
      indicateur,
      promotion,
      annee: 2016 + Number(promotion.slice(-1)),
      valeur,
      unite: 'pourcent',
      source: 'essai',
      precision: null,
      _line: i + 2,
    })) as unknown as Row<'eig-forever-2019'>[];
    const funding = salaryFunding(indexKeyFigures([]), originalFigures(rows));
    const shift = funding.originalShift!;
    expect(
      [shift.first, shift.last, ...shift.lastOthers].map((s) => [
        s.promotion,
        s.payer,
        s.share.value,
        ...lines(s.share),
      ]),
    ).toEqual([
      ['EIG 1', 'pia', 90, 'eig-forever-2019:4'],
      ['EIG 2', 'pia', 50, 'eig-forever-2019:2'],
      ['EIG 2', 'cofinanced', 30, 'eig-forever-2019:3'],
      ['EIG 2', 'selfFunded', 20, 'eig-forever-2019:5'],
    ]);
    expect([funding.onlyOriginal, funding.postShift]).toEqual([['EIG 1', 'EIG 2'], null]);
  });
});

describe('the promotions of the selection figures (candidatures)', () => {
  it('names each promotion with an application or défi figure once, the printed totals aside', () => {
    // chiffres-cles.csv, lines 18 to 25: candidats_eig and defis_proposes of EIG 1, 2 and 3, and of « Total ».
    expect(model.aggregates.programme.data.selectionPromotions).toEqual(['EIG 1', 'EIG 2', 'EIG 3']);
  });
});
