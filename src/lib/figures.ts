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

/**
 * The reference to a row that figures carry. It reads the row's line, key and source when asked rather than
 * copying them: a large snapshot has one reference per row (shared by every figure computed from the row, see
 * refOf), and copies of every key are most of the memory of its aggregates (see the scale benchmark).
 */
class RowCitation implements RowRef {
  readonly #row: Record<string, unknown> & { _line: number };
  constructor(
    readonly table: TableName,
    row: Record<string, unknown> & { _line: number },
  ) {
    this.#row = row;
  }
  get line(): number {
    return this.#row._line;
  }
  get source(): string {
    return String(this.#row.source ?? '');
  }
  get key(): Record<string, string> {
    const key: Record<string, string> = {};
    for (const column of tables[this.table].key) key[column] = String(this.#row[column] ?? '');
    return key;
  }
  toJSON(): RowRef {
    return refData(this);
  }
}

/** A reference as plain data, e.g. to keep in a report that outlives the snapshot's rows. */
export const refData = (ref: RowRef): RowRef => ({
  table: ref.table,
  line: ref.line,
  key: ref.key,
  source: ref.source,
});

const refs = new WeakMap<object, RowRef>();

export function refOf<T extends TableName>(table: T, row: Row<T>): RowRef {
  const cached = refs.get(row);
  if (cached && cached.table === table) return cached;
  const ref = new RowCitation(table, row as unknown as Record<string, unknown> & { _line: number });
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
  // Every field written in one literal (absent ones undefined, which JSON leaves out): a figure per row of a
  // large snapshot, and fields added afterwards would each cost a separate property store.
  return { value, unit, from: [refOf(table, row)], computed: false, qualifier: extra.qualifier, note: extra.note };
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

/** The rows of several figures in one array of the exact size (flatMap leaves spare room in every result,
 * which adds up over the tens of thousands of sums of a large snapshot). */
export function concatFrom(figures: readonly Pick<Figure, 'from'>[]): RowRef[] {
  let length = 0;
  for (const f of figures) length += f.from.length;
  const from = new Array<RowRef>(length);
  let i = 0;
  for (const f of figures) for (const ref of f.from) from[i++] = ref;
  return from;
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

/** Distinct publications cited by a set of figures, in order of first appearance. */
export function sourcesOf(figures: readonly (Figure | null | undefined)[]): string[] {
  return [...new Set(figures.flatMap((f) => f?.from.map((r) => r.source) ?? []))];
}
