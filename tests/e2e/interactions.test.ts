/**
 * What a reader does on a chart page, in a real Chromium: toggles series from the legend, hovers a mark for its
 * value, filters and sorts the défis explorer, copies the embed code, and reaches everything with the keyboard:
 * the title by the skip link, each mark's value, the map's views.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { charts } from '../../src/charts/registry.ts';
import { guardedContext, launchChromium, visit, watchPage, type Guard } from '../support/browser.ts';
import { frenchNumber, plainSpaces } from '../support/dist.ts';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';

const dist = inject('siteDir');
const EXPLORER = 'explorateur-defis';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let guard: Guard;

/**
 * A clipboard of each page's own, in place of the system's: the legend tests run at the same time, and one page's
 * « Copier le lien » would otherwise be read by another. The embed code test uses the real clipboard, alone.
 */
function ownClipboard(): void {
  let text = '';
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: async (value: string) => {
        text = String(value);
      },
      readText: async () => text,
    },
  });
}

beforeAll(async () => {
  server = await startStaticServer(dist);
  browser = await launchChromium();
  ({ context, guard } = await guardedContext(browser, [server.url], { viewport: { width: 1280, height: 900 } }));
  await context.addInitScript(ownClipboard);
});

afterAll(async () => {
  // Everything the tests of this file loaded stayed on the site's origin.
  expect(guard?.blocked).toEqual([]);
  await browser?.close();
  await server?.close();
});

/** Opens a page; closing it through `close` also checks that nothing went wrong in the console meanwhile. */
async function open(path: string): Promise<Page & { done: () => Promise<void> }> {
  const { page, problems } = await visit(context, server.url + path);
  return Object.assign(page, {
    done: async () => {
      await page.close();
      expect(problems.errors, path).toEqual([]);
      expect(problems.failed, path).toEqual([]);
    },
  });
}

/** The chart drawn for the current viewport (each page carries a narrow and a wide drawing). */
const shownSvg = (page: Page) => page.locator('figure.chart-figure svg[role="img"]:visible');

describe.concurrent('legend', () => {
  it.for(charts.map((c) => c.slug))(
    '%s: a legend click hides its series, a second one shows it again; the address keeps what is hidden',
    async (slug, { expect }) => {
      const page = await open(`/graphiques/${slug}/`);
      const buttons = page.locator('figure.chart-figure .legend button.legend-item');
      const count = await buttons.count();
      const series = await shownSvg(page).evaluate((svg) => [
        ...new Set([...svg.querySelectorAll('[data-series]')].map((e) => e.getAttribute('data-series'))),
      ]);
      if (count === 0) {
        // No legend is drawn only for a chart of a single series.
        expect(series.length).toBeLessThanOrEqual(1);
        await page.done();
        return;
      }
      expect(count).toBe(series.length);
      for (let i = 0; i < count; i++) {
        const button = buttons.nth(i);
        const id = await button.getAttribute('data-series');
        const marks = shownSvg(page).locator(`[data-series="${id}"]`);
        const others = shownSvg(page).locator(`[data-series]:not([data-series="${id}"])`);
        expect(await marks.count()).toBeGreaterThan(0);
        await expect(
          marks.evaluateAll((elements) => elements.some((e) => getComputedStyle(e).display !== 'none')),
        ).resolves.toBe(true);
        await button.click();
        await expect(button.getAttribute('aria-pressed')).resolves.toBe('false');
        const hidden = await marks.evaluateAll((elements) =>
          elements.map((e) => e.hasAttribute('data-hidden') && getComputedStyle(e).display === 'none'),
        );
        expect(hidden.every(Boolean), `série ${id} masquée`).toBe(true);
        await expect(
          others.evaluateAll((elements) => elements.some((e) => !e.hasAttribute('data-hidden'))),
        ).resolves.toBe(true);
        await button.click();
        await expect(button.getAttribute('aria-pressed')).resolves.toBe('true');
        await expect(
          marks.evaluateAll((elements) => elements.filter((e) => e.hasAttribute('data-hidden')).length),
        ).resolves.toBe(0);
      }
      // Sharing what one sees: the hidden series are in the address, which the « copy link » button gives, and
      // that address hides them again.
      expect(new URL(page.url()).searchParams.getAll('masquer')).toEqual([]);
      const hidden = [0, count - 1];
      for (const i of hidden) await buttons.nth(i).click();
      const address = page.url();
      expect(new URL(address).searchParams.getAll('masquer')).toHaveLength(2);
      await page.getByRole('button', { name: 'Copier le lien' }).click();
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(address);
      await page.done();
      const shared = await open(new URL(address).pathname + new URL(address).search);
      const again = shared.locator('figure.chart-figure .legend button.legend-item');
      const pressed = await again.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-pressed')));
      expect(pressed).toEqual(pressed.map((_, i) => (hidden.includes(i) ? 'false' : 'true')));
      for (const i of hidden) {
        const marks = shownSvg(shared).locator(`[data-series="${await again.nth(i).getAttribute('data-series')}"]`);
        await expect(
          marks.evaluateAll((ms) => ms.length > 0 && ms.every((m) => getComputedStyle(m).display === 'none')),
        ).resolves.toBe(true);
      }
      await shared.done();
    },
  );
});

describe.concurrent('tooltips', () => {
  it.for(charts.map((c) => c.slug))('%s: hovering a mark shows its value', async (slug, { expect }) => {
    const page = await open(`/graphiques/${slug}/`);
    // A point of a mark that the mark itself receives (not a label drawn over it), in page coordinates.
    const target = await shownSvg(page).evaluate((svg) => {
      for (const mark of svg.querySelectorAll<SVGGraphicsElement>('[data-tip]')) {
        mark.scrollIntoView({ block: 'center', inline: 'center' });
        // Lines and dots are hit on their stroke; bars, labels and groups in the middle of their box.
        let point: DOMPoint;
        if (mark instanceof SVGPathElement || mark instanceof SVGLineElement || mark instanceof SVGPolylineElement) {
          if (mark.getTotalLength() < 2) continue;
          point = mark.getPointAtLength(mark.getTotalLength() / 2).matrixTransform(mark.getScreenCTM()!);
        } else {
          const box = mark.getBoundingClientRect();
          if (box.width * box.height < 4) continue;
          point = new DOMPoint(box.x + box.width / 2, box.y + box.height / 2);
        }
        if (document.elementFromPoint(point.x, point.y)?.closest('[data-tip]') === mark) {
          return { x: point.x, y: point.y, tip: mark.getAttribute('data-tip')! };
        }
      }
      return null;
    });
    expect(target, 'une marque survolable').not.toBeNull();
    const tooltip = page.locator('figure.chart-figure .chart-tooltip');
    await expect(tooltip.isVisible()).resolves.toBe(false);
    await page.mouse.move(target!.x, target!.y);
    await tooltip.waitFor({ state: 'visible' });
    const text = (await tooltip.textContent())!;
    expect(text).toBe(target!.tip);
    // The value it shows is one of the figures of the data table.
    const numbersIn = (t: string) =>
      (t.match(/\d(?:[\d\u00a0\u202f]| (?=\d))*(?:,\d+)?/gu) ?? []).map((n) => frenchNumber(n));
    const numbers = numbersIn(text.split(' : ').at(-1)!);
    const cells = await page.locator('#donnees tbody td, #donnees tbody th').allTextContents();
    const figures = new Set(cells.flatMap(numbersIn));
    expect(numbers.length, text).toBeGreaterThan(0);
    expect(
      numbers.some((n) => figures.has(n)),
      `« ${text} » dans le tableau`,
    ).toBe(true);
    // Off the mark, on the chart's background, the tooltip stays, so that the pointer can reach it (WCAG 1.4.13).
    const background = await shownSvg(page).evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      for (let y = Math.max(box.top, 0) + 2; y < Math.min(box.bottom, innerHeight); y += 7)
        for (let x = box.left + 2; x < box.right; x += 7) {
          const hit = document.elementFromPoint(x, y);
          if (hit && svg.contains(hit) && !hit.closest('[data-tip]')) return { x, y };
        }
      return null;
    });
    expect(background, 'un point du fond du graphique').not.toBeNull();
    await page.mouse.move(background!.x, background!.y);
    await expect(tooltip.isVisible()).resolves.toBe(true);
    await expect(tooltip.textContent()).resolves.toBe(text);
    await page.mouse.move(1, 1);
    await tooltip.waitFor({ state: 'hidden' });
    await page.done();
  });
});

/** Every value a drawing shows: the tooltip text of each of its marks that is drawn (not in a hidden series or view). */
const shownTips = (page: Page) =>
  shownSvg(page).evaluate((svg) =>
    [...svg.querySelectorAll('[data-tip]')]
      .filter((mark) => {
        for (let e: Element | null = mark; e && e !== svg; e = e.parentElement)
          if (getComputedStyle(e).display === 'none') return false;
        return true;
      })
      .map((mark) => mark.getAttribute('data-tip')!),
  );

/** Presses Tab from the title until the drawing shown has focus; false if it never does. */
async function tabToDrawing(page: Page): Promise<boolean> {
  await page.locator('h1').focus();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await shownSvg(page).evaluate((svg) => document.activeElement === svg)) return true;
  }
  return false;
}

interface KeyboardTip {
  /** The value, without the hint about keys. */
  value: string;
  hint: string;
  /** What the live region says. */
  said: string;
  shown: boolean;
  onScreen: boolean;
  /** The ring around the mark is drawn. */
  ring: boolean;
}
type Watched = Window & { readTip: () => KeyboardTip; tips: KeyboardTip[] };

/**
 * Gives the page a reader of the keyboard's tooltip, and a record of it after each key that comes up: the test
 * reads many marks in one round trip, rather than one per mark.
 */
async function watchKeyboardTips(page: Page): Promise<void> {
  await page.locator('figure.chart-figure').evaluate((figure) => {
    const watched = window as unknown as Watched;
    watched.readTip = () => {
      const tooltip = figure.querySelector<HTMLElement>('.chart-tooltip')!;
      const ring = figure.querySelector<HTMLElement>('.chart-mark-focus')!;
      const box = tooltip.getBoundingClientRect();
      return {
        value: tooltip.firstChild?.textContent ?? '',
        hint: tooltip.querySelector('.chart-tooltip-hint')?.textContent ?? '',
        said: figure.querySelector('[aria-live="polite"]')?.textContent ?? '',
        shown: !tooltip.hidden && box.width > 0,
        onScreen: box.left >= 0 && box.right <= innerWidth,
        ring: !ring.hidden && ring.getBoundingClientRect().width > 0,
      };
    };
    watched.tips = [];
    document.addEventListener('keyup', () => watched.tips.push(watched.readTip()));
  });
}

const keyboardTip = (page: Page) => page.evaluate(() => (window as unknown as Watched).readTip());

/** Presses the right arrow `count` times and returns the tooltip after each press. */
async function arrowThrough(page: Page, count: number): Promise<KeyboardTip[]> {
  await page.evaluate(() => ((window as unknown as Watched).tips = []));
  for (let i = 0; i < count; i++) await page.keyboard.press('ArrowRight');
  return page.evaluate(() => (window as unknown as Watched).tips);
}

describe.concurrent('tooltips from the keyboard', () => {
  it.for(charts.map((c) => c.slug))(
    '%s: Tab reaches the drawing, and the arrow keys show every value of it, one mark at a time',
    async (slug, { expect }) => {
      const page = await open(`/graphiques/${slug}/`);
      await watchKeyboardTips(page);
      const expected = await shownTips(page);
      expect(expected.length, 'des marques à parcourir').toBeGreaterThan(0);
      expect(await tabToDrawing(page), 'le dessin reçoit le focus').toBe(true);
      const first = await keyboardTip(page);
      // The live region says the value, then what Enter does on a mark that opens a page (the map's towns).
      expect(first).toMatchObject({ shown: true, onScreen: true, ring: true });
      expect(first.said.startsWith(first.value), first.said).toBe(true);
      expect(first.hint).toContain('←');
      const next = await arrowThrough(page, expected.length - 1);
      next.forEach((tip, i) =>
        expect(tip, `${slug}, marque ${i + 2}`).toMatchObject({ shown: true, onScreen: true, ring: true }),
      );
      const seen = [first.value, ...next.map((tip) => tip.value)];
      // Each mark once: every value of the drawing, and none twice more than the drawing has it.
      expect([...seen].sort()).toEqual([...expected].sort());
      // The ends hold; Home goes back to the first.
      await page.keyboard.press('ArrowRight');
      await expect(keyboardTip(page).then((t) => t.value)).resolves.toBe(seen.at(-1));
      await page.keyboard.press('Home');
      await expect(keyboardTip(page).then((t) => t.value)).resolves.toBe(seen[0]);
      // Leaving the drawing hides the tooltip and the ring.
      await page.keyboard.press('Tab');
      await expect(keyboardTip(page)).resolves.toMatchObject({ shown: false, ring: false });
      await page.done();
    },
  );

  it('skips the marks of a series hidden from the legend', async ({ expect }) => {
    // The first chart whose legend hides series (a chart naming its series on the drawing may have no such legend).
    const built = inject('siteDir');
    const slug = charts.find((c) =>
      readFileSync(join(built, 'graphiques', c.slug, 'index.html'), 'utf8').includes('class="legend-item" data-series'),
    )!.slug;
    const page = await open(`/graphiques/${slug}/`);
    await watchKeyboardTips(page);
    const all = await shownTips(page);
    await page.locator('figure.chart-figure .legend button.legend-item').first().click();
    const left = await shownTips(page);
    expect(left.length).toBeLessThan(all.length);
    expect(await tabToDrawing(page)).toBe(true);
    const seen = [(await keyboardTip(page)).value, ...(await arrowThrough(page, all.length - 1)).map((t) => t.value)];
    expect([...new Set(seen)].sort()).toEqual([...new Set(left)].sort());
    await page.done();
  });
});

describe('map views from the keyboard', () => {
  const views = charts.find((c) => c.slug === 'carte')?.views ?? [];

  it('keep the focus on the view chosen, and say which view is shown', async () => {
    expect(views.length, 'la carte a des vues').toBeGreaterThan(2);
    const page = await open('/graphiques/carte/');
    const link = (id: string) => page.locator(`.chart-views a[data-view="${id}"]`);
    const focusedView = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.view);
    const status = page.locator('.chart-views [role="status"]');
    const chosen = views[1]!;
    await link(chosen.id).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#vue-${chosen.id}$`, 'u'));
    // The URL changes before the page's hashchange handler has run: polled until it has (seconds on a loaded machine).
    const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });
    await eventually(focusedView).toBe(chosen.id);
    await eventually(() => link(chosen.id).getAttribute('aria-current')).toBe('true');
    await eventually(() => status.textContent()).toBe(`Vue affichée : ${chosen.label}`);
    // The next Tab goes on from there, to the next view.
    await page.keyboard.press('Tab');
    await eventually(focusedView).toBe(views[2]!.id);
    // With the mouse too.
    await link(views[0]!.id).click();
    await page.waitForURL(new RegExp(`#vue-${views[0]!.id}$`, 'u'));
    await eventually(focusedView).toBe(views[0]!.id);
    await eventually(() => status.textContent()).toBe(`Vue affichée : ${views[0]!.label}`);
    await page.done();
  });
});

describe('défis explorer', () => {
  const explorer = charts.find((c) => c.slug === EXPLORER);

  it(`${EXPLORER}: its table filters by text and by promotion, and sorts by column`, async () => {
    expect(explorer?.explorer, `src/charts/${EXPLORER}.ts is the défis explorer`).toBe(true);
    const page = await open(`/graphiques/${EXPLORER}/`);
    const table = page.locator(`table[data-explorer="${EXPLORER}"]`);
    const rows = table.locator('tbody tr');
    const shown = table.locator('tbody tr:visible');
    const status = page.locator('[data-explorer-count]');
    const total = await rows.count();
    expect(total).toBeGreaterThan(20);
    await expect(shown.count()).resolves.toBe(total);
    const headers = await table.locator('thead th').allTextContents();
    const column = (label: string) => headers.findIndex((h) => h.trim().startsWith(label));
    const cellsOf = (index: number) =>
      shown.evaluateAll((trs, i) => trs.map((tr) => (tr as HTMLTableRowElement).cells[i]!.textContent!.trim()), index);
    const fold = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

    // Text: an administration's name typed without its accents or capitals finds the same défis.
    const administrations = await cellsOf(column('Administration'));
    const wanted =
      administrations.find((a) => a !== fold(a) && administrations.filter((b) => b === a).length >= 2) ??
      administrations[0]!;
    const expected = administrations.filter((a) => fold(a).includes(fold(wanted))).length;
    await page.locator('[data-filter="q"]').fill(fold(wanted));
    await expect.poll(() => shown.count()).toBe(expected);
    expect(expected).toBeLessThan(total);
    for (const row of await shown.allTextContents()) expect(fold(row)).toContain(fold(wanted));
    await expect(status.textContent()).resolves.toContain(`${expected} `);
    await page.locator('[data-filter="q"]').fill('');
    await expect.poll(() => shown.count()).toBe(total);

    // Promotion: only its défis, as many as the full table lists.
    const promotions = await cellsOf(column('Promotion'));
    const promotion = promotions.at(-1)!;
    await page.locator('[data-filter="promotion"]').selectOption(encodeURIComponent(promotion));
    await expect.poll(() => shown.count()).toBe(promotions.filter((p) => p === promotion).length);
    expect(new Set(await cellsOf(column('Promotion')))).toEqual(new Set([promotion]));
    await page.locator('[data-filter="promotion"]').selectOption('');
    await expect.poll(() => shown.count()).toBe(total);

    // Sorting: numbers as numbers, both ways; text in French order.
    const eig = page.getByRole('columnheader', { name: /^EIG/u });
    await eig.getByRole('button').click();
    await expect(eig.getAttribute('aria-sort')).resolves.toBe('ascending');
    const up = (await cellsOf(column('EIG'))).map((c) => frenchNumber(c)!);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(new Set(up).size).toBeGreaterThan(1);
    await eig.getByRole('button').click();
    await expect(eig.getAttribute('aria-sort')).resolves.toBe('descending');
    const down = (await cellsOf(column('EIG'))).map((c) => frenchNumber(c)!);
    expect(down).toEqual([...up].reverse().sort((a, b) => b - a));
    const name = page.getByRole('columnheader', { name: /^Défi/u });
    await name.getByRole('button').click();
    const names = await cellsOf(column('Défi'));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base', numeric: true })));
    expect(names).toHaveLength(total);
    await page.done();
  });
});

describe('embed code', () => {
  it.for(charts.slice(0, 2).map((c) => c.slug))('%s: the copy button copies the iframe code', async (slug) => {
    // The system's clipboard, in a context of its own: nothing else runs meanwhile (this block is not concurrent).
    const { context: real, guard: realGuard } = await guardedContext(browser, [server.url]);
    await real.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const { page, problems } = await visit(real, `${server.url}/graphiques/${slug}/`);
    const code = await page.locator('#code-integration').inputValue();
    expect(code).toMatch(new RegExp(`^<iframe src="[^"]+/embed/${slug}/"`, 'u'));
    await page.evaluate(() => navigator.clipboard.writeText('autre chose'));
    // The embed code is on demand: its block opens first.
    await page.locator('details#integrer > summary').click();
    await page.getByRole('button', { name: 'Copier le code' }).click();
    await page.getByRole('status').filter({ hasText: 'Code copié' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(code);
    await real.close();
    expect(problems.errors).toEqual([]);
    expect(problems.failed).toEqual([]);
    expect(realGuard.blocked).toEqual([]);
  });
});

describe('keyboard', () => {
  /** Presses Tab `limit` times and returns a description of each element that got focus. */
  async function tabThrough(page: Page, limit: number): Promise<string[]> {
    const seen: string[] = [];
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return 'body';
        return `${e.tagName.toLowerCase()} ${e.getAttribute('href') ?? ''} ${e.textContent?.trim().replace(/\s+/gu, ' ') ?? ''}`;
      });
      seen.push(focused);
    }
    return seen;
  }

  it('reaches the site menu, every chart of the menu, the downloads and the copy button (wide screen)', async () => {
    const slug = charts[0]!.slug;
    const page = await open(`/graphiques/${slug}/`);
    const links = await page.evaluate(() => document.querySelectorAll('a, button, summary, textarea').length);
    const seen = (await tabThrough(page, links + 20)).join('\n');
    const siteMenu = await page.locator('header > nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(siteMenu.length).toBeGreaterThan(2);
    for (const href of siteMenu) expect(seen).toContain(`a ${href} `);
    for (const chart of charts) expect(seen).toContain(`a /graphiques/${chart.slug}/ `);
    const downloads = await page
      .locator('section[aria-labelledby="telecharger-titre"] ul.actions a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(downloads).toEqual(
      expect.arrayContaining([`/data/${slug}.csv`, `/api/${slug}.json`, `/images/${slug}.svg`, `/images/${slug}.png`]),
    );
    for (const href of downloads) expect(seen).toContain(`a ${href} `);
    // The embed code is folded: its summary is a stop, and once open, its copy button.
    expect(seen).toContain('summary  Intégrer ce graphique, lien permanent');
    await page.locator('details#integrer > summary').focus();
    await page.keyboard.press('Enter');
    expect((await tabThrough(page, 4)).join('\n')).toContain('button  Copier le code');
    await page.done();
  });

  it('opens the menu of every chart from the header on a phone, before the page’s content', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/graphiques/${charts[0]!.slug}/`);
    // The skip link, the site's name, then the header's menu.
    const seen = await tabThrough(page, 3);
    expect(seen.at(-1)).toContain('summary  Graphiques');
    await page.keyboard.press('Enter');
    const links = await tabThrough(page, charts.length);
    for (const chart of charts) expect(links.join('\n')).toContain(`a /graphiques/${chart.slug}/ `);
    // Escape closes it and gives the focus back to its summary.
    await page.keyboard.press('Escape');
    expect(await page.locator('details.header-menu').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    // The side menu, which would come after the whole page, is not shown on a phone.
    expect(await page.locator('.layout > .chart-menu').isVisible()).toBe(false);
    await page.close();
  });
});

describe('keyboard path to the chart and its table', () => {
  it('on every chart page, the first Tab offers the title, then the chart and its drawing, and its table is one link further', async () => {
    const page = await context.newPage();
    const focused = () =>
      page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        return {
          id: e?.id ?? '',
          tag: e?.tagName.toLowerCase() ?? '',
          href: e?.getAttribute('href') ?? '',
          inFigure: Boolean(e?.closest('#graphique')),
        };
      });
    for (const { slug, title } of charts) {
      await page.goto(`${server.url}/graphiques/${slug}/`, { waitUntil: 'load' });
      await page.keyboard.press('Tab');
      await expect(focused(), slug).resolves.toMatchObject({ href: '#titre' });
      await page.keyboard.press('Enter');
      // The skip link lands on the title, which comes before the reading and the chart.
      await expect(focused(), slug).resolves.toMatchObject({ tag: 'h1', id: 'titre' });
      expect(plainSpaces((await page.locator('h1').textContent()) ?? '').trim()).toBe(plainSpaces(title));
      // From the title, the chart's own controls (views, legend buttons, its drawing, the links under it), then the
      // link to its table.
      let stops = 0;
      let state = await focused();
      const tags: string[] = [];
      while (state.href !== '#donnees' && stops < 16) {
        await page.keyboard.press('Tab');
        stops++;
        state = await focused();
        tags.push(state.tag);
        if (state.href !== '#donnees') expect(state.inFigure, `${slug}, arrêt ${stops}`).toBe(true);
      }
      expect(state.href, slug).toBe('#donnees');
      expect(tags, `${slug} : le dessin est un arrêt du clavier`).toContain('svg');
      await page.keyboard.press('Enter');
      const table = page.locator('#donnees');
      await expect.poll(() => table.isVisible(), { message: slug }).toBe(true);
      await expect(
        table.evaluate((t) => t.getBoundingClientRect().top < innerHeight),
        slug,
      ).resolves.toBe(true);
    }
    await page.close();
  });
});

describe('tooltips on a touch screen', () => {
  it('on every chart, a tap shows a value, which stays when the finger lifts; a tap elsewhere hides it', async () => {
    const { context: touch, guard: touchGuard } = await guardedContext(browser, [server.url], {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await touch.newPage();
    const problems = watchPage(page);
    let tapped = 0;
    for (const { slug } of charts) {
      await page.goto(`${server.url}/graphiques/${slug}/`, { waitUntil: 'load' });
      const target = await shownSvg(page).evaluate((svg) => {
        for (const mark of svg.querySelectorAll<SVGGraphicsElement>('[data-tip]')) {
          mark.scrollIntoView({ block: 'center' });
          const box = mark.getBoundingClientRect();
          if (box.width * box.height < 4) continue;
          const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
          if (document.elementFromPoint(point.x, point.y)?.closest('[data-tip]') === mark)
            return { ...point, tip: mark.getAttribute('data-tip')! };
        }
        return null;
      });
      // A chart drawn as a table of figures (every value written on the drawing, over its cells) has no mark left
      // to touch; most charts have.
      if (target === null) continue;
      tapped++;
      const tooltip = page.locator('figure.chart-figure .chart-tooltip');
      await page.touchscreen.tap(target!.x, target!.y);
      await tooltip.waitFor({ state: 'visible' });
      await expect(tooltip.textContent(), slug).resolves.toBe(target!.tip);
      await page.waitForTimeout(200);
      await expect(tooltip.isVisible(), `${slug} : après le toucher`).resolves.toBe(true);
      const title = await page.locator('h1').boundingBox();
      await page.touchscreen.tap(title!.x + 5, Math.max(5, title!.y + 5));
      await tooltip.waitFor({ state: 'hidden' });
    }
    await touch.close();
    expect(tapped).toBeGreaterThan(charts.length / 2);
    expect(problems.errors).toEqual([]);
    expect(touchGuard.blocked).toEqual([]);
  });
});
