/**
 * Every chart page and embed page, in a real Chromium: loads with no console error (Chromium reports
 * Content-Security-Policy violations there), no failed request, no request to another origin; the chart is in
 * the HTML before any script and shows with JavaScript off.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { charts } from '../../src/charts/registry.ts';
import { guardedContext, launchChromium, visit, type Guard } from '../support/browser.ts';
import { listFiles, page } from '../support/dist.ts';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';

const dist = inject('siteDir');
const chartPages = charts.flatMap((c) => [`/graphiques/${c.slug}/`, `/embed/${c.slug}/`]);

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let guard: Guard;
let noScript: BrowserContext;

beforeAll(async () => {
  server = await startStaticServer(dist);
  browser = await launchChromium();
  ({ context, guard } = await guardedContext(browser, [server.url]));
  noScript = await browser.newContext({ javaScriptEnabled: false });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.concurrent('every chart page and embed page', () => {
  it.for(chartPages)(
    '%s loads with no console error, no failed request, and shows its chart',
    async (path, { expect }) => {
      const { page, problems } = await visit(context, server.url + path);
      const svg = page.locator('figure.chart-figure svg[role="img"]:visible');
      await expect(svg.count()).resolves.toBe(1);
      const box = await svg.boundingBox();
      expect(box!.width * box!.height).toBeGreaterThan(10_000);
      await page.close();
      expect(problems.errors).toEqual([]);
      expect(problems.failed).toEqual([]);
    },
  );

  it.for(chartPages)('%s has its chart SVG in the HTML, before any blocking script', async (path, { expect }) => {
    const html = await (await fetch(server.url + path)).text();
    const svg = html.search(/<figure[^>]*class="chart-figure"[^>]*>[\s\S]*?<svg[^>]*role="img"/u);
    // Module scripts (the header's menu and search) wait for the document: only a classic script could hold the
    // chart back.
    const script = html.search(/<script(?![^>]*type="(module|application\/(ld\+)?json)")/u);
    expect(svg).toBeGreaterThan(0);
    if (script >= 0) expect(svg).toBeLessThan(script);
    // No script writes the chart: a script-less browser draws it just the same.
    const page = await noScript.newPage();
    await page.goto(server.url + path);
    const shown = page.locator('figure.chart-figure svg[role="img"]:visible');
    await expect(shown.count()).resolves.toBe(1);
    await expect(shown.locator('[data-series], rect, path, circle').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });
});

describe('every HTML page', () => {
  it('names its icon, so that browsers do not ask for a missing /favicon.ico (Lighthouse counts that 404 as a console error)', () => {
    const html = listFiles(dist).filter((f) => f.endsWith('.html'));
    const without = html.filter((file) => {
      const icon = page(dist, file).querySelector('link[rel="icon"]')?.getAttribute('href');
      return !icon || !existsSync(join(dist, icon));
    });
    expect(html.length).toBeGreaterThan(chartPages.length);
    expect(without).toEqual([]);
  });
});

describe('the watch on pages', () => {
  it('sends no request to another origin from any chart or embed page', () => {
    // Runs after the loads above (tests of a file run in order): every request they made went through the guard.
    expect(server.requests.length).toBeGreaterThan(chartPages.length);
    expect(guard.blocked).toEqual([]);
  });

  it('would see a CSP violation, a failed request and a third-party request', async () => {
    // A copy of a real chart page with what the policy forbids: an inline script, an inline style, an image
    // from another origin and one that does not exist.
    const root = await mkdtemp(join(tmpdir(), 'eig-probe-'));
    try {
      await cp(dist, root, { recursive: true });
      const file = join(root, 'graphiques', charts[0]!.slug, 'index.html');
      const html = await readFile(file, 'utf8');
      await writeFile(
        file,
        html.replace(
          '</main>',
          '<script>document.title = "inline";</script><p style="color:red">x</p>' +
            '<img src="http://third-party.invalid/pixel.png" alt=""><img src="/absent.png" alt=""></main>',
        ),
      );
      const probe = await startStaticServer(root);
      const watched = await guardedContext(browser, [probe.url]);
      try {
        const { page, problems } = await visit(watched.context, `${probe.url}/graphiques/${charts[0]!.slug}/`);
        expect(await page.title()).not.toBe('inline');
        const csp = problems.errors.filter((e) => /Content Security Policy/u.test(e));
        expect(csp.some((e) => /inline script/iu.test(e))).toBe(true);
        expect(csp.some((e) => /inline style/iu.test(e))).toBe(true);
        // The policy refuses the third-party image before it leaves; the browser's proxy stops what the policy
        // does not cover, such as a navigation, by name or by address. The guard counts all three.
        expect(csp.some((e) => e.includes('http://third-party.invalid/pixel.png'))).toBe(true);
        expect(problems.failed.some((f) => f.includes('/absent.png : HTTP 404'))).toBe(true);
        await expect(page.goto('http://third-party.invalid/')).rejects.toThrow(/ERR_PROXY_CONNECTION_FAILED/u);
        await expect(page.goto('http://192.0.2.1/')).rejects.toThrow(/ERR_PROXY_CONNECTION_FAILED/u);
        expect(watched.guard.blocked).toEqual([
          'http://third-party.invalid/pixel.png',
          'http://third-party.invalid/',
          'http://192.0.2.1/',
        ]);
      } finally {
        await watched.context.close();
        await probe.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
