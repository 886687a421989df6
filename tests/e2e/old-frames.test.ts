/**
 * The programme's old blog posts embedded data.eig-forever.org's addresses (/#promo, and for a while /promo) in
 * iframes of a fixed height, 450 to 650 px, with no script to resize them. Every old address the registry
 * declares, in such frames at the widths an article gives them: the title and the source line show whole, with
 * nothing to scroll inside the frame, and the chart's labels as displayed are 9 px or more: the chart shows whole,
 * or, where it cannot at that size, its first part with a link to see it whole. With the resize script, the frame
 * takes the whole chart's height.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { legacyAnchors } from '../../src/charts/registry.ts';
import { routes } from '../../src/routes.ts';
import { guardedContext, launchChromium, watchPage, type Guard } from '../support/browser.ts';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';

const dist = inject('siteDir');
/** The heights of the programme's iframes (450 in most posts, 650 for the tallest charts), and a few between. */
const HEIGHTS = [450, 460, 470, 500, 650] as const;
/** A phone's column, a narrow article column, a wide one. */
const WIDTHS = [320, 600, 900] as const;
const FORMS = [
  { name: 'ancre', path: routes.legacyAnchor },
  { name: 'chemin', path: (anchor: string) => routes.legacyPath(anchor).slice(0, -1) },
] as const;

let site: StaticServer;
let host: StaticServer;
let hostRoot: string;
let browser: Browser;
let context: BrowserContext;
let guard: Guard;

/** The smallest a label may be shown, in CSS pixels, in an old frame (11 px on the site's pages). */
const LEGIBLE = 9;

/** A blog post as the programme wrote them: the old address in a fixed iframe, no script. */
const post = (title: string, body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head>` +
  `<body style="margin:0;font-family:sans-serif"><h1>${title}</h1>${body}</body></html>`;
const oldFrame = (src: string, width: number, height: number) =>
  `<div style="width:${width}px"><iframe src="${src}" width="100%" height="${height}" frameborder="0"></iframe></div>`;

beforeAll(async () => {
  site = await startStaticServer(dist);
  hostRoot = await mkdtemp(join(tmpdir(), 'eig-old-posts-'));
  host = await startStaticServer(hostRoot);
  browser = await launchChromium();
  ({ context, guard } = await guardedContext(browser, [site.url, host.url], {
    viewport: { width: 1000, height: 800 },
  }));
  for (const { anchor } of legacyAnchors()) {
    for (const form of FORMS) {
      const src = site.url + form.path(anchor);
      await writeFile(
        join(hostRoot, `${form.name}-${anchor}.html`),
        post(`Billet : ${src}`, WIDTHS.map((width) => oldFrame(src, width, HEIGHTS[0])).join('')),
      );
    }
    await writeFile(
      join(hostRoot, `script-${anchor}.html`),
      post('Billet avec embed.js', oldFrame(site.url + routes.legacyAnchor(anchor), 600, 450)) +
        `<script src="${site.url}${routes.embedScript}"></script>`,
    );
  }
});

afterAll(async () => {
  expect(guard?.blocked).toEqual([]);
  await browser?.close();
  await site?.close();
  await host?.close();
  if (hostRoot) await rm(hostRoot, { recursive: true, force: true });
});

/** What a reader sees of the chart inside a frame: what shows whole, what is cut, and whether it scrolls. */
function inspect(frame: Frame) {
  return frame.evaluate(() => {
    const whole = (element: Element | null | undefined) => {
      if (!element) return false;
      const box = element.getBoundingClientRect();
      return (
        box.width > 0 &&
        box.height > 0 &&
        box.top >= -0.5 &&
        box.left >= -0.5 &&
        box.bottom <= innerHeight + 0.5 &&
        box.right <= innerWidth + 0.5
      );
    };
    const chart = [...document.querySelectorAll('figure.chart-figure svg.chart-svg')].find(
      (svg) => svg.getBoundingClientRect().width > 0,
    ) as SVGSVGElement | undefined;
    const view = chart?.viewBox.baseVal;
    const box = chart?.getBoundingClientRect();
    // The drawing keeps its proportions inside its box: the scale it is shown at.
    const scale = view && box ? Math.min(box.width / view.width, box.height / view.height) : 0;
    // What shows of the chart: its box, cut by its figure's (which hides the rest of a chart shown in part).
    const figure = chart?.closest('figure')?.getBoundingClientRect();
    const shown = box && figure ? { top: box.top, bottom: Math.min(box.bottom, figure.bottom, innerHeight) } : null;
    const cut = !!box && !!figure && box.bottom > figure.bottom + 1;
    const link = document.querySelector<HTMLAnchorElement>('.embed-more a');
    // The labels that show, at the size they are displayed.
    const sizes = [...(chart?.querySelectorAll('text') ?? [])]
      .filter((t) => {
        const r = t.getBoundingClientRect();
        return r.width > 0 && shown !== null && r.bottom > shown.top && r.top < shown.bottom;
      })
      .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    return {
      title: whole(document.querySelector('h1')),
      chart: !!chart && !!shown && box!.width > 0 && box!.left >= -0.5 && box!.right <= innerWidth + 0.5,
      source: whole(document.querySelector('.embed-foot .source')),
      notes: [...document.querySelectorAll('.embed-foot .key-note')].every(whole),
      scrolls:
        document.documentElement.scrollHeight > innerHeight + 1 ||
        document.documentElement.scrollWidth > innerWidth + 1,
      /** Whole, or in part with the link to the whole chart (in a new window, to its page). */
      whole: !cut,
      link: whole(link) ? { path: new URL(link!.href).pathname, target: link!.target } : null,
      smallestLabel: sizes.length > 0 ? Math.min(...sizes) : 0,
      shownHeight: shown ? shown.bottom - shown.top : 0,
      /** The height the drawing takes when nothing limits it: its width gives it. */
      naturalHeight: view && box ? (box.width * view.height) / view.width : 0,
    };
  });
}

describe.concurrent('an old address in an old blog post’s iframe, without the resize script', () => {
  const cases = legacyAnchors().flatMap((legacy) => FORMS.map((form) => ({ ...legacy, form: form.name })));

  it('covers every old address the registry declares, in both forms', () => {
    expect(cases.length).toBe(legacyAnchors().length * FORMS.length);
    expect(cases.length).toBeGreaterThan(0);
  });

  it.for(cases)(
    `$form $anchor → $slug: title, source and chart labels of ${LEGIBLE} px or more (the chart whole, or its first part and a link to it) inside frames ${WIDTHS.join(', ')} px wide, ${HEIGHTS.join(', ')} px high`,
    async ({ anchor, slug, form }, { expect }) => {
      const page = await context.newPage();
      const problems = watchPage(page);
      await page.goto(`${host.url}/${form}-${anchor}.html`, { waitUntil: 'load' });
      const iframes = page.locator('iframe');
      await expect(iframes.count()).resolves.toBe(WIDTHS.length);
      const framed = await Promise.all(
        WIDTHS.map(async (width, i) => {
          const frame = (await (await iframes.nth(i).elementHandle())!.contentFrame())!;
          await frame.waitForURL(`${site.url}${routes.embed(slug)}`);
          await frame.waitForLoadState('load');
          return { width, frame };
        }),
      );
      // Each frame through the old posts' heights: the page inside lays itself out again, as at a first load
      // (its stylesheet alone fits it to the frame).
      for (const height of HEIGHTS) {
        await iframes.evaluateAll(
          (elements, h) => elements.forEach((e) => e.setAttribute('height', String(h))),
          height,
        );
        for (const { width, frame } of framed) {
          const where = `${width} × ${height}`;
          await expect.poll(() => frame.evaluate(() => innerHeight), { timeout: 5_000 }).toBe(height);
          const s = await inspect(frame);
          expect(
            { title: s.title, chart: s.chart, source: s.source, notes: s.notes, scrolls: s.scrolls },
            where,
          ).toEqual({ title: true, chart: true, source: true, notes: true, scrolls: false });
          expect(s.smallestLabel, `${where} : plus petite étiquette affichée`).toBeGreaterThanOrEqual(LEGIBLE - 0.01);
          // A chart shown in part says so with a link to its page (on the site's own address), in a new window: the
          // reader keeps the article.
          if (!s.whole)
            expect(s.link, `${where} : lien « voir tout »`).toEqual({ path: routes.chart(slug), target: '_blank' });
          // Shrunk or cut only as much as the frame needs, and still a chart to read: a third of the frame at least.
          expect(s.shownHeight, where).toBeGreaterThanOrEqual(Math.min(s.naturalHeight, height / 3) - 0.5);
        }
      }
      await page.close();
      expect(problems.errors).toEqual([]);
      expect(problems.failed).toEqual([]);
    },
  );
});

describe.concurrent('an old address in an iframe of a page with the resize script', () => {
  it.for(legacyAnchors())(
    '/#$anchor: the frame takes the whole chart’s height',
    async ({ anchor, slug }, { expect }) => {
      const page = await context.newPage();
      await page.goto(`${host.url}/script-${anchor}.html`, { waitUntil: 'load' });
      const iframe = page.locator('iframe');
      const frame = (await (await iframe.elementHandle())!.contentFrame())!;
      await frame.waitForURL(`${site.url}${routes.embed(slug)}`);
      await iframe.scrollIntoViewIfNeeded();
      // The chart at the size its width gives it, and the frame as high as the page inside it.
      const unshrunk = () =>
        frame.evaluate(() => {
          const chart = [...document.querySelectorAll('figure.chart-figure svg.chart-svg')].find(
            (svg) => svg.getBoundingClientRect().width > 0,
          ) as SVGSVGElement;
          const box = chart.getBoundingClientRect();
          const view = chart.viewBox.baseVal;
          return Math.abs(box.height - (box.width * view.height) / view.width) < 1.5;
        });
      await expect.poll(unshrunk, { timeout: 10_000 }).toBe(true);
      const content = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      await expect
        .poll(async () => (await iframe.evaluate((e) => e.getBoundingClientRect().height)) - (await content()), {
          timeout: 10_000,
        })
        .toBe(0);
      await page.close();
    },
  );
});
