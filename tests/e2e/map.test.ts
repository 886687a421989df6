/**
 * The map page (#carte) in a real Chromium: readable and switchable between promotions with JavaScript off (the
 * views are CSS), the current view told to assistive technologies with JavaScript on, and within the embed's byte
 * budgets although it is the heaviest chart page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { measureTransfer } from '../../src/bench/transfer.ts';
import { charts } from '../../src/charts/registry.ts';
import { routes } from '../../src/routes.ts';
import { reference } from '../support/reference.ts';
import { guardedContext, launchChromium, visit } from '../support/browser.ts';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';

const dist = inject('siteDir');
const KB = 1024;
const PATH = routes.chart('carte');
const services = reference('carte-2019.csv');
const columns = charts.find((chart) => chart.slug === 'carte')!.columns;
/** The header of a column of the map's data table, as the chart declares it. */
const label = (key: string) => columns.find((column) => column.key === key)!.label;

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

/** Visible symbols of the services layer (series 0) in the drawing shown. */
const visibleServices = (page: Page) =>
  page
    .locator('figure.chart-figure svg[role="img"]:visible g.view-mark [data-series="0"]')
    // A mark in a group the CSS hides has no box (checkVisibility() says true for SVG children in Chromium).
    .evaluateAll((marks) => marks.filter((m) => m.getBoundingClientRect().width > 0).length);

async function open(width: number, javaScriptEnabled: boolean, hash = '', path = PATH, height = 900) {
  const { context, guard } = await guardedContext(browser, [server.url], {
    viewport: { width, height },
    javaScriptEnabled,
  });
  const { page, problems } = await visit(context, server.url + path + hash, 'load');
  return {
    page,
    close: async () => {
      expect(problems.errors).toEqual([]);
      expect(guard.blocked).toEqual([]);
      await context.close();
    },
  };
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The drawing shown and the boxes of its names on screen, as Chromium lays them out. */
const shownLabels = (page: Page) =>
  page.evaluate(() => {
    const rect = (e: Element) => {
      const { left, top, right, bottom } = e.getBoundingClientRect();
      return { left, top, right, bottom };
    };
    const svg = [...document.querySelectorAll('figure.chart-figure svg[role="img"]')].find(
      (s) => s.getBoundingClientRect().width > 0,
    )!;
    const labels = [...svg.querySelectorAll('g.map-label text')]
      .filter((t) => t.getBoundingClientRect().width > 0)
      .map((t) => ({ text: t.textContent ?? '', box: rect(t) }));
    return { svg: rect(svg), labels };
  });

const overlap = (a: Rect, b: Rect) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** The towns of a view as the built CSV lists them, by their commune's name, and the main map's « Paris ». */
function townNames(view: string): string[] {
  const rows = parse(readFileSync(join(dist, 'data/carte.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  const count = view === 'tout' ? 'defis_total' : `defis_${view}`;
  return [
    ...rows
      .filter((r) => r.couche!.startsWith('Défis par commune') && Number(r[count]) > 0)
      .map((r) => r.nom!.replace(/ \(\w+\)$/u, '')),
    'Paris',
  ].sort();
}

describe('the map’s names', () => {
  it.each([
    [1280, 900, '', 'tout'],
    [1280, 900, '#vue-2019', '2019'],
    [390, 900, '', 'tout'],
    [320, 700, '#vue-2018', '2018'],
  ])(
    'names every town of the view shown, no name over another, all inside the drawing (%i×%i %s)',
    async (width, height, hash, view) => {
      const { page, close } = await open(width, false, hash, PATH, height);
      const { svg, labels } = await shownLabels(page);
      expect(labels.map((l) => l.text).sort()).toEqual(townNames(view));
      for (const [i, a] of labels.entries()) {
        expect(a.box.left, a.text).toBeGreaterThanOrEqual(svg.left - 0.5);
        expect(a.box.right, a.text).toBeLessThanOrEqual(svg.right + 0.5);
        expect(a.box.top, a.text).toBeGreaterThanOrEqual(svg.top - 0.5);
        expect(a.box.bottom, a.text).toBeLessThanOrEqual(svg.bottom + 0.5);
        for (const b of labels.slice(i + 1)) expect(overlap(a.box, b.box), `${a.text} / ${b.text}`).toBe(false);
      }
      await close();
    },
  );

  it('fills the old site’s 700×480 frame (#carte), its names legible and apart', async () => {
    const { page, close } = await open(700, true, '', routes.embed('carte'), 480);
    const { svg, labels } = await shownLabels(page);
    // The drawing takes most of the frame's width (it was 200 px wide in it), and shows whole.
    expect(svg.right - svg.left).toBeGreaterThanOrEqual(560);
    expect(svg.bottom).toBeLessThanOrEqual(480);
    expect(labels.map((l) => l.text).sort()).toEqual(townNames('tout'));
    for (const [i, a] of labels.entries()) {
      // 11 px labels, shown at 9 px or more.
      expect(a.box.bottom - a.box.top, a.text).toBeGreaterThanOrEqual(9);
      for (const b of labels.slice(i + 1)) expect(overlap(a.box, b.box), `${a.text} / ${b.text}`).toBe(false);
    }
    await close();
  });
});

describe('the map page', () => {
  it.each([1280, 390])(
    'shows every service with JavaScript off, at %i px, on the map and in the data table one click away',
    async (width) => {
      const { page, close } = await open(width, false);
      expect(await visibleServices(page)).toBe(services.length);
      // The table, the map's accessible alternative, is folded (the apparatus is one click away) and opens without
      // JavaScript; its service rows are those whose source is a line of the services' table, each naming its service
      // and its ministry.
      const table = page.locator('#donnees');
      expect(await table.isVisible()).toBe(false);
      await page.locator('details:has(#donnees) > summary').click();
      expect(await table.isVisible()).toBe(true);
      const rows = await table
        .locator(`tbody tr:has(a[href^="${routes.table('carte-2019')}"])`)
        .evaluateAll(
          (trs, labels) =>
            trs.map((tr) =>
              labels.map((l) => tr.querySelector<HTMLElement>(`[data-label="${l}"]`)?.innerText.trim()).join(' / '),
            ),
          [label('nom'), label('tutelle')],
        );
      // The page sets the text in French typography (’): compared apart from the apostrophes' shape.
      const apostrophes = (text: string) => text.replace(/'/gu, '’');
      expect(rows.map(apostrophes).sort()).toEqual(
        services.map((s) => apostrophes(`${s.service} / ${s.tutelle}`)).sort(),
      );
      await close();
    },
  );

  it('switches to one year with JavaScript off, by the address and CSS alone', async () => {
    const { page, close } = await open(1280, false);
    await page.getByRole('link', { name: '2017', exact: true }).click();
    await page.waitForURL(/#vue-2017$/u);
    expect(await visibleServices(page)).toBe(services.filter((s) => Number(s.defis_2017) > 0).length);
    await page.getByRole('link', { name: 'Toutes', exact: true }).click();
    expect(await visibleServices(page)).toBe(services.length);
    await close();
  });

  it('opens on the year named in the address, and marks it as current with JavaScript on', async () => {
    const { page, close } = await open(1280, true, '#vue-2019');
    expect(await visibleServices(page)).toBe(services.filter((s) => Number(s.defis_2019) > 0).length);
    expect((await page.locator('a[aria-current="true"]').textContent())?.trim()).toBe('2019');
    await page.getByRole('link', { name: '2018', exact: true }).click();
    expect((await page.locator('a[aria-current="true"]').textContent())?.trim()).toBe('2018');
    expect(await visibleServices(page)).toBe(services.filter((s) => Number(s.defis_2018) > 0).length);
    await close();
  });

  it('stays within 60 KB gzip in all and 10 KB of JavaScript', async () => {
    const { context, guard } = await guardedContext(browser, [server.url], { viewport: { width: 1280, height: 900 } });
    const transfer = await measureTransfer(context, server.url + PATH);
    await context.close();
    expect(guard.blocked).toEqual([]);
    expect(transfer.total).toBeLessThanOrEqual(60 * KB);
    expect(transfer.byType.js).toBeGreaterThan(0);
    expect(transfer.byType.js).toBeLessThanOrEqual(10 * KB);
  });
});

describe('a town’s symbol opens the page of its défis', () => {
  /** The towns of the map's CSV download (the layer whose lines come from the défis' table), by défis. */
  const towns = (
    parse(readFileSync(join(dist, routes.chartCsv('carte')), 'utf8'), { columns: true }) as Record<string, string>[]
  )
    .filter((r) => r.lignes!.startsWith('defis-2017-2023.csv') && r.latitude !== '')
    .map((r) => ({ commune: r.nom!.replace(/ \(\d[\dAB]?\)$/u, ''), defis: Number(r.defis_total) }))
    .sort((a, b) => b.defis - a.defis);
  /** The shown drawing's mark for a town's first symbol, by the page it links to. */
  const markOf = (page: Page, href: string) =>
    page.locator(`figure.chart-figure svg[role="img"]:visible g.view-tout [data-href="${href}"]`).first();

  /**
   * The first of the linked symbols with a point of its outline no other symbol covers, and that point: the towns'
   * symbols are hollow, so the pointer finds them on their outline (inside, it finds the services drawn there).
   */
  async function uncovered(page: Page, hrefs: readonly string[]) {
    for (const href of hrefs) {
      const mark = markOf(page, href);
      await mark.scrollIntoViewIfNeeded();
      const point = await mark.evaluate((m) => {
        const r = m.getBoundingClientRect();
        // The box is the outline's path; its stroke (1,6 px) runs along it, half inside.
        const points = [
          { x: r.x + 0.25, y: r.y + r.height / 2 },
          { x: r.right - 0.25, y: r.y + r.height / 2 },
          { x: r.x + r.width / 2, y: r.y + 0.25 },
          { x: r.x + r.width / 2, y: r.bottom - 0.25 },
        ];
        return points.find((p) => document.elementFromPoint(p.x, p.y) === m) ?? null;
      });
      if (point) return { href, point };
    }
    throw new Error(`aucun symbole dégagé parmi ${hrefs.join(', ')}`);
  }

  it('with the mouse: the tooltip says so, a click opens the explorer on the town, with as many défis', async () => {
    const { page, close } = await open(1280, true);
    const candidates = towns.filter((t) => t.defis > 1);
    const { href, point } = await uncovered(
      page,
      candidates.map((t) => routes.explorerTown(t.commune)),
    );
    const town = candidates.find((t) => routes.explorerTown(t.commune) === href)!;
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => page.locator('.chart-tooltip:visible').innerText()).toMatch(/Cliquer\s:\svoir ses défis/u);
    await page.mouse.click(point.x, point.y);
    const commune = town.commune;
    await page.waitForURL((url) => url.searchParams.get('ville') === commune);
    await expect
      .poll(() =>
        page.locator('table tbody tr').evaluateAll((trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).length),
      )
      .toBe(town.defis);
    await close();
  });

  it('under a finger: the first tap shows the tooltip, the second opens the défi’s page', async () => {
    const { context, guard } = await guardedContext(browser, [server.url], {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const { page, problems } = await visit(context, server.url + PATH, 'load');
    const single = await page
      .locator('figure.chart-figure svg[role="img"]:visible g.view-tout [data-href^="/defis/"]')
      .evaluateAll((marks) =>
        marks.filter((m) => m.getBoundingClientRect().width > 0).map((m) => m.getAttribute('data-href')!),
      );
    expect(single.length).toBe(towns.filter((t) => t.defis === 1).length);
    const { href, point } = await uncovered(page, single);
    await page.touchscreen.tap(point.x, point.y);
    await expect.poll(() => page.locator('.chart-tooltip:visible').innerText()).toMatch(/Toucher encore\s:/u);
    expect(new URL(page.url()).pathname).toBe(PATH);
    await page.touchscreen.tap(point.x, point.y);
    await page.waitForURL((url) => url.pathname === href);
    expect(problems.errors).toEqual([]);
    expect(guard.blocked).toEqual([]);
    await context.close();
  });

  it('from the keyboard: Enter on a town opens its page, which the live region named', async () => {
    const { page, close } = await open(1280, true);
    const svg = page.locator('figure.chart-figure svg[role="img"]:visible');
    await svg.focus();
    const said = page.locator('figure.chart-figure [aria-live="polite"]');
    let text = '';
    for (let i = 0; i < 400 && !/Entrée\s:\svoir ses défis/u.test(text); i++) {
      await page.keyboard.press('ArrowRight');
      text = await said.innerText();
    }
    expect(text).toMatch(/Entrée\s:\svoir ses défis/u);
    const links = await svg
      .locator('[data-href]')
      .evaluateAll((marks) => marks.map((m) => m.getAttribute('data-href')));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname !== PATH);
    const reached = new URL(page.url());
    expect(links).toContain(reached.pathname + reached.search);
    await close();
  });
});
