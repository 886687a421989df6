/** Faceted bar charts (one panel per promotion or measure, stacked with fy). */
import * as Plot from '@observablehq/plot';
import { wrapToWidth } from '../../lib/text.ts';

/**
 * The title of each panel, in bold above it, from the left edge of the chart (over the y-axis labels); wrapped to
 * `width` (its last line where a one-line title would be, the others above it: panels need the room).
 */
export function panelTitles(
  panels: readonly string[],
  {
    marginLeft,
    narrow,
    width,
    dy = -12,
    text = (panel) => panel,
  }: { marginLeft: number; narrow: boolean; width: number; dy?: number; text?: (panel: string) => string },
) {
  const fontSize = narrow ? 11 : 12;
  return Plot.text(panels, {
    fy: (d) => d,
    text: (panel: string) => wrapToWidth(text(panel), width - 8, fontSize, { bold: true }).join('\n'),
    frameAnchor: 'top-left',
    textAnchor: 'start',
    lineAnchor: 'bottom',
    lineHeight: 1.2,
    dx: -marginLeft + 4,
    dy: dy + fontSize / 2,
    fontWeight: 'bold',
    fontSize,
  });
}
