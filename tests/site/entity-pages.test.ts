/**
 * The pages of the défis and of the host bodies, on the build of data/ (every défi and body the snapshot's rows
 * name, read here by the test itself) and on the hostile build (markup, right-to-left letters and endless words
 * in a description and a body's name: shown as text, wrapped on a 320 px screen).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';
import { launchChromium } from '../support/browser.ts';
import { listFiles, page, readText } from '../support/dist.ts';
import { HOSTILE } from '../support/hostile-data.ts';

const dist = inject('siteDir');
const hostile = inject('hostileSiteDir');
type Csv = Record<string, string>[];
const csv = (file: string): Csv => parse(readFileSync(`data/snapshot/${file}`), { columns: true }) as Csv;
const defis = csv('defis-2017-2023.csv');
const bodies = csv('organismes.csv');
const files = listFiles(dist);
const defiPages = files.filter((f) => /^defis\/[^/]+\/index\.html$/u.test(f));
const bodyPages = files.filter((f) => /^administrations\/[^/]+\/index\.html$/u.test(f));
const KB = 1024;

// Compared composed (NFC): the snapshot may write an accent as a letter and a combining mark, the page composes it.
const h1 = (doc: Document) => doc.querySelector('h1')!.textContent!.trim().normalize('NFC');

/** A text apart from apostrophes' shapes and its spaces (the page adds no-break spaces before « : ; ! ? »). */
const typeless = (text: string) => text.replace(/['’]/gu, '’').replace(/[\s\u00a0\u202f]+/gu, '');

describe('défi pages', () => {
  it('one per défi of the snapshot, titled as its row, with its description cited', () => {
    expect(defiPages.length).toBe(defis.length);
    // Titles may repeat (two défis of one name): each row is matched with a page of its title not taken yet.
    const byTitle = new Map<string, string[]>();
    for (const f of defiPages) {
      const key = typeless(h1(page(dist, f)));
      byTitle.set(key, [...(byTitle.get(key) ?? []), f]);
    }
    for (const row of defis) {
      const file = byTitle.get(typeless(row.titre!.normalize('NFC')))?.shift();
      expect(file, row.titre).toBeDefined();
      const doc = page(dist, file!);
      if (row.description)
        // The page sets the text in French typography (’, no-break spaces): compared apart from those.
        expect(typeless(doc.querySelector('blockquote')!.textContent!)).toContain(
          typeless(row.description.normalize('NFC').trim().slice(0, 40)),
        );
      expect(doc.querySelector('main')!.textContent).toContain(row.promotion);
    }
  });

  it('name the host body as its row in organismes, linked to its page, and cite their rows', () => {
    const doc = page(dist, 'defis/a-just/index.html');
    const row = defis.find((d) => d.slug === 'a-just')!;
    const body = bodies.find((b) => b.nom_ecrit === row.administration)!;
    const link = [...doc.querySelectorAll('dd a')].find((a) => a.textContent!.includes(body.organisme!))!;
    expect(link.getAttribute('href')).toMatch(/^\/administrations\/[a-z0-9-]+\/$/u);
    expect(files).toContain(`${link.getAttribute('href')!.slice(1)}index.html`);
    const provenance = [...doc.querySelectorAll('.provenance-lines a')].map((a) => a.getAttribute('href'));
    const line = defis.indexOf(row) + 2;
    expect(provenance).toContain(`/tables/defis-2017-2023/#L${line}`);
    expect(provenance).toContain(`/tables/organismes/#L${bodies.indexOf(body) + 2}`);
    // Themes lead to the explorer filtered on them; the town is on the map.
    expect(doc.querySelector(`a[href="/graphiques/explorateur-defis/?theme=${row.thematiques}"]`)).not.toBeNull();
    expect(doc.querySelector('svg.locator-map circle')).not.toBeNull();
  });

  it('have their JSON file, with the rows each line comes from', () => {
    const json = JSON.parse(readText(dist, 'api/defis/a-just.json')) as {
      titre: string;
      provenance: { lignes: { line: number }[] }[];
    };
    expect(json.titre).toBe('A-JUST');
    expect(json.provenance[0]!.lignes[0]!.line).toBe(defis.findIndex((d) => d.slug === 'a-just') + 2);
  });

  it(`weigh at most 30 KB gzip (HTML and CSS)`, () => {
    const css = [
      ...new Set(
        defiPages.flatMap((f) =>
          [...page(dist, f).querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')!),
        ),
      ),
    ];
    const cssBytes = css.reduce((sum, href) => sum + gzipSync(readText(dist, href.slice(1))).length, 0);
    const largest = Math.max(...defiPages.map((f) => gzipSync(readText(dist, f)).length));
    expect(largest + cssBytes).toBeLessThanOrEqual(30 * KB);
  });

  it('are linked from the explorer, in the sitemap, with their canonical address', () => {
    const explorer = page(dist, 'graphiques/explorateur-defis/index.html');
    const linked = new Set(
      [...explorer.querySelectorAll('tbody a[href^="/defis/"]')].map((a) => a.getAttribute('href')),
    );
    expect(linked.size).toBe(defis.length);
    const sitemap = readText(dist, 'sitemap.xml');
    for (const f of [...defiPages, ...bodyPages]) {
      const path = `/${f.replace(/index\.html$/u, '')}`;
      expect(sitemap).toContain(`${path}</loc>`);
      expect(page(dist, f).querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(
        new RegExp(`${path}$`, 'u'),
      );
    }
  });
});

describe('body pages', () => {
  it('one per body of the correspondence with défis, its défis by promotion listed and drawn', () => {
    const named = new Set(
      bodies.filter((b) => b.organisme && defis.some((d) => d.administration === b.nom_ecrit)).map((b) => b.organisme),
    );
    expect(bodyPages.length).toBe(named.size);
    const dinum = bodies.find((b) => b.sigle === 'DINUM')!;
    const doc = page(dist, 'administrations/dinum/index.html');
    expect(h1(doc)).toContain(dinum.organisme);
    const written = new Set(bodies.filter((b) => b.organisme === dinum.organisme).map((b) => b.nom_ecrit));
    const hosted = defis.filter((d) => written.has(d.administration!));
    expect(doc.querySelectorAll('.entity-group a[href^="/defis/"]').length).toBe(hosted.length);
    const drawn = [...doc.querySelectorAll('svg.body-chart g')].reduce(
      (sum, g) => sum + Number(g.querySelectorAll('text')[1]!.textContent),
      0,
    );
    expect(drawn).toBe(hosted.length);
    for (const name of written) expect(doc.querySelector('main')!.textContent).toContain(name);
  });

  it('are linked from the administrations chart', () => {
    const chart = page(dist, 'graphiques/administrations/index.html');
    const linked = new Set(
      [...chart.querySelectorAll('tbody a[href^="/administrations/"]')].map((a) => a.getAttribute('href')),
    );
    expect(linked.size).toBe(bodyPages.length);
  });
});

describe('hostile text on these pages', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startStaticServer(hostile);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is shown as text, and wraps on a 320 px screen', async () => {
    const hostileFiles = listFiles(hostile);
    const bodyFile = hostileFiles.find(
      (f) => f.startsWith('administrations/') && page(hostile, f).querySelector('h1')?.textContent?.includes('שלום'),
    );
    expect(bodyFile, 'la page de l’organisme au nom hostile').toBeDefined();
    for (const path of [
      '/defis/hostile-long/',
      '/defis/hostile-script/',
      `/${bodyFile!.replace(/index\.html$/u, '')}`,
    ]) {
      const doc = page(hostile, `${path.slice(1)}index.html`);
      expect(doc.querySelector('main b'), path).toBeNull();
      expect(doc.querySelector('main img'), path).toBeNull();
      const context = await browser.newContext({ viewport: { width: 320, height: 700 } });
      const tab = await context.newPage();
      await tab.goto(server.url + path);
      const width = await tab.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(320);
      await context.close();
    }
    expect(page(hostile, 'defis/hostile-long/index.html').querySelector('blockquote')!.textContent).toContain(
      HOSTILE.long,
    );
  });
});
