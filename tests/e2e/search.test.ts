/**
 * The site's search in Chromium, on the build of data/: nothing of it loads before the field is focused; then the
 * engine and the index, within the budget; the queries readers ask return the right page first, « right » read
 * from the snapshot's own rows by this test (the défi titled so, the body with that acronym, the chart about
 * women); results are links named with their kind, their number announced; the form works without script.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';
import { guardedContext, launchChromium, watchPage } from '../support/browser.ts';

const dist = inject('siteDir');
const KB = 1024;
const FIRST_LOAD_BUDGET = 60 * KB;

type Csv = Record<string, string>[];
const csv = (file: string): Csv => parse(readFileSync(`data/snapshot/${file}`), { columns: true }) as Csv;
const defis = csv('defis-2017-2023.csv');
const bodies = csv('organismes.csv');

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

async function openPage(path: string, javaScriptEnabled = true): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, guard } = await guardedContext(browser, [server.url], {
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled,
  });
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(server.url + path);
  return {
    page,
    close: async () => {
      expect(guard.blocked).toEqual([]);
      expect(problems.errors).toEqual([]);
      await context.close();
    },
  };
}

/**
 * Types the query in the header's field of a fresh page, and returns the results' names and addresses once
 * announced, and the title of the first result's page.
 */
async function search(query: string) {
  const { page, close } = await openPage('/');
  await page.fill('#recherche-champ', query);
  await page.waitForFunction(() => (document.querySelector('#recherche-statut')?.textContent ?? '') !== '');
  const results = await page.$$eval('.site-header [data-results] a', (links) =>
    links.map((a) => ({ text: a.textContent ?? '', href: new URL((a as HTMLAnchorElement).href).pathname })),
  );
  let firstTitle = '';
  if (results[0]) {
    await page.goto(server.url + results[0].href);
    firstTitle = (await page.textContent('h1'))?.trim() ?? '';
  }
  await close();
  return { results, first: results[0], firstTitle };
}

describe('search', () => {
  it('loads nothing before the field is focused, then at most 60 KB gzip', async () => {
    const { page, close } = await openPage('/defis/');
    const loaded: string[] = [];
    page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
    await page.waitForLoadState('networkidle');
    expect(loaded.filter((p) => p.includes('recherche') || p.includes('search-engine'))).toEqual([]);
    const before = loaded.length;
    await page.focus('#recherche-champ');
    await page.waitForResponse((r) => r.url().endsWith('/recherche/index.json'));
    await page.waitForLoadState('networkidle');
    const fetched = loaded.slice(before);
    expect(fetched).toContain('/recherche/index.json');
    // The bytes a static host sends for what the focus fetched, plus the small script that waits for it.
    const bootstrap = (
      await page.$$eval('script[src]', (s) => s.map((e) => new URL((e as HTMLScriptElement).src).pathname))
    ).filter((p) => p.includes('SiteSearch'));
    const bytes = [...fetched, ...bootstrap].reduce((sum, p) => sum + gzipSync(readFileSync(`${dist}${p}`)).length, 0);
    expect(bytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    await close();
  });

  it('finds « Écobalyse » and « A-JUST »: the défis of those titles first', async () => {
    for (const title of ['Écobalyse', 'A-JUST']) {
      expect(
        defis.some((d) => d.titre === title),
        `un défi « ${title} » dans les données`,
      ).toBe(true);
      const { first, firstTitle } = await search(title);
      expect(first?.text).toMatch(/^Défi/u);
      expect(firstTitle).toBe(title);
    }
  });

  it('finds « DINUM » and « justice »: the body of that acronym, the ministry of that name first', async () => {
    const dinum = bodies.find((b) => b.sigle === 'DINUM')!;
    let { first, firstTitle } = await search('DINUM');
    expect(first?.text).toMatch(/^Administration/u);
    expect(firstTitle).toContain(dinum.organisme);
    const justice = bodies.find((b) => /^minist[eè]re de la justice$/iu.test(b.organisme ?? ''))!;
    ({ first, firstTitle } = await search('justice'));
    expect(first?.text).toMatch(/^Administration/u);
    expect(firstTitle).toBe(justice.organisme);
  });

  it('finds « femmes »: the chart about women first', async () => {
    const { first, firstTitle } = await search('femmes');
    expect(first?.text).toMatch(/^Graphique/u);
    expect(first!.href).toMatch(/^\/graphiques\//u);
    expect(firstTitle).toMatch(/femmes/iu);
  });

  it('reads French: « sante » finds the pages written « Santé », a singular finds the plural', async () => {
    const sante = await search('sante');
    expect(sante.results.some((r) => /santé/iu.test(r.text))).toBe(true);
    const femme = await search('femme');
    expect(femme.first?.text).toMatch(/femmes/iu);
  });

  it('is a form with a label, its results a list of links announced by a status, reached with the keyboard', async () => {
    const { page, close } = await openPage('/');
    const label = await page.$eval(
      '#recherche-champ',
      (input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '',
    );
    expect(label).toMatch(/rechercher/iu);
    expect(await page.getAttribute('form[data-site-search]', 'role')).toBe('search');
    await page.focus('#recherche-champ');
    await page.keyboard.type('Écobalyse');
    await page.waitForSelector('[data-results] a');
    expect(await page.getAttribute('#recherche-statut', 'role')).toBe('status');
    expect(await page.textContent('#recherche-statut')).toMatch(/^\d+ résultats?/u);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-results]') !== null)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/defis\//u);
    await close();
  });

  it('without JavaScript, the form sends the words to the search page, which points to every page', async () => {
    const { page, close } = await openPage('/', false);
    await page.fill('#recherche-champ', 'justice');
    await page.press('#recherche-champ', 'Enter');
    await page.waitForURL(/\/recherche\/\?q=justice/u);
    expect(await page.textContent('main')).toMatch(/plan du site/u);
    await close();
  });

  it('on the search page, searches the words of the address and shows every result', async () => {
    const { page, close } = await openPage('/recherche/?q=justice');
    await page.waitForSelector('#recherche-page-champ ~ * a, .site-search-page [data-results] a');
    const count = await page.$$eval('.site-search-page [data-results] a', (links) => links.length);
    const announced = Number(/^(\d+)/u.exec((await page.textContent('#recherche-page-statut')) ?? '')?.[1]);
    expect(count).toBe(announced);
    await close();
  });
});
