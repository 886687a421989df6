/**
 * Test helpers that rewrite snapshot tables in the other ways French open data arrives: other encodings,
 * separators, decimal marks, quoting, line endings, header spellings. Written independently of the reader
 * (csv-parse only splits the committed files; writing and encoding are done here by hand).
 *
 * The tables are those of the small fixture (tests/fixtures/small), not data/: the properties assume things of
 * their content (every character has a Windows-1252 byte, numbers are written « 1234.5 »), which a fetch could
 * break without the reader being wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readTableOrThrow, type TableRead } from '../../../src/lib/csv/parse-table.ts';
import type { ColumnType, TableSpec } from '../../../src/lib/csv/schema.ts';
import { tableNames, tables, type TableName } from '../../../src/lib/tables.ts';
import { fixtureDir } from '../../support/fixtures.ts';

export const NBSP = '\u00a0';
export const NNBSP = '\u202f';

export interface SnapshotTable {
  name: TableName;
  spec: TableSpec;
  file: string;
  bytes: Uint8Array;
  /** Header then data records, as strings, exactly as in the committed file. */
  records: string[][];
  read: TableRead<TableSpec>;
}

export function loadSnapshotTables(dir = fixtureDir('small')): SnapshotTable[] {
  return tableNames.map((name) => {
    const spec: TableSpec = tables[name];
    const file = join(dir, 'snapshot', spec.file);
    const bytes = new Uint8Array(readFileSync(file));
    const records = parse(Buffer.from(bytes).toString('utf8'), { relax_column_count: false }) as string[][];
    return { name, spec, file, bytes, records, read: readTableOrThrow(bytes, spec, file) };
  });
}

export function columnType(spec: TableSpec, header: string): ColumnType | undefined {
  return spec.columns[header]?.type;
}

export const NUMERIC_TYPES: readonly ColumnType[] = ['count', 'decimal', 'euros', 'percent', 'year'];

// ---- writing CSV ----

export type Quoting = 'minimal' | 'all' | boolean[][];

export interface CsvStyle {
  delimiter: ',' | ';' | '\t';
  eol: '\n' | '\r\n' | '\r';
  quoting: Quoting;
  /** Line endings written after the last record (0 = no final newline). */
  trailingEols: number;
}

export function needsQuotes(cell: string, delimiter: string): boolean {
  return cell.includes(delimiter) || /["\r\n]/u.test(cell) || cell !== cell.trim();
}

export function quote(cell: string): string {
  return `"${cell.replaceAll('"', '""')}"`;
}

export function writeCsv(records: string[][], style: CsvStyle): string {
  const lines = records.map((record, r) =>
    record
      .map((cell, c) => {
        const forced = style.quoting === 'all' || (Array.isArray(style.quoting) && style.quoting[r]?.[c] === true);
        return forced || needsQuotes(cell, style.delimiter) ? quote(cell) : cell;
      })
      .join(style.delimiter),
  );
  return lines.join(style.eol) + style.eol.repeat(style.trailingEols);
}

// ---- encoding ----

export type TestEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le';

// Windows-1252 bytes 0x80–0x9F (the WHATWG table); the other bytes are Latin-1. Undefined bytes are omitted.
const CP1252_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};
const TO_CP1252 = new Map(Object.entries(CP1252_HIGH).map(([byte, char]) => [char, Number(byte)]));

export function canEncodeCp1252(text: string): boolean {
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (!(code < 0x80 || (code >= 0xa0 && code <= 0xff) || TO_CP1252.has(c))) return false;
  }
  return true;
}

export function encode(text: string, encoding: TestEncoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode('\ufeff' + text);
    case 'utf-16le':
      return new Uint8Array(Buffer.from('\ufeff' + text, 'utf16le'));
    case 'windows-1252':
      return Uint8Array.from(
        [...text].map((c) => {
          const code = c.codePointAt(0)!;
          if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
          const byte = TO_CP1252.get(c);
          if (byte === undefined) throw new Error(`pas en Windows-1252 : U+${code.toString(16)}`);
          return byte;
        }),
      );
  }
}

// ---- numbers ----

export interface NumberStyle {
  decimalMark: ',' | '.';
  /** '' for no grouping. */
  group: string;
}

/** Rewrites a number written as in the snapshot (« 756553.38 », « -12 ») in another style, digit for digit. */
export function renderNumber(raw: string, style: NumberStyle, grouped: boolean, suffix = ''): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/u.exec(raw);
  if (!m) throw new Error(`nombre du snapshot inattendu : ${raw}`);
  const [, sign, int, frac] = m as unknown as [string, string, string, string | undefined];
  let intText = int;
  if (grouped && style.group !== '' && int.length > 3) {
    const head = int.length % 3 || 3;
    const groups = [int.slice(0, head)];
    for (let i = head; i < int.length; i += 3) groups.push(int.slice(i, i + 3));
    intText = groups.join(style.group);
  }
  return sign + intText + (frac ? style.decimalMark + frac : '') + suffix;
}

/** « 1.500 », « 12,345 »: one group separator or decimal mark followed by exactly three digits. */
export function isAmbiguous(cell: string): boolean {
  // Every suffix the fuzz writes (« € », « EUR », « euros », « % »), as the reader strips them.
  const body = cell.replace(/[\s\u00a0\u202f]*(€|eur|euros?|%)$/iu, '').trim();
  return /^-?[1-9]\d{0,2}[.,]\d{3}$/u.test(body);
}

/** Physical lines of a file as an upper bound: every line break holds a 0x0A or 0x0D byte. */
export function lineBreakBytes(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0x0a || b === 0x0d) n++;
  return n;
}
