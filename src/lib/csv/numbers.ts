/** Reading numbers written the French way (and a few other ways spreadsheets export them). */

export type DecimalMark = ',' | '.';

export type NumberParse =
  | { ok: true; value: number | null; suffix: '' | '€' | '%' }
  | { ok: false; reason: string };

// Any Unicode space, including the no-break (U+00A0) and narrow no-break (U+202F) spaces used to group digits.
const SPACES = /[\s\u00a0\u2007\u202f]/gu;
const SUFFIX = /(€|eur|euros?|%)$/iu;
// A lone dash, with or without a currency sign, is how French accounting spreadsheets print zero (« -   € »).
const ACCOUNTING_ZERO = /^[-–—]$/u;

/**
 * Parses « 1 234,56 € », « 56 % », « 1.234,56 », « 4658243 », « 756553.38 », « -€ ».
 * An empty cell is missing (`null`), never zero; a lone dash (« - », « -€ ») is zero, as accountants write it.
 * When a single `.` or `,` is followed by exactly three digits (« 1.500 »), it could group thousands or mark
 * decimals: `decimalHint` (the file's convention) decides.
 */
export function parseNumber(raw: string, decimalHint: DecimalMark = ','): NumberParse {
  let s = raw.replace(SPACES, '').replace(/\u2212/gu, '-');
  if (s === '') return { ok: true, value: null, suffix: '' };
  let suffix: '' | '€' | '%' = '';
  const m = SUFFIX.exec(s);
  if (m) {
    suffix = m[1] === '%' ? '%' : '€';
    s = s.slice(0, m.index);
  }
  if (ACCOUNTING_ZERO.test(s) && suffix !== '%') return { ok: true, value: 0, suffix };
  const sign = s.startsWith('-') ? -1 : 1;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  if (!/^[\d.,]+$/u.test(s) || !/\d/u.test(s)) return { ok: false, reason: `nombre illisible « ${raw} »` };

  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let intPart: string;
  let fracPart = '';
  let groupMark: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    groupMark = decimalAt === lastDot ? ',' : '.';
    intPart = s.slice(0, decimalAt);
    fracPart = s.slice(decimalAt + 1);
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const parts = s.split(mark);
    const looksGrouped = parts.slice(1).every((p) => p.length === 3) && (parts[0] ?? '').length <= 3;
    if (parts.length > 2 || (looksGrouped && mark !== decimalHint)) {
      groupMark = mark;
      intPart = s;
    } else {
      intPart = parts[0] ?? '';
      fracPart = parts[1] ?? '';
    }
  } else {
    intPart = s;
  }
  if (groupMark !== null) {
    const groups = intPart.split(groupMark);
    const valid =
      groups.length > 0 &&
      (groups[0] ?? '').length >= 1 &&
      (groups[0] ?? '').length <= 3 &&
      groups.slice(1).every((g) => g.length === 3);
    if (!valid || /[.,]/u.test(groups.join(''))) {
      return { ok: false, reason: `nombre illisible « ${raw} » (séparateur de milliers mal placé)` };
    }
    intPart = groups.join('');
  }
  if (!/^\d+$/u.test(intPart) || !/^\d*$/u.test(fracPart)) {
    return { ok: false, reason: `nombre illisible « ${raw} »` };
  }
  const value = sign * Number(fracPart ? `${intPart}.${fracPart}` : intPart);
  if (!Number.isFinite(value)) return { ok: false, reason: `nombre hors limites « ${raw} »` };
  return { ok: true, value: Object.is(value, -0) ? 0 : value, suffix };
}

/** The decimal mark a file most likely uses: semicolon and tab files come from French spreadsheets. */
export function decimalMarkFor(delimiter: string): DecimalMark {
  return delimiter === ',' ? '.' : ',';
}
