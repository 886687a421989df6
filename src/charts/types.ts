/**
 * What a chart declares. One file per chart in src/charts/ exports `default defineChart({...})`; the registry
 * finds them, and every page, embed, download, API file, sitemap entry and test is generated from it.
 */
import type { PlotOptions } from '@observablehq/plot';
import type { RowRef } from '../lib/figures.ts';
import type { Model } from '../lib/model.ts';
import type { ValueKind } from '../lib/values.ts';

/** Menu groups, in menu order. */
export const THEMES = {
  programme: 'Le programme',
  selection: 'Sélection',
  profils: 'Profils des EIG',
  financement: 'Financement',
  defis: 'Les défis',
  suivi: 'Devenir des défis',
  enquetes: 'Questionnaires',
} as const;
export type Theme = keyof typeof THEMES;

/**
 * The home page's story, in reading order: each chapter a question, answered by the charts that declare it
 * (ChartDef.story), in the registry's order. A chapter no chart declares is not shown.
 */
export const STORY = {
  quand: 'Combien, et quand',
  ou: 'Où',
  administrations: 'Pour quelles administrations',
  qui: 'Qui sont les EIG',
  devenir: 'Ce qu’ils sont devenus',
  cout: 'Ce que le programme a coûté',
} as const;
export type StoryChapter = keyof typeof STORY;

/** What a chart reads: the model of the snapshot (aggregates, tables, publications, promotions, quality). */
export type ChartContext = Model;

/** Series colours on a light background: each has at least 3:1 contrast with white and neighbours stay apart
 * for colour-blind readers (Okabe–Ito hues, darkened, then a maroon, a sage, a violet, a crimson, a teal and an
 * olive): twelve, so that promotions the data adds after the programme's eight still get colours of their own.
 * Dark mode uses the matching --s0… variables of site.css; tests/lib/palette.test.ts holds both. */
export const PALETTE = [
  '#0072B2',
  '#C75300',
  '#007A5E',
  '#A2498A',
  '#806600',
  '#5B6770',
  '#7D2C27',
  '#6A7948',
  '#6B4FA0',
  '#B0305A',
  '#00798A',
  '#5C5A1E',
] as const;
/** The same series on a dark background (the --s0… variables of site.css in dark mode): image files in dark. */
export const DARK_PALETTE = [
  '#56B4E9',
  '#F28C3A',
  '#3CC49A',
  '#E08BC4',
  '#E6C440',
  '#B0B8C0',
  '#DD8279',
  '#C3D6A1',
  '#B9A3F0',
  '#F07EA0',
  '#4FCFDD',
  '#C9C57A',
] as const;

/**
 * The widths every chart is drawn at, each shown where its column is at least as wide as the drawing (so that its
 * labels keep their 11 px, see the container queries of site.css): the smallest phones (a 320 px screen leaves a
 * 288 px column; 360 px Android phones, 328 px); phones of 390 px and more (358 px: the 360 px drawing at 0,99×);
 * tablets, narrow windows and embeds in a blog's column (drawn with the phone's layout, which has room to spare
 * there); wider columns; the content column of a wide screen. Files (SVG, PNG, thumbnails) use `wide`.
 */
export const VARIANTS = {
  small: { width: 288, narrow: true },
  narrow: { width: 360, narrow: true },
  medium: { width: 560, narrow: true },
  wide: { width: 720, narrow: false },
  large: { width: 940, narrow: false },
} as const;
export type Variant = keyof typeof VARIANTS;

export interface PlotContext {
  /** Width the chart is drawn at, in CSS pixels: one narrow variant for phones, one wide. */
  width: number;
  narrow: boolean;
  /** Colours of the series, in order (the build maps them to CSS classes so dark mode can restyle them). */
  palette: readonly string[];
}

export type CellValue = string | number | null;

export interface Column<R> {
  key: keyof R & string;
  label: string;
  /** How the column's values are written in the table (CSV and JSON keep the raw value). */
  kind: ValueKind;
  /** Overrides the table text of a cell, e.g. to add the publication's « plus de ». */
  format?(row: R): string;
  /** Makes the cell a link to this address (an http(s) URL checked by the chart, or a path of the site), or plain text when null. */
  href?(row: R): string | null;
}

/** A row of a chart: the figures it shows, plus the rows of the snapshot they come from. */
export type ChartRow<R> = R & { _from: RowRef[] };

// Functions are declared as methods: a chart of specific rows is then one of the registry's charts (Chart)
// without a cast, while each file keeps its own row type.
export interface ChartDef<R extends object = Record<string, unknown>> {
  /** URL segment, in French, stable: /graphiques/<slug>/. */
  slug: string;
  title: string;
  theme: Theme;
  /** The chapter of the home page's story this chart tells, if any (drawn there, with its reading). */
  story?: StoryChapter;
  /** Position within its theme's menu. */
  order: number;
  /**
   * One or two sentences: what the chart shows. Written from the rows when it states an extent (which promotions,
   * which years, how many): a new promotion in the data then changes it without an edit.
   */
  description: string | Written<R>;
  /** Anchors of the original data.eig-forever.org (e.g. « promo » for /#promo) that land on this chart. */
  legacyAnchors?: readonly string[];
  /** Exactly the figures shown: the data table, the CSV and the JSON are these rows. */
  rows(ctx: ChartContext): ChartRow<R>[];
  columns: readonly Column<R>[];
  /** One sentence saying what the chart shows, written from the rows (never hard-coded figures). */
  reading(rows: ChartRow<R>[], ctx: ChartContext): string;
  /** Caveats shown under the chart: forecasts, inconsistencies between publications, approximations. */
  notes?(rows: ChartRow<R>[], ctx: ChartContext): string[];
  /**
   * The few short notes without which the chart is misread (amounts that are forecasts, a bar missing because
   * its figure was not published): written under the chart in its embed and its image files, where the
   * page's notes are not.
   */
  keyNotes?(rows: ChartRow<R>[], ctx: ChartContext): string[];
  /**
   * The data table is an explorer (e.g. every défi): the browser adds a text filter, a promotion filter,
   * sortable columns and a download of the rows shown. Without JavaScript the full table is there.
   */
  explorer?: true;
  /** The explorer's filters, one list each beside the text search, kept in the page's address (?promotion=EIG+5). */
  filters?: readonly ExplorerFilter<R>[];
  /**
   * How an explorer's reading names a selection (« 15 défis sur 131 : promotion EIG 5 ; 8 demandent l’expertise
   * « Développement » »): its rows' noun, and the phrase before the most frequent value of a filter's list.
   */
  selection?: ExplorerSelection;
  /**
   * Views a reader can pick (the map's promotions): links to #vue-<id> above the chart; marks of class
   * `view-mark view-<id>` show only in their view (CSS, also without JavaScript), those of `view-tout` by default.
   */
  views?: readonly { id: string; label: string }[];
  /** The Observable Plot specification. `document` is supplied by the renderer. */
  plot(rows: ChartRow<R>[], ctx: PlotContext): PlotOptions;
}

export interface ExplorerSelection {
  /** The rows' noun, singular then plural: « défi », « défis ». */
  noun: readonly [string, string];
  /** The most frequent value of this filter's lists among the rows shown, after its verb (singular, plural). */
  leader?: { param: string; verb: readonly [string, string] };
}

export interface ExplorerFilter<R> {
  /** Name in the address and in the page: « promotion », « theme ». */
  param: string;
  label: string;
  /** The values a row has for this filter: one (its promotion) or several (its themes). */
  values(row: R): string[];
  /** Order of the choices; French alphabetical order when absent. */
  compare?(a: string, b: string): number;
}

/** A column as the registry sees it, whatever its chart's rows (`keyof` would make a typed column unfit). */
export interface AnyColumn extends Omit<Column<Record<string, unknown>>, 'key'> {
  key: string;
}

/**
 * A text written from a chart's rows. Declared as a method's type, like the functions of ChartDef, so that a chart
 * of specific rows stays one of the registry's charts.
 */
type Written<R> = { write(rows: ChartRow<R>[], ctx: ChartContext): string }['write'];

/** A chart as the registry holds it, whatever its row type. */
export interface Chart extends Omit<ChartDef<Record<string, unknown>>, 'columns'> {
  columns: readonly AnyColumn[];
}

/** Identity function that lets TypeScript infer a chart's row type from its `rows`. */
export function defineChart<R extends object>(def: ChartDef<R>): ChartDef<R> {
  return def;
}
