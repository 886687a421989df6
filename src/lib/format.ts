/**
 * Numbers as French readers write them: « 1 234,56 € », « 56 % », « 4,8 millions d’euros ».
 * Shared by the build (tables, readings, CSV-free labels) and the browser (tooltips), so it only depends on
 * d3-format.
 */
import { formatLocale } from 'd3-format';
import type { Figure, Unit } from './figures.ts';

/** No-break space between digit groups and before units, so « 1 234 € » never breaks across lines. */
export const NBSP = '\u00a0';

const fr = formatLocale({
  decimal: ',',
  thousands: NBSP,
  grouping: [3],
  currency: ['', `${NBSP}€`],
  percent: `${NBSP}%`,
});

const integer = fr.format(',d');
const twoDecimals = fr.format(',.2f');
const oneDecimal = fr.format(',.1f');
const upToTwoDecimals = fr.format(',.2~f');

/** « 1 234 », « 12,5 », « 0,33 ». */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? integer(value) : upToTwoDecimals(value);
}

/** « 800 000 € » for whole euros, « 756 553,38 € » with cents. */
export function formatEuros(value: number): string {
  return (Number.isInteger(value) ? integer(value) : twoDecimals(value)) + `${NBSP}€`;
}

/** « 5,13 M€ » for millions, « 74 209 € » below: for key figures where space is short. */
export function formatEurosShort(value: number): string {
  return Math.abs(value) >= 1e6 ? `${upToTwoDecimals(value / 1e6)}${NBSP}M€` : formatEuros(Math.round(value));
}

const oneDecimalTrimmed = fr.format(',.1~f');

/**
 * An amount at the precision a drawing is read at: « 5,1 M€ », « 757 k€ », « 2,3 k€ », « 450 € » (the exact
 * amount stays in tooltips, tables and downloads).
 */
export function formatEurosRounded(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e6) return `${oneDecimalTrimmed(value / 1e6)}${NBSP}M€`;
  if (size >= 1e4) return `${integer(Math.round(value / 1e3))}${NBSP}k€`;
  if (size >= 1e3) return `${oneDecimalTrimmed(value / 1e3)}${NBSP}k€`;
  return `${integer(Math.round(value))}${NBSP}€`;
}

/**
 * A share at the precision its base allows: whole percents (« 91 % ») where it rests on few units (under 100
 * people or défis, a tenth of a percent is less than one of them), one decimal otherwise.
 */
export function formatPercentRounded(value: number, base: number | null = null): string {
  return base !== null && base >= 100
    ? formatPercent(Math.round(value * 10) / 10)
    : `${integer(Math.round(value))}${NBSP}%`;
}

/** « 56 % » (a value between 0 and 100), « 56,3 % » or « 37,0 % » when not whole (a computed share). */
export function formatPercent(value: number): string {
  return (Number.isInteger(value) ? integer(value) : oneDecimal(value)) + `${NBSP}%`;
}

const UNIT_WORDS: Partial<Record<Unit, [string, string]>> = {
  personnes: ['personne', 'personnes'],
  défis: ['défi', 'défis'],
  services: ['service', 'services'],
  candidatures: ['candidature', 'candidatures'],
  ans: ['an', 'ans'],
  jours: ['jour', 'jours'],
  articles: ['article', 'articles'],
  structures: ['structure', 'structures'],
};

/** A value in its unit, without the unit word for plain counts: « 56 % », « 800 000 € », « 31 ans ». */
export function formatValue(value: number, unit: Unit, { withUnit = false } = {}): string {
  if (unit === 'euros') return formatEuros(value);
  if (unit === 'pourcent') return formatPercent(value);
  if (unit === 'ans') return `${formatNumber(value)}${NBSP}ans`;
  const words = UNIT_WORDS[unit];
  if (withUnit && words) return `${formatNumber(value)}${NBSP}${Math.abs(value) >= 2 ? words[1] : words[0]}`;
  return formatNumber(value);
}

/** A figure as the publication phrased it: « plus de 90 % », « près de 500 ». */
export function formatFigure(
  figure: Pick<Figure, 'value' | 'unit' | 'qualifier'>,
  options?: { withUnit?: boolean },
): string {
  const text = formatValue(figure.value, figure.unit, options);
  return figure.qualifier ? `${figure.qualifier} ${text}` : text;
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
/** As French typography abbreviates them: the short names stay whole. */
const SHORT_MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];

/** « 2019-11 » → « novembre 2019 », or « nov. 2019 » when short. */
export function formatMonth(month: string, { short = false } = {}): string {
  const [year, m] = month.split('-');
  return `${(short ? SHORT_MONTHS : MONTHS)[Number(m) - 1] ?? m} ${year}`;
}

/** « 2026-11-22 » → « 22 novembre 2026 ». */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  if (!month) return year ?? isoDate;
  if (!day) return formatMonth(`${year}-${month}`);
  return `${Number(day) === 1 ? '1er' : Number(day)} ${formatMonth(`${year}-${month}`)}`;
}

/**
 * French typography for prose shown in pages: a no-break space before « : » and inside « », a narrow one before
 * « ; ! ? », and « EIG 1 » kept on one line, so that no line starts with a colon or a lone promotion number.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ :/gu, `${NBSP}:`)
    .replace(/ ([;!?])/gu, '\u202f$1')
    .replace(/« /gu, `«${NBSP}`)
    .replace(/ »/gu, `${NBSP}»`)
    .replace(/\b(EIG|DIG) (\d)/gu, `$1${NBSP}$2`);
}

/** A period in a label: the first and last years joined by an en dash, as in French typography, or one year. */
export function formatYearSpan([first, last]: readonly [number, number]): string {
  return first === last ? String(first) : `${first}\u2013${last}`;
}
