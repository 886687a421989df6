import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/profils.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { expectKeyFigure, keyFigure, keyRef, reference } from '../../support/reference.ts';
import { loadContext } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

const SHARE = {
  Développement: 'part_developpeurs',
  'Data science': 'part_data_scientists',
  Design: 'part_designers',
} as const;
const COUNT = { Développement: 'eig_developpement', 'Data science': 'eig_data_science', Design: 'eig_design' } as const;
const PROFILES = Object.keys(SHARE) as (keyof typeof SHARE)[];

describe('profils chart', () => {
  const row = (promotion: string, profil: string) =>
    chart.rows(ctx).find((r) => r.promotion === promotion && r.profil === profil);

  it('shows the report’s shares for promotions 1–3 (73/27/0, 39/50/11, 28/56/16 %), as published', () => {
    for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3']) {
      for (const profile of PROFILES) {
        expectKeyFigure(row(promotion, profile)?.part, promotion, SHARE[profile]);
        expect(row(promotion, profile)?.nature, keyRef(promotion, SHARE[profile])).toBe('publié');
      }
      expect(
        PROFILES.reduce((s, p) => s + row(promotion, p)!.part, 0),
        `sum of ${PROFILES.map((p) => keyRef(promotion, SHARE[p])).join(' ; ')}`,
      ).toBe(100);
    }
  });

  it('computes promotion 4’s shares from the April 2021 counts (17, 10, 14 of 41) and marks them « calculé »', () => {
    const total = PROFILES.reduce((s, p) => s + keyFigure('EIG 4', COUNT[p]), 0);
    const counts = PROFILES.map((p) => keyRef('EIG 4', COUNT[p])).join(' ; ');
    expect(total, `sum of ${counts} ; ${keyRef('EIG 4', 'eig')}`).toBe(keyFigure('EIG 4', 'eig'));
    for (const profile of PROFILES) {
      const r = row('EIG 4', profile)!;
      expectKeyFigure(r.effectif, 'EIG 4', COUNT[profile]);
      // Shown to one decimal: 17 of 41 is 41,5 %.
      expect(r.part, counts).toBe(Math.round((1000 * keyFigure('EIG 4', COUNT[profile])) / total) / 10);
      expect(r.nature).toBe('calculé');
    }
  });

  it('gives the counts where they were published: the 2021 posts (promotions 3 and 4), the original site (1 to 3)', () => {
    const original = reference('data-eig-forever-2019.csv');
    const ORIGINAL_COUNT = {
      Développement: 'Nombre de développeurs',
      'Data science': 'Nombre de data scientists',
      Design: 'Nombre de designers',
    } as const;
    for (const profile of PROFILES) {
      expect(row('EIG 3', profile)?.effectif).toBe(keyFigure('EIG 3', COUNT[profile]));
      for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3']) {
        const printed = original.find((r) => r.promotion === promotion && r.indicateur === ORIGINAL_COUNT[profile]);
        expect(row(promotion, profile)?.effectif, `${promotion} ${profile}`).toBe(Number(printed!.valeur));
      }
    }
  });

  it('cites the share’s line and, where shown, the count’s line', () => {
    const eig3 = row('EIG 3', 'Design')!;
    // The report's share and the 2021 post's count, and the original site's same share and count.
    expect(eig3._from.map((r) => ctx.cite(r).key.indicateur).sort()).toEqual([
      'Nombre de designers',
      'Part des designers parmi les EIG',
      'eig_design',
      'part_designers',
    ]);
    const eig4 = row('EIG 4', 'Design')!;
    // A share computed from the counts cites every count it divides by.
    expect(
      eig4._from.map((r) => ctx.cite(r).key.indicateur).sort(),
      PROFILES.map((p) => keyRef('EIG 4', COUNT[p])).join(' ; '),
    ).toEqual(['eig_data_science', 'eig_design', 'eig_developpement']);
  });

  it('reads from the rows and says promotion 4’s share is computed', () => {
    const reading = chart.reading(chart.rows(ctx), ctx);
    expect(reading, keyRef('EIG 1', 'part_developpeurs')).toContain(
      `${keyFigure('EIG 1', 'part_developpeurs')}\u00a0%`,
    );
    expect(reading).toContain('part calculée');
    expect(
      chart.notes!(chart.rows(ctx), ctx).join(' '),
      `sum of ${PROFILES.map((p) => keyRef('EIG 4', COUNT[p])).join(' ; ')}`,
    ).toContain('41 EIG');
  });

  it('keeps the original site’s #competences anchor, and its first name for the same view, #profils', () => {
    expect(chart.legacyAnchors).toEqual(['competences', 'profils']);
  });
});
