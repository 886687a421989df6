/**
 * Issue 23, item 9: no page throws on any address. A malformed percent escape in the path, the query or the
 * fragment (`/#%E0%A4%A`, `/graphiques/promotions/#%`, `?promotion=%E0`) made decodeURIComponent throw « URI
 * malformed » in the home, chart, embed and explorer scripts: ignored now, and the page works as without it.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { charts, legacyAnchors } from '../../src/charts/registry.ts';
import { routes } from '../../src/routes.ts';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';
import { guardedContext, launchChromium, visit } from '../support/browser.ts';

const dist = inject('siteDir');
const chart = charts[0]!.slug;
const anchor = legacyAnchors()[0]!.anchor;
const explorer = charts.find((c) => c.slug.startsWith('explorateur'))?.slug;

/** Malformed escapes: cut short, a lone « % », an encoded lone surrogate. */
const BAD = ['%E0%A4%A', '%', '%ED%A0%80'];

const addresses = [
  ...BAD.map((bad) => `/#${bad}`),
  `/?x=%E0#${BAD[0]}`,
  ...BAD.map((bad) => `${routes.chart(chart)}#${bad}`),
  `${routes.chart(chart)}?masquer=%E0%A4&masquer=%#%`,
  `/embed/${chart}/?theme=%E0&plain=%#%E0`,
  `${routes.legacyPath(anchor)}#%E0%A4%A`,
  `${routes.legacyPath(anchor)}?%=%E0`,
  ...(explorer
    ? [
        `${routes.chart(explorer)}?promotion=%E0`,
        `${routes.chart(explorer)}?promotion=%ED%A0%80&thematique=%&q=%E0%A4%A#%`,
      ]
    : []),
  routes.quality + '#%E0',
];

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startStaticServer(dist);
  browser = await launchChromium();
  ({ context } = await guardedContext(browser, [server.url]));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.concurrent('malformed escapes in an address', () => {
  it('the explorer is among the pages tried', ({ expect }) => {
    expect(explorer).toBeDefined();
  });

  it.for(addresses)('%s: no script error, the page is whole', async (address, { expect }) => {
    const { page, problems } = await visit(context, server.url + address);
    // Scripts ran to their end: the chart's legend became buttons, the explorer showed its controls.
    if (page.url().includes('/graphiques/') && !page.url().includes('explorateur')) {
      await expect(page.locator('.chart-figure[data-enhanced]').count()).resolves.toBeGreaterThan(0);
    }
    if (page.url().includes('explorateur')) {
      await expect(page.locator('[data-explorer-controls]').first().isVisible()).resolves.toBe(true);
    }
    await page.close();
    expect(problems.errors).toEqual([]);
    expect(problems.failed).toEqual([]);
  });

  it('an old address with a malformed fragment still leads to its chart', async ({ expect }) => {
    const { page, problems } = await visit(context, `${server.url}${routes.legacyPath(anchor)}#%E0`);
    await page.waitForURL((url) => url.pathname.startsWith('/graphiques/'));
    await page.close();
    expect(problems.errors).toEqual([]);
  });

  it('a malformed escape in the path gets the « page introuvable » page, without a script error', async ({
    expect,
  }) => {
    const { page, problems } = await visit(context, `${server.url}/graphiques/%E0%A4%A/#%`);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/introuvable/iu);
    await page.close();
    // The page's own 404 is said in the console; nothing else is.
    expect(problems.errors).toEqual([
      expect.stringMatching(/^Failed to load resource: .* 404 .*\/graphiques\/%E0%A4%A\//u),
    ]);
  });
});
