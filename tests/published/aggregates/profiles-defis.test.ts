import { beforeAll, describe, expect, it } from 'vitest';
import { indexKeyFigures } from '../../../src/lib/aggregates/key-figures.ts';
import {
  community,
  communityEigCounts,
  communityMentorCounts,
  composition,
} from '../../../src/lib/aggregates/profiles.ts';
import {
  administrationKey,
  byAdministration,
  bySkill,
  defiList,
  isWellFormedUrl,
  spellingVariants,
  teamSizes,
} from '../../../src/lib/aggregates/defis.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { expectKeyFigure, keyFigure, keyRef, reference, rowRef } from '../../support/reference.ts';
import { loadContext } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

describe('composition by profile', () => {
  it('gives the report’s shares for promotions 1–3, within rounding of 100 %', () => {
    const items = composition(indexKeyFigures(ctx.tables['chiffres-cles']));
    const share = (promotion: string, profile: string) =>
      items.find((i) => i.promotion === promotion && i.profile === profile)?.share;
    for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3']) {
      expectKeyFigure(share(promotion, 'developpement')?.value, promotion, 'part_developpeurs');
      expectKeyFigure(share(promotion, 'data science')?.value, promotion, 'part_data_scientists');
      expectKeyFigure(share(promotion, 'design')?.value, promotion, 'part_designers');
      expect(share(promotion, 'design')?.computed, keyRef(promotion, 'part_designers')).toBe(false);
    }
  });

  it('computes promotion 4’s shares from the counts of April 2021 (10, 17 and 14 of 41), marked as computed', () => {
    const items = composition(indexKeyFigures(ctx.tables['chiffres-cles'])).filter((i) => i.promotion === 'EIG 4');
    const byProfile = Object.fromEntries(items.map((i) => [i.profile, i]));
    const counts =
      keyRef('EIG 4', 'eig_data_science') +
      ' ; ' +
      keyRef('EIG 4', 'eig_developpement') +
      ' ; ' +
      keyRef('EIG 4', 'eig_design');
    expect(byProfile['data science']!.count?.value, keyRef('EIG 4', 'eig_data_science')).toBe(10);
    expect(byProfile['data science']!.share?.value, counts).toBeCloseTo((100 * 10) / 41, 10);
    expect(byProfile.developpement!.share?.value, counts).toBeCloseTo((100 * 17) / 41, 10);
    expect(byProfile.design!.share?.value, counts).toBeCloseTo((100 * 14) / 41, 10);
    expect(byProfile.design!.share?.computed).toBe(true);
  });

  it('counts the website’s community list as SOURCES.md says: 27 EIG for promotion 2, mentors 4, 24, 25', () => {
    const listRef = (promotion: string, profiles: string[]) =>
      reference('communaute-par-profil.csv')
        .filter((r) => r.promotion === promotion && r.programme === 'EIG' && profiles.includes(r.profil ?? ''))
        .map((r) => rowRef('communaute-par-profil.csv', r, ['promotion', 'programme', 'profil'], 'effectif'))
        .join(' ; ');
    const eig = communityEigCounts(community(ctx.tables.communaute));
    expect(
      eig.get('EIG 2')?.value,
      `sum of ${listRef('EIG 2', ['developpement', 'data science', 'design', 'data engineering'])}`,
    ).toBe(27);
    expect(keyFigure('EIG 2', 'eig'), keyRef('EIG 2', 'eig')).toBe(28);
    const mentors = communityMentorCounts(community(ctx.tables.communaute));
    expect(
      ['EIG 1', 'EIG 2', 'EIG 3'].map((p) => mentors.get(p)?.value),
      ['EIG 1', 'EIG 2', 'EIG 3'].map((p) => listRef(p, ['mentor'])).join(' ; '),
    ).toEqual([4, 24, 25]);
  });
});

describe('défis', () => {
  it('lists every défi of the website with its provenance', () => {
    const defis = defiList(ctx.tables.defis);
    expect(defis, `defis.csv: ${reference('defis.csv').length} défis`).toHaveLength(reference('defis.csv').length);
    expect(new Set(defis.map((d) => d.ref.line)).size).toBe(defis.length);
  });

  it('adds team sizes up to 9, 28, 32 and 41 EIG for promotions 1 to 4 (9 where the report says 11)', () => {
    const expected = new Map<string, number>();
    for (const row of reference('defis.csv'))
      expected.set(row.promotion!, (expected.get(row.promotion!) ?? 0) + Number(row.nb_eig));
    const sizes = new Map(teamSizes(defiList(ctx.tables.defis)).map((t) => [t.promotion, t.figure.value]));
    for (const [promotion, total] of expected)
      expect(sizes.get(promotion), `defis.csv: nb_eig of the défis of ${promotion}`).toBe(total);
    expect(sizes.get('EIG 1'), 'defis.csv: nb_eig of the défis of EIG 1').toBe(9);
    expect(keyFigure('EIG 1', 'eig'), keyRef('EIG 1', 'eig')).toBe(11);
  });

  it('treats spellings that differ only by case, accents or apostrophes as one administration', () => {
    expect(administrationKey('Cour de Cassation')).toBe(administrationKey('Cour de cassation'));
    expect(administrationKey('Ministère de l’Intérieur')).toBe(administrationKey("Ministere de l'interieur"));
    expect(administrationKey('Cour des comptes')).not.toBe(administrationKey('Cour de cassation'));
    const variants = spellingVariants(defiList(ctx.tables.defis));
    expect(
      variants.some((v) => v.spellings.map((s) => s.text).includes('Cour de Cassation')),
      'defis.csv: administration « Cour de Cassation » (LABEL, EIG 4)',
    ).toBe(true);
    const counts = byAdministration(defiList(ctx.tables.defis));
    expect(
      counts.reduce((s, c) => s + c.figure.value, 0),
      `defis.csv: ${reference('defis.csv').length} défis`,
    ).toBe(reference('defis.csv').length);
  });

  it('flags the website’s links without a host as malformed', () => {
    expect(isWellFormedUrl('https://entrepreneur-interet-general/AFD_projects')).toBe(false);
    expect(isWellFormedUrl('https://scossin/parcoursdesoins')).toBe(false);
    expect(isWellFormedUrl('javascript:alert(1)')).toBe(false);
    expect(isWellFormedUrl('https://github.com/entrepreneur-interet-general/cartav')).toBe(true);
    const malformed = defiList(ctx.tables.defis)
      .filter((d) => d.code && !d.code.wellFormed)
      .map((d) => d.name);
    expect(malformed, 'defis.csv: code_source of the défis of EIG 1').toEqual([
      'AFD - Geodata',
      'ARS - Parcours de soin',
      'CC - API rapports',
    ]);
  });

  it('counts a défi once per skill it needs', () => {
    const skills = bySkill(defiList(ctx.tables.defis));
    const dev = reference('defis.csv').filter((r) => r.competences!.split(';').includes('dev')).length;
    expect(skills.find((s) => s.key === 'dev')?.figure.value, 'defis.csv: competences').toBe(dev);
  });
});
