/**
 * Défis counted by a category (theme, expertise), one horizontal bar per category stacked by promotion: each
 * promotion keeps its colour from one chart to the next, the promotions coming from the rows.
 */
import * as Plot from '@observablehq/plot';
import type { CurrentDefi } from '../../lib/aggregates/current-defis.ts';
import type { Count } from '../../lib/aggregates/defis.ts';
import { formatNumber } from '../../lib/format.ts';
import { byPromotion } from '../../lib/promotion-names.ts';
import { plural } from '../../lib/text.ts';
import type { ChartRow, PlotContext } from '../types.ts';
import { marginFor } from './margins.ts';

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

export function stackPlot(rows: readonly StackRow[], { narrow, palette }: PlotContext): Plot.PlotOptions {
  const promotions = [...new Set(rows.map((r) => r.promotion))].sort(byPromotion((p) => p));
  const categories = [...new Set(rows.map((r) => r.categorie))];
  const totals = categories.map((categorie) => ({
    categorie,
    defis: rows.find((r) => r.categorie === categorie)!.defis_categorie,
  }));
  return {
    height: categories.length * (narrow ? 22 : 20) + 40,
    marginLeft: marginFor(categories, { min: narrow ? 100 : 170 }),
    marginRight: 36,
    marginBottom: 30,
    x: { grid: true, label: 'Défis', labelArrow: 'none', labelAnchor: 'right', ticks: narrow ? 4 : 8 },
    y: { domain: categories, label: null, tickSize: 0, padding: 0.2 },
    color: { domain: promotions, range: palette },
    marks: [
      Plot.barX(rows, {
        y: 'categorie',
        x: 'defis',
        fill: 'promotion',
        order: promotions,
        title: (d) =>
          `${d.categorie} — ${d.promotion} : ${formatNumber(d.defis)} ${plural(d.defis, 'défi')} (${formatNumber(d.defis_categorie)} toutes promotions)`,
      }),
      Plot.text(totals, {
        y: 'categorie',
        x: 'defis',
        text: (d) => formatNumber(d.defis),
        textAnchor: 'start',
        dx: 4,
        fontSize: 11,
      }),
      Plot.ruleX([0]),
    ],
  };
}
