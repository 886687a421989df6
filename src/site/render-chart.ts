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
import { PALETTE, VARIANTS, type PlotContext, type Variant } from '../charts/types.ts';
import type { PublishedChart } from '../publish/publish.ts';
import { wrapWords } from '../lib/text.ts';

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

function draw({ chart, rows }: PublishedChart, variant: Variant) {
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
  }) as unknown as Element & {
    scale?: (name: string) => { domain?: unknown[]; range?: unknown[]; type?: string } | undefined;
  };
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  if (!svg) throw new Error(`${chart.slug} : Plot n’a pas produit de SVG`);
  for (const style of svg.querySelectorAll('style')) style.remove();
  const scale = node.scale?.('color');
  const domain = scale && scale.type === 'ordinal' ? (scale.domain ?? []).map(String) : [];
  const range = scale && scale.type === 'ordinal' ? (scale.range ?? []).map((c) => String(c).toLowerCase()) : [];
  return { document, svg, domain, range };
}

/** The SVG shown in pages: series colours become classes `sf<i>` (fill) and `ss<i>` (stroke). */
export function renderChart(published: PublishedChart, variant: Variant, describedBy?: string): RenderedChart {
  const { svg, domain, range } = draw(published, variant);
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

const INK = '#16181d';
const SOFT_INK = '#4a4f57';

/**
 * The SVG offered for download: standalone (xmlns, white background, system fonts), with the chart's title
 * above, its legend (the page's legend is HTML, which a file does not carry) and its source below, so that a
 * reused image still says what it shows and where its figures come from.
 */
export function renderChartFile(published: PublishedChart, variant: Variant = 'wide'): string {
  const { chart, sourceLine: footer } = published;
  const { document, svg, domain, range } = draw(published, variant);
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const text = (x: number, y: number, size: number, content: string, fill = INK, weight = '400') => {
    const element = document.createElementNS(SVG_NS, 'text');
    element.setAttribute('x', String(x));
    element.setAttribute('y', String(y));
    element.setAttribute('font-size', String(size));
    element.setAttribute('font-weight', weight);
    element.setAttribute('fill', fill);
    element.textContent = content;
    return element;
  };
  const parts: Element[] = [];
  // Average glyph widths of system sans-serif fonts: about 0.55 em, a little more in bold.
  const titleLines = wrapWords(chart.title, Math.floor((width - 24) / 9.6));
  let y = 8;
  for (const line of titleLines) {
    y += 22;
    parts.push(text(12, y, 17, line, INK, '700'));
  }
  y += 8;
  if (domain.length > 1) {
    let x = 12;
    y += 16;
    domain.forEach((label, i) => {
      const itemWidth = 18 + label.length * 6.8 + 16;
      if (x > 12 && x + itemWidth > width - 12) {
        x = 12;
        y += 20;
      }
      const swatch = document.createElementNS(SVG_NS, 'rect');
      swatch.setAttribute('x', String(x));
      swatch.setAttribute('y', String(y - 10));
      swatch.setAttribute('width', '12');
      swatch.setAttribute('height', '12');
      swatch.setAttribute('fill', range[i] ?? INK);
      parts.push(swatch, text(x + 18, y, 12, label));
      x += itemWidth;
    });
    y += 10;
  }
  const top = y;
  // A chart drawn once per view (the map's promotions) shows its default view in a file, where no CSS picks one.
  for (const mark of svg.querySelectorAll('.view-mark:not(.view-tout)')) mark.remove();
  // Value labels drawn in their series' colour are set in ink, as on the page, for contrast.
  for (const label of svg.querySelectorAll('text[fill]')) {
    if (range.includes((label.getAttribute('fill') ?? '').toLowerCase())) label.setAttribute('fill', INK);
  }
  svg.setAttribute('y', String(top));
  svg.setAttribute('color', INK);
  svg.removeAttribute('class');
  y = top + height + 6;
  const footerLines = wrapWords(footer, Math.floor((width - 24) / 6));
  const footerParts = footerLines.map((line) => {
    y += 15;
    return text(12, y, 11, line, SOFT_INK);
  });
  const total = Math.ceil(y + 12);

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(total));
  root.setAttribute('viewBox', `0 0 ${width} ${total}`);
  root.setAttribute('font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif');
  root.setAttribute('role', 'img');
  root.setAttribute('aria-label', chart.title);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  root.append(background, ...parts, svg, ...footerParts);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + root.outerHTML + '\n';
}
