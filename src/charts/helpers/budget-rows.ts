/** Budget rows and the look of forecast amounts, shared by the budget charts. */
import type { BudgetFigure } from '../../lib/aggregates/budget.ts';
import { BUDGET_LINE_LABELS, BUDGET_STATUS_LABELS, label } from '../../lib/labels.ts';
import { isTotal } from '../../lib/promotion-names.ts';
import { listFr, of } from '../../lib/text.ts';
import type { ChartRow, Column } from '../types.ts';

export type BudgetRow = {
  promotion: string;
  poste: string;
  montant: number;
  statut: string;
};

export const FORECAST_STATUS = label(BUDGET_STATUS_LABELS, 'previsionnel');

export const isForecast = (row: { statut: string }) => row.statut === FORECAST_STATUS;

/**
 * Forecast amounts are drawn lighter, with a dashed outline in the series colour, and always labelled
 * « prévisionnel » in text: the difference never rests on colour alone. The class lets the site's dark mode
 * keep them lighter (a transparent fill on a dark page would be darker).
 */
export const FORECAST_STYLE = {
  fillOpacity: 0.35,
  strokeDasharray: '4,3',
  strokeWidth: 1.5,
  className: 'forecast',
} as const;

/**
 * The key note of a chart with forecast amounts (ChartDef.keyNotes): which promotions, and how their bars look
 * (FORECAST_STYLE) unless the chart only writes the amounts.
 */
export function forecastKeyNotes(
  rows: readonly { promotion: string; statut: string }[],
  { drawn = true } = {},
): string[] {
  const promotions = [...new Set(rows.filter((r) => isForecast(r) && !isTotal(r.promotion)).map((r) => r.promotion))];
  if (promotions.length === 0) return [];
  const look = drawn ? ' : en clair, contour pointillé' : '';
  return [`Montants ${of(listFr(promotions))} prévisionnels (rapport de juin 2019)${look}.`];
}

export function toBudgetRow(f: BudgetFigure): ChartRow<BudgetRow> {
  return {
    promotion: f.promotion,
    poste: label(BUDGET_LINE_LABELS, f.line),
    montant: f.figure.value,
    statut: label(BUDGET_STATUS_LABELS, f.status),
    _from: f.figure.from,
  };
}

/** The data table of a budget chart; `lineLabel` names the `poste` column (a spending line, or an amount). */
export const budgetColumns = (lineLabel: string): Column<BudgetRow>[] => [
  { key: 'promotion', label: 'Promotion', kind: 'texte' },
  { key: 'poste', label: lineLabel, kind: 'texte' },
  { key: 'montant', label: 'Euros', kind: 'euros' },
  { key: 'statut', label: 'Statut', kind: 'texte' },
];
