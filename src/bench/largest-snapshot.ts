/**
 * The largest snapshot an update accepts, grown from a data folder and written as one: each table copied as many
 * times as its limits allow (rows and bytes per table, src/lib/limits.ts), fewer for all if the snapshot's byte
 * limit binds, then locked (data:lock) so that data:check and the build read it like any data folder.
 *
 * Copies are grown from the files' text, cell by cell, so that every value reads as the original does; only a key
 * cell changes, so that each copy is new data the reader accepts (unique keys) and adds work instead of
 * overwriting: a promotion after the programme's last (EIG 1 of copy k is EIG 1 + 7k, the website's wording beside
 * it following) where the table accepts any promotion, else the first other key column with the copy's number.
 * Rows bind before bytes (2 000 rows of the real tables make a few hundred kB each): the bytes left under the
 * snapshot's limit then lengthen the titles of the défis, the texts most pages write, the first up to the limit
 * of a field.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import Papa from 'papaparse';
import { withEffects } from '../effects.ts';
import { relockFolder } from '../update/relock.ts';
import { LIMITS } from '../lib/limits.ts';
import { tableNames, tables, type TableName } from '../lib/tables.ts';
import { snapshotDirOf } from '../load/paths.ts';

/** A table's file as cells: the header, then the data rows. */
interface CsvCells {
  header: string[];
  rows: string[][];
}

const EIG = /^EIG\s*(\d+)$/iu;

function cellsOf(text: string): CsvCells {
  const [header = [], ...rows] = parse(text.replace(/^\uFEFF/u, ''), { relaxColumnCount: true }) as string[][];
  return { header, rows };
}

/** Which cell a copy changes: the promotion (with the website's wording), or another key column. */
function variedColumn(name: TableName): 'promotion' | string {
  const spec = tables[name];
  const columns = spec.columns as Record<string, { values?: readonly string[]; naming?: unknown }>;
  const key: readonly string[] = spec.key;
  // A column with a closed list or a naming (the website's promotions) keeps its values.
  const open = (column: string) => !columns[column]?.values && !columns[column]?.naming;
  if (key.includes('promotion') && open('promotion')) return 'promotion';
  return key.find((column) => column !== 'promotion' && open(column))!;
}

/** The last EIG promotion any table names: copies start after it. */
function lastPromotion(files: readonly CsvCells[]): number {
  let last = 0;
  for (const { header, rows } of files) {
    const column = header.indexOf('promotion');
    if (column < 0) continue;
    for (const row of rows) last = Math.max(last, Number(EIG.exec(row[column]?.trim() ?? '')?.[1] ?? 0));
  }
  return last;
}

/** `copies` copies of a table's rows (the first unchanged), as CSV text. */
export function grownCsv(name: TableName, cells: CsvCells, copies: number, stride: number): string {
  const varied = variedColumn(name);
  const column = cells.header.indexOf(varied);
  const promotion = cells.header.indexOf('promotion');
  const wording = cells.header.indexOf('promotion_source');
  const other = cells.header.indexOf(tables[name].key.find((c: string) => c !== 'promotion')!);
  const rows: string[][] = [];
  for (let k = 0; k < copies; k++) {
    for (const row of cells.rows) {
      if (k === 0) {
        rows.push(row);
        continue;
      }
      const copy = [...row];
      const eig = EIG.exec(row[promotion]?.trim() ?? '')?.[1];
      if (varied === 'promotion' && row[promotion]?.trim()) {
        copy[promotion] = eig ? `EIG ${Number(eig) + stride * k}` : `${row[promotion]} ${k}`;
        if (wording >= 0 && row[wording])
          copy[wording] = eig ? `Promotion ${Number(eig) + stride * k}` : `${row[wording]} ${k}`;
      } else {
        const at = varied === 'promotion' ? other : column;
        copy[at] = `${row[at] ?? ''} ${k}`.trim();
      }
      rows.push(copy);
    }
  }
  return Papa.unparse({ fields: cells.header, data: rows }, { newline: '\n' }) + '\n';
}

const bytesOf = (text: string) => Buffer.byteLength(text);

/** The défis' titles, lengthened with the bytes left (see padTitles). */
const TITLES: readonly (readonly [TableName, string])[] = [
  ['defis-2017-2023', 'titre'],
  ['defis', 'defi'],
];
const PADDING = ' (titre allongé pour la mesure)';

/** `text` lengthened by whole paddings to `bytes` bytes at most. */
function lengthened(text: string, bytes: number): string {
  const room = bytes - bytesOf(text);
  return text + PADDING.repeat(Math.max(0, Math.floor(room / bytesOf(PADDING))));
}

/**
 * The titles of a défis table lengthened so that its file grows by about `room` bytes, its first title to the
 * limit of a field.
 */
function padTitles(text: string, column: string, room: number): string {
  const { header, rows } = cellsOf(text);
  const at = header.indexOf(column);
  const perRow = Math.floor(room / rows.length);
  const padded = rows.map((row, i) => {
    const copy = [...row];
    const title = row[at] ?? '';
    copy[at] = i === 0 ? lengthened(title, LIMITS.bytesPerField) : lengthened(title, bytesOf(title) + perRow);
    return copy;
  });
  return Papa.unparse({ fields: header, data: padded }, { newline: '\n' }) + '\n';
}

/**
 * Copies of each table within its own limits: as many as its rows allow, fewer if its file would be too large;
 * then, while the snapshot would be over its limit, one copy fewer of the largest table. Sizes are foreseen from
 * the size of one copy more (copies differ by a few bytes), then checked on the text itself.
 */
export function largestTables(files: Readonly<Record<TableName, string>>): {
  copies: Record<TableName, number>;
  texts: Record<TableName, string>;
} {
  const cells = Object.fromEntries(tableNames.map((name) => [name, cellsOf(files[name])])) as Record<
    TableName,
    CsvCells
  >;
  const stride = lastPromotion(Object.values(cells));
  const text = (name: TableName, n: number) => (n === 1 ? files[name] : grownCsv(name, cells[name], n, stride));
  const once = Object.fromEntries(tableNames.map((name) => [name, bytesOf(text(name, 1))]));
  const perCopy = Object.fromEntries(tableNames.map((name) => [name, bytesOf(text(name, 2)) - once[name]!]));
  const foreseen = (name: TableName, n: number) => once[name]! + (n - 1) * perCopy[name]!;
  const copies = {} as Record<TableName, number>;
  for (const name of tableNames) {
    const byRows = Math.floor(LIMITS.rowsPerTable / Math.max(1, cells[name].rows.length));
    const byBytes = Math.floor((LIMITS.bytesPerTable - once[name]!) / perCopy[name]!) + 1;
    copies[name] = Math.max(1, Math.min(byRows, byBytes));
  }
  const total = () => tableNames.reduce((sum, name) => sum + foreseen(name, copies[name]), 0);
  while (total() > LIMITS.bytesPerSnapshot && tableNames.some((name) => copies[name] > 1)) {
    const largest = tableNames.reduce((a, b) => (foreseen(a, copies[a]) >= foreseen(b, copies[b]) ? a : b));
    copies[largest] -= 1;
  }
  const texts = {} as Record<TableName, string>;
  for (const name of tableNames) {
    texts[name] = text(name, copies[name]);
    while (copies[name] > 1 && bytesOf(texts[name]) > LIMITS.bytesPerTable) texts[name] = text(name, --copies[name]);
  }
  const written = () => tableNames.reduce((sum, name) => sum + bytesOf(texts[name]), 0);
  while (written() > LIMITS.bytesPerSnapshot && tableNames.some((name) => copies[name] > 1)) {
    const largest = tableNames.reduce((a, b) => (bytesOf(texts[a]) >= bytesOf(texts[b]) ? a : b));
    texts[largest] = text(largest, --copies[largest]);
  }
  for (const [name, column] of TITLES) {
    // Half of what is left to each table (a margin of a kB per table for the rounding of whole words).
    const room =
      Math.min(LIMITS.bytesPerTable - bytesOf(texts[name]), (LIMITS.bytesPerSnapshot - written()) / 2) - 1000;
    if (room > 0) texts[name] = padTitles(texts[name], column, room);
  }
  return { copies, texts };
}

/**
 * Writes into `to` the largest snapshot grown from the data folder `from` (its publications and history kept),
 * locked: returns each table's number of copies.
 */
export async function writeLargestSnapshot(from: string, to: string): Promise<Record<TableName, number>> {
  await mkdir(to, { recursive: true });
  await cp(from, to, { recursive: true, filter: (path) => !path.includes('unmapped') });
  const files = {} as Record<TableName, string>;
  for (const name of tableNames) files[name] = await readFile(join(snapshotDirOf(from), tables[name].file), 'utf8');
  const { copies, texts } = largestTables(files);
  for (const name of tableNames) await writeFile(join(snapshotDirOf(to), tables[name].file), texts[name]);
  await relockFolder(to, withEffects({ log: () => {} }));
  return copies;
}
