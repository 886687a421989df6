/**
 * Each chart once, flattened for everything that shows it: rows, reading, notes, sources, related quality
 * checks and addresses. Pages, embeds, downloads, the JSON files, the sitemap, the update report and the tests
 * all read these; none recomputes a chart.
 */
import { charts as registered } from '../charts/registry.ts';
import { THEMES, type Chart, type ChartRow, type Theme } from '../charts/types.ts';
import type { RowRef } from '../lib/figures.ts';
import { formatDate } from '../lib/format.ts';
import type { Model } from '../lib/model.ts';
import type { Publication } from '../lib/publications.ts';
import type { QualityCheck } from '../lib/quality/quality-check.ts';
import { plural } from '../lib/text.ts';
import { chartAddresses, type ChartAddresses } from '../routes.ts';
import { ORIGINAL_SITE, SITE_NAME } from './identity.ts';

export type PublishedRow = ChartRow<Record<string, unknown>>;

export interface PublishedChart {
  chart: Chart;
  slug: string;
  title: string;
  theme: Theme;
  description: string;
  legacyAnchors: readonly string[];
  rows: PublishedRow[];
  reading: string;
  notes: string[];
  /** The short notes without which the chart is misread, kept in its embed and image files (ChartDef.keyNotes). */
  keyNotes: string[];
  /** The publications the rows cite, in order of first citation. */
  sources: Publication[];
  /** « Sources : … ; … . Instantané du … . » — under the chart on its page. */
  sourceText: string;
  /** The same followed by the site's name — under embeds and in image files, which travel without the site. */
  sourceLine: string;
  /** Quality checks about the same snapshot rows as the chart (found by provenance, never listed by hand). */
  quality: QualityCheck[];
  addresses: ChartAddresses;
}

export interface Published {
  model: Model;
  charts: PublishedChart[];
  /** Charts grouped by theme, in menu order. */
  themes: { theme: Theme; title: string; charts: PublishedChart[] }[];
  /** Old anchors of data.eig-forever.org and the chart each lands on. */
  legacy: { anchor: string; chart: PublishedChart }[];
  chart(slug: string): PublishedChart;
}

const refKey = (r: RowRef) => `${r.table}:${r.line}`;

export function publish(model: Model, charts: readonly Chart[] = registered): Published {
  const published = charts.map((chart) => publishChart(chart, model));
  const bySlug = new Map(published.map((c) => [c.slug, c]));
  return {
    model,
    charts: published,
    themes: (Object.keys(THEMES) as Theme[])
      .map((theme) => ({ theme, title: THEMES[theme], charts: published.filter((c) => c.theme === theme) }))
      .filter((group) => group.charts.length > 0),
    legacy: published.flatMap((chart) => chart.legacyAnchors.map((anchor) => ({ anchor, chart }))),
    chart(slug) {
      const chart = bySlug.get(slug);
      if (!chart) throw new Error(`Graphique inconnu : « ${slug} »`);
      return chart;
    },
  };
}

function publishChart(chart: Chart, model: Model): PublishedChart {
  const rows = chart.rows(model);
  const sourceIds = [...new Set(rows.flatMap((row) => row._from.map((r) => r.source)))];
  const shown = new Set(rows.flatMap((r) => r._from.map(refKey)));
  return {
    chart,
    slug: chart.slug,
    title: chart.title,
    theme: chart.theme,
    description: typeof chart.description === 'string' ? chart.description : chart.description(rows, model),
    legacyAnchors: chart.legacyAnchors ?? [],
    rows,
    reading: chart.reading(rows, model),
    notes: chart.notes?.(rows, model) ?? [],
    keyNotes: chart.keyNotes?.(rows, model) ?? [],
    sources: sourceIds.map(
      (id) => model.publications.get(id) ?? ({ id, titre: id, url: '', date: '', editeur: '' } as Publication),
    ),
    sourceText: sourceText(sourceIds, model),
    sourceLine: `${sourceText(sourceIds, model)} ${SITE_NAME}, reconstruction de ${ORIGINAL_SITE}.`,
    quality: model.quality.checks.filter(
      (check) =>
        check.severity !== 'conforme' && check.figures.some((f) => f.figure.from.some((r) => shown.has(refKey(r)))),
    ),
    addresses: chartAddresses(chart.slug),
  };
}

function sourceText(sourceIds: string[], model: Model): string {
  const names = [...new Set(sourceIds.map((id) => model.publications.shortLabel(id)))];
  return `${plural(names.length, 'Source')} : ${names.join(' ; ')}. Instantané du ${formatDate(model.snapshotDate)}.`;
}
