/** Promotions of the programme and the order they are shown in. */

/** EIG promotions in order, then the designers' programme (DIG, 2019), then the programme-wide total. */
export function promotionRank(promotion: string): number {
  const eig = /^EIG\s*(\d+)$/iu.exec(promotion.trim());
  if (eig) return Number(eig[1]);
  if (/^DIG$/iu.test(promotion.trim())) return 100;
  if (/^total$/iu.test(promotion.trim())) return 1000;
  return 500;
}

export function byPromotion<T>(get: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => promotionRank(get(a)) - promotionRank(get(b)) || get(a).localeCompare(get(b), 'fr');
}

export const isTotal = (promotion: string) => /^total$/iu.test(promotion.trim());
export const isEigPromotion = (promotion: string) => /^EIG\s*\d+$/iu.test(promotion.trim());

/** Year each promotion started, as published (EIG 1 in 2017 … EIG 4 in 2020). */
export const promotionYear: Record<string, number> = { 'EIG 1': 2017, 'EIG 2': 2018, 'EIG 3': 2019, 'EIG 4': 2020, DIG: 2019 };
