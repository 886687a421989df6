/** What the chart page, the embed page and the downloads all need to know about one chart. */
import { embedPath, type AnyChart, type ChartRow } from '../charts/types.ts';
import type { RowRef } from '../lib/figures.ts';
import type { QualityCheck } from '../lib/quality.ts';
import { formatDate } from '../lib/format.ts';
import { site } from './data.ts';
import { ORIGINAL_SITE, SITE_NAME } from './meta.ts';
import { rowSources } from './chart-data.ts';
import { label, PUBLICATION_SHORT_LABELS } from '../lib/labels.ts';
import { PALETTE, VARIANTS } from './render-chart.ts';

export type ChartView = ReturnType<typeof computeView>;

// The page, the embed and both image files of a chart read the same view: computed once per chart and build.
const views = new Map<AnyChart, ChartView>();

export function chartView(chart: AnyChart): ChartView {
  return views.get(chart) ?? views.set(chart, computeView(chart)).get(chart)!;
}

function computeView(chart: AnyChart) {
  const rows = chart.rows(site) as ChartRow<Record<string, unknown>>[];
  const sources = [...new Set(rows.flatMap(rowSources))];
  return {
    rows,
    reading: chart.reading(rows, site),
    notes: chart.notes?.(rows, site) ?? [],
    sources: sources.map(
      (id) => site.publications.find((p) => p.id === id) ?? { id, titre: id, url: '', date: '', editeur: '' },
    ),
    quality: relatedChecks(rows.flatMap((r) => r._from)),
  };
}

const refKey = (r: RowRef) => `${r.table}:${r.line}`;

/** Quality checks about the same snapshot rows as the chart: found by provenance, never listed by hand. */
export function relatedChecks(refs: RowRef[]): QualityCheck[] {
  const shown = new Set(refs.map(refKey));
  return site.aggregates.qualite.data.checks.filter(
    (check) =>
      check.severity !== 'conforme' && check.figures.some((f) => f.figure.from.some((r) => shown.has(refKey(r)))),
  );
}

/** The line under a chart reused elsewhere (embeds, image files). */
export function sourceLine(sourceIds: string[]): string {
  const names = [...new Set(sourceIds.map((id) => label(PUBLICATION_SHORT_LABELS, id)))];
  return `Source${names.length > 1 ? 's' : ''} : ${names.join(' ; ')}. Instantané du ${formatDate(site.snapshotDate)}. ${SITE_NAME}, reconstruction de ${ORIGINAL_SITE}.`;
}

/** Height to give an embed's iframe before it reports its own: the chart plus title, legend and source. */
export function embedHeight(chart: AnyChart, rows: ChartRow<Record<string, unknown>>[]): number {
  const height = chart.plot(rows, { ...VARIANTS.wide, palette: PALETTE }).height ?? 400;
  return Math.round(height + 170);
}

export function embedCode(chart: AnyChart, siteUrl: URL, height: number): string {
  const src = new URL(embedPath(chart.slug), siteUrl).href;
  const script = new URL('/embed.js', siteUrl).href;
  return (
    `<iframe src="${src}" title="${escapeAttribute(chart.title)}" width="100%" height="${height}" ` +
    `style="border:0;width:100%" loading="lazy" data-eig-embed></iframe>\n` +
    `<script async src="${script}"></script>`
  );
}

function escapeAttribute(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}
