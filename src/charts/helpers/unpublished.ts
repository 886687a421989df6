/** Bars a chart does not draw because their figure was not published, said in words (ChartDef.keyNotes). */
import { listFr } from '../../lib/text.ts';

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
