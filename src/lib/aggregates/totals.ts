/** Printed totals against the sum of the rows they total. */
import { sumOf, type Figure } from '../figures.ts';
import { isTotal } from '../promotion-names.ts';

export interface TotalCheck {
  indicator: string;
  /** The total as printed in the publication (the « Total » row). */
  printed: Figure;
  /** The sum of the rows of the same publication. */
  computed: Figure;
  /** Promotions summed. */
  promotions: string[];
  /** computed − printed. */
  difference: number;
}

/**
 * For each « Total » row, the sum of the other rows of the same indicator cited from the same publication:
 * a total printed in the 2019 report totals that report's promotions, not figures published later.
 */
export function checkTotals(
  series: readonly { promotion: string; figure: Figure }[],
  indicator: string,
): TotalCheck | null {
  const total = series.find((s) => isTotal(s.promotion));
  if (!total) return null;
  const source = total.figure.from[0]?.source;
  const parts = series.filter((s) => !isTotal(s.promotion) && s.figure.from[0]?.source === source);
  if (parts.length === 0) return null;
  const computed = sumOf(
    parts.map((p) => p.figure),
    total.figure.unit,
  );
  return {
    indicator,
    printed: total.figure,
    computed,
    promotions: parts.map((p) => p.promotion),
    difference: Math.round((computed.value - total.figure.value) * 100) / 100,
  };
}
