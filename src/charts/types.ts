/**
 * What a chart declares. One file per chart in src/charts/ exports `default defineChart({...})`; the registry
 * finds them, and every page, embed, download, API file, sitemap entry and test is generated from it.
 */
import type { PlotOptions } from '@observablehq/plot';
import type { Aggregates } from '../lib/aggregates/index.ts';
import type { RowRef } from '../lib/figures.ts';
import type { SnapshotTables } from '../lib/tables.ts';

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

/** Where a chart's page and its embed live (the old anchors of data.eig-forever.org lead there too). */
export const chartPath = (slug: string) => `/graphiques/${slug}/`;
export const embedPath = (slug: string) => `/embed/${slug}/`;

export interface ChartContext {
  aggregates: Aggregates;
  tables: SnapshotTables;
  snapshotDate: string;
}

export interface PlotContext {
  /** Width the chart is drawn at, in CSS pixels: one narrow variant for phones, one wide. */
  width: number;
  narrow: boolean;
  /** Colours of the series, in order (the build maps them to CSS classes so dark mode can restyle them). */
  palette: readonly string[];
}

export type CellValue = string | number | null;

/** How a column's values are written in the table (CSV and JSON keep the raw value). */
export type ColumnKind = 'texte' | 'nombre' | 'euros' | 'pourcent' | 'annee';

export interface Column<R> {
  key: keyof R & string;
  label: string;
  kind: ColumnKind;
  /** Overrides the table text of a cell, e.g. to add the publication's « plus de ». */
  format?: (row: R) => string;
  /** Makes the cell a link to this address (an http(s) URL checked by the chart), or plain text when null. */
  href?: (row: R) => string | null;
}

/** A row of a chart: the figures it shows, plus the rows of the snapshot they come from. */
export type ChartRow<R> = R & { _from: RowRef[] };

export interface ChartDef<R extends object = Record<string, CellValue>> {
  /** URL segment, in French, stable: /graphiques/<slug>/. */
  slug: string;
  title: string;
  theme: Theme;
  /** Position within its theme's menu. */
  order: number;
  /** One or two sentences: what the chart shows. */
  description: string;
  /** Anchors of the original data.eig-forever.org (e.g. « promo » for /#promo) that land on this chart. */
  legacyAnchors?: readonly string[];
  /** Exactly the figures shown: the data table, the CSV and the JSON are these rows. */
  rows: (ctx: ChartContext) => ChartRow<R>[];
  columns: readonly Column<R>[];
  /** One sentence saying what the chart shows, written from the rows (never hard-coded figures). */
  reading: (rows: ChartRow<R>[], ctx: ChartContext) => string;
  /** Caveats shown under the chart: forecasts, inconsistencies between publications, approximations. */
  notes?: (rows: ChartRow<R>[], ctx: ChartContext) => string[];
  /**
   * The data table is an explorer (e.g. every défi): the browser adds a text filter, a promotion filter,
   * sortable columns and a download of the rows shown. Without JavaScript the full table is there.
   */
  explorer?: true;
  /** The Observable Plot specification. `document` is supplied by the renderer. */
  plot: (rows: ChartRow<R>[], ctx: PlotContext) => PlotOptions;
}

/** A chart of any row type, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyChart = ChartDef<any>;

/** Identity function that lets TypeScript infer a chart's row type from its `rows`. */
export function defineChart<R extends object>(def: ChartDef<R>): ChartDef<R> {
  return def;
}
