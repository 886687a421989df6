/**
 * A figure is a number shown on the site together with where it comes from: the table, the line of the CSV
 * file, the row's key and the publication it cites. Every aggregate returns figures, so any number on a page
 * can be traced back to the exact rows it was computed from.
 */
import type { Row, TableName } from './tables.ts';
import { tables } from './tables.ts';

export interface RowRef {
  table: TableName;
  /** Line of the row in the table's CSV file (the header is line 1). */
  line: number;
  /** The row's key columns and their values, e.g. { promotion: 'EIG 1', indicateur: 'eig' }. */
  key: Record<string, string>;
  /** Publication id cited by the row (see data/publications.csv). */
  source: string;
}

export type Unit = 'personnes' | 'défis' | 'services' | 'candidatures' | 'euros' | 'pourcent' | 'ans' | 'jours' | 'articles' | 'structures' | 'nombre';

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

// One reference per row, shared by every figure computed from it: aggregates of a large snapshot cite the same
// rows many times over, and a copy per citation is most of their memory.
const refs = new WeakMap<object, RowRef>();

export function refOf<T extends TableName>(table: T, row: Row<T>): RowRef {
  const cached = refs.get(row);
  if (cached && cached.table === table) return cached;
  const spec = tables[table];
  const record = row as unknown as Record<string, unknown>;
  const key: Record<string, string> = {};
  for (const column of spec.key) key[column] = String(record[column] ?? '');
  const ref: RowRef = { table, line: row._line, key, source: String(record.source ?? '') };
  refs.set(row, ref);
  return ref;
}

/** A figure read as is from one row. */
export function published<T extends TableName>(
  table: T,
  row: Row<T>,
  value: number,
  unit: Unit,
  extra: Pick<Figure, 'qualifier' | 'note'> = {},
): Figure {
  return { value, unit, from: [refOf(table, row)], computed: false, ...extra };
}

/** The sum of figures, keeping every row it comes from. */
export function sumOf(figures: readonly Figure[], unit?: Unit): Figure {
  const first = figures[0];
  return {
    value: roundCents(figures.reduce((total, f) => total + f.value, 0)),
    unit: unit ?? first?.unit ?? 'nombre',
    from: figures.flatMap((f) => f.from),
    computed: true,
  };
}

/** Share of `part` in `whole`, in percent. */
export function shareOf(part: Figure, whole: Figure): Figure {
  if (whole.value <= 0) throw new RangeError('part d’un total nul ou négatif');
  return {
    value: (100 * part.value) / whole.value,
    unit: 'pourcent',
    from: [...part.from, ...whole.from],
    computed: true,
  };
}

/** Sums of money are kept to the cent: binary floating point would otherwise print 5 134 558,470000001. */
export function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Distinct publications cited by a set of figures, in order of first appearance. */
export function sourcesOf(figures: readonly (Figure | null | undefined)[]): string[] {
  return [...new Set(figures.flatMap((f) => f?.from.map((r) => r.source) ?? []))];
}
