/**
 * The original data.eig-forever.org's figures beside the other publications' on one chart: a row that shows the
 * same figure as the original also cites the original's row (so the JSON and the table say both publications
 * print it); where they differ, the chart shows both.
 */
import type { OriginalFigure } from '../../lib/aggregates/original-site.ts';
import type { Figure, RowRef } from '../../lib/figures.ts';
import { formatNumber, NBSP } from '../../lib/format.ts';

const refKey = (r: RowRef) => `${r.table}:${r.line}`;

/** Both rows' references, once each, in order. */
export function mergedRefs(...lists: readonly (readonly RowRef[])[]): RowRef[] {
  return [...new Map(lists.flat().map((r) => [refKey(r), r])).values()];
}

/** The original's figure, when it prints exactly `value`. */
export function sameAs(original: OriginalFigure | null, value: number): Figure | null {
  return original?.figure && Math.abs(original.figure.value - value) < 1e-9 ? original.figure : null;
}

/** « 95,58 % »: the original's shares keep their two decimals (formatPercent writes one). */
export function percentAsPrinted(value: number): string {
  return `${formatNumber(value)}${NBSP}%`;
}

/** Said of a figure the original wrote as 0 while it could not know it yet. */
export const NOT_YET_KNOWN = 'pas encore connu';
