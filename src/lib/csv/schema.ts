/** The shape a table declares in data/sources.ts, and the typed rows reading it yields. */

export type ColumnType =
  /** Free text, trimmed. */
  | 'text'
  /** A non-negative whole number (people, défis, respondents). */
  | 'count'
  /** Any number. */
  | 'decimal'
  /** An amount of money in euros (« 1 234,56 € »). */
  | 'euros'
  /** A percentage between 0 and 100 (« 56 % »). */
  | 'percent'
  /** A year such as 2019. */
  | 'year'
  /** A month, written 2019-11 or 11/2019, read as « 2019-11 ». */
  | 'month'
  /** Several values in one cell, separated by `;`, `,` or `|`. */
  | 'list';

export interface ColumnSpec {
  readonly type: ColumnType;
  readonly aliases?: readonly string[];
  /** An empty cell is allowed and read as missing (`null`). Otherwise an empty cell is an error. */
  readonly optional?: boolean;
  /** The only values allowed, when the column is a closed list. */
  readonly values?: readonly string[];
  /** The naming values must follow, when the column is open but written one way (the programme's promotions). */
  readonly naming?: Naming;
}

/** A way of writing values (« EIG n » or « DIG »): what it accepts, and what a value outside it probably meant. */
export interface Naming {
  /** The naming in words, for the error message: « une promotion s’écrit « EIG n » ou « DIG » ». */
  readonly rule: string;
  accepts(value: string): boolean;
  /** The value written the right way that `value` most probably stands for (« EIG8 » → « EIG 8 »), or null. */
  meant(value: string): string | null;
}

export interface TableSpec {
  readonly file: string;
  readonly title: string;
  readonly description: string;
  readonly resource: { readonly titlePattern: string; readonly id?: string };
  /** The columns whose values identify a row; two rows may not share them. */
  readonly key: readonly string[];
  readonly columns: Readonly<Record<string, ColumnSpec>>;
}

type ValueOf<T extends ColumnType> = T extends 'text' | 'month' ? string : T extends 'list' ? string[] : number;

type CellOf<C extends ColumnSpec> = C['optional'] extends true ? ValueOf<C['type']> | null : ValueOf<C['type']>;

/** A validated row: one property per declared column, plus the line of the file it was read from. */
export type RowOf<S extends TableSpec> = { readonly [K in keyof S['columns']]: CellOf<S['columns'][K]> } & {
  readonly _line: number;
};
