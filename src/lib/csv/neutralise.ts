/**
 * The raw tables offered as downloads (/tables/<table>.csv), made safe to open in a spreadsheet: a cell that a
 * spreadsheet would run as a formula (=HYPERLINK(…), +cmd|…, @SUM(…), -2+3, a leading tab) gets an apostrophe
 * in front, as the chart CSVs already do (papaparse's escapeFormulae). Everything else is kept byte for byte:
 * a file with no such cell is returned as it is (its SHA-256 stays the manifest's), and in one with such cells
 * only their records are written again, on the same lines, so that « ligne 12 » still means line 12.
 *
 * Numbers are not formulas: « -12,5 », « +5 », « -1 234 € » and the accounting dash « - » (zero) stay as they are.
 */
import { parse } from 'csv-parse/sync';
import { decode, detectDelimiter, type Delimiter } from './decode.ts';

const FORMULA_START = /^[\t\r]|^\s*[=+\-@]/u;
const PLAIN_NUMBER = /^\s*[+-]?(?:\d+|\d{1,3}(?:[ \u00a0\u202f.]\d{3})+)(?:[.,]\d+)?\s*[€%]?\s*$/u;
const ACCOUNTING_ZERO = /^\s*-\s*€?\s*$/u;

export function isFormulaLike(cell: string): boolean {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) && !ACCOUNTING_ZERO.test(cell);
}

export interface Neutralised {
  bytes: Uint8Array;
  /** Cells prefixed with an apostrophe; 0 when `bytes` is the input itself. */
  cells: number;
}

/**
 * `input` with its formula-like cells neutralised. Written in UTF-8 (with its byte order mark if it had one)
 * when anything changed; the input must be a table the reader accepts.
 */
export function neutraliseCsv(input: Uint8Array): Neutralised {
  const { text, encoding } = decode(input);
  const delimiter = detectDelimiter(text);
  const utf8 = Buffer.from(text);
  const ends: number[] = [];
  const records = parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    trim: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    on_record: (cells: string[], context: { bytes: number }) => {
      ends.push(context.bytes);
      return cells;
    },
  }) as string[][];

  let cells = 0;
  let start = 0;
  const parts: string[] = [];
  records.forEach((record, i) => {
    const raw = utf8.subarray(start, ends[i]).toString('utf8');
    start = ends[i]!;
    if (!record.some(isFormulaLike)) {
      parts.push(raw);
      return;
    }
    const eol = /(?:\r\n|\n|\r)$/u.exec(raw)?.[0] ?? '';
    const written = record.map((cell) => {
      if (!isFormulaLike(cell)) return quoted(cell, delimiter);
      cells++;
      return quoted(`'${cell}`, delimiter);
    });
    parts.push(written.join(delimiter) + eol);
  });
  if (cells === 0) return { bytes: input, cells };
  parts.push(utf8.subarray(start).toString('utf8'));
  return { bytes: Buffer.from((encoding === 'utf-8-bom' ? '\ufeff' : '') + parts.join('')), cells };
}

function quoted(cell: string, delimiter: Delimiter): string {
  return cell.includes(delimiter) || /["\r\n]|^\s|\s$/u.test(cell) ? `"${cell.replace(/"/gu, '""')}"` : cell;
}
