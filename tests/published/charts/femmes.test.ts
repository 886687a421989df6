import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/femmes.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { expectKeyFigure, keyFigure, keyRef } from '../../support/reference.ts';
import { loadContext } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

describe('femmes chart', () => {
  const value = (promotion: string, indicateur: string) =>
    chart.rows(ctx).find((r) => r.promotion === promotion && r.indicateur === indicateur)?.part;

  it('shows the share of women among EIG (18, 25, 19 %) and of female applications (12, 30, 20 %) of May 2019', () => {
    for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3']) {
      expectKeyFigure(value(promotion, 'Femmes parmi les EIG'), promotion, 'part_femmes_eig');
      expectKeyFigure(value(promotion, 'Candidatures féminines'), promotion, 'part_candidatures_feminines');
    }
    // Nothing was published for promotion 4: no bar, no estimate.
    const eig4 = 'chiffres-cles-2019.csv: no part_femmes_eig nor part_candidatures_feminines for EIG 4';
    expect(
      chart.rows(ctx).filter((r) => r.promotion === 'EIG 4'),
      eig4,
    ).toEqual([]);
    expect(
      chart.rows(ctx),
      `${keyRef(['EIG 1', 'EIG 2', 'EIG 3'], 'part_femmes_eig')} ; ${keyRef(['EIG 1', 'EIG 2', 'EIG 3'], 'part_candidatures_feminines')}`,
    ).toHaveLength(6);
  });

  it('cites the May 2019 post on every row', () => {
    for (const row of chart.rows(ctx)) {
      expect(row._from, `${row.promotion} / ${row.indicateur}`).toHaveLength(1);
      expect(row._from[0]!.source, `${row.promotion} / ${row.indicateur}: source column`).toBe('blog-2019-05-09');
    }
  });

  it('reads the last promotion’s two shares', () => {
    const reading = chart.reading(chart.rows(ctx), ctx);
    expect(reading, keyRef('EIG 3', 'part_femmes_eig')).toContain(
      `${keyFigure('EIG 3', 'part_femmes_eig')}\u00a0% des EIG`,
    );
    expect(reading, keyRef('EIG 3', 'part_candidatures_feminines')).toContain(
      `${keyFigure('EIG 3', 'part_candidatures_feminines')}\u00a0% de candidatures féminines`,
    );
  });

  it('keeps the original site’s #genre and #genres anchors', () => {
    expect(chart.legacyAnchors).toEqual(expect.arrayContaining(['genre', 'genres']));
  });
});
