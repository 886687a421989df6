/**
 * A chart's rows as the reader gets them: the data table (French formats), the CSV download (raw values, cells
 * that a spreadsheet would run as formulas neutralised), and the JSON (values, sources and provenance).
 */
import Papa from 'papaparse';
import {
  chartPath,
  type AnyChart,
  type ChartContext,
  type ChartRow,
  type Column,
  type ColumnKind,
} from '../charts/types.ts';
import { refData, type RowRef } from '../lib/figures.ts';
import { formatEuros, formatNumber, formatPercent } from '../lib/format.ts';
import type { Manifest } from '../lib/manifest.ts';
import { tables } from '../lib/tables.ts';

type Row = ChartRow<Record<string, unknown>>;

export function formatCell(value: unknown, kind: ColumnKind): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value !== 'number') return String(value);
  switch (kind) {
    case 'euros':
      return formatEuros(value);
    case 'pourcent':
      return formatPercent(value);
    case 'annee':
      return String(value);
    default:
      return formatNumber(value);
  }
}

export function cellText(row: Row, column: Column<Record<string, unknown>>): string {
  return column.format ? column.format(row) : formatCell(row[column.key], column.kind);
}

/** Publications cited by a row, in order. */
export function rowSources(row: Row): string[] {
  return [...new Set(row._from.map((r) => r.source))];
}

/** « chiffres-cles.csv, ligne 12 » */
export function refLabel(ref: RowRef): string {
  return `${tables[ref.table].file}, ligne ${ref.line}`;
}

/** Where a reader sees the exact CSV row: the table's page, at the row's line. */
export function refHref(ref: RowRef): string {
  return `/tables/${ref.table}/#L${ref.line}`;
}

export function chartCsv(chart: AnyChart, rows: Row[]): string {
  const fields = [...chart.columns.map((c: Column<Record<string, unknown>>) => c.key), 'source', 'lignes'];
  const data = rows.map((row) => [
    ...chart.columns.map((c: Column<Record<string, unknown>>) => row[c.key] ?? ''),
    rowSources(row).join(' ; '),
    row._from.map((r) => `${tables[r.table].file}:${r.line}`).join(' ; '),
  ]);
  return Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\n' }) + '\n';
}

/** The data.gouv.fr resource a table's file was downloaded from, null when it was compiled from publications. */
export function refResource(ref: RowRef, manifest: Pick<Manifest, 'tables'>) {
  const lock = manifest.tables[ref.table];
  if (lock?.origin !== 'data.gouv.fr' || !lock.resource) return null;
  const { id, title, url, latest, checksum, last_modified } = lock.resource;
  return { id, title, url, latest: latest ?? null, checksum, last_modified };
}

export function chartJson(
  chart: AnyChart,
  rows: Row[],
  ctx: ChartContext & { snapshot: { manifest: Pick<Manifest, 'tables'> } },
  site: string,
) {
  return {
    slug: chart.slug,
    title: chart.title,
    description: chart.description,
    reading: chart.reading(rows, ctx),
    notes: chart.notes?.(rows, ctx) ?? [],
    snapshotDate: ctx.snapshotDate,
    url: new URL(chartPath(chart.slug), site).href,
    columns: chart.columns.map((c: Column<Record<string, unknown>>) => ({ key: c.key, label: c.label, kind: c.kind })),
    rows: rows.map((row) => {
      const values: Record<string, unknown> = {};
      for (const c of chart.columns as Column<Record<string, unknown>>[]) values[c.key] = row[c.key] ?? null;
      return {
        ...values,
        sources: rowSources(row),
        provenance: row._from.map((ref) => ({
          ...refData(ref),
          file: tables[ref.table].file,
          href: new URL(refHref(ref), site).href,
          resource: refResource(ref, ctx.snapshot.manifest),
        })),
      };
    }),
  };
}
