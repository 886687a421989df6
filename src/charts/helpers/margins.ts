/**
 * Margins wide enough for the labels they hold, measured with the widest usual font (textWidth): a fixed margin
 * cut « Somme des promotions » on phones once labels were set in 11 px.
 */
import { textWidth, wrapToWidth } from '../../lib/text.ts';

/** Room for the widest of `labels` (each line of it), plus `gap` for the tick and its padding. */
export function marginFor(labels: Iterable<string>, { fontSize = 11, gap = 10, min = 0 } = {}): number {
  let widest = 0;
  for (const label of labels)
    for (const line of label.split('\n')) widest = Math.max(widest, textWidth(line, fontSize));
  return Math.max(min, Math.ceil(widest + gap));
}

/**
 * Right margin for labels written just after their bar (`dx` px after it) on a 0–`max` axis: each label ends
 * inside the drawing whatever its bar's length, with at least `min`.
 */
export function marginAfterBars(
  labels: readonly { text: string; value: number }[],
  {
    width,
    marginLeft,
    max,
    min = 0,
    dx = 4,
    fontSize = 11,
  }: { width: number; marginLeft: number; max: number; min?: number; dx?: number; fontSize?: number },
): number {
  const room = width - marginLeft;
  let margin = min;
  for (const { text, value } of labels) {
    const share = value / max;
    if (share <= 0) continue;
    // The label ends at marginLeft + share × (room − margin) + dx + its width, which must be ≤ width.
    const needed = (share * room + dx + textWidth(text, fontSize) - room) / share;
    margin = Math.max(margin, Math.ceil(needed));
  }
  return margin;
}

/**
 * Axis labels of at most `max` px (with `gap` for the tick), wrapped on as many lines as they need (Plot writes
 * « \n » as a line break): the margin they take and the tickFormat that wraps them. Bands must be tall enough for
 * the lines (about 13 px each).
 */
export function wrappedTicks(
  labels: Iterable<string>,
  { max, fontSize = 11, gap = 10 }: { max: number; fontSize?: number; gap?: number },
): { margin: number; tickFormat: (label: string) => string } {
  const all = [...labels];
  // A word longer than `max` (« Santé-Environnement ») does not break: the margin takes it whole.
  const words = all.flatMap((label) => label.split(/[ \t\r\n]+/u));
  const margin = Math.max(Math.min(marginFor(all, { fontSize, gap }), max), marginFor(words, { fontSize, gap }));
  return { margin, tickFormat: (label) => wrapToWidth(label, margin - gap, fontSize).join('\n') };
}
