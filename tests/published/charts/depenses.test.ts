import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/depenses.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { BUDGET_LINE_LABELS } from '../../../src/lib/labels.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import { budgetAmount, budgetRef, expectBudgetAmount } from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

const plain = (text: string) => text.replace(/&#160;|&#8239;|[\u00a0\u202f]/gu, ' ');
const LINES = ['salaires', 'programme_accompagnement', 'communication', 'liens_recherche'];

describe('depenses chart', () => {
  it('shows every spending line of every promotion, and the printed totals', () => {
    const rows = chart.rows(ctx);
    const amount = (promotion: string, line: string) =>
      rows.find((r) => r.promotion === promotion && r.poste === BUDGET_LINE_LABELS[line])?.montant;
    for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3', 'Total']) {
      for (const line of [...LINES, 'budget_total']) expectBudgetAmount(amount(promotion, line), promotion, line);
    }
    // 20 amounts of the report, the original's 4 accompaniment sub-lines × 3 promotions and its 2017 total.
    expect(rows.filter((r) => r._from.some((f) => f.table === 'budget'))).toHaveLength(20);
    expect(rows).toHaveLength(20 + 12 + 1);
  });

  it('says that the printed total of salaries, 4 658 243 €, is the sum 4 658 243,47 € rounded', () => {
    const rows = chart.rows(ctx);
    const printed = budgetAmount('Total', 'salaires');
    const sum = ['EIG 1', 'EIG 2', 'EIG 3'].reduce((s, p) => s + budgetAmount(p, 'salaires'), 0);
    const printedRef = budgetRef('Total', 'salaires');
    const sumRef = `sum of ${budgetRef(['EIG 1', 'EIG 2', 'EIG 3'], 'salaires')}`;
    expect(printed, printedRef).toBe(4658243);
    expect(Math.round(sum * 100) / 100, sumRef).toBe(4658243.47);
    const notes = plain(chart.notes!(rows, ctx).join(' '));
    expect(notes, printedRef).toContain('4 658 243 €');
    expect(notes, sumRef).toContain('4 658 243,47 €');
    expect(notes, `${printedRef} ; ${sumRef}`).toMatch(/arrondie à l’euro/u);
  });

  it('stacks the four lines and draws the forecast promotion differently', () => {
    const rows = chart.rows(ctx);
    expect(
      rows.filter((r) => r.statut === 'prévisionnel').map((r) => r.promotion),
      'budget-2017-2019.csv: statut of the EIG 3 spending lines',
    ).toEqual(Array(5).fill('EIG 3'));
    const { svg, legend } = renderChart(publishedChart(chart, ctx), 'wide');
    expect(legend.map((l) => l.label)).toEqual(LINES.map((l) => BUDGET_LINE_LABELS[l]));
    // 4 lines × (3 promotions + the printed totals) segments.
    expect(svg.match(/<rect /gu)).toHaveLength(16);
    expect(svg.match(/stroke-dasharray="4,3"/gu)?.length).toBeGreaterThan(0);
    // Amounts at reading precision on the drawing; the exact figure in each segment's tooltip.
    expect(plain(svg), budgetRef('EIG 3', 'budget_total')).toContain('2,4 M€ (prévisionnel)');
    expect(plain(svg), budgetRef('EIG 3', 'salaires')).toContain('Salaires des EIG : 2 100 364,09 € (prévisionnel)');
    // The small lines are written out, not only drawn a few pixels wide.
    expect(plain(svg), budgetRef('EIG 1', 'liens_recherche')).toContain('recherche 10 k€');
  });

  it('reads the salaries against the total spending', () => {
    const reading = plain(chart.reading(chart.rows(ctx), ctx));
    expect(reading, budgetRef('Total', 'salaires')).toContain('4 658 243 €');
    expect(reading, budgetRef('Total', 'budget_total')).toContain('5 134 558,47 €');
  });

  it('cites the budget row behind every figure of the report, and lands the #depenses anchor here', () => {
    for (const row of chart.rows(ctx).filter((r) => r._from.some((f) => f.table === 'budget'))) {
      expect(row._from.filter((f) => f.table === 'budget')).toHaveLength(1);
      expect(row._from[0]).toMatchObject({ table: 'budget', source: 'rapport-2019-tableau' });
      // Any other row cited is the original site's, printing the same amount or the line's share.
      for (const other of row._from.slice(1)) expect(other.table).toBe('eig-forever-2019');
    }
    expect(chart.legacyAnchors).toEqual(['depenses']);
  });
});
