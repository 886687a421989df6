import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/financement.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import { budgetAmount, budgetRef, expectBudgetAmount } from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

/** French numbers carry no-break spaces: compare texts with plain spaces. */
const plain = (text: string) => text.replace(/&#160;|&#8239;|[\u00a0\u202f]/gu, ' ');

describe('financement chart', () => {
  it('shows the PIA envelope and the total spending of each promotion as published', () => {
    const rows = chart.rows(ctx);
    const amount = (promotion: string, poste: string) =>
      rows.find((r) => r.promotion === promotion && r.poste === poste)?.montant;
    for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3']) {
      expectBudgetAmount(amount(promotion, 'Enveloppe du PIA'), promotion, 'enveloppe_pia');
      expectBudgetAmount(amount(promotion, 'Dépenses totales'), promotion, 'budget_total');
    }
    // The printed totals of the 2019 report: 4 800 000 € allocated, 5 134 558,47 € spent.
    expect(amount('Total', 'Enveloppe du PIA')).toBe(budgetAmount('Total', 'enveloppe_pia'));
    expect(amount('Total', 'Dépenses totales')).toBe(budgetAmount('Total', 'budget_total'));
    expect(budgetAmount('Total', 'budget_total')).toBe(5134558.47);
    // With the salaries of the report (which the original prints too), the original's PIA-paid salaries, and its
    // 2017 programme total, which differs from the report's spending.
    expect(rows).toHaveLength(8 + 3 + 3 + 1);
    expect(amount('EIG 1', 'Coût total du programme (site d’origine)')).toBe(766553.38);
  });

  it('flags the spending of promotion 3 as a forecast, in the rows and in the drawing', () => {
    const rows = chart.rows(ctx);
    const forecast = rows.filter((r) => r.statut === 'prévisionnel');
    const where = 'budget-2017-2019.csv: EIG 3 salaires and budget_total, statut previsionnel';
    expect(forecast.map((r) => [r.promotion, r.poste])).toEqual([
      ['EIG 3', 'Salaires des EIG'],
      ['EIG 3', 'Dépenses totales'],
    ]);
    for (const variant of ['wide', 'narrow'] as const) {
      const { svg } = renderChart(publishedChart(chart, ctx), variant);
      // Not by colour alone: a dashed outline and the word itself.
      expect(svg, where).toMatch(/stroke-dasharray="4,3"/u);
      expect(plain(svg), where).toContain('(prévisionnel)');
    }
    expect(chart.notes!(rows, ctx).join(' '), where).toMatch(/EIG 3 sont prévisionnelles/u);
  });

  it('reads the published totals', () => {
    const reading = plain(chart.reading(chart.rows(ctx), ctx));
    const totals = `${budgetRef('Total', 'budget_total')} ; ${budgetRef('Total', 'enveloppe_pia')}`;
    expect(reading, budgetRef('Total', 'budget_total')).toContain('5 134 558,47 €');
    expect(reading, budgetRef('Total', 'enveloppe_pia')).toContain('4 800 000 €');
    expect(reading, totals).toContain('dépassent');
  });

  it('cites the budget row of the report behind every figure of the report', () => {
    for (const row of chart.rows(ctx).filter((r) => r.statut !== 'site d’origine')) {
      expect(row._from.filter((f) => f.table === 'budget')).toHaveLength(1);
      expect(row._from[0]!.table).toBe('budget');
      expect(ctx.cite(row._from[0]!).key.promotion).toBe(row.promotion);
      expect(row._from[0]!.source).toBe('rapport-2019-tableau');
    }
  });

  it('lands the original site’s #financement anchor here', () => {
    expect(chart.legacyAnchors).toEqual(['financement']);
  });
});
