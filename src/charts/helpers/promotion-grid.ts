/**
 * Défis counted by a category (theme, expertise) and promotion, drawn as a table: one line per category, one column
 * per promotion (named at its head), each cell the count written on a tint that darkens with it, and the category's
 * total as a bar. A promotion is read from its column, never from a colour; the promotions come from
 * the rows.
 */
import * as Plot from '@observablehq/plot';
import type { CategoryPromotions } from '../../lib/aggregates/category-promotions.ts';
import { formatNumber } from '../../lib/format.ts';
import { byPromotion } from '../../lib/promotion-names.ts';
import { plural } from '../../lib/text.ts';
import type { ChartRow, PlotContext } from '../types.ts';
import { textWidth, wrapToWidth } from '../../lib/text.ts';

export type StackRow = { categorie: string; promotion: string; defis: number; defis_categorie: number };

/** One row per (category, promotion) with défis, categories in the grid's order (the largest first). */
export function stackRows(grid: readonly CategoryPromotions[]): ChartRow<StackRow>[] {
  return grid.flatMap((category) =>
    category.byPromotion.map(({ promotion, figure }) => ({
      categorie: category.label,
      promotion,
      defis: figure.value,
      defis_categorie: category.figure.value,
      _from: figure.from,
    })),
  );
}

const FONT_SIZE = 11;
/** Height of a category's cells. */
const CELL = 20;
const LINE = 14;

export function stackPlot(rows: readonly StackRow[], { narrow, width, palette }: PlotContext): Plot.PlotOptions {
  const promotions = [...new Set(rows.map((r) => r.promotion))].sort(byPromotion((p) => p));
  const categories = [...new Set(rows.map((r) => r.categorie))];
  const totals = categories.map((categorie) => ({
    categorie,
    defis: rows.find((r) => r.categorie === categorie)!.defis_categorie,
  }));
  const max = Math.max(...totals.map((t) => t.defis));
  const widest = Math.max(...rows.map((r) => textWidth(formatNumber(r.defis), FONT_SIZE)));
  // Names left of their line on a wide screen; on a phone above it, so that the columns have the whole width.
  const nameWidth = narrow ? 0 : Math.ceil(Math.min(190, Math.max(...categories.map((c) => textWidth(c, FONT_SIZE)))));
  const left = narrow ? 4 : nameWidth + 10;
  // Columns as wide as their counts need, at least; the totals' bars take what is left on a wide screen.
  const totalWidth = narrow
    ? Math.ceil(textWidth(formatNumber(max), FONT_SIZE, { bold: true }) + 10)
    : Math.round(width * 0.25);
  const column = Math.max(widest + 6, Math.min(48, (width - left - totalWidth - 8) / promotions.length));
  const gridRight = left + column * promotions.length;
  const upright = promotions.every((p) => textWidth(p, FONT_SIZE) <= column - 4);
  const headerHeight = upright
    ? 20
    : Math.ceil(Math.max(...[...promotions, 'Total'].map((p) => textWidth(p, FONT_SIZE)))) + 8;
  const centre = (promotion: string) => left + column * (promotions.indexOf(promotion) + 0.5);
  const largest = Math.max(...rows.map((r) => r.defis));
  const barStart = gridRight + 10;
  const barLength = (n: number) => (narrow ? 0 : ((width - barStart - 30) * n) / max);
  // Each category's line, from the top: its name (above on a phone), then its cells.
  const names: { y: number; text: string }[] = [];
  const middles = new Map<string, number>();
  let y = headerHeight;
  for (const categorie of categories) {
    const text = wrapToWidth(categorie, narrow ? width - 8 : nameWidth, FONT_SIZE);
    if (narrow) {
      names.push({ y: y + 2, text: text.join('\n') });
      y += text.length * LINE + 2;
    }
    const height = narrow ? CELL : Math.max(CELL, text.length * LINE + 4);
    middles.set(categorie, y + height / 2);
    if (!narrow) names.push({ y: y + height / 2, text: text.join('\n') });
    y += height + (narrow ? 6 : 2);
  }
  const middle = (categorie: string) => middles.get(categorie)!;
  const header: Plot.TextOptions = {
    y: () => headerHeight - 4,
    fontSize: FONT_SIZE,
    ...(upright ? { textAnchor: 'middle', lineAnchor: 'bottom' } : { rotate: -90, textAnchor: 'start' }),
  };
  const frameHeight = y;
  return {
    height: frameHeight + 8,
    marginTop: 0,
    marginBottom: 8,
    marginLeft: 0,
    marginRight: 0,
    x: { type: 'identity', axis: null },
    y: { type: 'identity', axis: null },
    color: { domain: ['défis'], range: palette },
    marks: [
      Plot.text(names, {
        x: narrow ? 4 : nameWidth,
        y: 'y',
        text: 'text',
        textAnchor: narrow ? 'start' : 'end',
        lineAnchor: narrow ? 'top' : 'middle',
        lineHeight: LINE / FONT_SIZE,
        fontSize: FONT_SIZE,
      }),
      // A light line under each category, for the eye to follow it across.
      Plot.ruleY(categories.slice(0, -1), {
        y: (c: string) => middle(c) + CELL / 2 + (narrow ? 3 : 1),
        x1: 0,
        x2: width,
        strokeOpacity: 0.12,
      }),
      // The tint stays light enough for the count written on it to keep its contrast, in both themes.
      Plot.rect(rows, {
        x1: (d) => centre(d.promotion) - column / 2 + 1,
        x2: (d) => centre(d.promotion) + column / 2 - 1,
        y1: (d) => middle(d.categorie) - CELL / 2 + 1,
        y2: (d) => middle(d.categorie) + CELL / 2 - 1,
        fill: () => 'défis',
        fillOpacity: (d) => 0.12 + (0.38 * d.defis) / largest,
        title: (d) =>
          `${d.categorie} — ${d.promotion} : ${formatNumber(d.defis)} ${plural(d.defis, 'défi')} (${formatNumber(d.defis_categorie)} toutes promotions)`,
      }),
      Plot.text(rows, {
        x: (d) => centre(d.promotion),
        y: (d) => middle(d.categorie),
        text: (d) => formatNumber(d.defis),
        fontSize: FONT_SIZE,
      }),
      Plot.text(promotions, { ...header, x: centre, text: (p) => p }),
      ...(narrow
        ? [
            Plot.text(totals, {
              x: barStart,
              y: (d) => middle(d.categorie),
              text: (d) => formatNumber(d.defis),
              textAnchor: 'start',
              fontWeight: 'bold',
              fontSize: FONT_SIZE,
            }),
            Plot.text(['Total'], { ...header, x: barStart + 4, text: (t) => t, fontWeight: 'bold' }),
          ]
        : [
            Plot.rect(totals, {
              x1: barStart,
              x2: (d) => barStart + barLength(d.defis),
              y1: (d) => middle(d.categorie) - 5,
              y2: (d) => middle(d.categorie) + 5,
              fill: () => 'défis',
              title: (d) => `${d.categorie} : ${formatNumber(d.defis)} ${plural(d.defis, 'défi')}, toutes promotions`,
            }),
            Plot.text(totals, {
              x: (d) => barStart + barLength(d.defis),
              y: (d) => middle(d.categorie),
              text: (d) => formatNumber(d.defis),
              textAnchor: 'start',
              dx: 4,
              fontSize: FONT_SIZE,
            }),
            Plot.text(['Toutes promotions'], {
              y: () => headerHeight - 4,
              lineAnchor: 'bottom',
              x: barStart,
              text: (t) => t,
              textAnchor: 'start',
              fontSize: FONT_SIZE,
            }),
          ]),
    ],
  };
}
