import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/age-moyen.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { expectKeyFigure, keyFigure, keyRef } from '../../support/reference.ts';
import { loadContext } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

describe('age-moyen chart', () => {
  it('shows the mean age published for each promotion (31, 30, 27 years) and nothing for promotion 4', () => {
    const rows = chart.rows(ctx);
    expect(
      rows.map((r) => r.promotion),
      keyRef(['EIG 1', 'EIG 2', 'EIG 3'], 'age_moyen'),
    ).toEqual(['EIG 1', 'EIG 2', 'EIG 3']);
    for (const row of rows) expectKeyFigure(row.age, row.promotion, 'age_moyen');
  });

  it('cites the line of the May 2019 post, and the original site’s, which prints the same age', () => {
    for (const row of chart.rows(ctx)) {
      expect(row._from.map((r) => [r.table, ctx.cite(r).key.indicateur, ctx.cite(r).key.promotion, r.source])).toEqual([
        ['chiffres-cles', 'age_moyen', row.promotion, 'blog-2019-05-09'],
        ['eig-forever-2019', "Moyenne d'âge", row.promotion, 'data-eig-forever-2019'],
      ]);
    }
  });

  it('reads the first and last mean ages', () => {
    const reading = chart.reading(chart.rows(ctx), ctx);
    expect(reading, keyRef('EIG 1', 'age_moyen')).toContain(`${keyFigure('EIG 1', 'age_moyen')}\u00a0ans`);
    expect(reading, keyRef('EIG 3', 'age_moyen')).toContain(`${keyFigure('EIG 3', 'age_moyen')}\u00a0ans`);
  });
});
