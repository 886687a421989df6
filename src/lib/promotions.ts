/** Promotions of the programme and the order they are shown in. */

/** EIG promotions in order, then the designers' programme (DIG, 2019), then the programme-wide total. */
export function promotionRank(promotion: string): number {
  const eig = /^EIG\s*(\d+)$/iu.exec(promotion.trim());
  if (eig) return Number(eig[1]);
  if (/^DIG$/iu.test(promotion.trim())) return 100;
  if (/^total$/iu.test(promotion.trim())) return 1000;
  return 500;
}

// Sorting a large table compares the same few promotion names millions of times: rank each name once.
const ranks = new Map<string, number>();
const rankOf = (promotion: string) =>
  ranks.get(promotion) ?? ranks.set(promotion, promotionRank(promotion)).get(promotion)!;

export function byPromotion<T>(get: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const p = get(a);
    const q = get(b);
    return p === q ? 0 : rankOf(p) - rankOf(q) || p.localeCompare(q, 'fr');
  };
}

export const isTotal = (promotion: string) => /^total$/iu.test(promotion.trim());
export const isEigPromotion = (promotion: string) => /^EIG\s*\d+$/iu.test(promotion.trim());

/** Year each promotion started, as published (EIG 1 in 2017 … EIG 4 in 2020). */
export const promotionYear: Record<string, number> = {
  'EIG 1': 2017,
  'EIG 2': 2018,
  'EIG 3': 2019,
  'EIG 4': 2020,
  DIG: 2019,
};

/**
 * The promotion a wording of the programme's current website stands for: « Promotion 4 » is EIG 4, « Promotion 3 -
 * DIG » the designers' programme run beside EIG 3. Null for a wording it does not know.
 */
export function promotionFromWebsite(wording: string): string | null {
  const text = wording.trim();
  if (/^promotion\s*3\s*[-–]\s*DIG$/iu.test(text)) return 'DIG';
  const eig = /^promotion\s*(\d+)$/iu.exec(text);
  return eig ? `EIG ${Number(eig[1])}` : null;
}
