/**
 * Draws a chart to SVG at build time with Observable Plot, using linkedom as Plot's `document`: pages show
 * the chart with JavaScript off, and the browser only adds tooltips and legend toggles.
 *
 * Two SVGs come out of one drawing:
 * - the page SVG, whose series colours become CSS classes (so dark mode and a strict Content-Security-Policy
 *   both hold: no inline style, colours from the site's stylesheet);
 * - the file SVG (download, thumbnail, PNG), self-contained: colours as attributes, title and source written in.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { AnyChart, ChartRow, PlotContext } from '../charts/types.ts';

/** Series colours on a light background: each has at least 3:1 contrast with white and they stay apart for
 * colour-blind readers (Okabe–Ito hues, darkened). Dark mode uses the matching --s0… variables of site.css. */
export const PALETTE = ['#0072B2', '#C75300', '#007A5E', '#A2498A', '#806600', '#5B6770'] as const;

export const VARIANTS = {
  narrow: { width: 360, narrow: true },
  wide: { width: 720, narrow: false },
} as const;
export type Variant = keyof typeof VARIANTS;

export interface LegendItem {
  label: string;
  index: number;
}

export interface RenderedChart {
  /** The SVG to inline in a page. */
  svg: string;
  legend: LegendItem[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function draw(chart: AnyChart, rows: ChartRow<Record<string, unknown>>[], variant: Variant) {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const context: PlotContext = { ...VARIANTS[variant], palette: PALETTE };
  const options = chart.plot(rows, context);
  const color = options.color ? { ...options.color, legend: false } : undefined;
  const node = Plot.plot({
    width: context.width,
    ...options,
    ...(color ? { color } : {}),
    document: document as unknown as Document,
    ariaLabel: chart.title,
  }) as unknown as Element & { scale?: (name: string) => { domain?: unknown[]; range?: unknown[]; type?: string } | undefined };
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  if (!svg) throw new Error(`${chart.slug} : Plot n’a pas produit de SVG`);
  for (const style of svg.querySelectorAll('style')) style.remove();
  const scale = node.scale?.('color');
  const domain = scale && scale.type === 'ordinal' ? (scale.domain ?? []).map(String) : [];
  const range = scale && scale.type === 'ordinal' ? (scale.range ?? []).map((c) => String(c).toLowerCase()) : [];
  return { document, svg, domain, range };
}

/** The SVG shown in pages: series colours become classes `sf<i>` (fill) and `ss<i>` (stroke). */
export function renderChart(
  chart: AnyChart,
  rows: ChartRow<Record<string, unknown>>[],
  variant: Variant,
  describedBy?: string,
): RenderedChart {
  const { svg, domain, range } = draw(chart, rows, variant);
  const seriesOf = (value: string | null) => (value ? range.indexOf(value.toLowerCase()) : -1);
  for (const element of svg.querySelectorAll('[fill], [stroke]')) {
    const fill = seriesOf(element.getAttribute('fill'));
    const stroke = seriesOf(element.getAttribute('stroke'));
    const series = fill >= 0 ? fill : stroke;
    if (series < 0) continue;
    element.setAttribute('data-series', String(series));
    if (element.tagName.toLowerCase() === 'text') {
      // Value labels follow their series' visibility but stay in the text colour, for contrast.
      element.setAttribute('fill', 'currentColor');
      continue;
    }
    const classes: string[] = [];
    if (fill >= 0) {
      element.removeAttribute('fill');
      classes.push(`sf${fill}`);
    }
    if (stroke >= 0) {
      element.removeAttribute('stroke');
      classes.push(`ss${stroke}`);
    }
    element.setAttribute('class', [element.getAttribute('class'), ...classes].filter(Boolean).join(' '));
  }
  svg.setAttribute('class', `chart-svg chart-svg--${variant}`);
  svg.setAttribute('role', 'img');
  svg.removeAttribute('aria-description');
  // Plot names its groups (« bar », « x-axis tick »…); inside an image those names are not allowed (ARIA forbids
  // aria-label on a generic <g>) and say nothing to a reader: the name and the description are the SVG's.
  for (const element of svg.querySelectorAll('[aria-label], [aria-description]')) {
    element.removeAttribute('aria-label');
    element.removeAttribute('aria-description');
  }
  if (describedBy) svg.setAttribute('aria-describedby', describedBy);
  const legend = domain.length > 1 ? domain.map((label, index) => ({ label, index })) : [];
  return { svg: svg.outerHTML, legend };
}

/**
 * The SVG offered for download: standalone (xmlns, white background, system fonts), with the chart's title
 * above and its source below, so that a reused image still says where its figures come from.
 */
export function renderChartFile(
  chart: AnyChart,
  rows: ChartRow<Record<string, unknown>>[],
  footer: string,
  variant: Variant = 'wide',
): string {
  const { document, svg } = draw(chart, rows, variant);
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const top = 40;
  const bottom = 36;
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height + top + bottom));
  root.setAttribute('viewBox', `0 0 ${width} ${height + top + bottom}`);
  root.setAttribute('font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif');
  root.setAttribute('role', 'img');
  root.setAttribute('aria-label', chart.title);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  root.appendChild(background);
  const title = document.createElementNS(SVG_NS, 'text');
  title.setAttribute('x', '12');
  title.setAttribute('y', '26');
  title.setAttribute('font-size', '17');
  title.setAttribute('font-weight', '700');
  title.setAttribute('fill', '#16181d');
  title.textContent = chart.title;
  root.appendChild(title);
  svg.setAttribute('y', String(top));
  svg.setAttribute('color', '#16181d');
  svg.removeAttribute('class');
  root.appendChild(svg);
  const source = document.createElementNS(SVG_NS, 'text');
  source.setAttribute('x', '12');
  source.setAttribute('y', String(height + top + bottom - 12));
  source.setAttribute('font-size', '11');
  source.setAttribute('fill', '#4a4f57');
  source.textContent = footer;
  root.appendChild(source);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + root.outerHTML + '\n';
}
