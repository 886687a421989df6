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
