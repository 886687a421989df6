import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/communication.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import { budgetAmount, budgetRef, expectKeyFigure, keyFigure, keyRef } from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

const plain = (text: string) => text.replace(/&#160;|&#8239;|[\u00a0\u202f]/gu, ' ');

describe('communication chart', () => {
  it('shows the press and blog articles counted by the May 2019 post', () => {
    const rows = chart.rows(ctx);
    const count = (indicator: string) => rows.find((r) => ctx.cite(r._from[0]!).key.indicateur === indicator);
    for (const indicator of ['articles_presse_depuis_2017', 'articles_blog_etalab', 'articles_blog_site_eig']) {
      expectKeyFigure(count(indicator)?.valeur, 'Total', indicator);
      expect(count(indicator)?.unite, keyRef('Total', indicator)).toBe('articles');
      expect(count(indicator)?._from[0]?.source, keyRef('Total', indicator)).toBe('blog-2019-05-09');
    }
  });

  it('shows the communication budget of each promotion, promotion 3 as a forecast, and the yearly figure of the documentation', () => {
    const rows = chart.rows(ctx).filter((r) => r.unite === 'euros');
    const budget = rows.filter((r) => r.promotion !== 'Total');
    expect(
      budget.map((r) => [r.promotion, r.valeur]),
      budgetRef(['EIG 1', 'EIG 2', 'EIG 3'], 'communication'),
    ).toEqual(['EIG 1', 'EIG 2', 'EIG 3'].map((p) => [p, budgetAmount(p, 'communication')]));
    expect(budget.find((r) => r.promotion === 'EIG 3')?.statut, budgetRef('EIG 3', 'communication')).toBe(
      'prévisionnel',
    );
    const yearly = rows.find((r) => r.promotion === 'Total');
    expectKeyFigure(yearly?.valeur, 'Total', 'communication_par_an');
    expect(yearly?.qualificatif, keyRef('Total', 'communication_par_an')).toBe('environ');
  });

  it('draws the articles as bars and writes the budget, which has another unit', () => {
    const svg = plain(renderChart(publishedChart(chart, ctx), 'wide').svg);
    // A bar for each of the original site's yearly counts (4 outlets and the videos, 3 years) and each of the May
    // 2019 post's 3 totals; the visitors and the budget are written.
    const counted = chart.rows(ctx).filter((r) => r.unite === 'articles' || r.unite === 'vidéos');
    expect(counted).toHaveLength(5 * 3 + 3);
    expect(svg.match(/<rect /gu)).toHaveLength(counted.length);
    expect(svg).toContain('EIG 1 (2017) : 10 218');
    // Amounts at reading precision on the drawing (74 209 € in the table and the download).
    expect(svg).toContain('EIG 2 (2018) : 74 k€');
    expect(svg).toContain('EIG 3 (2019) : 80 k€ (prévisionnel)');
    expect(svg).toContain('environ 80 k€');
  });

  it('reads the counts', () => {
    const reading = chart.reading(chart.rows(ctx), ctx);
    expect(reading).toContain(
      `${keyFigure('Total', 'articles_presse_depuis_2017')} en tout selon le billet de mai 2019`,
    );
    expect(reading).toMatch(/^Articles de presse sur le programme : 14 \(EIG 1 \(2017\)\)/u);
    expect(chart.legacyAnchors).toEqual(['communication']);
  });
});
