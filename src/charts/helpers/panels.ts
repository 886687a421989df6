/** Faceted bar charts (one panel per promotion or measure, stacked with fy). */
import * as Plot from '@observablehq/plot';

/** The title of each panel, in bold above it, from the left edge of the chart (over the y-axis labels). */
export function panelTitles(
  panels: readonly string[],
  {
    marginLeft,
    narrow,
    dy = -12,
    text = (panel) => panel,
  }: { marginLeft: number; narrow: boolean; dy?: number; text?: (panel: string) => string },
) {
  return Plot.text(panels, {
    fy: (d) => d,
    text,
    frameAnchor: 'top-left',
    textAnchor: 'start',
    dx: -marginLeft + 4,
    dy,
    fontWeight: 'bold',
    fontSize: narrow ? 11 : 12,
  });
}
