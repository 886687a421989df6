/** Promotions of the programme: how the tables write them, the order they are shown in, and phrases about them. */
import type { Naming } from './csv/schema.ts';
import { listFr, ofPhrase, plural, stripAccents } from './text.ts';

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

/** The programmes run beside the EIG promotions, as a sentence names them. */
const OTHER_PROGRAMMES: Record<string, string> = { DIG: 'designers d’intérêt général' };

/** The EIG promotions of a list, then its other names, each once, in programme order. */
function split(promotions: readonly string[]): { numbers: number[]; others: string[] } {
  const sorted = [...new Set(promotions)].sort(byPromotion((p) => p));
  return {
    numbers: sorted.filter(isEigPromotion).map((p) => promotionRank(p)),
    others: sorted.filter((p) => !isEigPromotion(p)),
  };
}

/** « 3 », « 1 et 2 », « 1 à 3 » (a run of three or more), « 1, 3 et 4 ». */
function numberSpan(numbers: readonly number[]): string {
  const consecutive = numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
  return consecutive && numbers.length >= 3 ? `${numbers[0]} à ${numbers.at(-1)}` : listFr(numbers.map(String));
}

/** Two phrases joined: « A et B », or « A ainsi que B » when A has its own « et ». */
const joined = (parts: readonly string[]) =>
  parts.length === 2 && parts[0]!.includes(' et ') ? `${parts[0]} ainsi que ${parts[1]}` : listFr(parts);

/**
 * Promotions as a phrase: « promotion 3 », « promotions 1 et 2 », « promotions 1 à 3 » (a run of three or
 * more), « promotions 1, 3 et 4 »; other names (DIG) follow as they are: « promotions 1 et 2 ainsi que DIG ».
 */
export function promotionSpan(promotions: readonly string[]): string {
  const { numbers, others } = split(promotions);
  const eig = numbers.length === 0 ? [] : [`${plural(numbers.length, 'promotion')} ${numberSpan(numbers)}`];
  return joined([...eig, ...(others.length > 0 ? [listFr(others)] : [])]);
}

/** The phrases of a list of promotions, each with its article: « les promotions 4 à 7 », « les designers d’intérêt général ». */
function withArticles(promotions: readonly string[]): string[] {
  const { numbers, others } = split(promotions);
  const eig =
    numbers.length === 0
      ? []
      : [`${numbers.length === 1 ? 'la' : 'les'} ${promotionSpan(promotions.filter(isEigPromotion))}`];
  return [...eig, ...others.map((o) => (OTHER_PROGRAMMES[o] ? `les ${OTHER_PROGRAMMES[o]}` : `la promotion ${o}`))];
}

/**
 * The same with its article, for a sentence: « la promotion 4 », « les promotions 4 à 7 », « les promotions 4 à 7
 * et les designers d’intérêt général ».
 */
export function thePromotions(promotions: readonly string[]): string {
  return joined(withArticles(promotions));
}

/** After « de »: « de la promotion 3 », « des promotions 4 à n et des designers d’intérêt général ». */
export function ofThePromotions(promotions: readonly string[]): string {
  return joined(withArticles(promotions).map(ofPhrase));
}

/**
 * « de la promotion 1 (2017) à la promotion 4 (2020) », or « la promotion 3 (2019) » alone: the first and the last
 * EIG promotions of a list, with the year each started when the data gives it.
 */
export function promotionRange(names: readonly string[], promotions: readonly Promotion[]): string {
  const { numbers } = split(names);
  const one = (n: number) => {
    const year = promotions.find((p) => p.name === `EIG ${n}`)?.year;
    return `la promotion ${n}${year ? ` (${year})` : ''}`;
  };
  if (numbers.length === 0) return '';
  return numbers.length === 1 ? one(numbers[0]!) : `de ${one(numbers[0]!)} à ${one(numbers.at(-1)!)}`;
}

/**
 * The years these promotions started, when the data gives each one's: [2017, 2019] for EIG 1 to EIG 3 (first and
 * last); null when one of them has no year, so that a sentence never states a period the data does not hold.
 */
export function promotionYears(names: readonly string[], promotions: readonly Promotion[]): [number, number] | null {
  const years = names.map((n) => promotions.find((p) => p.name === n)?.year ?? null);
  if (years.length === 0 || years.some((y) => y === null)) return null;
  const known = years as number[];
  return [Math.min(...known), Math.max(...known)];
}

/** « de 2017 à 2019 », « en 2019 »: a period in a sentence. */
export function yearsPhrase([first, last]: readonly [number, number]): string {
  return first === last ? `en ${first}` : `de ${first} à ${last}`;
}

/**
 * A phrase about these promotions, then their years when the data gives each one's: « des promotions 1 et 2 (de
 * 2017 à 2018) ».
 */
export function withYears(phrase: string, names: readonly string[], promotions: readonly Promotion[]): string {
  const years = promotionYears(names, promotions);
  return `${phrase}${years ? ` (${yearsPhrase(years)})` : ''}`;
}

/** The promotions the data names that `shown` leaves out, in programme order (those a chart has no figure for). */
export function promotionsBesides(shown: readonly string[], promotions: readonly Promotion[]): string[] {
  return promotions.map((p) => p.name).filter((name) => !shown.includes(name));
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
