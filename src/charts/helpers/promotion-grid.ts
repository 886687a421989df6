/**
 * Défis counted by a category (theme, expertise) and promotion, drawn as a table: one line per category, one column
 * per promotion (named at its head), each cell the count written on a tint that darkens with it, and the category's
 * total as a bar. A promotion is read from its column, never from a colour; the promotions come from
 * the rows.
 */
import * as Plot from '@observablehq/plot';
import type { CurrentDefi } from '../../lib/aggregates/current-defis.ts';
import type { Count } from '../../lib/aggregates/defis.ts';
import { formatNumber } from '../../lib/format.ts';
import { byPromotion } from '../../lib/promotion-names.ts';
import { plural } from '../../lib/text.ts';
import type { ChartRow, PlotContext } from '../types.ts';
import { textWidth } from '../../lib/text.ts';
import { wrappedTicks } from './margins.ts';

export type StackRow = { categorie: string; promotion: string; defis: number; defis_categorie: number };

/** One row per (category, promotion) with défis, categories in the order of `counts` (the largest first). */
export function stackRows(
  counts: readonly Count[],
  defis: readonly CurrentDefi[],
  keysOf: (d: CurrentDefi) => readonly string[],
): ChartRow<StackRow>[] {
  return counts.flatMap((count) => {
    const members = defis.filter((d) => keysOf(d).includes(count.key));
    const promotions = [...new Set(members.map((d) => d.promotion))].sort(byPromotion((p) => p));
    return promotions.map((promotion) => {
      const ofPromotion = members.filter((d) => d.promotion === promotion);
      return {
        categorie: count.label,
        promotion,
        defis: ofPromotion.length,
        defis_categorie: count.figure.value,
        _from: ofPromotion.map((d) => d.ref),
      };
    });
  });
}

const FONT_SIZE = 11;
/** Height of a category's line. */
const LINE = 22;

export function stackPlot(rows: readonly StackRow[], { narrow, width, palette }: PlotContext): Plot.PlotOptions {
  const promotions = [...new Set(rows.map((r) => r.promotion))].sort(byPromotion((p) => p));
  const categories = [...new Set(rows.map((r) => r.categorie))];
  const totals = categories.map((categorie) => ({
    categorie,
    defis: rows.find((r) => r.categorie === categorie)!.defis_categorie,
  }));
  const ticks = wrappedTicks(categories, { max: narrow ? 104 : 190 });
  const max = Math.max(...totals.map((t) => t.defis));
  const widest = Math.max(...rows.map((r) => textWidth(formatNumber(r.defis), FONT_SIZE)));
  // Columns as wide as their counts need, at least; the totals' bars take what is left on a wide screen.
  const totalWidth = narrow ? Math.ceil(textWidth(formatNumber(max), FONT_SIZE) + 10) : Math.round(width * 0.25);
  const column = Math.max(widest + 6, Math.min(48, (width - ticks.margin - totalWidth - 8) / promotions.length));
  const gridRight = ticks.margin + column * promotions.length;
  const upright = promotions.every((p) => textWidth(p, FONT_SIZE) <= column - 4);
  const headerHeight = upright
    ? 22
    : Math.ceil(Math.max(...[...promotions, 'Total'].map((p) => textWidth(p, FONT_SIZE)))) + 10;
  const centre = (promotion: string) => ticks.margin + column * (promotions.indexOf(promotion) + 0.5);
  const largest = Math.max(...rows.map((r) => r.defis));
  const barStart = gridRight + 10;
  const barLength = (n: number) => (narrow ? 0 : ((width - barStart - 30) * n) / max);
  const header: Plot.TextOptions = {
    y: () => categories[0],
    dy: -LINE / 2 - 6,
    fontSize: FONT_SIZE,
    ...(upright ? { textAnchor: 'middle' } : { rotate: -90, textAnchor: 'start' }),
  };
  return {
    height: headerHeight + categories.length * LINE + 8,
    marginTop: headerHeight,
    marginBottom: 8,
    marginLeft: 0,
    marginRight: 0,
    x: { type: 'identity', axis: null },
    y: { domain: categories, axis: null, padding: 0 },
    color: { domain: ['défis'], range: palette },
    marks: [
      Plot.axisY({ anchor: 'left', label: null, tickSize: 0, dx: ticks.margin, tickFormat: ticks.tickFormat }),
      // A light line under each category, for the eye to follow it across.
      Plot.ruleY(categories.slice(0, -1), { x1: 0, x2: width, dy: LINE / 2, strokeOpacity: 0.12 }),
      // The tint stays light enough for the count written on it to keep its contrast, in both themes.
      Plot.barX(rows, {
        x1: (d) => centre(d.promotion) - column / 2 + 1,
        x2: (d) => centre(d.promotion) + column / 2 - 1,
        y: 'categorie',
        insetTop: 1,
        insetBottom: 1,
        fill: () => 'défis',
        fillOpacity: (d) => 0.12 + (0.38 * d.defis) / largest,
        title: (d) =>
          `${d.categorie} — ${d.promotion} : ${formatNumber(d.defis)} ${plural(d.defis, 'défi')} (${formatNumber(d.defis_categorie)} toutes promotions)`,
      }),
      Plot.text(rows, {
        x: (d) => centre(d.promotion),
        y: 'categorie',
        text: (d) => formatNumber(d.defis),
        fontSize: FONT_SIZE,
      }),
      Plot.text(promotions, { ...header, x: centre, text: (p) => p }),
      ...(narrow
        ? [
            Plot.text(totals, {
              x: barStart,
              y: 'categorie',
              text: (d) => formatNumber(d.defis),
              textAnchor: 'start',
              fontWeight: 'bold',
              fontSize: FONT_SIZE,
            }),
            Plot.text(['Total'], { ...header, x: barStart + 4, text: (t) => t, fontWeight: 'bold' }),
          ]
        : [
            Plot.rectX(totals, {
              x1: barStart,
              x2: (d) => barStart + barLength(d.defis),
              y: 'categorie',
              insetTop: 5,
              insetBottom: 5,
              fill: () => 'défis',
              title: (d) => `${d.categorie} : ${formatNumber(d.defis)} ${plural(d.defis, 'défi')}, toutes promotions`,
            }),
            Plot.text(totals, {
              x: (d) => barStart + barLength(d.defis),
              y: 'categorie',
              text: (d) => formatNumber(d.defis),
              textAnchor: 'start',
              dx: 4,
              fontSize: FONT_SIZE,
            }),
            Plot.text(['Toutes promotions'], {
              y: () => categories[0],
              dy: -LINE / 2 - 6,
              x: barStart,
              text: (t) => t,
              textAnchor: 'start',
              fontSize: FONT_SIZE,
            }),
          ]),
    ],
  };
}
