/** Promotions of the programme: how the tables write them, the order they are shown in, and phrases about them. */
import type { Naming } from './csv/schema.ts';
import { listFr, stripAccents } from './text.ts';

/** « EIG 1 », « EIG 12 » (a number from 1, no leading zero) or « DIG », exactly as the tables write them. */
const PROMOTION_NAME = /^(?:EIG [1-9]\d*|DIG)$/u;

/**
 * The programme's naming of its promotions, checked where a table must follow it: a new promotion written the
 * same way (« EIG 8 ») needs no list to edit; one written otherwise is refused with what it probably meant.
 */
export const PROMOTION_NAMING: Naming = {
  rule: 'une promotion s’écrit « EIG n » (n = 1, 2, 3…) ou « DIG »',
  accepts: (value) => PROMOTION_NAME.test(value),
  meant: meantPromotion,
};

/**
 * What a promotion written another way stands for: the website's wordings (« Promotion 8 », « Promotion 3 - DIG »),
 * « dig », or any text holding one promotion number (« EIG8 », « Eig 3 », « EIG 03 »). Null when nothing fits,
 * or when the only number is a year.
 */
function meantPromotion(value: string): string | null {
  const website = promotionFromWebsite(value);
  if (website) return website;
  const letters = stripAccents(value).toUpperCase();
  if (/\bDIG\b/u.test(letters)) return 'DIG';
  const numbers = (letters.match(/\d+/gu) ?? []).map(Number);
  const [n] = numbers;
  return numbers.length === 1 && n! >= 1 && n! < 1000 ? `EIG ${n}` : null;
}

/** EIG promotions in order, then the designers' programme (DIG, 2019), then the programme-wide total. */
export function promotionRank(promotion: string): number {
  const eig = /^EIG\s*(\d+)$/iu.exec(promotion.trim());
  if (eig) return Number(eig[1]);
  if (/^DIG$/iu.test(promotion.trim())) return 100;
  if (/^total$/iu.test(promotion.trim())) return 1000;
  return 500;
}

export function byPromotion<T>(get: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const p = get(a);
    const q = get(b);
    return p === q ? 0 : promotionRank(p) - promotionRank(q) || p.localeCompare(q, 'fr');
  };
}

export const isTotal = (promotion: string) => /^total$/iu.test(promotion.trim());
export const isEigPromotion = (promotion: string) => /^EIG\s*\d+$/iu.test(promotion.trim());

/**
 * Promotions as a phrase: « promotion 3 », « promotions 1 et 2 », « promotions 1 à 3 » (a run of three or
 * more), « promotions 1, 3 et 4 »; other names (DIG) are listed as they are.
 */
export function promotionSpan(promotions: readonly string[]): string {
  const numbers = promotions.map((p) => /^EIG\s*(\d+)$/iu.exec(p.trim())?.[1]).map(Number);
  if (promotions.length === 0) return '';
  if (numbers.some((n) => Number.isNaN(n))) return listFr(promotions);
  if (numbers.length === 1) return `promotion ${numbers[0]}`;
  const consecutive = numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
  if (consecutive && numbers.length >= 3) return `promotions ${numbers[0]} à ${numbers.at(-1)}`;
  return `promotions ${listFr(numbers.map(String))}`;
}

/** « EIG 1 (2017) »: a promotion with the year it started, when the data gives it. */
export function promotionWithYear(name: string, promotions: readonly Promotion[]): string {
  const year = promotions.find((p) => p.name === name)?.year;
  return year ? `${name} (${year})` : name;
}

export interface Promotion {
  name: string;
  /** The year the promotion started, as the tables give it (the most frequent `annee` of its rows), or null. */
  year: number | null;
}

/**
 * Every promotion named in any table's `promotion` column (the « Total » rows aside), in programme order: a
 * new promotion in the data appears on the site without a list to edit.
 */
export function promotionsOf(data: Record<string, readonly object[]>): Promotion[] {
  const years = new Map<string, Map<number, number>>();
  for (const rows of Object.values(data)) {
    for (const row of rows as readonly { promotion?: unknown; annee?: unknown }[]) {
      if (typeof row.promotion !== 'string' || row.promotion.trim() === '' || isTotal(row.promotion)) continue;
      const counts = years.get(row.promotion) ?? years.set(row.promotion, new Map()).get(row.promotion)!;
      if (typeof row.annee === 'number') counts.set(row.annee, (counts.get(row.annee) ?? 0) + 1);
    }
  }
  return [...years]
    .map(([name, counts]) => ({
      name,
      year: [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? null,
    }))
    .sort(byPromotion((p) => p.name));
}

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
