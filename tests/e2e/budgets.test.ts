/**
 * Byte budgets (bytes, not timings: they do not depend on the machine). What a reader's browser downloads for
 * an embed — HTML, CSS, JS and images, gzip as a static host sends them — stays within what a journalist can
 * put in an article: 60 KB in all, 10 KB of JavaScript. Chart pages keep their JavaScript as small.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { measureTransfer, type Transfer } from '../../src/bench/transfer.ts';
import { charts } from '../../src/charts/registry.ts';
import { guardedContext, launchChromium } from '../support/browser.ts';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';

const dist = inject('siteDir');
const KB = 1024;
const BUDGETS = {
  embed: { total: 60 * KB, js: 10 * KB },
  chartPage: { js: 10 * KB },
  /** The défis explorer carries every défi in its table (131 rows) and its filters. */
  explorer: { total: 60 * KB, js: 10 * KB },
};

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A first visit: a new context, so nothing comes from a cache. */
async function firstVisit(path: string): Promise<Transfer> {
  const { context, guard } = await guardedContext(browser, [server.url], { viewport: { width: 1280, height: 900 } });
  try {
    const transfer = await measureTransfer(context, server.url + path);
    expect(guard.blocked).toEqual([]);
    return transfer;
  } finally {
    await context.close();
  }
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const detail = (t: Transfer) => t.files.map((f) => `${f.url.replace(server.url, '')} ${kb(f.gzip)}`).join(', ');

describe.concurrent('embed pages', () => {
  it.for(charts.map((c) => c.slug))(
    `/embed/%s/ weighs at most ${kb(BUDGETS.embed.total)} gzip, ${kb(BUDGETS.embed.js)} of it JavaScript`,
    async (slug, { expect }) => {
      const transfer = await firstVisit(`/embed/${slug}/`);
      expect(transfer.byType.html, 'la page elle-même').toBeGreaterThan(0);
      expect(transfer.byType.css).toBeGreaterThan(0);
      expect(transfer.total, detail(transfer)).toBeLessThanOrEqual(BUDGETS.embed.total);
      expect(transfer.byType.js, detail(transfer)).toBeLessThanOrEqual(BUDGETS.embed.js);
    },
  );
});

describe.concurrent('chart pages', () => {
  it.for(charts.map((c) => c.slug))(
    `/graphiques/%s/ loads at most ${kb(BUDGETS.chartPage.js)} of JavaScript (gzip)`,
    async (slug, { expect }) => {
      const transfer = await firstVisit(`/graphiques/${slug}/`);
      expect(transfer.byType.js, detail(transfer)).toBeGreaterThan(0);
      expect(transfer.byType.js, detail(transfer)).toBeLessThanOrEqual(BUDGETS.chartPage.js);
    },
  );
});

describe('défis explorer', () => {
  it(`/graphiques/explorateur-defis/ weighs at most ${kb(BUDGETS.explorer.total)} gzip with all its rows, ${kb(BUDGETS.explorer.js)} of it JavaScript`, async () => {
    const transfer = await firstVisit('/graphiques/explorateur-defis/');
    const html = await (await fetch(`${server.url}/graphiques/explorateur-defis/`)).text();
    expect(html.match(/<tr /gu)?.length ?? 0).toBeGreaterThanOrEqual(131);
    expect(transfer.total, detail(transfer)).toBeLessThanOrEqual(BUDGETS.explorer.total);
    expect(transfer.byType.js, detail(transfer)).toBeLessThanOrEqual(BUDGETS.explorer.js);
  });
});

describe('the measure', () => {
  it('counts every file a page loads, gzip for text', async () => {
    // Checked against the files themselves: the embed of the first chart loads its HTML, the stylesheet and
    // the scripts its HTML names, and nothing else.
    const slug = charts[0]!.slug;
    const transfer = await firstVisit(`/embed/${slug}/`);
    const html = await (await fetch(`${server.url}/embed/${slug}/`)).text();
    const named = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/gu)].map((m) => m[1]!);
    const loaded = transfer.files.map((f) => new URL(f.url).pathname);
    for (const path of named) expect(loaded).toContain(path);
    const page = transfer.files.find((f) => f.type === 'html')!;
    expect(page.raw).toBe(Buffer.byteLength(html));
    expect(page.gzip).toBeLessThan(page.raw / 2);
  });
});
