import { beforeAll, describe, expect, it } from 'vitest';
import { budgetFigures, budgetTotals, grandTotals, promotionBudgetChecks } from '../../../src/lib/aggregates/budget.ts';
import { indexKeyFigures } from '../../../src/lib/aggregates/key-figures.ts';
import { figuresFor, programmeTotals } from '../../../src/lib/aggregates/programme.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { budgetAmount, keyFigure } from '../../support/reference.ts';
import { loadContext } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

describe('programme figures', () => {
  it('reproduces the published 71 EIG, 45 mentors and 37 défis of promotions 1–3 by adding up their rows', () => {
    const totals = programmeTotals(indexKeyFigures(ctx.tables['chiffres-cles']));
    const total = (indicator: string) => totals.find((t) => t.indicator === indicator)!;
    expect(total('eig').computed.value).toBe(71);
    expect(total('mentors').computed.value).toBe(45);
    expect(total('defis').computed.value).toBe(37);
    for (const indicator of ['eig', 'mentors', 'defis', 'services_laureats', 'candidats_eig']) {
      expect(total(indicator).difference, indicator).toBe(0);
      expect(total(indicator).printed.value).toBe(keyFigure('Total', indicator));
    }
  });

  it('finds that the 85 défis proposed printed by the report are 94 once its rows are added up', () => {
    const check = programmeTotals(indexKeyFigures(ctx.tables['chiffres-cles'])).find(
      (t) => t.indicator === 'defis_proposes',
    )!;
    expect(check.printed.value).toBe(85);
    expect(check.computed.value).toBe(
      keyFigure('EIG 1', 'defis_proposes') +
        keyFigure('EIG 2', 'defis_proposes') +
        keyFigure('EIG 3', 'defis_proposes'),
    );
    expect(check.computed.value).toBe(94);
    expect(check.promotions).toEqual(['EIG 1', 'EIG 2', 'EIG 3']);
    expect(check.computed.from.map((r) => r.line)).toHaveLength(3);
  });

  it('keeps, for every figure, the line of chiffres-cles.csv it was read from', () => {
    const kf = indexKeyFigures(ctx.tables['chiffres-cles']);
    for (const { promotion, indicator, figure } of figuresFor(kf, ['eig', 'age_moyen'])) {
      const row = ctx.tables['chiffres-cles'].find((r) => r._line === figure.from[0]!.line)!;
      expect([row.promotion, row.indicateur, row.valeur]).toEqual([promotion, indicator, figure.value]);
    }
  });
});

describe('budget', () => {
  it('adds the promotions’ spending up to the published 5 134 558,47 €', () => {
    const total = budgetTotals(budgetFigures(ctx.tables.budget)).find((t) => t.indicator === 'budget_total')!;
    expect(total.printed.value).toBe(budgetAmount('Total', 'budget_total'));
    expect(total.computed.value).toBe(5134558.47);
    expect(total.difference).toBe(0);
    expect(grandTotals(budgetFigures(ctx.tables.budget)).envelope?.value).toBe(budgetAmount('Total', 'enveloppe_pia'));
  });

  it('finds the printed salaries total is the sum rounded to the euro (4 658 243 for 4 658 243,47)', () => {
    const salaries = budgetTotals(budgetFigures(ctx.tables.budget)).find((t) => t.indicator === 'salaires')!;
    expect(salaries.printed.value).toBe(4658243);
    expect(salaries.computed.value).toBe(
      budgetAmount('EIG 1', 'salaires') + budgetAmount('EIG 2', 'salaires') + budgetAmount('EIG 3', 'salaires'),
    );
    expect(salaries.difference).toBe(0.47);
  });

  it('checks each promotion’s total against its four spending lines', () => {
    const checks = promotionBudgetChecks(budgetFigures(ctx.tables.budget));
    expect(checks.map((c) => c.promotion)).toEqual(['EIG 1', 'EIG 2', 'EIG 3']);
    for (const check of checks) {
      const lines = ['salaires', 'communication', 'programme_accompagnement', 'liens_recherche'];
      const expected = Math.round(lines.reduce((s, l) => s + budgetAmount(check.promotion, l), 0) * 100) / 100;
      expect(check.computed.value, check.promotion).toBe(expected);
      expect(check.printed.value).toBe(budgetAmount(check.promotion, 'budget_total'));
    }
  });
});
