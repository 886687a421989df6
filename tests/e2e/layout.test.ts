/**
 * Every page of the build on a phone, a tablet and a screen, in light and dark mode, in a real Chromium: nothing
 * scrolls sideways, each chart page shows its chart in the upper half of a phone's first screen, its labels are
 * large enough, inside the drawing and not over each other (also with the text spacing a reader may set, WCAG
 * 1.4.12), forecast bars stay lighter than realised ones in dark mode, and the home page's drawings follow the theme.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { charts, legacyAnchors } from '../../src/charts/registry.ts';
import { guardedContext, inParallel, launchChromium, type Guard } from '../support/browser.ts';
import { pagesToMeasure } from '../support/dist.ts';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';

const dist = inject('siteDir');
const WIDTHS = [320, 360, 390, 768, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
/**
 * The text spacing WCAG 1.4.12 lets a reader set (a bookmarklet or an extension's user stylesheet) without losing
 * content: charts are measured again with it, on the smallest phone and a wide screen.
 */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;
const SPACED_WIDTHS = [320, 1280] as const;
/** A common phone's screen (iPhone 12 to 15), in CSS pixels. */
const PHONE = { width: 390, height: 844 };

/** Every page of the build, by its address (a few of those made one per défi and per body). */
const pages = pagesToMeasure(dist);
/** The old addresses kept as pages (/promo/…) leave for their chart at once: they are measured without scripts. */
const redirecting = new Set(legacyAnchors().map((a) => `/${a.anchor}/`));

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let guard: Guard;

interface Measure {
  path: string;
  /** « 320 px, dark: +18 px » for each width and scheme where the page is wider than the window. */
  overflows: string[];
  /** Top of the chart shown on a phone's first screen, on chart pages. */
  chartTop: number | null;
  /** Smallest text of the chart shown, in CSS pixels as displayed, on chart pages: at each width. */
  smallestText: Map<number, { size: number; text: string }>;
  /** Texts of the chart shown that stick out of its drawing (cut on the page's edge or over its margin). */
  outside: string[];
  /** Pairs of texts of the chart shown that are written over each other. */
  overlaps: string[];
  /** The same two, with the text spacing of WCAG 1.4.12. */
  spacedOutside: string[];
  spacedOverlaps: string[];
}

const measures = new Map<string, Measure>();

beforeAll(async () => {
  server = await startStaticServer(dist);
  browser = await launchChromium();
  ({ context, guard } = await guardedContext(browser, [server.url]));
  // One load per page; the window is then resized and the colour scheme switched, as a reader turning a phone
  // or changing the system's theme would (the stylesheet answers both, no script depends on the width).
  await inParallel(pages, 4, async (path) => {
    const page = await context.newPage();
    if (redirecting.has(path)) await page.route('**/*.js', (route) => route.abort('blockedbyclient'));
    await page.setViewportSize(PHONE);
    await page.goto(server.url + path, { waitUntil: 'load' });
    const measure: Measure = {
      path,
      overflows: [],
      chartTop: null,
      smallestText: new Map(),
      outside: [],
      overlaps: [],
      spacedOutside: [],
      spacedOverlaps: [],
    };
    const chartPage = path.startsWith('/graphiques/');
    if (chartPage) measure.chartTop = await shownChartTop(page);
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: PHONE.height });
        const extra = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (extra > 0) measure.overflows.push(`${width} px, ${colorScheme} : +${extra} px`);
        if (chartPage && colorScheme === 'light') {
          const { smallest, outside, overlaps } = await shownTexts(page);
          if (smallest) measure.smallestText.set(width, smallest);
          measure.outside.push(...outside.map((text) => `${width} px : « ${text} »`));
          measure.overlaps.push(...overlaps.map((pair) => `${width} px : ${pair}`));
        }
      }
    }
    if (chartPage) {
      await page.emulateMedia({ colorScheme: 'light' });
      // A constructed stylesheet, as an extension adds its own: the site's Content-Security-Policy forbids inline
      // <style> elements, not the CSS object model.
      await page.evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }, TEXT_SPACING);
      for (const width of SPACED_WIDTHS) {
        await page.setViewportSize({ width, height: PHONE.height });
        const { outside, overlaps } = await shownTexts(page);
        measure.spacedOutside.push(...outside.map((text) => `${width} px : « ${text} »`));
        measure.spacedOverlaps.push(...overlaps.map((pair) => `${width} px : ${pair}`));
      }
    }
    measures.set(path, measure);
    await page.close();
  });
}, 180_000);

afterAll(async () => {
  expect(guard?.blocked).toEqual([]);
  await browser?.close();
  await server?.close();
});

/** Top of the drawing the page shows at its width (each chart is drawn at several widths, one shown at a time). */
function shownChartTop(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll('figure.chart-figure svg.chart-svg')].find(
      (svg) => svg.getBoundingClientRect().width > 0,
    );
    return shown ? shown.getBoundingClientRect().top + window.scrollY : null;
  });
}

/**
 * The texts of the drawing the page shows: the smallest (its font size times the drawing's scale on screen), and
 * those that stick out of the drawing by more than a pixel.
 */
function shownTexts(page: Page) {
  return page.evaluate(() => {
    const svg = [...document.querySelectorAll<SVGSVGElement>('figure.chart-figure svg.chart-svg')].find(
      (s) => s.getBoundingClientRect().width > 0,
    );
    const outside: string[] = [];
    const overlaps: string[] = [];
    if (!svg) return { smallest: null, outside, overlaps };
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    let smallest: { size: number; text: string } | null = null;
    const boxes: { shown: string; ink: { left: number; right: number; top: number; bottom: number } }[] = [];
    for (const text of svg.querySelectorAll('text')) {
      const shown = text.textContent?.trim().slice(0, 40);
      const r = text.getBoundingClientRect();
      if (!shown || r.width === 0) continue;
      // Two texts of the drawing cross when their ink boxes share more than a pixel both ways. A text's box is as
      // tall as the font's ascent and descent (1,17 em in DejaVu Sans), its figures and capitals 0,73 em: the box
      // is narrowed by 0,2 em on both sides across the line (sideways for text written upwards).
      const slack = 0.2 * parseFloat(getComputedStyle(text).fontSize) * scale;
      const upwards = /rotate\(-?90/u.test(text.getAttribute('transform') ?? '');
      const ink = upwards
        ? { left: r.left + slack, right: r.right - slack, top: r.top, bottom: r.bottom }
        : { left: r.left, right: r.right, top: r.top + slack, bottom: r.bottom - slack };
      for (const other of boxes)
        if (
          Math.min(ink.right, other.ink.right) - Math.max(ink.left, other.ink.left) > 1 &&
          Math.min(ink.bottom, other.ink.bottom) - Math.max(ink.top, other.ink.top) > 1
        )
          overlaps.push(`« ${other.shown} » et « ${shown} »`);
      boxes.push({ shown, ink });
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (!smallest || size < smallest.size) smallest = { size, text: shown };
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        outside.push(shown);
    }
    return { smallest, outside, overlaps };
  });
}

describe('every page', () => {
  it('was measured: the home page, every chart page and embed, the other pages', () => {
    expect(measures.size).toBe(pages.length);
    for (const chart of charts) expect(pages).toContain(`/graphiques/${chart.slug}/`);
    expect(pages).toEqual(expect.arrayContaining(['/', '/qualite/', '/tables/', '/a-propos/']));
  });

  it(`scrolls only downwards at ${WIDTHS.join(', ')} px, light and dark`, () => {
    const wide = [...measures.values()].flatMap((m) => m.overflows.map((o) => `${m.path} à ${o}`));
    expect(wide).toEqual([]);
  });
});

describe(`chart pages on a ${PHONE.width} × ${PHONE.height} phone`, () => {
  it.for(charts.map((c) => c.slug))('/graphiques/%s/ shows its chart in the upper half of the first screen', (slug) => {
    const top = measures.get(`/graphiques/${slug}/`)?.chartTop;
    expect(top, 'un graphique affiché').toBeTypeOf('number');
    expect(top).toBeLessThan(PHONE.height / 2);
  });
});

describe('chart labels', () => {
  // 11 px as drawn, each drawing shown in columns at least as wide as it (a 390 px phone's column is 358 px for the
  // 360 px drawing: 10,9 px).
  const MIN = 10.9;
  it.for(WIDTHS)(`are at least ${MIN} px on screen on every chart page at %i px`, (width) => {
    const small = [...measures.values()].flatMap((m) => {
      const smallest = m.smallestText.get(width);
      return smallest && smallest.size < MIN
        ? [`${m.path} : ${smallest.size.toFixed(1)} px (« ${smallest.text} »)`]
        : [];
    });
    expect([...measures.values()].filter((m) => m.smallestText.has(width)).length).toBeGreaterThanOrEqual(
      charts.length,
    );
    expect(small).toEqual([]);
  });

  it(`stay whole inside the drawing at ${WIDTHS.join(', ')} px`, () => {
    expect([...measures.values()].flatMap((m) => m.outside.map((o) => `${m.path} à ${o}`))).toEqual([]);
  });

  it(`are not written over each other at ${WIDTHS.join(', ')} px`, () => {
    expect([...measures.values()].flatMap((m) => m.overlaps.map((o) => `${m.path} à ${o}`))).toEqual([]);
  });

  it(`stay whole inside the drawing with WCAG 1.4.12 text spacing, at ${SPACED_WIDTHS.join(' and ')} px`, () => {
    expect([...measures.values()].filter((m) => m.spacedOutside !== undefined && m.chartTop !== null).length).toBe(
      charts.length,
    );
    expect([...measures.values()].flatMap((m) => m.spacedOutside.map((o) => `${m.path} à ${o}`))).toEqual([]);
  });

  it(`are not written over each other with WCAG 1.4.12 text spacing, at ${SPACED_WIDTHS.join(' and ')} px`, () => {
    expect([...measures.values()].flatMap((m) => m.spacedOverlaps.map((o) => `${m.path} à ${o}`))).toEqual([]);
  });
});

/** The colour a mark shows: its fill over the page's background, at its fill opacity. */
function shownColours(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((marks) => {
    // « rgb(12, 34, 56) », or « color(srgb 0.1 0.2 0.3) » for a color-mix().
    const rgb = (colour: string) => {
      const numbers = (colour.match(/[\d.]+/gu) ?? []).slice(0, 3).map(Number);
      return colour.startsWith('color(') ? numbers.map((c) => c * 255) : numbers;
    };
    const background = rgb(getComputedStyle(document.documentElement).backgroundColor);
    const luminance = ([r, g, b]: number[]) => {
      const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
    };
    return marks
      .filter((mark) => mark.getBoundingClientRect().width > 0)
      .map((mark) => {
        const style = getComputedStyle(mark);
        const alpha = Number(style.fillOpacity);
        const shown = rgb(style.fill).map((c, i) => c * alpha + background[i]! * (1 - alpha));
        return { series: mark.getAttribute('data-series'), luminance: luminance(shown) };
      });
  });
}

describe('forecast amounts', () => {
  /** Chart pages that draw forecasts (FORECAST_STYLE marks them), found in the built pages. */
  const withForecasts = async () => {
    const page = await context.newPage();
    const found: string[] = [];
    for (const chart of charts) {
      await page.goto(`${server.url}/graphiques/${chart.slug}/`, { waitUntil: 'load' });
      if ((await page.locator('svg.chart-svg .forecast [data-series]').count()) > 0) found.push(chart.slug);
    }
    await page.close();
    return found;
  };

  it('are drawn lighter than realised amounts of the same series, in light and dark mode', async () => {
    const slugs = await withForecasts();
    expect(slugs.length).toBeGreaterThan(0);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const slug of slugs) {
      await page.goto(`${server.url}/graphiques/${slug}/`, { waitUntil: 'load' });
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        const forecast = await shownColours(page, 'svg.chart-svg .forecast rect[data-series]');
        const realised = await shownColours(page, 'svg.chart-svg g:not(.forecast) > rect[data-series]');
        let compared = 0;
        for (const f of forecast) {
          const same = realised.filter((r) => r.series === f.series);
          if (same.length === 0) continue;
          compared++;
          for (const r of same)
            expect(f.luminance, `${slug}, ${colorScheme}, série ${f.series}`).toBeGreaterThan(r.luminance);
        }
        expect(compared, `${slug}, ${colorScheme}`).toBeGreaterThan(0);
      }
    }
    await page.close();
  });
});

describe('the home page’s drawings', () => {
  it('follow the theme: series in the palette of each scheme, labels in the page’s text colour', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    const seen: Record<string, { series: string; palette: string; text: string; label: string }> = {};
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      seen[colorScheme] = await page.evaluate(() => {
        const svg = [...document.querySelectorAll<SVGSVGElement>('a.story-chart svg.chart-svg')].find(
          (s) => s.getBoundingClientRect().width > 0,
        )!;
        const mark = svg.querySelector('.sf0')!;
        const probe = document.createElement('span');
        probe.style.color = 'var(--s0)';
        document.body.append(probe);
        const palette = getComputedStyle(probe).color;
        probe.remove();
        return {
          series: getComputedStyle(mark).fill,
          palette,
          text: getComputedStyle(document.body).color,
          label: getComputedStyle(svg.querySelector('text')!).fill,
        };
      });
    }
    for (const colorScheme of SCHEMES) {
      expect(seen[colorScheme]!.series, colorScheme).toBe(seen[colorScheme]!.palette);
      expect(seen[colorScheme]!.label, colorScheme).toBe(seen[colorScheme]!.text);
    }
    expect(seen.dark!.series).not.toBe(seen.light!.series);
    await page.close();
  });
});
