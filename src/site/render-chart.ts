/**
 * Draws a chart to SVG at build time with Observable Plot, using linkedom as Plot's `document`: pages show
 * the chart with JavaScript off, and the browser only adds tooltips and legend toggles.
 *
 * Two SVGs come out of one drawing:
 * - the page SVG, whose series colours become CSS classes (so dark mode and a strict Content-Security-Policy
 *   both hold: no inline style, colours from the site's stylesheet);
 * - the file SVG (download, thumbnail, PNG), self-contained: colours as attributes, title and source written in.
 *
 * Both are laid out by chartLayout, which also gives an embed's frame its first height (drawChart).
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { DARK_PALETTE, PALETTE, VARIANTS, type PlotContext, type Variant } from '../charts/types.ts';
import type { PublishedChart } from '../publish/publish.ts';
import { textWidth, wrapToWidth } from '../lib/text.ts';

export interface LegendItem {
  label: string;
  index: number;
  /** How the series is drawn when it is not a filled bar, for the legend's swatch to show it too. */
  look?: SeriesLook;
}

/**
 * The shape of a series' marks, beside its colour: a legend whose swatches show it lets a reader who does not tell
 * the colours apart match the map's hollow squares and round dots, or a line, to their series.
 */
export type SeriesLook = 'round' | 'hollow' | 'hollow-round' | 'line';

export interface RenderedChart {
  /** The SVG to inline in a page. */
  svg: string;
  legend: LegendItem[];
  /** Its height in CSS pixels. */
  height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * What Plot draws of a chart at the width of `variant`: its specification, with room for an x axis's title. Plot
 * writes that title in the last pixels of the bottom margin: in the 28–30 px margins of most charts it ran into
 * the last tick label; from 38 px, it sits below them.
 */
export function chartLayout(
  { chart, rows }: PublishedChart,
  variant: Variant,
  palette: readonly string[] = PALETTE,
): PlotOptions {
  const context: PlotContext = { ...VARIANTS[variant], palette };
  const options = chart.plot(rows, context);
  const xTitle = typeof options.x?.label === 'string' && options.x.label !== '' && options.x.axis !== 'top';
  const added = xTitle ? Math.max(0, 38 - (options.marginBottom ?? 30)) : 0;
  return {
    width: context.width,
    ...options,
    marginBottom: added > 0 ? 38 : options.marginBottom,
    height: options.height === undefined ? undefined : options.height + added,
  };
}

function draw(published: PublishedChart, variant: Variant, palette: readonly string[] = PALETTE) {
  const { chart } = published;
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const options = chartLayout(published, variant, palette);
  const color = options.color ? { ...options.color, legend: false } : undefined;
  const node = Plot.plot({
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
  unwrapLinks(svg);
  const scale = node.scale?.('color');
  const domain = scale && scale.type === 'ordinal' ? (scale.domain ?? []).map(String) : [];
  const range = scale && scale.type === 'ordinal' ? (scale.range ?? []).map((c) => String(c).toLowerCase()) : [];
  return { document, svg, domain, range, looks: seriesLooks(svg, range) };
}

/**
 * A mark Plot wraps in a link (its `href` channel) keeps the address as data-href instead: links inside a drawing
 * that is one image to screen readers would be tab stops with no name, and would navigate inside an embed's frame.
 * The page's script follows data-href on a click or Enter, and says so in the tooltip; the data table keeps the
 * same links for every reader.
 */
function unwrapLinks(svg: Element): void {
  for (const link of [...svg.querySelectorAll('a')]) {
    const href = link.getAttribute('href');
    for (const child of [...link.children]) if (href) child.setAttribute('data-href', href);
    link.replaceWith(...link.childNodes);
  }
}

/** The look of each series (by index in `range`) whose marks all share one that is not a filled bar. */
function seriesLooks(svg: Element, range: readonly string[]): Map<number, SeriesLook> {
  const found = new Map<number, Set<string>>();
  const inherited = (element: Element | null, name: string): string | null =>
    element ? (element.getAttribute(name) ?? inherited(element.parentElement, name)) : null;
  for (const element of svg.querySelectorAll('[fill], [stroke]')) {
    const tag = element.tagName.toLowerCase();
    if (tag === 'text' || tag === 'g') continue;
    const fill = (inherited(element, 'fill') ?? '').toLowerCase();
    const stroke = (inherited(element, 'stroke') ?? '').toLowerCase();
    const series = range.indexOf(range.includes(fill) ? fill : stroke);
    if (series < 0) continue;
    const filled = range.includes(fill);
    const closed = /z\s*$/iu.test(element.getAttribute('d') ?? '');
    const look =
      tag === 'line'
        ? 'line'
        : tag === 'circle'
          ? filled
            ? 'round'
            : 'hollow-round'
          : tag === 'path' && !closed && !filled
            ? 'line'
            : filled
              ? 'bar'
              : 'hollow';
    found.set(series, (found.get(series) ?? new Set()).add(look));
  }
  const looks = new Map<number, SeriesLook>();
  for (const [series, kinds] of found) {
    const [only] = kinds;
    if (kinds.size === 1 && only !== 'bar') looks.set(series, only as SeriesLook);
  }
  return looks;
}

/** The SVG shown in pages: series colours become classes `sf<i>` (fill) and `ss<i>` (stroke). */
export function renderChart(published: PublishedChart, variant: Variant, describedBy?: string): RenderedChart {
  const { svg, domain, range, looks } = draw(published, variant);
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
  const legend =
    domain.length > 1
      ? domain.map((label, index) => {
          const look = looks.get(index);
          return look ? { label, index, look } : { label, index };
        })
      : [];
  return { svg: svg.outerHTML, legend, height: Number(svg.getAttribute('height')) };
}

/** Room an embed gives a chart's title, legend and source line, around the chart. */
const EMBED_CHROME = 170;

export interface ChartDrawings {
  /** The chart at every width of VARIANTS, in order: its page and its embed show the same. */
  variants: RenderedChart[];
  /** Height to give an embed's iframe before it reports its own: the wide drawing and what surrounds it. */
  embedHeight: number;
}

/** A chart drawn at every width, described by the element of id `describedBy` (its reading). */
export function drawChart(published: PublishedChart, describedBy?: string): ChartDrawings {
  const variants = (Object.keys(VARIANTS) as Variant[]).map((variant) => renderChart(published, variant, describedBy));
  const wide = variants[(Object.keys(VARIANTS) as Variant[]).indexOf('wide')]!;
  return { variants, embedHeight: Math.round(wide.height + EMBED_CHROME) };
}

/** The colours of an image file: on white (downloads), or on the site's dark background (dark thumbnails). */
const SCHEMES = {
  light: { background: '#ffffff', ink: '#16181d', soft: '#4a4f57', palette: PALETTE },
  dark: { background: '#121417', ink: '#e8eaed', soft: '#b4b9c1', palette: DARK_PALETTE },
} as const;
export type Scheme = keyof typeof SCHEMES;

/** `colour` mixed with white, `share` of it kept (as CSS color-mix in srgb). */
function towardsWhite(colour: string, share: number): string {
  const channels = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  const mixed = channels.map((c) => Math.round(c * share + 255 * (1 - share)));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

const TITLE_SIZE = 17;
const LEGEND_SIZE = 12;
const NOTE_SIZE = 11;
/** The title, legend and notes an image file adds around the drawing are set once, without a reader's spacing. */
const UNSPACED = { spaced: false } as const;

/** A 12 px legend swatch of an image file, drawn as the series is: a filled square, a dot, a hollow one, a line. */
function fileSwatch(document: Document, x: number, y: number, colour: string, look: SeriesLook | undefined): Element {
  const swatch = document.createElementNS(SVG_NS, look === 'line' ? 'line' : 'rect');
  if (look === 'line') {
    for (const [name, value] of Object.entries({ x1: x, x2: x + 12, y1: y + 6, y2: y + 6, 'stroke-width': 2.5 }))
      swatch.setAttribute(name, String(value));
    swatch.setAttribute('stroke', colour);
    return swatch;
  }
  const hollow = look === 'hollow' || look === 'hollow-round';
  const inset = hollow ? 1 : 0;
  for (const [name, value] of Object.entries({
    x: x + inset,
    y: y + inset,
    width: 12 - 2 * inset,
    height: 12 - 2 * inset,
  }))
    swatch.setAttribute(name, String(value));
  if (look === 'round' || look === 'hollow-round') swatch.setAttribute('rx', String(6 - inset));
  swatch.setAttribute('fill', hollow ? 'none' : colour);
  if (hollow) {
    swatch.setAttribute('stroke', colour);
    swatch.setAttribute('stroke-width', '2');
  }
  return swatch;
}

/**
 * The SVG offered for download: standalone (xmlns, its own background, system fonts), with the chart's title
 * above, its legend (the page's legend is HTML, which a file does not carry), its key notes and its source and
 * date below, so that a reused image still says what it shows and where its figures come from. Text is laid out
 * with the widths of the widest usual font (textWidth): legend entries never overlap and long lines wrap.
 */
export function renderChartFile(
  published: PublishedChart,
  variant: Variant = 'wide',
  scheme: Scheme = 'light',
): string {
  const { chart, sourceLine: footer, keyNotes } = published;
  const colours = SCHEMES[scheme];
  const { document, svg, domain, range, looks } = draw(published, variant, colours.palette);
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const inner = width - 24;
  const text = (x: number, y: number, size: number, content: string, fill: string = colours.ink, weight = '400') => {
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
  let y = 8;
  for (const line of wrapToWidth(chart.title, inner, TITLE_SIZE, { bold: true, spaced: false })) {
    y += 22;
    parts.push(text(12, y, TITLE_SIZE, line, colours.ink, '700'));
  }
  y += 8;
  if (domain.length > 1) {
    // Entries side by side while they fit, each a swatch and its label (wrapped when longer than a line).
    const lineHeight = 15;
    let x = 12;
    let rowTop = y + 6;
    let rowHeight = 0;
    domain.forEach((label, i) => {
      const lines = wrapToWidth(label, inner - 18, LEGEND_SIZE, UNSPACED);
      const itemWidth = 18 + Math.max(...lines.map((l) => textWidth(l, LEGEND_SIZE, UNSPACED))) + 16;
      if (x > 12 && x + itemWidth > width - 12) {
        x = 12;
        rowTop += rowHeight + 6;
        rowHeight = 0;
      }
      const group = document.createElementNS(SVG_NS, 'g');
      group.setAttribute('class', 'legend-entry');
      group.append(fileSwatch(document, x, rowTop + 1, range[i] ?? colours.ink, looks.get(i)));
      lines.forEach((line, k) => group.append(text(x + 18, rowTop + 11 + k * lineHeight, LEGEND_SIZE, line)));
      parts.push(group);
      rowHeight = Math.max(rowHeight, lines.length * lineHeight);
      x += itemWidth;
    });
    y = rowTop + rowHeight + 6;
  }
  const top = y;
  // A chart drawn once per view (the map's promotions) shows its default view in a file, where no CSS picks one.
  for (const mark of svg.querySelectorAll('.view-mark:not(.view-tout)')) mark.remove();
  // Value labels drawn in their series' colour are set in ink, as on the page, for contrast.
  for (const label of svg.querySelectorAll('text[fill]')) {
    if (range.includes((label.getAttribute('fill') ?? '').toLowerCase())) label.setAttribute('fill', colours.ink);
  }
  if (scheme === 'dark') {
    // Forecasts stay lighter than realised amounts on a dark background too (see FORECAST_STYLE).
    for (const group of svg.querySelectorAll('g.forecast')) {
      group.setAttribute('fill-opacity', '1');
      for (const mark of group.querySelectorAll('[fill]')) {
        const fill = mark.getAttribute('fill') ?? '';
        if (/^#[0-9a-f]{6}$/iu.test(fill)) mark.setAttribute('fill', towardsWhite(fill, 0.45));
      }
    }
  }
  svg.setAttribute('y', String(top));
  svg.setAttribute('color', colours.ink);
  svg.removeAttribute('class');
  y = top + height + 6;
  const below = (lines: string[], fill: string) =>
    lines.map((line) => {
      y += 15;
      return text(12, y, NOTE_SIZE, line, fill);
    });
  const notes = keyNotes.flatMap((note) => below(wrapToWidth(note, inner, NOTE_SIZE, UNSPACED), colours.ink));
  if (notes.length > 0) y += 4;
  const footerParts = below(wrapToWidth(footer, inner, NOTE_SIZE, UNSPACED), colours.soft);
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
  background.setAttribute('fill', colours.background);
  root.append(background, ...parts, svg, ...notes, ...footerParts);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + root.outerHTML + '\n';
}
