/**
 * Totals a publication printed against the sum of the promotions it covers: the programme's key figures
 * (« 85 défis proposés », when the promotions add up to 94) and the budget's lines and promotions.
 */
import type { Figures } from '../aggregates/index.ts';
import type { TotalCheck } from '../aggregates/totals.ts';
import { formatFigure } from '../format.ts';
import { BUDGET_LINE_LABELS, INDICATOR_LABELS, label } from '../labels.ts';
import { listFr, lowerFirst, slugify } from '../text.ts';
import { judge } from './comparison.ts';
import type { QualityCheck } from './quality-check.ts';

/** A euro or a person: a printed total within one of the sum is the sum, rounded. */
const TOTAL_TOLERANCE = 1;

function totalCheck(check: TotalCheck, what: string, idPrefix: string): QualityCheck {
  const severity = judge(check.computed.value, check.printed.value, { tolerance: TOTAL_TOLERANCE });
  const printed = formatFigure(check.printed);
  const computed = formatFigure(check.computed);
  const scope = `des promotions ${listFr(check.promotions)}`;
  const title =
    severity === 'conforme'
      ? `${what} : le total publié (${printed}) est bien la somme ${scope}.`
      : severity === 'arrondi'
        ? `${what} : le total publié (${printed}) est la somme ${scope} (${computed}), arrondie.`
        : `${what} : le total publié est ${printed}, mais la somme ${scope} donne ${computed}.`;
  return {
    id: `${idPrefix}-${slugify(check.indicator)}`,
    severity,
    title,
    figures: [
      { label: 'Total publié', figure: check.printed },
      { label: `Somme ${scope}`, figure: check.computed },
    ],
  };
}

export function programmeTotalChecks(inputs: Figures): QualityCheck[] {
  return inputs.programmeTotals.map((c) => totalCheck(c, label(INDICATOR_LABELS, c.indicator), 'total'));
}

export function budgetChecks(inputs: Figures): QualityCheck[] {
  const lines = inputs.budgetTotals.map((c) =>
    totalCheck(c, `Budget, ${lowerFirst(label(BUDGET_LINE_LABELS, c.indicator))}`, 'total-budget'),
  );
  const promotions = inputs.promotionBudgetChecks.map<QualityCheck>((c) => {
    const severity = judge(c.computed.value, c.printed.value, { tolerance: TOTAL_TOLERANCE });
    return {
      id: `budget-total-${slugify(c.promotion)}`,
      severity,
      title:
        severity === 'conforme'
          ? `Budget ${c.promotion} : les dépenses totales publiées (${formatFigure(c.printed)}) sont bien la somme des quatre postes.`
          : `Budget ${c.promotion} : dépenses totales publiées ${formatFigure(c.printed)}, somme des postes ${formatFigure(c.computed)}.`,
      figures: [
        { label: 'Dépenses totales publiées', figure: c.printed },
        { label: 'Somme des postes', figure: c.computed },
      ],
    };
  });
  return [...lines, ...promotions];
}
