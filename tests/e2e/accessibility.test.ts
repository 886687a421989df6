/**
 * Accessibility in a real Chromium: axe-core on every HTML page of the build, in light and dark mode, with no
 * violation at the « serious » or « critical » level; every chart has an accessible name and its data table.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { charts, legacyAnchors } from '../../src/charts/registry.ts';
import { guardedContext, launchChromium, type Guard } from '../support/browser.ts';
import { listFiles } from '../support/dist.ts';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';

const dist = inject('siteDir');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);

/** Every page of the build, by its address. */
const pages = listFiles(dist)
  .filter((f) => f.endsWith('.html'))
  .map((f) => '/' + f.replace(/index\.html$/u, ''));

let server: StaticServer;
let browser: Browser;
let light: BrowserContext;
const contexts = {} as Record<'light' | 'dark', BrowserContext>;
const guards: Guard[] = [];

beforeAll(async () => {
  server = await startStaticServer(dist);
  browser = await launchChromium();
  for (const colorScheme of ['light', 'dark'] as const) {
    const { context, guard } = await guardedContext(browser, [server.url], { colorScheme });
    contexts[colorScheme] = context;
    guards.push(guard);
  }
  light = contexts.light;
});

afterAll(async () => {
  for (const guard of guards) expect(guard.blocked).toEqual([]);
  await browser?.close();
  await server?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The old addresses kept as pages (/promo/…): they send readers on to the chart at once. */
const redirecting = new Set(legacyAnchors().map((a) => `/${a.anchor}/`));

/**
 * Opens a page and keeps it there, so that axe audits that page and not the one it sends readers to: the old
 * addresses are opened without their script, which would leave before the page has loaded (axe itself needs
 * JavaScript on), and any navigation away is cancelled.
 */
async function openStill(scheme: 'light' | 'dark', path: string): Promise<Page> {
  const url = server.url + path;
  const page = await contexts[scheme].newPage();
  await page.route('**/*', (route) => {
    const request = route.request();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame() && request.url() !== url)
      return route.abort('aborted');
    if (redirecting.has(path) && request.resourceType() === 'script') return route.abort('blockedbyclient');
    return route.fallback();
  });
  // Module scripts (legend buttons, explorer controls) have run by the load event.
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * Runs axe-core in the page. Its source goes in through the DevTools protocol (page.evaluate), which the page's
 * Content-Security-Policy does not govern: a <script> tag with the source inline would be refused by the policy.
 */
async function axe(page: Page, rules?: string[]): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (only) => {
    const result = await (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> };
      }
    ).axe.run(document, {
      resultTypes: ['violations'],
      ...(only ? { runOnly: { type: 'rule', values: only } } : {}),
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, rules);
}

/** A chart's title as an accessible name, whatever spaces the page writes in it (« EIG : » with a no-break space). */
const named = (title: string) =>
  new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '[\\s\u00a0\u202f]+')}$`, 'u');

const describeViolations = (violations: Violation[]) =>
  violations.map(
    (v) =>
      `${v.impact} ${v.id} (${v.help}) : ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join(', ')}${v.nodes.length > 5 ? '…' : ''}`,
  );

describe('axe-core', () => {
  it('is refused when injected as an inline script, which is why it goes in through the DevTools protocol', async () => {
    const page = await light.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}/`);
    await page.addScriptTag({ content: AXE_SOURCE }).catch(() => undefined);
    expect(await page.evaluate(() => 'axe' in window)).toBe(false);
    expect(errors.some((e) => /Content Security Policy/u.test(e))).toBe(true);
    expect(await axe(page)).toBeInstanceOf(Array);
    expect(await page.evaluate(() => 'axe' in window)).toBe(true);
    await page.close();
  });

  it('finds what it should: a page with an unlabelled field and low contrast', async () => {
    const page = await light.newPage();
    await page.goto(`${server.url}/a-propos/`);
    await page.evaluate(() => {
      document
        .querySelector('main')!
        .insertAdjacentHTML('beforeend', '<input type="text"><p class="probe">faible contraste</p>');
      (document.querySelector('.probe') as HTMLElement).style.color = '#ccc';
    });
    const ids = (await axe(page)).filter((v) => BLOCKING.has(v.impact ?? '')).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['label', 'color-contrast']));
    await page.close();
  });
});

describe.concurrent('every page', () => {
  it.for(pages)('%s has no serious or critical axe violation, in light mode', async (path, { expect }) => {
    const page = await openStill('light', path);
    const violations = (await axe(page)).filter((v) => BLOCKING.has(v.impact ?? ''));
    await page.close();
    expect(describeViolations(violations)).toEqual([]);
  });

  // Dark mode changes colours only: the rules about colours run again (the others gave the same answers).
  it.for(pages)('%s keeps its contrasts in dark mode', async (path, { expect }) => {
    const page = await openStill('dark', path);
    await expect(page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).resolves.toBe(true);
    const violations = (await axe(page, ['color-contrast', 'link-in-text-block'])).filter((v) =>
      BLOCKING.has(v.impact ?? ''),
    );
    await page.close();
    expect(describeViolations(violations)).toEqual([]);
  });
});

describe.concurrent('embeds with a forced theme', () => {
  // ?theme=dark on a light system and ?theme=light on a dark one: the embed's colours, not the system's.
  it.for(charts.flatMap((c) => [[c.slug, 'dark', 'light'] as const, [c.slug, 'light', 'dark'] as const]))(
    '/embed/%s/?theme=%s keeps its contrasts on a %s system',
    async ([slug, theme, system], { expect }) => {
      const page = await openStill(system, `/embed/${slug}/?theme=${theme}`);
      await expect(page.evaluate(() => document.documentElement.className)).resolves.toContain(`theme-${theme}`);
      const violations = (await axe(page, ['color-contrast', 'link-in-text-block'])).filter((v) =>
        BLOCKING.has(v.impact ?? ''),
      );
      await page.close();
      expect(describeViolations(violations)).toEqual([]);
    },
  );
});

describe('the audit covers', () => {
  it('the home page, every chart page, every embed, every old address and the other pages', () => {
    for (const chart of charts)
      expect(pages).toEqual(expect.arrayContaining([`/graphiques/${chart.slug}/`, `/embed/${chart.slug}/`]));
    for (const { anchor } of legacyAnchors()) expect(pages).toContain(`/${anchor}/`);
    expect(pages).toEqual(
      expect.arrayContaining([
        '/',
        '/a-propos/',
        '/accessibilite/',
        '/plan-du-site/',
        '/qualite/',
        '/historique/',
        '/tables/',
      ]),
    );
  });
});

describe.concurrent('every chart', () => {
  it.for(charts)('$slug has an accessible name and its data table', async (chart, { expect }) => {
    const page = await light.newPage();
    await page.goto(`${server.url}/graphiques/${chart.slug}/`);
    await expect(page.getByRole('img', { name: named(chart.title) }).count()).resolves.toBe(1);
    const description = await page.getByRole('img', { name: named(chart.title) }).evaluate((svg) => {
      const id = svg.getAttribute('aria-describedby');
      return id ? (document.getElementById(id)?.textContent?.trim() ?? '') : '';
    });
    expect(description.length).toBeGreaterThan(20);
    const table = page.getByRole('table', { name: new RegExp(named(chart.title).source.slice(0, -1), 'u') });
    if (!(await table.isVisible())) await page.locator('details.data-table > summary').click();
    await expect(table.isVisible()).resolves.toBe(true);
    await expect(table.getByRole('columnheader').count()).resolves.toBeGreaterThan(1);
    await expect(table.getByRole('row').count()).resolves.toBeGreaterThan(1);
    await page.close();
    // The embed names its chart too.
    const embed = await light.newPage();
    await embed.goto(`${server.url}/embed/${chart.slug}/`);
    await expect(embed.getByRole('img', { name: named(chart.title) }).count()).resolves.toBe(1);
    await embed.close();
  });
});
