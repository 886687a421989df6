/**
 * A chart's rows as the reader gets them: the data table (French formats), the CSV download (raw values, cells
 * that a spreadsheet would run as formulas neutralised), and the JSON (values, sources and provenance); the
 * aggregates and the catalogue as JSON files.
 */
import Papa from 'papaparse';
import { sources as dataSources } from '../../data/sources.ts';
import type { Column } from '../charts/types.ts';
import type { RowRef } from '../lib/figures.ts';
import type { Manifest } from '../lib/manifest.ts';
import type { Model } from '../lib/model.ts';
import { tables } from '../lib/tables.ts';
import { formatKind } from '../lib/values.ts';
import { routes } from '../routes.ts';
import type { Published, PublishedChart, PublishedRow } from './publish.ts';

type AnyColumn = Column<Record<string, unknown>>;

export function cellText(row: PublishedRow, column: AnyColumn): string {
  return column.format ? column.format(row) : formatKind(row[column.key], column.kind);
}

/** Publications cited by a row, in order. */
function rowSources(row: PublishedRow): string[] {
  return [...new Set(row._from.map((r) => r.source))];
}

/** Where a reader sees the exact CSV row: the table's page, at the row's line. */
export const refHref = (ref: RowRef) => routes.tableRow(ref.table, ref.line);

/** The CSV's fields after the chart's columns, and their values for a row (an explorer's table carries them too). */
export const CSV_EXTRA_FIELDS = ['source', 'lignes'] as const;
export function csvExtraValues(row: PublishedRow): string[] {
  return [rowSources(row).join(' ; '), row._from.map((r) => `${tables[r.table].file}:${r.line}`).join(' ; ')];
}

/** The columns of a chart's CSV files: the table's, then the publications cited and the snapshot lines read. */
function csvTable({ chart, rows }: PublishedChart) {
  const fields = [...chart.columns.map((c) => c.key), ...CSV_EXTRA_FIELDS];
  const data = rows.map((row) => [...chart.columns.map((c) => row[c.key] ?? ''), ...csvExtraValues(row)]);
  return { fields, data };
}
export function chartCsv(published: PublishedChart): string {
  return Papa.unparse(csvTable(published), { escapeFormulae: true, newline: '\n' }) + '\n';
}

/** A text a spreadsheet would run as a formula (« =… », « +… », « -… », « @… ») is kept as text. */
const FORMULA_START = /^[=+\-@\t\r]/u;

/**
 * The same table as French Excel and LibreOffice open it with a double click: UTF-8 announced by a byte order
 * mark (or accents come out garbled), « ; » between columns and decimal commas (the separators of the French
 * locale, where « , » is the decimal mark), Windows line ends. Numbers stay bare, without thousands
 * separators, so that the spreadsheet reads them as numbers.
 */
export function chartSpreadsheetCsv(published: PublishedChart): string {
  const { fields, data } = csvTable(published);
  const cell = (value: unknown) =>
    typeof value === 'number'
      ? String(value).replace('.', ',')
      : FORMULA_START.test(String(value))
        ? `'${String(value)}`
        : value;
  const body = Papa.unparse(
    { fields, data: data.map((row) => row.map(cell)) },
    { delimiter: ';', newline: '\r\n', escapeFormulae: false },
  );
  return `\uFEFF${body}\r\n`;
}

/** The data.gouv.fr resource a table's file was downloaded from, null when it was compiled from publications. */
function refResource(ref: RowRef, manifest: Pick<Manifest, 'tables'>) {
  const lock = manifest.tables[ref.table];
  if (lock?.origin !== 'data.gouv.fr' || !lock.resource) return null;
  const { id, title, url, latest, checksum, last_modified } = lock.resource;
  return { id, title, url, latest: latest ?? null, checksum, last_modified };
}

export function chartJson(published: PublishedChart, model: Model, site: string | URL) {
  const { chart, rows } = published;
  return {
    slug: chart.slug,
    title: published.title,
    description: published.description,
    reading: published.reading,
    notes: published.notes,
    snapshotDate: model.snapshotDate,
    url: new URL(published.addresses.page, site).href,
    columns: chart.columns.map((c) => ({ key: c.key, label: c.label, kind: c.kind })),
    rows: rows.map((row) => {
      const values: Record<string, unknown> = {};
      for (const c of chart.columns) values[c.key] = row[c.key] ?? null;
      return {
        ...values,
        sources: rowSources(row),
        provenance: row._from.map((ref) => ({
          ...model.cite(ref),
          file: tables[ref.table].file,
          href: new URL(refHref(ref), site).href,
          resource: refResource(ref, model.manifest),
        })),
      };
    }),
  };
}

/** The aggregate files of the API: each theme, plus the quality report. */
export function aggregateFiles(model: Model) {
  return {
    ...model.aggregates,
    qualite: {
      title: 'Qualité des données',
      description:
        'Toutes les vérifications faites sur les chiffres publiés : incohérences, écarts entre sources, arrondis, valeurs mal formées.',
      // Every check with its sentence, as /qualite/ shows it.
      data: { checks: model.quality.checks, counts: model.quality.counts },
    },
  };
}

export type AggregateName = keyof ReturnType<typeof aggregateFiles>;

// A reference is plain data of exactly these fields (other objects may have a `line` or a `source`).
const isRowRef = (value: unknown): value is RowRef =>
  typeof value === 'object' &&
  value !== null &&
  'table' in value &&
  'line' in value &&
  'source' in value &&
  Object.keys(value).length === 3;

/** JSON of data holding figures: every reference to a row written with the row's key. */
export function jsonWithCitations(value: unknown, model: Model): string {
  return JSON.stringify(value, (_key, v: unknown) => (isRowRef(v) ? model.cite(v) : v), 2) + '\n';
}

export function aggregateJson(name: AggregateName, model: Model): string {
  const aggregate = aggregateFiles(model)[name];
  return jsonWithCitations(
    {
      name,
      title: aggregate.title,
      description: aggregate.description,
      snapshotDate: model.snapshotDate,
      licence: dataSources.licence,
      publications: model.publications.list.map(({ _line, ...p }) => p),
      data: aggregate.data,
    },
    model,
  );
}

/** Catalogue of the site's JSON and CSV files, for anyone who wants the data rather than the pages. */
export function catalogue(site: Published, siteUrl: string | URL) {
  const url = (path: string) => new URL(path, siteUrl).href;
  return {
    title: 'Données EIG : catalogue',
    snapshotDate: site.model.snapshotDate,
    licence: dataSources.licence,
    dataset: dataSources.dataset,
    charts: site.charts.map((c) => ({
      slug: c.slug,
      title: c.title,
      description: c.description,
      page: url(c.addresses.page),
      embed: url(c.addresses.embed),
      json: url(c.addresses.json),
      csv: url(c.addresses.csv),
      spreadsheetCsv: url(c.addresses.spreadsheetCsv),
      svg: url(c.addresses.svg),
      png: url(c.addresses.png),
    })),
    aggregates: Object.entries(aggregateFiles(site.model)).map(([name, a]) => ({
      name,
      title: a.title,
      json: url(routes.aggregate(name)),
    })),
    manifest: url(routes.manifest),
  };
}
