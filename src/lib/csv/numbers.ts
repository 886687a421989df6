/** Reading numbers written the French way (and a few other ways spreadsheets export them). */
import { shown } from './errors.ts';

export type DecimalMark = ',' | '.';

export type NumberParse = { ok: true; value: number | null; suffix: '' | '€' | '%' } | { ok: false; reason: string };

/** What a cell says about itself beyond its value: whether it could be read two ways, and which mark it proves. */
export interface NumberAnalysis {
  result: NumberParse;
  /** « 1.500 », « 12,345 »: one `.` or `,` after 1–3 digits and before exactly 3 — thousands or decimals. */
  ambiguous: boolean;
  /** The decimal mark this cell proves its file uses, when it proves one. */
  evidence: DecimalMark | null;
}

const SUFFIX = /\s*(€|eur|euros?|%)$/iu;
// A lone dash, with or without a currency sign, is how French accounting spreadsheets print zero (« -   € »).
const ACCOUNTING_ZERO = /^[-\u2013\u2014\u2212]$/u;
const SIGN = /^([-+\u2212])[\u0020\u00a0\u202f]*/u;
// Digits, with single separators between runs of digits: `.`, `,` or a space that can group digits (no-break
// U+00A0, figure U+2007, thin U+2009 and narrow no-break U+202F included; not tabs or line breaks).
const BODY = /^\d+(?:[.,\u0020\u00a0\u2007\u2009\u202f]\d+)*$/u;
const SEPARATOR = /[.,\u0020\u00a0\u2007\u2009\u202f]/gu;

/**
 * Parses « 1 234,56 € », « 56 % », « 1.234,56 », « 4658243 », « 756553.38 », « -€ ».
 * An empty cell is missing (`null`), never zero; a lone dash (« - », « -€ ») is zero, as accountants write it.
 * Thousands separators must sit every three digits (« 12 34 » is refused, not read as 1234).
 * When a single `.` or `,` follows 1–3 digits and precedes exactly three (« 1.500 »), it could group thousands
 * or mark decimals: `decimalHint` (the file's convention) decides.
 */
export function parseNumber(raw: string, decimalHint: DecimalMark = ','): NumberParse {
  return analyseNumber(raw, decimalHint).result;
}

/** The decimal mark a single cell proves its file uses (« 12,5 » → `,`; « 1.234.567 » → `,`), or null. */
export function decimalMarkEvidence(raw: string): DecimalMark | null {
  return analyseNumber(raw, ',').evidence;
}

export function analyseNumber(raw: string, decimalHint: DecimalMark = ','): NumberAnalysis {
  const fail = (detail = ''): NumberAnalysis => ({
    result: { ok: false, reason: `nombre illisible ${shown(raw)}${detail}` },
    ambiguous: false,
    evidence: null,
  });
  let s = raw.trim();
  if (s === '') return { result: { ok: true, value: null, suffix: '' }, ambiguous: false, evidence: null };
  let suffix: '' | '€' | '%' = '';
  const m = SUFFIX.exec(s);
  if (m) {
    suffix = m[1] === '%' ? '%' : '€';
    s = s.slice(0, m.index);
  }
  if (ACCOUNTING_ZERO.test(s) && suffix !== '%')
    return { result: { ok: true, value: 0, suffix }, ambiguous: false, evidence: null };
  const sign = SIGN.exec(s);
  const negative = sign !== null && sign[1] !== '+';
  if (sign) s = s.slice(sign[0].length);
  if (!BODY.test(s)) return fail();

  const runs = s.split(SEPARATOR);
  const marks = (s.match(SEPARATOR) ?? []).map((c) => (c === '.' || c === ',' ? c : ' '));
  let intRuns = runs;
  let frac = '';
  let decimal: DecimalMark | null = null;
  let group: string | null = null;
  let ambiguous = false;
  const last = marks.at(-1);
  if (last === ',' || last === '.') {
    const earlier = marks.slice(0, -1);
    if (earlier.includes(last)) {
      group = last; // « 1.234.567 »: repeated, so it groups
    } else if (earlier.length > 0) {
      decimal = last; // « 1 234,56 », « 1.234,56 », « 1,234.56 »
      group = earlier[0]!;
    } else {
      ambiguous = /^[1-9]\d{0,2}$/u.test(runs[0]!) && runs[1]!.length === 3;
      if (ambiguous && last !== decimalHint) group = last;
      else decimal = last;
    }
    if (decimal !== null) {
      intRuns = runs.slice(0, -1);
      frac = runs.at(-1)!;
    }
  } else if (last === ' ') {
    group = ' ';
  }
  if (group !== null) {
    const groupMarks = decimal === null ? marks : marks.slice(0, -1);
    if (groupMarks.some((c) => c !== group)) return fail();
    const [head, ...tail] = intRuns;
    if (!/^[1-9]\d{0,2}$/u.test(head!) || tail.some((r) => r.length !== 3)) {
      return fail(' (séparateur de milliers mal placé)');
    }
  }
  const int = intRuns.join('');
  const magnitude = Number(int);
  if (!Number.isSafeInteger(magnitude)) {
    return { result: { ok: false, reason: `nombre hors limites ${shown(raw)}` }, ambiguous: false, evidence: null };
  }
  const value = Number(frac ? `${int}.${frac}` : int) * (negative ? -1 : 1);
  const punctuation = group === '.' || group === ',' ? group : null;
  const evidence = ambiguous ? null : (decimal ?? (punctuation === '.' ? ',' : punctuation === ',' ? '.' : null));
  return { result: { ok: true, value: value === 0 ? 0 : value, suffix }, ambiguous, evidence };
}

/** The decimal mark a file uses when none of its numbers shows it: semicolon and tab files come from French spreadsheets. */
export function decimalMarkFor(delimiter: string): DecimalMark {
  return delimiter === ',' ? '.' : ',';
}
