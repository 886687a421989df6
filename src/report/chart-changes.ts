/**
 * What moved in each chart between two snapshots: every chart of the registry computes its rows from each
 * snapshot, rows are matched by their non-numeric columns (promotion, indicator, budget line…) and each number
 * that differs is a move, old → new. This is what a reader of the site would see change.
 */
import type { Chart, ChartContext, Column } from '../charts/types.ts';
import type { ValueKind } from '../lib/values.ts';
import type { Citation, RowRef } from '../lib/figures.ts';

export interface FigureMove {
  chart: string;
  /** The row, named by its non-numeric cells: « EIG 2 · Mentors ». */
  row: string;
  column: string;
  columnLabel: string;
  kind: ValueKind;
  before: number | null;
  after: number | null;
  /** after − before (points for a share), null when either is missing. */
  change: number | null;
  /** change / |before|, null when either is missing or before is 0. */
  relative: number | null;
  /** Why the move is flagged « à vérifier », null when it is not (see ./flags.ts). */
  flag: string | null;
  /** The rows of the snapshot the figure is computed from: in the new snapshot, in the old one when it vanished. */
  from: Citation[];
}

export interface ChartRowRef {
  row: string;
  from: Citation[];
}

export interface ChartDiff {
  slug: string;
  title: string;
  rowsBefore: number;
  rowsAfter: number;
  moved: FigureMove[];
  added: ChartRowRef[];
  removed: ChartRowRef[];
  /** The chart could not be computed from the new snapshot (or the old one): the message. */
  error: string | null;
}

/** A year names a row (« 2019 ») rather than measures something: it identifies, like a text. */
const IDENTITY_KINDS: readonly ValueKind[] = ['texte', 'annee'];

type Row = Record<string, unknown> & { _from: RowRef[] };
type AnyColumn = Column<Record<string, unknown>>;

export function diffCharts(
  charts: readonly Chart[],
  before: ChartContext | Error,
  after: ChartContext | Error,
  judge: (move: Omit<FigureMove, 'flag'>) => string | null,
): ChartDiff[] {
  return charts
    .map((chart) => diffChart(chart, before, after, judge))
    .filter((d) => d.error || d.moved.length + d.added.length + d.removed.length > 0);
}

/** The two snapshots' charts: their context, or why the model could not be built. */
interface Sides {
  before: ChartContext | Error;
  after: ChartContext | Error;
}

function diffChart(
  chart: Chart,
  before: ChartContext | Error,
  after: ChartContext | Error,
  judge: (move: Omit<FigureMove, 'flag'>) => string | null,
): ChartDiff {
  // Keys in the order the report's JSON has always written them.
  const base = { slug: chart.slug, title: chart.title, rowsBefore: 0, rowsAfter: 0, moved: [], added: [], removed: [] };
  const oldRows = rowsOf(chart, before);
  const newRows = rowsOf(chart, after);
  if (newRows instanceof Error) {
    const rowsBefore = oldRows instanceof Error ? 0 : oldRows.length;
    return { ...base, rowsBefore, error: `nouvel instantané : ${newRows.message}` };
  }
  // A chart the old snapshot could not draw: every row of the new one is new.
  const oldList = oldRows instanceof Error ? [] : oldRows;
  const identity = chart.columns.filter((c) => IDENTITY_KINDS.includes(c.kind));
  const label = (row: Row) =>
    identity
      .map((c) => row[c.key])
      .filter((v) => v !== null && v !== undefined && v !== '')
      .map(String)
      .join(' · ') || '(ligne sans libellé)';
  const oldIndex = indexRows(oldList, identity);
  const newIndex = indexRows(newRows, identity);
  const only = (index: Map<string, Row>, other: Map<string, Row>, side: ChartContext | Error) =>
    [...index]
      .filter(([id]) => !other.has(id))
      .map(([, row]) => ({ row: label(row), from: row._from.map((r) => cite(side, r)) }));
  return {
    ...base,
    rowsBefore: oldList.length,
    rowsAfter: newRows.length,
    moved: movesOf(chart, oldIndex, newIndex, label, { before, after }).map((move) => ({ ...move, flag: judge(move) })),
    added: only(newIndex, oldIndex, after),
    removed: only(oldIndex, newIndex, before),
    error: oldRows instanceof Error ? `ancien instantané : ${oldRows.message}` : null,
  };
}

/** Every number of a row found in both snapshots that differs, old → new. */
function movesOf(
  chart: Chart,
  oldIndex: Map<string, Row>,
  newIndex: Map<string, Row>,
  label: (row: Row) => string,
  sides: Sides,
): Omit<FigureMove, 'flag'>[] {
  const measures = chart.columns.filter((c) => !IDENTITY_KINDS.includes(c.kind));
  const moves: Omit<FigureMove, 'flag'>[] = [];
  for (const [id, row] of newIndex) {
    const old = oldIndex.get(id);
    if (!old) continue;
    for (const column of measures) {
      const b = numberOrNull(old[column.key]);
      const a = numberOrNull(row[column.key]);
      if (sameNumber(b, a)) continue;
      const change = a !== null && b !== null ? a - b : null;
      moves.push({
        chart: chart.slug,
        row: label(row),
        column: column.key,
        columnLabel: column.label,
        kind: column.kind,
        before: b,
        after: a,
        change,
        relative: change !== null && b !== 0 ? change / Math.abs(b!) : null,
        from: a === null ? old._from.map((r) => cite(sides.before, r)) : row._from.map((r) => cite(sides.after, r)),
      });
    }
  }
  return moves;
}

/** A row of the snapshot it was read from, cited with its key (a report outlives the snapshot's rows). */
function cite(context: ChartContext | Error, ref: RowRef): Citation {
  return context instanceof Error
    ? { table: ref.table, line: ref.line, key: {}, source: ref.source }
    : context.cite(ref);
}

function rowsOf(chart: Chart, context: ChartContext | Error): Row[] | Error {
  if (context instanceof Error) return context;
  try {
    return chart.rows(context) as Row[];
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Rows by their identity; two rows with the same identity are told apart by their order (« #2 »). */
function indexRows(rows: Row[], identity: readonly AnyColumn[]): Map<string, Row> {
  const index = new Map<string, Row>();
  for (const row of rows) {
    const id = JSON.stringify(identity.map((c) => row[c.key] ?? null));
    let n = 1;
    while (index.has(n === 1 ? id : `${id}#${n}`)) n++;
    index.set(n === 1 ? id : `${id}#${n}`, row);
  }
  return index;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Computed shares go through floating point: identical inputs give identical outputs, but allow for noise. */
function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
