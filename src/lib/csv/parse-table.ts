import { parse } from 'csv-parse/sync';
import {
  decode,
  detectDelimiter,
  findBidiControl,
  findInvisible,
  findMojibake,
  sniffNotText,
  type Delimiter,
  type Encoding,
} from './decode.ts';
import { DataFileError, LimitExceeded, codePoint, shown } from './errors.ts';
import { formatNumber } from '../format.ts';
import { LIMITS, LIMITS_HINT, limitText } from '../limits.ts';
import { analyseNumber, decimalMarkFor, type DecimalMark } from './numbers.ts';
import { plural, stripAccents } from '../text.ts';
import type { ColumnSpec, ColumnType, RowOf, TableSpec } from './schema.ts';

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
function normaliseHeader(header: string): string {
  return stripAccents(header)
    .toLowerCase()
    .replace(/œ/gu, 'oe')
    .replace(/æ/gu, 'ae')
    .replace(/ß/gu, 'ss')
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

const NUMERIC: readonly ColumnType[] = ['count', 'decimal', 'euros', 'percent', 'year'];

function readTable<S extends TableSpec>(input: Uint8Array | string, spec: S, file: string): Omit<TableRead<S>, 'ok'> {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > LIMITS.bytesPerTable) {
    throw new LimitExceeded(
      file,
      `fichier de ${formatNumber(size)} octets, au-delà de ${limitText(LIMITS.bytesPerTable)} par table (${LIMITS_HINT})`,
    );
  }
  const { text, encoding } = decodeInput(input, file);
  if (text.trim() === '') throw new DataFileError(file, 'fichier vide');
  const start = text.trimStart();
  if (/^<[!?a-z]/iu.test(start)) {
    throw new DataFileError(file, 'ce fichier est une page HTML ou XML, pas un CSV (page d’erreur du serveur ?)');
  }
  if (/^[{[]/u.test(start) && isJson(text)) {
    throw new DataFileError(file, 'ce fichier est du JSON, pas un CSV (réponse d’erreur de l’API ?)');
  }
  const delimiter = detectDelimiter(text);
  const lines = new LineIndex(text);
  const records = tokenize(text, delimiter, file, lines);
  checkFieldSizes(records, file);
  const headerRecord = records.find((r) => !isEmptyRecord(r.cells));
  if (!headerRecord) throw new DataFileError(file, 'fichier vide');
  const cellError = (record: RawRecord, index: number, reason: string, columnName?: string) =>
    new DataFileError(file, reason, cellLine(record, index), index + 1, columnName);

  headerRecord.cells.forEach((cell, index) =>
    checkText(cell, encoding, (reason) => cellError(headerRecord, index, reason)),
  );
  const columnOf = matchHeader(headerRecord, spec, file);
  const headers: Record<string, string> = {};
  for (const [index, key] of columnOf) if (key) headers[key] = headerRecord.cells[index]!.trim();
  const absentColumns = Object.keys(spec.columns).filter((key) => !(key in headers));
  // Trailing separators after the header's last name (« a;b;; ») make no column.
  const width = headerRecord.cells.findLastIndex((h) => h.trim() !== '') + 1;
  const dataRecords = records.filter((r) => r.line > headerRecord.line && !isEmptyRecord(r.cells));
  if (dataRecords.length > LIMITS.rowsPerTable) {
    throw new LimitExceeded(
      file,
      `${formatNumber(dataRecords.length)} lignes de données, au-delà de ${formatNumber(LIMITS.rowsPerTable)} par table (${LIMITS_HINT})`,
      dataRecords[LIMITS.rowsPerTable]!.line,
    );
  }

  for (const record of dataRecords) {
    const n = record.cells.length;
    if (n < width) {
      throw new DataFileError(
        file,
        `${n} ${plural(n, 'champ')} au lieu de ${width} (séparateur « ${printable(delimiter)} »)`,
        record.line,
      );
    }
    const stray = record.cells.findIndex((c, i) => i >= width && c.trim() !== '');
    if (stray >= 0) {
      throw new DataFileError(
        file,
        `${n} champs au lieu de ${width}, ${shown(record.cells[stray]!.trim(), 30)} est hors des colonnes de l’en-tête : une valeur contient-elle le séparateur « ${printable(delimiter)} » sans guillemets ?`,
        cellLine(record, stray),
        stray + 1,
      );
    }
  }

  const numericColumns = [...columnOf].filter(([, key]) => key !== null && NUMERIC.includes(spec.columns[key]!.type));
  const decimals = fileDecimalMark(
    dataRecords,
    numericColumns.map(([index]) => index),
    delimiter,
  );

  const rows: RowOf<S>[] = [];
  const seenKeys = new Map<string, number>();
  for (const record of dataRecords) {
    const row: Record<string, unknown> = { _line: record.line };
    for (const key of Object.keys(spec.columns)) row[key] = null;
    for (const [index, key] of columnOf) {
      if (!key) {
        // Not read, but published as it is in /tables/<table>.csv: held to the same rule on controls.
        const header = headerRecord.cells[index]!.trim();
        checkControls(record.cells[index] ?? '', (reason) => cellError(record, index, reason, header || undefined));
        continue;
      }
      const fail = (reason: string) => cellError(record, index, reason, headers[key]);
      row[key] = readCell(record.cells[index] ?? '', spec.columns[key]!, decimals, encoding, fail);
    }
    const keyValues = spec.key.map((k) => String(row[k] ?? ''));
    const id = JSON.stringify(keyValues);
    const previous = seenKeys.get(id);
    if (previous !== undefined) {
      const described = spec.key.map((k, i) => `${k} = ${shown(keyValues[i]!, 40)}`).join(', ');
      throw new DataFileError(file, `ligne en double : même clé (${described}) qu’à la ligne ${previous}`, record.line);
    }
    seenKeys.set(id, record.line);
    rows.push(row as RowOf<S>);
  }

  const extraColumns = headerRecord.cells.flatMap((h, i) => {
    if (columnOf.get(i) !== null) return [];
    if (h.trim() !== '') return [h.trim()];
    // A column without a name still holds data the table does not read: say so rather than drop it silently.
    return i < width && dataRecords.some((r) => (r.cells[i] ?? '').trim() !== '')
      ? [`(colonne ${i + 1} sans en-tête)`]
      : [];
  });
  return {
    rows,
    dialect: { encoding, delimiter, decimalMark: decimals.mark },
    headers: headers as TableRead<S>['headers'],
    extraColumns,
    absentColumns,
  };
}

/** A 15 MB cell would be copied into dozens of pages: refused where it is, before anything reads it. */
function checkFieldSizes(records: RawRecord[], file: string): void {
  for (const record of records) {
    record.cells.forEach((cell, index) => {
      // Cheap test first: a string holds at most 3 UTF-8 bytes per UTF-16 unit.
      if (cell.length * 3 <= LIMITS.bytesPerField) return;
      const bytes = Buffer.byteLength(cell);
      if (bytes <= LIMITS.bytesPerField) return;
      throw new LimitExceeded(
        file,
        `champ de ${formatNumber(bytes)} octets, au-delà de ${limitText(LIMITS.bytesPerField)} par champ (${LIMITS_HINT}) ; il commence par ${shown(cell, 40)}`,
        cellLine(record, index),
        index + 1,
      );
    });
  }
}

function decodeInput(input: Uint8Array | string, file: string): { text: string; encoding: Encoding } {
  if (typeof input === 'string') {
    return input.startsWith('\ufeff')
      ? { text: input.slice(1), encoding: 'utf-8-bom' }
      : { text: input, encoding: 'utf-8' };
  }
  const notText = sniffNotText(input);
  if (notText) throw new DataFileError(file, `ce fichier est ${notText}, pas un CSV`);
  return decode(input);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

interface RawRecord {
  cells: string[];
  /** Line of the file where the record starts. */
  line: number;
}

/** Line numbers as an editor counts them: CRLF, LF and a lone CR each end one line. */
class LineIndex {
  /** UTF-8 byte offset where each line starts (csv-parse counts bytes). */
  private readonly starts: number[] = [0];
  constructor(text: string) {
    const bytes = new TextEncoder().encode(text);
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) i++;
      if (bytes[i] === 0x0a || bytes[i] === 0x0d) this.starts.push(i + 1);
    }
  }
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

function tokenize(text: string, delimiter: Delimiter, file: string, lines: LineIndex): RawRecord[] {
  // csv-parse counts a CRLF inside quotes as two lines, so lines come from byte offsets instead.
  const startLines: number[] = [];
  let recordStart = 0;
  let parserLinesBefore = 0;
  try {
    const records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (cells, context) => {
        startLines.push(lines.lineAt(recordStart));
        recordStart = context.bytes;
        parserLinesBefore = context.lines;
        return cells;
      },
    });
    return records.map((cells, i) => ({ cells, line: startLines[i]! }));
  } catch (error) {
    const e = error as { code?: string; lines?: number; column?: number | string };
    const startLine = lines.lineAt(recordStart);
    const column = typeof e.column === 'number' ? e.column + 1 : undefined;
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new DataFileError(file, 'guillemet ouvert jamais refermé (fichier tronqué ?)', startLine, column);
    }
    const line = typeof e.lines === 'number' ? startLine + Math.max(0, e.lines - parserLinesBefore - 1) : startLine;
    const since =
      line > startLine ? ` ; cet enregistrement commence ligne ${startLine}, un guillemet y est-il resté ouvert ?` : '';
    throw new DataFileError(file, csvParseReason(e.code) + since, line, column);
  }
}

function csvParseReason(code: string | undefined): string {
  switch (code) {
    case 'INVALID_OPENING_QUOTE':
      return 'guillemet au milieu d’une valeur : une valeur qui contient des guillemets doit être entourée de guillemets, et les siens doublés ("")';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'caractère inattendu après un guillemet fermant';
    default:
      return `CSV illisible (${code ?? 'erreur inconnue'})`;
  }
}

/** Line where a cell starts: its record's first line plus the line breaks held by the cells before it. */
function cellLine(record: RawRecord, index: number): number {
  let line = record.line;
  for (const cell of record.cells.slice(0, index)) line += (cell.match(/\r\n|\r|\n/gu) ?? []).length;
  return line;
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
  const missing = Object.entries(spec.columns).filter(([key, column]) => !column.optional && !foundAt.has(key));
  if (missing.length > 0) {
    const names = missing.map(([key]) => `« ${key} »`).join(', ');
    const accepted =
      missing.length === 1 && missing[0]![1].aliases?.length ? ` (ou : ${missing[0]![1].aliases.join(', ')})` : '';
    const cells = header.cells.filter((c) => c.trim() !== '');
    const found =
      cells
        .slice(0, 12)
        .map((c) => shown(c.trim(), 30))
        .join(', ') + (cells.length > 12 ? ', …' : '');
    throw new DataFileError(
      file,
      `${plural(missing.length, 'colonne')} ${plural(missing.length, 'manquante')} : ${names}${accepted} ; colonnes trouvées : ${found || 'aucune'}`,
      header.line,
    );
  }
  return columnOf;
}

interface FileDecimals {
  /** The file's decimal mark: shown by its numbers, else the separator's custom. */
  mark: DecimalMark;
  /** Whether the numbers show it (one way only); false when they show none or both. */
  shown: boolean;
  /** Whether some numbers use `,` and others `.` as decimal mark. */
  mixed: boolean;
}

/**
 * « 1.500 » is 1500 in a file whose other numbers read « 12,5 », and 1.5 in one whose numbers read « 12.5 ».
 * The file decides, not the separator: French open data comes with `;` and decimal points as often as not.
 */
function fileDecimalMark(records: RawRecord[], columns: number[], delimiter: Delimiter): FileDecimals {
  const seen = new Set<DecimalMark>();
  for (const record of records) {
    for (const index of columns) {
      const evidence = analyseNumber(record.cells[index] ?? '').evidence;
      if (evidence) seen.add(evidence);
    }
  }
  if (seen.size === 1) return { mark: [...seen][0]!, shown: true, mixed: false };
  return { mark: decimalMarkFor(delimiter), shown: false, mixed: seen.size > 1 };
}

function checkText(raw: string, encoding: Encoding, fail: (reason: string) => DataFileError): void {
  checkBidi(raw, fail);
  const garbled = findMojibake(raw);
  if (garbled) {
    const why =
      encoding === 'windows-1252'
        ? 'le fichier mélange UTF-8 et Windows-1252 ; réenregistrez-le entièrement en UTF-8'
        : 'ce texte a été converti deux fois en UTF-8 ; réexportez le fichier depuis sa source en UTF-8';
    throw fail(`texte mal encodé : ${shown(garbled.sequence)} au lieu de ${shown(garbled.meant)} (${why})`);
  }
  const invisible = findInvisible(raw);
  if (invisible) {
    throw fail(
      invisible.char === '\ufffd'
        ? 'caractère de remplacement « � » : des caractères ont été perdus dans une conversion d’encodage'
        : `caractère de contrôle U+${invisible.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} (fichier binaire ou mal encodé ?)`,
    );
  }
}

/**
 * An embedding or isolate control (U+202A–202E, U+2066–2069) reorders the text after it until it is closed:
 * one U+202E in a défi's name reversed the rest of a sentence on /qualite/. None has a use in these tables.
 */
function checkBidi(raw: string, fail: (reason: string) => DataFileError): void {
  const bidi = findBidiControl(raw);
  if (bidi) {
    throw fail(
      `caractère de contrôle bidirectionnel ${codePoint(bidi.char)} (${bidi.name}) à la position ${bidi.position} : il changerait le sens d’écriture du texte affiché après lui ; supprimez-le`,
    );
  }
}

/**
 * A cell of a column the table does not read: no bidirectional control, nor any control character but tab and
 * line breaks (the characters {@link checkText} refuses in the columns read).
 */
function checkControls(raw: string, fail: (reason: string) => DataFileError): void {
  checkBidi(raw, fail);
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u.exec(raw);
  if (control) {
    throw fail(
      `caractère de contrôle ${codePoint(control[0])} dans une colonne que la table ne lit pas, mais que le site publie telle quelle ; supprimez-le`,
    );
  }
}

function readCell(
  raw: string,
  column: ColumnSpec,
  decimals: FileDecimals,
  encoding: Encoding,
  fail: (reason: string) => DataFileError,
): unknown {
  checkBidi(raw, fail);
  const text = raw.replace(/\r\n?/gu, '\n').normalize('NFC').trim();
  if (text === '') {
    if (column.optional) return column.type === 'list' ? [] : null;
    throw fail('valeur manquante');
  }
  switch (column.type) {
    case 'text': {
      checkText(text, encoding, fail);
      if (column.values) {
        const allowed = column.values.find((v) => normaliseHeader(v) === normaliseHeader(text));
        if (allowed === undefined) {
          throw fail(`valeur ${shown(text, 40)} inattendue (valeurs possibles : ${column.values.join(', ')})`);
        }
        return allowed;
      }
      if (column.naming && !column.naming.accepts(text)) {
        const meant = column.naming.meant(text);
        throw fail(
          `valeur ${shown(text, 40)} inattendue : ${column.naming.rule}${meant ? ` ; vouliez-vous écrire « ${meant} » ?` : ''}`,
        );
      }
      return text;
    }
    case 'list':
      checkText(text, encoding, fail);
      return text
        .split(/[;,|\n]/u)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    case 'month':
      return readMonth(text, fail);
    default:
      return readNumber(text, column, decimals, fail);
  }
}

function readMonth(text: string, fail: (reason: string) => DataFileError): string {
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/u.exec(text);
  const french = /^(?:(\d{2})\/)?(\d{2})\/(\d{4})$/u.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : [];
  const valid =
    year !== undefined &&
    month !== undefined &&
    Number(year) >= 1900 &&
    Number(year) <= 2100 &&
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    (day === undefined || (Number(day) >= 1 && Number(day) <= 31));
  if (!valid) throw fail(`mois illisible ${shown(text, 40)} (attendu : AAAA-MM, comme 2019-11)`);
  return `${year}-${month}`;
}

function readNumber(
  text: string,
  column: ColumnSpec,
  decimals: FileDecimals,
  fail: (reason: string) => DataFileError,
): number | null {
  let analysis = analyseNumber(text, decimals.mark);
  if (analysis.ambiguous && !decimals.shown) {
    // Whole-number columns can only mean thousands: 1,5 people or a year 2,017 make no sense.
    if (column.type === 'count' || column.type === 'year') {
      analysis = analyseNumber(text, text.includes(',') ? '.' : ',');
    } else {
      const asThousands = analyseNumber(text, text.includes(',') ? '.' : ',').result;
      const asDecimals = analyseNumber(text, text.includes(',') ? ',' : '.').result;
      const readings =
        asThousands.ok && asDecimals.ok
          ? ` (${asThousands.value} ou ${String(asDecimals.value).replace('.', ',')} ?)`
          : '';
      const why = decimals.mixed
        ? 'le fichier écrit ses décimales tantôt avec « , », tantôt avec « . »'
        : 'aucun autre nombre du fichier ne montre son séparateur décimal';
      throw fail(`nombre ambigu ${shown(text)}${readings} : ${why} ; écrivez-le sans séparateur de milliers`);
    }
  }
  const parsed = analysis.result;
  if (!parsed.ok) throw fail(parsed.reason);
  const value = parsed.value;
  if (value === null) return null;
  if (parsed.suffix === '%' && column.type !== 'percent')
    throw fail(`pourcentage ${shown(text)} dans une colonne de type ${column.type}`);
  if (parsed.suffix === '€' && column.type !== 'euros' && column.type !== 'decimal') {
    throw fail(`montant ${shown(text)} dans une colonne de type ${column.type}`);
  }
  switch (column.type) {
    case 'count':
      if (!Number.isInteger(value) || value < 0)
        throw fail(`effectif impossible ${shown(text)} (entier positif attendu)`);
      return value;
    case 'percent':
      if (value < 0 || value > 100) throw fail(`pourcentage impossible ${shown(text)} (attendu entre 0 et 100)`);
      return value;
    case 'year':
      if (!Number.isInteger(value) || value < 1900 || value > 2100) throw fail(`année illisible ${shown(text)}`);
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
