import { beforeAll, describe, expect, it } from 'vitest';
import { budgetFigures, budgetTotals, grandTotals, promotionBudgetChecks } from '../../../src/lib/aggregates/budget.ts';
import { indexKeyFigures } from '../../../src/lib/aggregates/key-figures.ts';
import { figuresFor, programmeTotals } from '../../../src/lib/aggregates/programme.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import {
  budgetAmount,
  budgetRef,
  expectBudgetAmount,
  expectKeyFigure,
  keyFigure,
  keyRef,
} from '../../support/reference.ts';

const PROMOTIONS = ['EIG 1', 'EIG 2', 'EIG 3'];
import { loadContext } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

describe('programme figures', () => {
  it('reproduces the published 71 EIG, 45 mentors and 37 défis of promotions 1–3 by adding up their rows', () => {
    const totals = programmeTotals(indexKeyFigures(ctx.tables['chiffres-cles']));
    const total = (indicator: string) => totals.find((t) => t.indicator === indicator)!;
    expect(total('eig').computed.value, `sum of ${keyRef(PROMOTIONS, 'eig')}`).toBe(71);
    expect(total('mentors').computed.value, `sum of ${keyRef(PROMOTIONS, 'mentors')}`).toBe(45);
    expect(total('defis').computed.value, `sum of ${keyRef(PROMOTIONS, 'defis')}`).toBe(37);
    for (const indicator of ['eig', 'mentors', 'defis', 'services_laureats', 'candidats_eig']) {
      expect(
        total(indicator).difference,
        `${keyRef('Total', indicator)} ; sum of ${keyRef(PROMOTIONS, indicator)}`,
      ).toBe(0);
      expectKeyFigure(total(indicator).printed.value, 'Total', indicator);
    }
  });

  it('finds that the 85 défis proposed printed by the report are 94 once its rows are added up', () => {
    const check = programmeTotals(indexKeyFigures(ctx.tables['chiffres-cles'])).find(
      (t) => t.indicator === 'defis_proposes',
    )!;
    const sum = `sum of ${keyRef(PROMOTIONS, 'defis_proposes')}`;
    expect(check.printed.value, keyRef('Total', 'defis_proposes')).toBe(85);
    expect(check.computed.value, sum).toBe(
      keyFigure('EIG 1', 'defis_proposes') +
        keyFigure('EIG 2', 'defis_proposes') +
        keyFigure('EIG 3', 'defis_proposes'),
    );
    expect(check.computed.value, sum).toBe(94);
    expect(check.promotions, sum).toEqual(['EIG 1', 'EIG 2', 'EIG 3']);
    expect(
      check.computed.from.map((r) => r.line),
      sum,
    ).toHaveLength(3);
  });

  it('keeps, for every figure, the line of chiffres-cles.csv it was read from', () => {
    const kf = indexKeyFigures(ctx.tables['chiffres-cles']);
    for (const { promotion, indicator, figure } of figuresFor(kf, ['eig', 'age_moyen'])) {
      const row = ctx.tables['chiffres-cles'].find((r) => r._line === figure.from[0]!.line)!;
      expect([row.promotion, row.indicateur, row.valeur], keyRef(promotion, indicator)).toEqual([
        promotion,
        indicator,
        figure.value,
      ]);
    }
  });
});

describe('budget', () => {
  it('adds the promotions’ spending up to the published 5 134 558,47 €', () => {
    const total = budgetTotals(budgetFigures(ctx.tables.budget)).find((t) => t.indicator === 'budget_total')!;
    const sum = `sum of ${budgetRef(PROMOTIONS, 'budget_total')}`;
    expectBudgetAmount(total.printed.value, 'Total', 'budget_total');
    expect(total.computed.value, sum).toBe(5134558.47);
    expect(total.difference, `${budgetRef('Total', 'budget_total')} ; ${sum}`).toBe(0);
    expectBudgetAmount(grandTotals(budgetFigures(ctx.tables.budget)).envelope?.value, 'Total', 'enveloppe_pia');
  });

  it('finds the printed salaries total is the sum rounded to the euro (4 658 243 for 4 658 243,47)', () => {
    const salaries = budgetTotals(budgetFigures(ctx.tables.budget)).find((t) => t.indicator === 'salaires')!;
    const sum = `sum of ${budgetRef(PROMOTIONS, 'salaires')}`;
    expect(salaries.printed.value, budgetRef('Total', 'salaires')).toBe(4658243);
    expect(salaries.computed.value, sum).toBe(
      budgetAmount('EIG 1', 'salaires') + budgetAmount('EIG 2', 'salaires') + budgetAmount('EIG 3', 'salaires'),
    );
    expect(salaries.difference, `${budgetRef('Total', 'salaires')} ; ${sum}`).toBe(0.47);
  });

  it('checks each promotion’s total against its four spending lines', () => {
    const checks = promotionBudgetChecks(budgetFigures(ctx.tables.budget));
    expect(
      checks.map((c) => c.promotion),
      budgetRef(PROMOTIONS, 'budget_total'),
    ).toEqual(['EIG 1', 'EIG 2', 'EIG 3']);
    for (const check of checks) {
      const lines = ['salaires', 'communication', 'programme_accompagnement', 'liens_recherche'];
      const expected = Math.round(lines.reduce((s, l) => s + budgetAmount(check.promotion, l), 0) * 100) / 100;
      expect(check.computed.value, `sum of ${lines.map((l) => budgetRef(check.promotion, l)).join(' ; ')}`).toBe(
        expected,
      );
      expectBudgetAmount(check.printed.value, check.promotion, 'budget_total');
    }
  });
});
