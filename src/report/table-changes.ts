/**
 * What changed in each table between two snapshots: rows added, removed or changed, matched by the table's
 * natural key (data/sources.ts `key`), never by line number — a row inserted at the top must not make every
 * row below it look changed. Also the header: columns that appeared, disappeared, or are now spelt otherwise.
 */
import type { Snapshot } from '../lib/snapshot.ts';
import { tableNames, tables, type TableName } from '../lib/tables.ts';

export type CellValue = string | number | string[] | null;

export interface RowChange {
  /** The row's key columns and their values, e.g. { promotion: 'EIG 1', poste: 'salaires' }. */
  key: Record<string, string>;
  /** Line of the row in the file it is in (the old file for a removed row). */
  line: number;
}

export interface ColumnChange {
  column: string;
  before: CellValue;
  after: CellValue;
}

export interface ChangedRow {
  key: Record<string, string>;
  lineBefore: number;
  lineAfter: number;
  columns: ColumnChange[];
}

export interface SchemaChange {
  /** Columns read now that were not before (declared optional columns that appeared, or extra columns). */
  added: string[];
  /** Columns that were in the old file and are no longer in the new one. */
  removed: string[];
  /** Same column, other header: « effectif » written « nombre » now, both accepted by data/sources.ts. */
  renamed: { column: string; before: string; after: string }[];
}

export interface TableDiff {
  table: TableName;
  file: string;
  rowsBefore: number;
  rowsAfter: number;
  added: RowChange[];
  removed: RowChange[];
  changed: ChangedRow[];
  schema: SchemaChange;
}

type AnyRow = Record<string, unknown> & { _line: number };

export function diffTables(before: Snapshot, after: Snapshot): TableDiff[] {
  return tableNames.map((name) => diffTable(name, before, after)).filter(hasChanges);
}

function hasChanges(diff: TableDiff): boolean {
  const { schema } = diff;
  return (
    diff.added.length +
      diff.removed.length +
      diff.changed.length +
      schema.added.length +
      schema.removed.length +
      schema.renamed.length >
    0
  );
}

function diffTable(name: TableName, before: Snapshot, after: Snapshot): TableDiff {
  const spec = tables[name];
  const columns = Object.keys(spec.columns);
  const keyOf = (row: AnyRow) => Object.fromEntries(spec.key.map((k) => [k, String(row[k] ?? '')]));
  const idOf = (row: AnyRow) => JSON.stringify(spec.key.map((k) => String(row[k] ?? '')));
  const oldRows = before.tables[name] as unknown as AnyRow[];
  const newRows = after.tables[name] as unknown as AnyRow[];
  const oldById = new Map(oldRows.map((row) => [idOf(row), row]));
  const newIds = new Set(newRows.map(idOf));

  const added: RowChange[] = [];
  const changed: ChangedRow[] = [];
  for (const row of newRows) {
    const old = oldById.get(idOf(row));
    if (!old) {
      added.push({ key: keyOf(row), line: row._line });
      continue;
    }
    const differences = columns
      .filter((c) => !sameCell(old[c], row[c]))
      .map((c) => ({ column: c, before: cell(old[c]), after: cell(row[c]) }));
    if (differences.length > 0)
      changed.push({ key: keyOf(row), lineBefore: old._line, lineAfter: row._line, columns: differences });
  }
  const removed = oldRows.filter((row) => !newIds.has(idOf(row))).map((row) => ({ key: keyOf(row), line: row._line }));

  return {
    table: name,
    file: spec.file,
    rowsBefore: oldRows.length,
    rowsAfter: newRows.length,
    added,
    removed,
    changed,
    schema: diffSchema(before.reads[name], after.reads[name]),
  };
}

interface HeaderRead {
  headers: Partial<Record<string, string>>;
  extraColumns: string[];
}

function diffSchema(before: HeaderRead, after: HeaderRead): SchemaChange {
  const present = (read: HeaderRead) => [
    ...Object.keys(read.headers).filter((k) => read.headers[k] !== undefined),
    ...read.extraColumns,
  ];
  const was = present(before);
  const is = present(after);
  const renamed = Object.keys(after.headers)
    .filter((column) => before.headers[column] !== undefined && after.headers[column] !== undefined)
    .filter((column) => before.headers[column] !== after.headers[column])
    .map((column) => ({ column, before: before.headers[column]!, after: after.headers[column]! }));
  return { added: is.filter((c) => !was.includes(c)), removed: was.filter((c) => !is.includes(c)), renamed };
}

function cell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String);
  return String(value);
}

function sameCell(a: unknown, b: unknown): boolean {
  return JSON.stringify(cell(a)) === JSON.stringify(cell(b));
}
