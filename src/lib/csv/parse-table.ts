import { parse } from 'csv-parse/sync';
import { decode, detectDelimiter, type Delimiter, type Encoding } from './decode.ts';
import { DataFileError } from './errors.ts';
import { decimalMarkFor, parseNumber, type DecimalMark } from './numbers.ts';
import type { ColumnSpec, RowOf, TableSpec } from './schema.ts';

export interface Dialect {
  encoding: Encoding;
  delimiter: Delimiter;
  decimalMark: DecimalMark;
}

export interface TableRead<S extends TableSpec> {
  ok: true;
  rows: RowOf<S>[];
  dialect: Dialect;
  /** Header as found in the file, for each declared column present (columns matched by an alias included). */
  headers: Partial<Record<keyof S['columns'] & string, string>>;
  /** Columns in the file that the table does not declare: accepted, kept out of the rows, and reported. */
  extraColumns: string[];
  /** Optional declared columns absent from the file (their values are all missing). */
  absentColumns: string[];
}

export type TableResult<S extends TableSpec> = TableRead<S> | { ok: false; error: DataFileError };

/** Header spellings compare without accents, case, spaces or punctuation: « Montant (€) » is « montant ». */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/gu, ' ')
    .trim();
}

/**
 * Reads one table: decodes the bytes, detects the separator, maps the header onto the declared columns
 * (through their aliases), and types and checks every cell. Never throws on bad input: the error comes back
 * located (file, line, column) so the caller can print it on one line.
 */
export function parseTable<S extends TableSpec>(input: Uint8Array | string, spec: S, file: string): TableResult<S> {
  try {
    return { ok: true, ...readTable(input, spec, file) };
  } catch (error) {
    if (error instanceof DataFileError) return { ok: false, error };
    throw error;
  }
}

/** Same as {@link parseTable}, throwing the located error instead of returning it. */
export function readTableOrThrow<S extends TableSpec>(input: Uint8Array | string, spec: S, file: string): TableRead<S> {
  const result = parseTable(input, spec, file);
  if (!result.ok) throw result.error;
  return result;
}

function readTable<S extends TableSpec>(input: Uint8Array | string, spec: S, file: string): Omit<TableRead<S>, 'ok'> {
  const { text, encoding } =
    typeof input === 'string' ? { text: input, encoding: 'utf-8' as const } : decode(input);
  if (text.trim() === '') throw new DataFileError(file, 'fichier vide');
  if (/^\s*<(!doctype|html|head|body|\?xml)/iu.test(text)) {
    throw new DataFileError(file, 'ce fichier est une page HTML ou XML, pas un CSV (page d’erreur du serveur ?)', 1);
  }
  const delimiter = detectDelimiter(text);
  const decimalMark = decimalMarkFor(delimiter);
  const records = tokenize(text, delimiter, file);
  const headerRecord = records.find((r) => !isEmptyRecord(r.cells));
  if (!headerRecord) throw new DataFileError(file, 'fichier vide');

  const columnOf = matchHeader(headerRecord, spec, file);
  const columnEntries = Object.entries(spec.columns);
  const headers: Record<string, string> = {};
  for (const [index, key] of columnOf) if (key) headers[key] = headerRecord.cells[index]!.trim();
  const extraColumns = headerRecord.cells
    .map((h, i) => ({ h: h.trim(), i }))
    .filter(({ h, i }) => columnOf.get(i) === null && h !== '')
    .map(({ h }) => h);
  const absentColumns = columnEntries.filter(([key]) => !(key in headers)).map(([key]) => key);

  const rows: RowOf<S>[] = [];
  const seenKeys = new Map<string, number>();
  const width = headerRecord.cells.length;
  for (const record of records) {
    if (record === headerRecord || record.line < headerRecord.line || isEmptyRecord(record.cells)) continue;
    if (record.cells.length < width) {
      throw new DataFileError(file, `${record.cells.length} champs au lieu de ${width} (séparateur « ${printable(delimiter)} »)`, record.line);
    }
    if (record.cells.slice(width).some((c) => c.trim() !== '')) {
      throw new DataFileError(
        file,
        `${record.cells.length} champs au lieu de ${width} : une valeur contient-elle le séparateur « ${printable(delimiter)} » sans guillemets ?`,
        record.line,
        width + 1,
      );
    }
    const row: Record<string, unknown> = { _line: record.line };
    for (const [key] of columnEntries) row[key] = null;
    for (const [index, key] of columnOf) {
      if (!key) continue;
      const columnSpec = spec.columns[key]!;
      row[key] = readCell(record.cells[index] ?? '', columnSpec, decimalMark, (reason) => {
        return new DataFileError(file, reason, record.line, index + 1, headers[key]);
      });
    }
    const keyValues = spec.key.map((k) => String(row[k] ?? ''));
    const id = JSON.stringify(keyValues);
    const previous = seenKeys.get(id);
    if (previous !== undefined) {
      const described = spec.key.map((k, i) => `${k} = ${keyValues[i]}`).join(', ');
      throw new DataFileError(file, `ligne en double : même clé (${described}) qu’à la ligne ${previous}`, record.line);
    }
    seenKeys.set(id, record.line);
    rows.push(row as RowOf<S>);
  }
  return { rows, dialect: { encoding, delimiter, decimalMark }, headers, extraColumns, absentColumns };
}

interface RawRecord {
  cells: string[];
  line: number;
}

function tokenize(text: string, delimiter: Delimiter, file: string): RawRecord[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
    });
  } catch (error) {
    const e = error as { code?: string; lines?: number; column?: number | string; message?: string };
    const column = typeof e.column === 'number' ? e.column + 1 : undefined;
    throw new DataFileError(file, csvParseReason(e.code, e.message), e.lines, column);
  }
  // csv-parse reports the line where each record ends; a record starts right after the previous one.
  let previousEnd = 0;
  return parsed.map(({ record, info }) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    return { cells: record, line };
  });
}

function csvParseReason(code: string | undefined, message: string | undefined): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'guillemet ouvert jamais refermé (fichier tronqué ?)';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'caractère inattendu après un guillemet fermant';
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'caractère inattendu après un guillemet fermant';
    default:
      return `CSV illisible (${code ?? 'erreur'} : ${message ?? ''})`;
  }
}

function matchHeader(header: RawRecord, spec: TableSpec, file: string): Map<number, string | null> {
  const byName = new Map<string, string>();
  for (const [key, column] of Object.entries(spec.columns)) {
    for (const name of [key, ...(column.aliases ?? [])]) byName.set(normaliseHeader(name), key);
  }
  const columnOf = new Map<number, string | null>();
  const foundAt = new Map<string, number>();
  header.cells.forEach((cell, index) => {
    const key = byName.get(normaliseHeader(cell)) ?? null;
    if (key !== null && foundAt.has(key)) {
      throw new DataFileError(
        file,
        `deux colonnes pour « ${key} » (colonnes ${foundAt.get(key)! + 1} et ${index + 1})`,
        header.line,
        index + 1,
        cell.trim(),
      );
    }
    if (key !== null) foundAt.set(key, index);
    columnOf.set(index, key);
  });
  const missing = Object.entries(spec.columns)
    .filter(([key, column]) => !column.optional && !foundAt.has(key))
    .map(([key]) => key);
  if (missing.length > 0) {
    const found = header.cells.map((c) => `« ${c.trim()} »`).join(', ');
    throw new DataFileError(
      file,
      `colonne${missing.length > 1 ? 's' : ''} manquante${missing.length > 1 ? 's' : ''} : ${missing.map((m) => `« ${m} »`).join(', ')} (colonnes trouvées : ${found})`,
      header.line,
    );
  }
  return columnOf;
}

function readCell(
  raw: string,
  column: ColumnSpec,
  decimalMark: DecimalMark,
  fail: (reason: string) => DataFileError,
): unknown {
  const text = raw.normalize('NFC').trim();
  if (text === '') {
    if (column.optional) return column.type === 'list' ? [] : null;
    throw fail('valeur manquante');
  }
  switch (column.type) {
    case 'text': {
      if (column.values) {
        const allowed = column.values.find((v) => normaliseHeader(v) === normaliseHeader(text));
        if (allowed === undefined) {
          throw fail(`valeur « ${text} » inattendue (valeurs possibles : ${column.values.join(', ')})`);
        }
        return allowed;
      }
      return text;
    }
    case 'list':
      return text
        .split(/[;,|]/u)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    case 'month': {
      const iso = /^(\d{4})-(\d{2})(?:-\d{2})?$/u.exec(text);
      const french = /^(\d{2})\/(\d{4})$/u.exec(text);
      const [year, month] = iso ? [iso[1], iso[2]] : french ? [french[2], french[1]] : [];
      if (!year || !month || Number(month) < 1 || Number(month) > 12) {
        throw fail(`mois illisible « ${text} » (attendu : AAAA-MM)`);
      }
      return `${year}-${month}`;
    }
    default:
      return readNumber(text, column, decimalMark, fail);
  }
}

function readNumber(
  text: string,
  column: ColumnSpec,
  decimalMark: DecimalMark,
  fail: (reason: string) => DataFileError,
): number | null {
  const parsed = parseNumber(text, decimalMark);
  if (!parsed.ok) throw fail(parsed.reason);
  const value = parsed.value;
  if (value === null) return null;
  if (parsed.suffix === '%' && column.type !== 'percent') throw fail(`pourcentage « ${text} » dans une colonne de type ${column.type}`);
  if (parsed.suffix === '€' && column.type !== 'euros' && column.type !== 'decimal') {
    throw fail(`montant « ${text} » dans une colonne de type ${column.type}`);
  }
  switch (column.type) {
    case 'count':
      if (!Number.isInteger(value) || value < 0) throw fail(`effectif impossible « ${text} » (entier positif attendu)`);
      return value;
    case 'percent':
      if (value < 0 || value > 100) throw fail(`pourcentage impossible « ${text} » (attendu entre 0 et 100)`);
      return value;
    case 'year':
      if (!Number.isInteger(value) || value < 1900 || value > 2100) throw fail(`année illisible « ${text} »`);
      return value;
    default:
      return value;
  }
}

function isEmptyRecord(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

function printable(delimiter: Delimiter): string {
  return delimiter === '\t' ? 'tabulation' : delimiter;
}
