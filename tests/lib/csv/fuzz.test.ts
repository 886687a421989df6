/**
 * Fuzzing the CSV reader with the tables of the small fixture (see snapshot-variants.ts). Whatever is done to a
 * file, the reader returns typed rows or a DataFileError naming the file (and line/column when it can): never
 * another exception, never NaN or Infinity, never a silently wrong number. Rewritings that keep the meaning (encoding, BOM, separator with
 * the matching decimal mark, quoting, line endings, header spellings and order, an extra column) must give
 * exactly the rows of the committed file.
 *
 * Seeds are fixed so that a failure reproduces; fast-check prints the seed and path of the failing case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../../src/lib/csv/errors.ts';
import { parseTable, type TableResult } from '../../../src/lib/csv/parse-table.ts';
import { LIMITS } from '../../../src/lib/limits.ts';
import type { ColumnType, TableSpec } from '../../../src/lib/csv/schema.ts';
import {
  canEncodeCp1252,
  encode,
  isAmbiguous,
  lineBreakBytes,
  loadSnapshotTables,
  NBSP,
  NNBSP,
  NUMERIC_TYPES,
  quote,
  renderNumber,
  writeCsv,
  type CsvStyle,
  type NumberStyle,
  type SnapshotTable,
  type TestEncoding,
} from './snapshot-variants.ts';

const snapshot = loadSnapshotTables();
const FILE = 'variante.csv';
// About 10 s for the whole file on a 2-core machine; the margin is for a loaded CI runner.
const FUZZ_TIMEOUT = 120_000;
// Properties draw a table's name, so that a failing case prints short.
const anyTable = fc.constantFrom(...snapshot.map((t) => t.name));
const tableOf = (name: string): SnapshotTable => snapshot.find((t) => t.name === name)!;

/** A small deterministic generator for the many per-cell choices a case makes (fast-check draws its seed). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

function read(bytes: Uint8Array | string, spec: TableSpec): TableResult<TableSpec> {
  // Any exception other than a returned DataFileError fails the property with its stack.
  return parseTable(bytes, spec, FILE);
}

/** The invariants every outcome must meet, whatever the input. */
function checkOutcome(result: TableResult<TableSpec>, spec: TableSpec, bytes: Uint8Array): void {
  if (result.ok) {
    let previousLine = 0;
    for (const row of result.rows) {
      const line = row._line;
      expect(Number.isInteger(line) && line > previousLine, `_line ${line} après ${previousLine}`).toBe(true);
      previousLine = line;
      for (const [key, column] of Object.entries(spec.columns)) {
        const value = (row as Record<string, unknown>)[key];
        if (NUMERIC_TYPES.includes(column.type)) {
          if (value !== null || !column.optional)
            expect(Number.isFinite(value), `${key} = ${String(value)}`).toBe(true);
        } else if (column.type === 'list') {
          expect(value === null || Array.isArray(value)).toBe(true);
        } else if (value !== null || !column.optional) {
          expect(typeof value).toBe('string');
        }
      }
    }
    return;
  }
  const error = result.error;
  expect(error).toBeInstanceOf(DataFileError);
  expect(error.message.startsWith(`${FILE}`), error.message).toBe(true);
  expect(error.message).not.toMatch(/[\r\n\u2028\u2029]/u);
  expect(error.message.length).toBeLessThan(700);
  if (error.line !== undefined) {
    expect(Number.isInteger(error.line) && error.line >= 1, error.message).toBe(true);
    expect(error.line, error.message).toBeLessThanOrEqual(lineBreakBytes(bytes) + 1);
    expect(error.message, 'ligne').toContain(`ligne ${error.line}`);
  }
  if (error.column !== undefined) {
    expect(error.line, error.message).toBeDefined();
    expect(error.message).toContain(`colonne ${error.column}`);
  }
}

// ---- meaning-preserving rewritings ----

interface Rewriting {
  encoding: TestEncoding;
  style: CsvStyle;
  numbers: NumberStyle;
  seed: number;
  shuffleColumns: boolean;
  renameHeaders: boolean;
  extraColumn: boolean;
}

const SPACE_GROUPS = ['', ' ', NBSP, NNBSP] as const;
const EXTRA_NAMES = ['Identifiant interne', 'Mise à jour le', 'zz_ajout'];

const rewritingArb: fc.Arbitrary<Rewriting> = fc.record({
  encoding: fc.constantFrom<TestEncoding>('utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le'),
  style: fc.record({
    delimiter: fc.constantFrom<CsvStyle['delimiter']>(',', ';', '\t'),
    eol: fc.constantFrom<CsvStyle['eol']>('\n', '\r\n', '\r'),
    quoting: fc.constantFrom<'minimal' | 'all'>('minimal', 'all'),
    trailingEols: fc.integer({ min: 0, max: 3 }),
  }),
  numbers: fc.record({
    decimalMark: fc.constantFrom<',' | '.'>(',', '.'),
    group: fc.constantFrom(...SPACE_GROUPS),
  }),
  seed: fc.integer(),
  shuffleColumns: fc.boolean(),
  renameHeaders: fc.boolean(),
  extraColumn: fc.boolean(),
});

function suffixes(type: ColumnType): string[] {
  if (type === 'euros') return ['', '€', ' €', `${NBSP}€`, ' EUR', ' euros'];
  if (type === 'percent') return ['', '%', ' %', `${NNBSP}%`];
  return [''];
}

/** The cell written for a snapshot cell of the given type, meaning exactly the same number. */
function rewriteNumber(raw: string, type: ColumnType, numbers: NumberStyle, rand: () => number): string {
  if (raw === '') return rand() < 0.2 ? ' ' : '';
  if (raw === '0' && type !== 'year' && rand() < 0.4) {
    return type === 'euros' ? pick(rand, ['-', '-€', '-   €', '–', '- €']) : '-';
  }
  return renderNumber(raw, numbers, type !== 'year' && rand() < 0.6, pick(rand, suffixes(type)));
}

function headerSpelling(spec: TableSpec, key: string, rand: () => number): string {
  const name = pick(rand, [key, ...(spec.columns[key]?.aliases ?? [])]);
  const cased = pick(rand, [name, name.toUpperCase(), name.charAt(0).toUpperCase() + name.slice(1)]);
  return pick(rand, ['', ' ']) + cased + pick(rand, ['', ' ', '  ']);
}

interface Variant {
  records: string[][];
  text: string;
  bytes: Uint8Array;
  extraName: string | null;
}

function rewrite(table: SnapshotTable, r: Rewriting): Variant {
  const rand = prng(r.seed);
  const [header, ...rows] = table.records as [string[], ...string[][]];
  let records = [
    r.renameHeaders ? header.map((key) => headerSpelling(table.spec, key, rand)) : [...header],
    ...rows.map((row) =>
      row.map((cell, j) => {
        const type = table.spec.columns[header[j]!]?.type;
        return type && NUMERIC_TYPES.includes(type) ? rewriteNumber(cell, type, r.numbers, rand) : cell;
      }),
    ),
  ];
  if (r.shuffleColumns) {
    const order = header.map((_, j) => j).sort(() => rand() - 0.5);
    records = records.map((record) => order.map((j) => record[j]!));
  }
  let extraName: string | null = null;
  if (r.extraColumn) {
    extraName = pick(rand, EXTRA_NAMES);
    const at = Math.floor(rand() * (header.length + 1));
    records = records.map((record, i) => {
      const value = i === 0 ? extraName! : pick(rand, ['', 'x', 'A; B, C', '"cité"', 'é à ç', '42']);
      return [...record.slice(0, at), value, ...record.slice(at)];
    });
  }
  let text = writeCsv(records, r.style);
  // Windows-1252 has the no-break space but not the narrow one: Windows software writes the former. Nor has it
  // combining accents (a file name of the programme's website writes « é » as e + U+0301): converting composes them.
  if (r.encoding === 'windows-1252') text = text.replaceAll(NNBSP, NBSP).normalize('NFC');
  expect(r.encoding !== 'windows-1252' || canEncodeCp1252(text), 'encodable en Windows-1252').toBe(true);
  return { records, text, bytes: encode(text, r.encoding), extraName };
}

describe('meaning-preserving rewritings of the tables give the same rows', () => {
  it(
    'encoding, BOM, separator and decimal mark, grouping, suffixes, quoting, line endings, headers, extra column',
    () => {
      fc.assert(
        fc.property(anyTable, rewritingArb, (name, r) => {
          const table = tableOf(name);
          const variant = rewrite(table, r);
          const result = read(variant.bytes, table.spec);
          checkOutcome(result, table.spec, variant.bytes);
          if (!result.ok) throw new Error(`rejeté : ${result.error.message}`);
          expect(result.rows).toEqual(table.read.rows);
          // Windows-1252 text without any byte above 0x7F is ASCII, hence also UTF-8.
          const ascii = /^[\x00-\x7f]*$/u.test(variant.text);
          expect(result.dialect.encoding).toBe(r.encoding === 'windows-1252' && ascii ? 'utf-8' : r.encoding);
          expect(result.dialect.delimiter).toBe(r.style.delimiter);
          expect(result.extraColumns).toEqual(variant.extraName ? [variant.extraName] : []);
        }),
        { seed: 1_517, numRuns: 1_500 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'line breaks inside quoted cells keep every later row on its true line',
    () => {
      fc.assert(
        fc.property(
          anyTable,
          fc.constantFrom<CsvStyle['delimiter']>(',', ';', '\t'),
          fc.constantFrom<CsvStyle['eol']>('\n', '\r\n', '\r'),
          fc.integer(),
          (name, delimiter, eol, seed) => {
            const table = tableOf(name);
            const rand = prng(seed);
            const [header, ...rows] = table.records as [string[], ...string[][]];
            const textColumns = header
              .map((key, j) => ({ j, column: table.spec.columns[key] }))
              .filter(({ column }) => column?.type === 'text' && !column.values && !column.naming)
              .map(({ j }) => j);
            const expected = table.read.rows.map((row) => ({ ...row }) as Record<string, unknown>);
            let shift = 0;
            const written = rows.map((row, i) => {
              expected[i]!._line = (expected[i]!._line as number) + shift;
              return row.map((cell, j) => {
                if (!textColumns.includes(j) || cell.length < 2 || rand() > 0.15) return cell;
                const at = 1 + Math.floor(rand() * (cell.length - 1));
                const breaks = Math.ceil(rand() * 2);
                const lineBreak = eol === '\r' ? pick(rand, ['\n', '\r']) : pick(rand, ['\n', '\r\n']);
                shift += breaks;
                expected[i]![header[j]!] = (cell.slice(0, at) + '\n'.repeat(breaks) + cell.slice(at)).normalize('NFC');
                return cell.slice(0, at) + lineBreak.repeat(breaks) + cell.slice(at);
              });
            });
            const text = writeCsv([header, ...written], { delimiter, eol, quoting: 'minimal', trailingEols: 1 });
            const bytes = encode(text, 'utf-8');
            const result = read(bytes, table.spec);
            checkOutcome(result, table.spec, bytes);
            if (!result.ok) throw new Error(`rejeté : ${result.error.message}`);
            expect(result.rows).toEqual(expected);
          },
        ),
        { seed: 2_029, numRuns: 300 },
      );
    },
    FUZZ_TIMEOUT,
  );
});

// ---- numbers in odd formats ----

const CORRUPT_ANY = [
  'abc',
  '12a',
  '1e3',
  'NaN',
  'Infinity',
  '∞',
  '0x1F',
  '(12)',
  '12 k€',
  '١٢',
  '--5',
  '5-',
  '1..2',
  '12 34',
  '1 2 3',
  '.5',
  '5,',
  '1,2,3',
  '1.2.3',
  '1 234.567,5',
  '%',
  '€',
  '12%%',
  '€12',
  '1 234 5',
  '+-3',
  '12 € €',
];
const CORRUPT_BY_TYPE: Partial<Record<ColumnType, string[]>> = {
  count: ['-3', '2,5', '7.25', '12 %', '3 €'],
  percent: ['150', '-5', '100,5', '12 €'],
  euros: ['12 %'],
  decimal: ['12 %'],
  year: ['17', '20170', '2017,5', '-2017'],
};

describe('numbers in odd formats are read right or refused where they stand', () => {
  it(
    'any grouping, decimal mark and suffix; corrupted cells always refused; ambiguity never guessed wrong',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(
            ...snapshot
              .filter((t) => t.records[0]!.some((h) => NUMERIC_TYPES.includes(t.spec.columns[h]?.type ?? 'text')))
              .map((t) => t.name),
          ),
          fc.constantFrom<CsvStyle['delimiter']>(',', ';', '\t'),
          fc.constantFrom<',' | '.'>(',', '.'),
          fc.integer(),
          fc.integer({ min: 0, max: 3 }),
          (name, delimiter, decimalMark, seed, corruptions) => {
            const table = tableOf(name);
            const rand = prng(seed);
            const group = pick(rand, ['', ' ', NBSP, NNBSP, decimalMark === ',' ? '.' : ',']);
            const [header, ...rows] = table.records as [string[], ...string[][]];
            const cells: { i: number; j: number; type: ColumnType; written: string; corrupt: boolean }[] = [];
            const written = rows.map((row, i) =>
              row.map((cell, j) => {
                const type = table.spec.columns[header[j]!]?.type;
                if (!type || !NUMERIC_TYPES.includes(type) || cell === '') return cell;
                const text = renderNumber(
                  cell,
                  { decimalMark, group },
                  type !== 'year' && rand() < 0.7,
                  pick(rand, suffixes(type)),
                );
                cells.push({ i, j, type, written: text, corrupt: false });
                return text;
              }),
            );
            for (let k = 0; k < corruptions && cells.length > 0; k++) {
              const cell = pick(rand, cells);
              cell.written = pick(rand, [...CORRUPT_ANY, ...(CORRUPT_BY_TYPE[cell.type] ?? [])]);
              cell.corrupt = true;
              written[cell.i]![cell.j] = cell.written;
            }
            const text = writeCsv([header, ...written], { delimiter, eol: '\n', quoting: 'minimal', trailingEols: 1 });
            const bytes = encode(text, 'utf-8');
            const result = read(bytes, table.spec);
            checkOutcome(result, table.spec, bytes);

            const anyCorrupt = cells.some((c) => c.corrupt);
            const ambiguous = cells.filter((c) => !c.corrupt && isAmbiguous(c.written));
            // A number carrying « . » or « , » that cannot be misread tells which mark the file uses.
            const evidence = cells.some((c) => !c.corrupt && /[.,]/u.test(c.written) && !isAmbiguous(c.written));
            if (result.ok) {
              expect(anyCorrupt).toBe(false);
              result.rows.forEach((row, i) => {
                expect(row).toEqual(table.read.rows[i]);
              });
              return;
            }
            if (!anyCorrupt) expect(ambiguous.length > 0 && !evidence, result.error.message).toBe(true);
            // Refused where it stands: the error points at a corrupted or an ambiguous cell.
            const lineOf = (i: number) => table.read.rows[i]!._line;
            const culprit = cells.find(
              (c) =>
                (c.corrupt || isAmbiguous(c.written)) &&
                lineOf(c.i) === result.error.line &&
                c.j + 1 === result.error.column,
            );
            expect(culprit, result.error.message).toBeDefined();
          },
        ),
        { seed: 3_541, numRuns: 1_500 },
      );
    },
    FUZZ_TIMEOUT,
  );
});

// ---- destructive mutations ----

type ByteOp =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'quote'; at: number }
  | { kind: 'unquote'; nth: number }
  | { kind: 'unicode'; at: number; text: string }
  | { kind: 'duplicate-line'; at: number };

const byteOpArb: fc.Arbitrary<ByteOp> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('quote' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('unquote' as const), nth: fc.nat() }),
  fc.record({
    kind: fc.constant('unicode' as const),
    at: fc.nat(),
    text: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
);

function applyOp(bytes: Uint8Array, op: ByteOp): Uint8Array {
  const b = [...bytes];
  const at = b.length === 0 ? 0 : 'at' in op ? op.at % (b.length + 1) : 0;
  switch (op.kind) {
    case 'flip':
      if (b.length > 0) b[at % b.length]! ^= op.mask;
      return Uint8Array.from(b);
    case 'insert':
      b.splice(at, 0, ...op.bytes);
      return Uint8Array.from(b);
    case 'delete':
      b.splice(at, op.length);
      return Uint8Array.from(b);
    case 'truncate':
      return Uint8Array.from(b.slice(0, at));
    case 'quote':
      b.splice(at, 0, 0x22);
      return Uint8Array.from(b);
    case 'unquote': {
      const quotes = b.flatMap((x, i) => (x === 0x22 ? [i] : []));
      if (quotes.length > 0) b.splice(quotes[op.nth % quotes.length]!, 1);
      return Uint8Array.from(b);
    }
    case 'unicode':
      b.splice(at, 0, ...new TextEncoder().encode(op.text));
      return Uint8Array.from(b);
    case 'duplicate-line': {
      const start = b.lastIndexOf(0x0a, at - 1) + 1;
      let end = b.indexOf(0x0a, at);
      end = end < 0 ? b.length : end + 1;
      // Not splice(...line): a file without LF is one « line », too many arguments for a call.
      return Uint8Array.from(b.slice(0, end).concat(b.slice(start, end), b.slice(end)));
    }
  }
}

describe('destructive mutations never crash the reader nor slip through as bad numbers', () => {
  it(
    'bytes flipped, inserted, deleted; truncation; quotes added or removed; random unicode; duplicated lines',
    () => {
      fc.assert(
        fc.property(anyTable, rewritingArb, fc.array(byteOpArb, { minLength: 1, maxLength: 5 }), (name, r, ops) => {
          const table = tableOf(name);
          const base = rewrite(table, r).bytes;
          const bytes = ops.reduce(applyOp, base);
          checkOutcome(read(bytes, table.spec), table.spec, bytes);
        }),
        { seed: 4_093, numRuns: 2_500 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'random unicode inside a text cell is kept as written, or refused at that cell',
    () => {
      fc.assert(
        fc.property(
          anyTable,
          fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).filter((s) => !/[\r\n]/u.test(s)),
          fc.integer(),
          (name, inserted, seed) => {
            const table = tableOf(name);
            const rand = prng(seed);
            const [header, ...rows] = table.records as [string[], ...string[][]];
            const textColumns = header.flatMap((key, j) => {
              const column = table.spec.columns[key];
              return column?.type === 'text' && !column.values && !column.naming ? [j] : [];
            });
            const i = Math.floor(rand() * rows.length);
            const j = pick(rand, textColumns);
            const original = rows[i]![j]!;
            const at = Math.floor(rand() * (original.length + 1));
            const cell = original.slice(0, at) + inserted + original.slice(at);
            const written = rows.map((row, k) => (k === i ? row.map((c, l) => (l === j ? cell : c)) : row));
            const text = writeCsv([header, ...written], {
              delimiter: ';',
              eol: '\n',
              quoting: 'minimal',
              trailingEols: 1,
            });
            const bytes = encode(text, 'utf-8');
            const result = read(bytes, table.spec);
            checkOutcome(result, table.spec, bytes);
            const plain = /^[\p{L}\p{N}\p{P}\p{Zs}]*$/u.test(inserted) && !/[ÃÂâÅ\uFFFD]/u.test(inserted);
            if (!result.ok) {
              expect(plain, result.error.message).toBe(false);
              expect(result.error.line).toBe(table.read.rows[i]!._line);
              expect(result.error.column).toBe(j + 1);
              return;
            }
            const value = cell.normalize('NFC').trim();
            const expected = table.read.rows.map((row, k) =>
              k === i ? { ...row, [header[j]!]: value === '' ? null : value } : row,
            );
            expect(result.rows).toEqual(expected);
          },
        ),
        { seed: 5_821, numRuns: 600 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'huge fields (100 kB) refused where they are with a short message; a text field at the limit kept',
    () => {
      const big = (rand: () => number) => {
        const alphabet = 'abcdefghij klmnop éèàçœ’,;\t"0123456789';
        let s = 'x';
        while (s.length < 100_000) s += alphabet[Math.floor(rand() * alphabet.length)];
        return s + 'x';
      };
      fc.assert(
        fc.property(anyTable, fc.integer(), fc.boolean(), (name, seed, inNumber) => {
          const table = tableOf(name);
          const rand = prng(seed);
          const [header, ...rows] = table.records as [string[], ...string[][]];
          const candidates = header.flatMap((key, j) => {
            const column = table.spec.columns[key];
            if (!column) return [];
            if (inNumber) return NUMERIC_TYPES.includes(column.type) ? [j] : [];
            return column.type === 'text' && !column.values && !column.naming ? [j] : [];
          });
          if (candidates.length === 0) return;
          const i = Math.floor(rand() * rows.length);
          const j = pick(rand, candidates);
          const huge = inNumber ? '1'.repeat(100_000) : big(rand);
          const written = rows.map((row, k) => (k === i ? row.map((c, l) => (l === j ? huge : c)) : row));
          const text = writeCsv([header, ...written], {
            delimiter: ',',
            eol: '\r\n',
            quoting: 'minimal',
            trailingEols: 1,
          });
          const bytes = encode(text, 'utf-8');
          const result = read(bytes, table.spec);
          checkOutcome(result, table.spec, bytes);
          if (result.ok) throw new Error('un champ de 100 ko a été accepté');
          expect([result.error.line, result.error.column]).toEqual([table.read.rows[i]!._line, j + 1]);
          expect(result.error.message.replace(/[\u00a0\u202f]/gu, ' ')).toMatch(
            / : champ de [\d ]+ octets, au-delà de 2 000 octets par champ /u,
          );
          expect(result.error.message.length).toBeLessThan(400);
          if (inNumber) return;
          // At the limit (2 000 bytes, two of them per « é »), a text is kept whole.
          const atLimit = 'é'.repeat(LIMITS.bytesPerField / 2);
          const fits = writeCsv(
            [header, ...rows.map((row, k) => (k === i ? row.map((c, l) => (l === j ? atLimit : c)) : row))],
            {
              delimiter: ',',
              eol: '\r\n',
              quoting: 'minimal',
              trailingEols: 1,
            },
          );
          const kept = read(encode(fits, 'utf-8'), table.spec);
          if (!kept.ok) throw new Error(`rejeté : ${kept.error.message}`);
          expect((kept.rows[i] as Record<string, unknown>)[header[j]!]).toBe(atLimit);
        }),
        { seed: 6_007, numRuns: 60 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'quoting any single cell of a comma file changes nothing',
    () => {
      fc.assert(
        fc.property(anyTable, fc.integer(), (name, seed) => {
          const table = tableOf(name);
          const rand = prng(seed);
          const [header, ...rows] = table.records as [string[], ...string[][]];
          const i = Math.floor(rand() * rows.length);
          const j = Math.floor(rand() * header.length);
          const lines = [header, ...rows].map((record, k) =>
            record.map((c, l) => (k === i + 1 && l === j ? quote(c) : needsQuoting(c) ? quote(c) : c)).join(','),
          );
          const bytes = encode(lines.join('\n') + '\n', 'utf-8');
          const result = read(bytes, table.spec);
          checkOutcome(result, table.spec, bytes);
          if (!result.ok) throw new Error(`rejeté : ${result.error.message}`);
          expect(result.rows).toEqual(table.read.rows);
        }),
        { seed: 7_919, numRuns: 300 },
      );
    },
    FUZZ_TIMEOUT,
  );
});

function needsQuoting(cell: string): boolean {
  return /[,"\r\n]/u.test(cell);
}
