/**
 * The image files a reader downloads (SVG, and the PNG drawn from it), laid out by Chromium with the system's
 * fonts: legend entries do not overlap each other or the title, no text runs out of the image, no label is cut
 * short with « … », and the title, the source and the snapshot's date are in the image.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { charts } from '../../src/charts/registry.ts';
import { routes } from '../../src/routes.ts';
import { launchChromium } from '../support/browser.ts';
import { page as builtPage, plainSpaces } from '../support/dist.ts';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';

const dist = inject('siteDir');

let server: StaticServer;
let browser: Browser;
let tab: Page;

beforeAll(async () => {
  server = await startStaticServer(dist);
  browser = await launchChromium();
  tab = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
}

/** The image as Chromium lays it out: its size, its legend entries, its title lines and all its texts. */
async function layOut(path: string) {
  await tab.goto(server.url + path);
  return tab.evaluate(() => {
    const root = document.documentElement as unknown as SVGSVGElement;
    const box = (element: SVGGraphicsElement) => {
      // Boxes in the image's coordinates, whatever nested <svg> or transform the element is in.
      const b = element.getBoundingClientRect();
      const origin = root.getBoundingClientRect();
      return {
        x: b.x - origin.x,
        y: b.y - origin.y,
        width: b.width,
        height: b.height,
        text: element.textContent ?? '',
      };
    };
    const children = [...root.children] as SVGGraphicsElement[];
    const chart = children.find((c) => c.tagName === 'svg')!;
    return {
      width: root.width.baseVal.value,
      height: root.height.baseVal.value,
      legend: [...root.querySelectorAll<SVGGraphicsElement>(':scope > g')].map(box),
      /** Texts above the chart that are not legend entries: the title. */
      title: children.filter((c) => c.tagName === 'text' && box(c).y < box(chart).y).map(box),
      texts: [...root.querySelectorAll<SVGGraphicsElement>('text')].map(box),
    };
  });
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each(charts.map((c) => [c.slug, c] as const))('%s', (slug, chart) => {
  it('SVG: legend entries apart, every text whole and inside the image, title, source and date written in', async () => {
    const image = await layOut(routes.chartSvg(slug));
    // As many legend entries as the chart page's legend.
    const series = builtPage(dist, `graphiques/${slug}/index.html`).querySelectorAll('.legend .legend-item').length;
    expect(image.legend).toHaveLength(series);
    for (const [i, a] of image.legend.entries()) {
      for (const b of image.legend.slice(i + 1)) expect(overlap(a, b), `« ${a.text} » et « ${b.text} »`).toBe(false);
      for (const t of image.title) expect(overlap(a, t), `« ${a.text} » et le titre`).toBe(false);
    }
    for (const text of image.texts) {
      expect(text.text.trim(), 'texte coupé').not.toMatch(/…$/u);
      if (text.width === 0) continue;
      expect(text.x, `« ${text.text} »`).toBeGreaterThanOrEqual(-0.5);
      expect(text.x + text.width, `« ${text.text} »`).toBeLessThanOrEqual(image.width + 0.5);
      expect(text.y + text.height, `« ${text.text} »`).toBeLessThanOrEqual(image.height + 0.5);
    }
    const all = plainSpaces(image.texts.map((t) => t.text).join(' ')).replace(/\s+/gu, ' ');
    expect(plainSpaces(image.title.map((t) => t.text).join(' '))).toBe(plainSpaces(chart.title));
    expect(all).toMatch(/Sources? : .+\. Instantané du \d{1,2} \p{L}+ \d{4}\./u);
  });

  it('PNG: the same image at twice its size', async () => {
    const svg = readFileSync(join(dist, routes.chartSvg(slug)), 'utf8');
    const root = /<svg[^>]*>/u.exec(svg)![0];
    const size = ['width', 'height'].map((name) => Number(new RegExp(` ${name}="([\\d.]+)"`, 'u').exec(root)![1]));
    const png = await sharp(readFileSync(join(dist, routes.chartPng(slug)))).metadata();
    expect([png.width, png.height]).toEqual(size.map((n) => n * 2));
  });
});
