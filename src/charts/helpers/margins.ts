/**
 * Margins wide enough for the labels they hold, measured with the widest usual font (textWidth): a fixed margin
 * cut « Somme des promotions » on phones once labels were set in 11 px.
 */
import { textWidth } from '../../lib/text.ts';

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
