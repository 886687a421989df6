/**
 * No chart tells its series apart by colour alone (RGAA 3.1, WCAG 1.4.1), measured in Chromium on every drawing
 * of every chart page (each width the chart is drawn at), from the marks the build coloured as a series
 * (`data-series`) and the page's legend:
 * - each series is named on the drawing: a text that contains its legend label sits on or next to one of its marks
 *   (a direct label at the end of a bar or a line, on a stack's segment or in the words written next to its stack,
 *   or the axis tick of its band), or it has its own look: no mark of another series has the same shape, outline
 *   dash, glyph drawn on it or hollowness (the legend's swatches show hollow marks, dots and lines as drawn);
 * - the legend lists the series in the order the drawing shows them: two bars of different series side by side
 *   (in one stack or one group) come in the legend's order, left to right and top to bottom (marks that carry
 *   their series' glyph are read by it and have no order).
 * Which charts have several series is read from the built pages, not listed here.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { charts } from '../../src/charts/registry.ts';
import { routes } from '../../src/routes.ts';
import { guardedContext, inParallel, launchChromium, type Guard } from '../support/browser.ts';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';
import { measureDrawings } from '../support/series.ts';

const dist = inject('siteDir');

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let guard: Guard;
const measured = new Map<string, Awaited<ReturnType<typeof measureDrawings>>>();

beforeAll(async () => {
  server = await startStaticServer(dist);
  browser = await launchChromium();
  ({ context, guard } = await guardedContext(browser, [server.url], { viewport: { width: 1280, height: 900 } }));
  await inParallel(charts, 4, async (chart) => {
    const page = await context.newPage();
    await page.goto(server.url + routes.chart(chart.slug), { waitUntil: 'load' });
    // Every width the chart is drawn at, shown at once (the stylesheet shows one per column width).
    await page.evaluate(() => {
      for (const svg of document.querySelectorAll<SVGElement>('.chart-figure .chart-svg')) svg.style.display = 'block';
    });
    measured.set(chart.slug, await page.evaluate(measureDrawings));
    await page.close();
  });
}, 180_000);

afterAll(async () => {
  expect(guard?.blocked).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe('charts with several series', () => {
  it('were found in the built pages', () => {
    expect(measured.size).toBe(charts.length);
    const multi = [...measured].filter(([, drawings]) => drawings.some((d) => d.series.length >= 2));
    // The programme's charts compare promotions, sources and categories: most have several series.
    expect(multi.length).toBeGreaterThanOrEqual(charts.length / 2);
  });

  it.for(charts.map((c) => c.slug))('%s: each series named on the drawing or drawn its own way', (slug) => {
    const drawings = measured.get(slug) ?? [];
    expect(drawings.length).toBeGreaterThan(0);
    expect(drawings.flatMap((d) => d.unnamed.map((label) => `${d.variant} : « ${label} »`))).toEqual([]);
  });

  it.for(charts.map((c) => c.slug))('%s: the legend follows the drawing’s order', (slug) => {
    const drawings = measured.get(slug) ?? [];
    expect(drawings.flatMap((d) => d.misordered.map((pair) => `${d.variant} : ${pair}`))).toEqual([]);
  });
});
