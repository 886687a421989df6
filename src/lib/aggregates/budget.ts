/** Budget: the PIA envelope, spending by line, totals, and who paid the EIG's salaries. */
import { published, sumOf, type Figure } from '../figures.ts';
import { byPromotion, isTotal } from '../promotion-names.ts';
import type { Row } from '../tables.ts';
import { checkTotals, type TotalCheck } from './totals.ts';

type BudgetRow = Row<'budget'>;

/** Spending lines, in the order the report lists them; `budget_total` is their sum per promotion. */
export const SPENDING_LINES = ['salaires', 'programme_accompagnement', 'communication', 'liens_recherche'] as const;

export interface BudgetFigure {
  promotion: string;
  line: string;
  /** `realise` (spent), `previsionnel` (forecast), `alloue` (allocated) or `publie` (a printed total). */
  status: string;
  figure: Figure;
}

/** Every row of the budget table read once into a figure (file order), shared by the functions below. */
export function budgetFigures(rows: readonly BudgetRow[]): BudgetFigure[] {
  return rows.map((row) => ({
    promotion: row.promotion,
    line: row.poste,
    status: row.statut,
    figure: published('budget', row, row.montant_eur, 'euros'),
  }));
}

/** Every budget figure of a promotion (not the « Total » rows), in promotion order. */
export function budgetByPromotion(figures: readonly BudgetFigure[], lines?: readonly string[]): BudgetFigure[] {
  return figures
    .filter((f) => !isTotal(f.promotion) && (!lines || lines.includes(f.line)))
    .sort(byPromotion((f) => f.promotion));
}

/** The printed « Total » of each line against the sum of the promotions (4 658 243 printed, 4 658 243,47 summed). */
export function budgetTotals(figures: readonly BudgetFigure[]): TotalCheck[] {
  const lines = [...new Set(figures.map((f) => f.line))];
  return lines
    .map((line) => checkTotals(figures.filter((f) => f.line === line).sort(byPromotion((f) => f.promotion)), line))
    .filter((c): c is TotalCheck => c !== null);
}

export interface PromotionBudgetCheck {
  promotion: string;
  printed: Figure;
  computed: Figure;
  difference: number;
}

/** Each promotion's printed `budget_total` against the sum of its spending lines. */
export function promotionBudgetChecks(figures: readonly BudgetFigure[]): PromotionBudgetCheck[] {
  // Grouped in one pass: a search per promotion is quadratic.
  const groups = new Map<string, BudgetFigure[]>();
  for (const f of budgetByPromotion(figures)) {
    const list = groups.get(f.promotion);
    if (list) list.push(f);
    else groups.set(f.promotion, [f]);
  }
  return [...groups].flatMap(([promotion, ofPromotion]) => {
    const printed = ofPromotion.find((f) => f.line === 'budget_total');
    const lines = ofPromotion.filter((f) => (SPENDING_LINES as readonly string[]).includes(f.line));
    if (!printed || lines.length === 0) return [];
    const computed = sumOf(
      lines.map((l) => l.figure),
      'euros',
    );
    return [
      {
        promotion,
        printed: printed.figure,
        computed,
        difference: Math.round((computed.value - printed.figure.value) * 100) / 100,
      },
    ];
  });
}

/** The programme's grand total: the printed total of all spending, and the total PIA envelope. */
export function grandTotals(figures: readonly BudgetFigure[]): { spending: Figure | null; envelope: Figure | null } {
  const find = (line: string) => figures.find((f) => isTotal(f.promotion) && f.line === line)?.figure ?? null;
  return { spending: find('budget_total'), envelope: find('enveloppe_pia') };
}
