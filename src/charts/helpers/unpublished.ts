/** Bars a chart does not draw because their figure was not published, said in words (ChartDef.keyNotes). */
import { promotionsBesides, thePromotions } from '../../lib/promotion-names.ts';
import { listFr } from '../../lib/text.ts';
import type { ChartContext } from '../types.ts';

/**
 * « Non publié (pas de barre) : services lauréats d’EIG 4. » — the cells of the promotion × series grid that
 * have no row, grouped by promotion; nothing when every cell has its figure.
 */
export function unpublishedKeyNotes<R>(
  rows: readonly R[],
  promotionOf: (row: R) => string,
  seriesOf: (row: R) => string,
): string[] {
  const promotions = [...new Set(rows.map(promotionOf))];
  const series = [...new Set(rows.map(seriesOf))];
  const present = new Set(rows.map((r) => `${promotionOf(r)}\u0000${seriesOf(r)}`));
  const missing = promotions.flatMap((promotion) => {
    const absent = series.filter((s) => !present.has(`${promotion}\u0000${s}`));
    return absent.length > 0 ? [`${listFr(absent.map((s) => s.toLowerCase()))} (${promotion})`] : [];
  });
  return missing.length > 0 ? [`Non publié, donc pas de barre : ${missing.join(' ; ')}.`] : [];
}

/**
 * « … n’a pas été publié pour les promotions 4 à 7 et les designers d’intérêt général. » — the promotions the data
 * names that no row of the chart has, put in `sentence`; nothing when every promotion has its rows.
 */
export function unpublishedFor(
  shown: readonly string[],
  { promotions }: Pick<ChartContext, 'promotions'>,
  sentence: (them: string) => string,
): string[] {
  const missing = promotionsBesides(shown, promotions);
  return missing.length > 0 ? [sentence(thePromotions(missing))] : [];
}
