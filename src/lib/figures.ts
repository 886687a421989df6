/**
 * A figure is a number shown on the site together with where it comes from: the table, the line of the CSV
 * file, the row's key and the publication it cites. Every aggregate returns figures, so any number on a page
 * can be traced back to the exact rows it was computed from.
 */
import { tables, type Row, type SnapshotTables, type TableName } from './tables.ts';
import { frenchSpacing } from './text.ts';

/**
 * Where a figure comes from: one row of a snapshot table. Plain data; JSON files and reports write it as a
 * citation, with the row's key (see citations).
 */
export interface RowRef {
  readonly table: TableName;
  /** Line of the row in the table's CSV file (the header is line 1). */
  readonly line: number;
  /** Publication id cited by the row (see data/publications.csv). */
  readonly source: string;
}

export type Unit =
  | 'personnes'
  | 'défis'
  | 'services'
  | 'candidatures'
  | 'euros'
  | 'pourcent'
  | 'ans'
  | 'jours'
  | 'articles'
  | 'structures'
  | 'nombre';

export interface Figure {
  value: number;
  unit: Unit;
  /** The rows it was read or computed from. */
  from: RowRef[];
  /** `true` when computed here (a sum, a share), `false` when printed as is in a publication. */
  computed: boolean;
  /** « plus de », « près de », « environ »: the value is a bound or an approximation, as published. */
  qualifier?: string | null;
  /** Anything the publication says about the figure (« un tiers », « 10 EIG sur 27 »). */
  note?: string | null;
}

type LineRow = { _line: number; source?: unknown };

/** The reference to a row of `table`. */
export function refOf<T extends TableName>(table: T, row: Row<T>): RowRef {
  const { _line, source } = row as unknown as LineRow;
  return { table, line: _line, source: String(source ?? '') };
}

/** The key columns of the row a reference points to, e.g. { promotion: 'EIG 1', indicateur: 'eig' }. */
export type RowKey = Record<string, string>;

/** A reference as written in JSON files and reports, which outlive the snapshot's rows: with the row's key. */
export interface Citation {
  table: TableName;
  line: number;
  key: RowKey;
  source: string;
}

/**
 * Cites referenced rows with their key, read from the snapshot they come from. Lines are indexed once per table, on
 * first use: only pages and reports need keys, and only for the rows they show.
 */
export function citations(data: SnapshotTables): (ref: RowRef) => Citation {
  const byLine = new Map<TableName, Map<number, Record<string, unknown>>>();
  return (ref) => {
    let lines = byLine.get(ref.table);
    if (!lines) {
      lines = new Map((data[ref.table] as unknown as (LineRow & Record<string, unknown>)[]).map((r) => [r._line, r]));
      byLine.set(ref.table, lines);
    }
    const row = lines.get(ref.line);
    const key: RowKey = {};
    for (const column of tables[ref.table].key) key[column] = String(row?.[column] ?? '');
    return { table: ref.table, line: ref.line, key, source: ref.source };
  };
}

/** A figure read as is from one row. */
export function published<T extends TableName>(
  table: T,
  row: Row<T>,
  value: number,
  unit: Unit,
  extra: Pick<Figure, 'qualifier' | 'note'> = {},
): Figure {
  // The qualifier and note only when given (null is written to JSON, so kept).
  const from = [refOf(table, row)];
  if (extra.qualifier === undefined && extra.note === undefined) return { value, unit, from, computed: false };
  const note = extra.note ? frenchSpacing(extra.note) : extra.note;
  return { value, unit, from, computed: false, qualifier: extra.qualifier, note };
}

/** The sum of figures, keeping every row it comes from. */
export function sumOf(figures: readonly Figure[], unit?: Unit): Figure {
  return {
    value: roundCents(figures.reduce((total, f) => total + f.value, 0)),
    unit: unit ?? figures[0]?.unit ?? 'nombre',
    from: concatFrom(figures),
    computed: true,
  };
}

/** The rows of several figures, in order. */
export function concatFrom(figures: readonly Pick<Figure, 'from'>[]): RowRef[] {
  return figures.flatMap((f) => f.from);
}

/** Share of `part` in `whole`, in percent. */
export function shareOf(part: Figure, whole: Figure): Figure {
  if (whole.value <= 0) throw new RangeError('part d’un total nul ou négatif');
  return {
    value: (100 * part.value) / whole.value,
    unit: 'pourcent',
    from: concatFrom([part, whole]),
    computed: true,
  };
}

/** Sums of money are kept to the cent: binary floating point would otherwise print 5 134 558,470000001. */
export function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
