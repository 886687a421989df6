/**
 * Accessibility in a real Chromium: axe-core (the WCAG 2.1 A and AA rules, its best practices and WCAG 2.2's target
 * size) on every HTML page of the build, in light and dark mode, with no violation at all; fields, buttons and focus
 * rings at 3:1 against what surrounds them (WCAG 1.4.11), in both themes; every chart has an accessible name and its
 * data table.
 *
 * Every page is one page load: the whole audit in light mode, then the page switched to dark mode and the rules
 * about colours run again on it. Tests borrow a tab from a few kept open for the whole file (TABS), rather than
 * opening one per address.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse, wcagContrast, wcagLuminance } from 'culori';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { charts, legacyAnchors } from '../../src/charts/registry.ts';
import { guardedContext, launchChromium, type Guard } from '../support/browser.ts';
import { pageAddresses, pagesToMeasure } from '../support/dist.ts';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';

const dist = inject('siteDir');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/**
 * What the audit asks of axe: the WCAG 2.0 and 2.1 rules at levels A and AA, its best practices, and WCAG 2.2's
 * target size (wcag22aa: links and buttons 24 px high, or that far apart; Lighthouse checks it too).
 */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** The rules whose answers depend on colours: the ones to run again in the dark theme. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
/**
 * How many pages are audited at once, each in a tab of its own: axe keeps a renderer busy, and two cores run two of
 * them with a third loading its page meanwhile.
 */
const TABS = 3;

/** Every page of the build, by its address: one per défi and per host body included. */
const pages = pageAddresses(dist);

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let guard: Guard;

/** A tab of the pool; `held` when it keeps to an old address's page (see openStill). */
interface Tab {
  page: Page;
  held: boolean;
}

const idle: Tab[] = [];
const waiting: ((tab: Tab) => void)[] = [];

/** Lends a tab to `run` (waiting for one if all are busy) and takes it back when `run` ends, however it ends. */
async function withTab<T>(run: (tab: Tab) => Promise<T>): Promise<T> {
  const tab = idle.pop() ?? (await new Promise<Tab>((resolve) => waiting.push(resolve)));
  try {
    return await run(tab);
  } finally {
    const next = waiting.shift();
    if (next) next(tab);
    else idle.push(tab);
  }
}

async function newTab(): Promise<Tab> {
  const page = await context.newPage();
  await page.addInitScript(AXE_SOURCE);
  return { page, held: false };
}

beforeAll(async () => {
  server = await startStaticServer(dist);
  browser = await launchChromium();
  ({ context, guard } = await guardedContext(browser, [server.url], { colorScheme: 'light' }));
  idle.push(...(await Promise.all(Array.from({ length: TABS }, newTab))));
});

afterAll(async () => {
  expect(guard?.blocked).toEqual([]);
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
 * Opens a page in the tab, with the system's colour scheme given. The old addresses' pages send readers on to their
 * chart at once: they are held still, so that axe audits them and not the page they lead to. Any navigation of the
 * tab to another address is cancelled, and they are opened without their script, which would leave before the page
 * has loaded (axe itself needs JavaScript on). Other pages load as a reader's do: intercepting every request would
 * make each load slower.
 */
async function openStill(tab: Tab, path: string, scheme: Scheme = 'light'): Promise<Page> {
  const url = server.url + path;
  if (tab.held) await tab.page.unrouteAll();
  tab.held = redirecting.has(path);
  if (tab.held)
    await tab.page.route('**/*', (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.frame() === tab.page.mainFrame() && request.url() !== url)
        return route.abort('aborted');
      if (request.resourceType() === 'script') return route.abort('blockedbyclient');
      return route.fallback();
    });
  await tab.page.emulateMedia({ colorScheme: scheme });
  // Module scripts (legend buttons, explorer controls) have run by the load event.
  await tab.page.goto(url, { waitUntil: 'load' });
  return tab.page;
}

/**
 * Puts axe-core in a page once it has loaded. Its source goes in through the DevTools protocol (page.evaluate),
 * which the page's Content-Security-Policy does not govern: a <script> tag with the source inline would be refused
 * by the policy. The pool's tabs get it the same way at the start of each of their documents (addInitScript):
 * a fifth less work per page than after the load.
 */
const injectAxe = (page: Page) => page.evaluate(AXE_SOURCE);

/** Runs axe-core in the page (injected before): the rules of AXE_TAGS, or only the rules named. */
async function axe(page: Page, rules?: string[]): Promise<Violation[]> {
  return page.evaluate(
    async ([only, tags]) => {
      const result = await (
        window as unknown as {
          axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> };
        }
      ).axe.run(document, {
        resultTypes: ['violations'],
        runOnly: only ? { type: 'rule', values: only } : { type: 'tag', values: tags },
        // Nodes are reported by their selector only: their markup, which axe copies for each, is not read.
        noHtml: true,
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target })),
      }));
    },
    [rules ?? null, AXE_TAGS] as const,
  );
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

/** The relative luminance of the page's background (0 black, 1 white), as the page computes it now. */
async function backgroundLuminance(page: Page): Promise<number> {
  const colour = parse(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor));
  return colour ? wcagLuminance(colour) : NaN;
}

/**
 * The dark theme after the page has loaded in light mode: the colour scheme switched in the browser and the page's
 * background gone dark (its colour variables follow prefers-color-scheme), which the test checks before it runs the
 * colour rules again. Returns the background's luminance before and after.
 */
async function switchToDark(page: Page): Promise<{ light: number; dark: number }> {
  const light = await backgroundLuminance(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  return { light, dark: await backgroundLuminance(page) };
}

/**
 * The largest pages (the quality report, the explorer: 5 000 to 10 000 elements) take axe a few seconds alone, and
 * several times that on a machine busy with other tests.
 */
const AXE_TIMEOUT = { timeout: 120_000 };

describe('axe-core', () => {
  it('is refused when injected as an inline script, which is why it goes in through the DevTools protocol', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}/`);
    await page.addScriptTag({ content: AXE_SOURCE }).catch(() => undefined);
    expect(await page.evaluate(() => 'axe' in window)).toBe(false);
    expect(errors.some((e) => /Content Security Policy/u.test(e))).toBe(true);
    await injectAxe(page);
    expect(await axe(page)).toBeInstanceOf(Array);
    expect(await page.evaluate(() => 'axe' in window)).toBe(true);
    await page.close();
  });

  it('finds what it should: an unlabelled field, low contrast, links too small and too close', () =>
    withTab(async (tab) => {
      const page = await openStill(tab, '/a-propos/');
      // Styles go through the CSSOM: the page's policy refuses style attributes written in markup.
      await page.evaluate(() => {
        document
          .querySelector('main')!
          .insertAdjacentHTML(
            'beforeend',
            '<input type="text"><p class="probe">faible contraste</p><p class="tiny"><a href="#a">a</a><a href="#b">b</a></p>',
          );
        (document.querySelector('.probe') as HTMLElement).style.color = '#ccc';
        for (const link of document.querySelectorAll<HTMLElement>('.tiny a')) link.style.fontSize = '10px';
        (document.querySelector('.tiny') as HTMLElement).style.display = 'flex';
      });
      const ids = (await axe(page)).map((v) => v.id);
      expect(ids).toEqual(expect.arrayContaining(['label', 'color-contrast', 'target-size']));
    }));

  it('finds, after the switch to dark mode in the same page, a colour that only the dark theme makes too faint', () =>
    withTab(async (tab) => {
      const page = await openStill(tab, '/a-propos/');
      // A mid grey: 7:1 on the light background, under 3:1 on the dark one.
      await page.evaluate(() => {
        document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p class="probe">gris moyen</p>');
        (document.querySelector('.probe') as HTMLElement).style.color = '#555';
      });
      expect((await axe(page, COLOUR_RULES)).map((v) => v.id)).toEqual([]);
      const backgrounds = await switchToDark(page);
      expect(backgrounds.dark).toBeLessThan(backgrounds.light);
      expect((await axe(page, COLOUR_RULES)).map((v) => v.id)).toEqual(['color-contrast']);
    }));
});

/** The address of each chart's page and of its embed: audited with the chart's own checks (every chart, below). */
const chartAddresses = new Set(charts.flatMap((c) => [`/graphiques/${c.slug}/`, `/embed/${c.slug}/`]));

/**
 * The whole audit in light mode, then the page switched to dark mode (which the page's background must follow) and
 * the rules about colours run again: dark mode changes colours only (the same markup, another set of colour
 * variables), the other rules would give the same answers at twice the time. An embed stays light on a dark system
 * unless its address asks otherwise (?theme=dark, tested below): its background is checked to stay light, and its
 * colours are the ones the light audit checked.
 */
async function audit(page: Page): Promise<{ light: string[]; dark: string[]; background: string[] }> {
  const light = describeViolations(await axe(page));
  const forcedLight = await page.evaluate(() => document.documentElement.classList.contains('theme-light'));
  const backgrounds = await switchToDark(page);
  const dark = forcedLight ? [] : describeViolations(await axe(page, COLOUR_RULES));
  const background = [
    ...(backgrounds.light > 0.8 ? [] : [`fond clair trop sombre (luminance ${backgrounds.light})`]),
    ...((forcedLight ? backgrounds.dark > 0.8 : backgrounds.dark < 0.05)
      ? []
      : [
          `fond en mode sombre : luminance ${backgrounds.dark}${forcedLight ? ', l’intégration devait rester claire' : ''}`,
        ]),
  ];
  return { light, dark, background };
}

const clean = { light: [], dark: [], background: [] };

describe.concurrent('every page', () => {
  it.for(pages.filter((path) => !chartAddresses.has(path)))(
    '%s has no axe violation, in light mode then in dark mode',
    AXE_TIMEOUT,
    (path, { expect }) => withTab(async (tab) => expect(await audit(await openStill(tab, path))).toEqual(clean)),
  );
});

describe.concurrent('every chart', () => {
  it.for(charts)(
    '$slug: its page and its embed name the chart, the page has its data table, and neither has an axe violation in light or dark mode',
    AXE_TIMEOUT,
    (chart, { expect }) =>
      withTab(async (tab) => {
        const page = await openStill(tab, `/graphiques/${chart.slug}/`);
        await expect(page.getByRole('img', { name: named(chart.title) }).count()).resolves.toBe(1);
        const description = await page.getByRole('img', { name: named(chart.title) }).evaluate((svg) => {
          const id = svg.getAttribute('aria-describedby');
          return id ? (document.getElementById(id)?.textContent?.trim() ?? '') : '';
        });
        expect(description.length).toBeGreaterThan(20);
        const table = page.getByRole('table', { name: new RegExp(named(chart.title).source.slice(0, -1), 'u') });
        // Unfolded when folded: axe audits the table too.
        if (!(await table.isVisible())) await page.locator('details.data-table > summary').click();
        await expect(table.isVisible()).resolves.toBe(true);
        await expect(table.getByRole('columnheader').count()).resolves.toBeGreaterThan(1);
        await expect(table.getByRole('row').count()).resolves.toBeGreaterThan(1);
        expect(await audit(page), 'page du graphique').toEqual(clean);
        const embed = await openStill(tab, `/embed/${chart.slug}/`);
        await expect(embed.getByRole('img', { name: named(chart.title) }).count()).resolves.toBe(1);
        expect(await audit(embed), 'intégration').toEqual(clean);
      }),
  );
});

/** The phone widths at which links are laid out again: the narrowest, a common phone, Lighthouse's. */
const PHONE_WIDTHS = [320, 390, 412];

/**
 * The pages where links come in lists that wrap differently on each phone (the home's list of charts, a défi's
 * and a body's links, the quality report's, the footer's on each), and the largest défi and body pages.
 */
const PHONE_PAGES = [
  ...new Set([
    '/',
    '/defis/',
    '/administrations/',
    '/qualite/',
    '/plan-du-site/',
    '/tables/',
    '/accessibilite/',
    `/graphiques/${charts[0]!.slug}/`,
    ...pagesToMeasure(dist).filter((path) => /^\/(defis|administrations)\/[^/]+\/$/u.test(path)),
  ]),
];

describe.concurrent('links and buttons on phones (WCAG 2.5.8)', () => {
  it.for(PHONE_PAGES)(
    `%s: targets of 24 px or as far apart at ${PHONE_WIDTHS.join(', ')} px`,
    AXE_TIMEOUT,
    (path, { expect }) =>
      withTab(async (tab) => {
        const desktop = tab.page.viewportSize();
        try {
          await tab.page.setViewportSize({ width: PHONE_WIDTHS[0]!, height: 844 });
          const page = await openStill(tab, path);
          const found: string[] = [];
          for (const width of PHONE_WIDTHS) {
            await page.setViewportSize({ width, height: 844 });
            found.push(...describeViolations(await axe(page, ['target-size'])).map((v) => `${width} px : ${v}`));
          }
          expect(found).toEqual([]);
        } finally {
          if (desktop) await tab.page.setViewportSize(desktop);
        }
      }),
  );
});

describe.concurrent('embeds with a forced theme', () => {
  // ?theme=dark on a light system: the embed's colours, not the system's. (?theme=light leaves an embed as it is by
  // default, light on a dark system: every chart's audit checks that.)
  it.for(charts.map((c) => [c.slug, 'dark', 'light'] as const))(
    '/embed/%s/?theme=%s keeps its contrasts on a %s system',
    ([slug, theme, system], { expect }) =>
      withTab(async (tab) => {
        const page = await openStill(tab, `/embed/${slug}/?theme=${theme}`, system);
        await expect(page.evaluate(() => document.documentElement.className)).resolves.toContain(`theme-${theme}`);
        const luminance = await backgroundLuminance(page);
        expect(theme === 'dark' ? luminance < 0.05 : luminance > 0.8, `fond ${luminance}`).toBe(true);
        expect(describeViolations(await axe(page, COLOUR_RULES))).toEqual([]);
      }),
  );
});

/** What a focus ring or a control's outline is drawn with, and what is behind it, as the page computes them. */
interface Edge {
  kind: 'anneau' | 'bordure';
  element: string;
  colour: string;
  width: number;
  background: string;
  /** For rings: whether the element matched :focus-visible when focused (the ring a keyboard user sees). */
  visible: boolean;
}

/**
 * Focuses the elements the Tab key reaches, one of each kind, one after the other (after a first Tab, so that the
 * browser shows rings as for the keyboard), and reads its ring; reads the outline of every control drawn with a border on its
 * four sides (fields, buttons, links drawn as buttons); on a chart's drawing, also the ring of the mark it shows.
 * The background is that of the nearest ancestor with one: the ring and the border lie on it.
 */
async function edges(page: Page): Promise<Edge[]> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    // Folded blocks (a chart page's embed code, the quality page's groups, the header's menu) are unfolded: the
    // controls they hold are measured too.
    for (const details of document.querySelectorAll('details')) details.open = true;
    const behind = (element: Element | null): string => {
      for (let e = element; e; e = e.parentElement) {
        const colour = getComputedStyle(e).backgroundColor;
        if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
      }
      return 'rgb(255, 255, 255)';
    };
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/u).join('.')}` : ''} « ${(e.textContent ?? '').trim().replace(/\s+/gu, ' ').slice(0, 40)} »`;
    const found: Edge[] = [];
    const reachable = [
      ...document.querySelectorAll<HTMLElement | SVGElement>(
        'a[href], button, input, select, textarea, summary, [tabindex]',
      ),
    ].filter((e) => e.tabIndex >= 0 && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
    // Elements alike (same tag and classes, in the same kind of parent, on the same background) have the same ring:
    // one of each is focused (a table of 131 rows has as many links to its sources).
    const alike = new Set<string>();
    for (const element of reachable) {
      const parent = element.parentElement;
      const key = `${element.tagName}.${element.getAttribute('class')}|${parent?.tagName}.${parent?.getAttribute('class')}|${behind(parent)}`;
      if (alike.has(key)) continue;
      alike.add(key);
      element.focus({ preventScroll: true });
      if (document.activeElement !== element) continue;
      const style = getComputedStyle(element);
      found.push({
        kind: 'anneau',
        element: name(element),
        colour: style.outlineStyle === 'none' ? 'none' : style.outlineColor,
        width: parseFloat(style.outlineWidth),
        background: behind(parseFloat(style.outlineOffset) < 0 ? element : element.parentElement),
        visible: element.matches(':focus-visible'),
      });
      const ring = element.closest('figure')?.querySelector<HTMLElement>('.chart-mark-focus');
      if (element instanceof SVGSVGElement && ring && !ring.hidden) {
        const ringStyle = getComputedStyle(ring);
        found.push({
          kind: 'anneau',
          element: `${name(element)} : repère de la marque`,
          colour: ringStyle.borderTopColor,
          width: parseFloat(ringStyle.borderTopWidth),
          background: behind(ring.parentElement),
          visible: true,
        });
      }
    }
    (document.activeElement as HTMLElement | null)?.blur();
    for (const element of document.querySelectorAll('input, select, textarea, button, a[href]')) {
      if (element.getClientRects().length === 0) continue;
      const style = getComputedStyle(element);
      const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
      const boxed = sides.every(
        (side) =>
          style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' &&
          parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) >= 1,
      );
      if (!boxed) continue;
      found.push({
        kind: 'bordure',
        element: name(element),
        colour: style.borderTopColor,
        width: parseFloat(style.borderTopWidth),
        background: behind(element.parentElement),
        visible: true,
      });
    }
    return found;
  });
}

/** Pages with every kind of control: fields and selects, the embed code, legends, the map's views, tables, menus. */
const CONTROL_PAGES = [
  '/',
  '/graphiques/explorateur-defis/',
  '/graphiques/carte/',
  '/graphiques/competences-defis/',
  '/embed/promotions/',
  '/tables/',
  '/tables/defis/',
  '/qualite/',
  '/historique/',
  '/a-propos/',
  '/accessibilite/',
  '/plan-du-site/',
];

/** What each contrast test measured, by kind (« anneau input », « bordure select »…): all kinds must be met. */
const measuredKinds = new Set<string>();

describe.concurrent('fields, buttons and focus rings (WCAG 1.4.11)', () => {
  it.for(CONTROL_PAGES.flatMap((path) => SCHEMES.map((scheme) => [path, scheme] as const)))(
    '%s in %s mode: at least 3:1 against their background',
    AXE_TIMEOUT,
    ([path, scheme], { expect }) =>
      withTab(async (tab) => {
        const found = await edges(await openStill(tab, path, scheme));
        for (const edge of found) measuredKinds.add(`${edge.kind} ${edge.element.split(/[.# ]/u)[0]}`);
        const ratio = (e: Edge) => {
          const colour = parse(e.colour);
          const background = parse(e.background);
          if (!colour || !background || (colour.alpha ?? 1) < 1 || (background.alpha ?? 1) < 1) return 0;
          return wcagContrast(colour, background);
        };
        const weak = found
          .filter((e) => !e.visible || e.width < (e.kind === 'anneau' ? 2 : 1) || ratio(e) < 3)
          .map(
            (e) =>
              `${e.kind} de ${e.element} : ${e.colour} (${e.width} px${e.visible ? '' : ', pas de :focus-visible'}) sur ${e.background}, ${ratio(e).toFixed(2)}:1`,
          );
        expect([...new Set(weak)]).toEqual([]);
        expect(found.filter((e) => e.kind === 'anneau').length, 'anneaux mesurés').toBeGreaterThan(3);
      }),
  );
});

// After the contrast tests above (Vitest runs a file's describe blocks in order), from what they measured.
describe('the contrast tests', () => {
  it('measured every kind of control: fields, selects, the embed code, legend and view toggles, buttons', () => {
    const kinds = [...measuredKinds];
    for (const kind of ['input', 'select', 'textarea', 'button', 'svg', 'a', 'summary'])
      expect(kinds, kind).toContain(`anneau ${kind}`);
    for (const kind of ['input', 'select', 'textarea', 'button', 'a']) expect(kinds, kind).toContain(`bordure ${kind}`);
  });
});

describe('the audit covers', () => {
  it('every page of the site map, every chart page, every embed, every old address and the error page', () => {
    // The site map lists the pages for readers and search engines (the défis' and bodies' pages among them),
    // written by the build apart from the file listing the audit reads.
    const mapped = [...readFileSync(`${dist}/sitemap.xml`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/gu)].map(
      (m) => new URL(m[1]!).pathname,
    );
    expect(mapped.filter((path) => /^\/defis\/[^/]+\/$/u.test(path)).length).toBeGreaterThan(10);
    expect(mapped.filter((path) => /^\/administrations\/[^/]+\/$/u.test(path)).length).toBeGreaterThan(10);
    expect(pages).toEqual(expect.arrayContaining(mapped));
    for (const chart of charts)
      expect(pages).toEqual(expect.arrayContaining([`/graphiques/${chart.slug}/`, `/embed/${chart.slug}/`]));
    for (const { anchor } of legacyAnchors()) expect(pages).toContain(`/${anchor}/`);
    expect(pages).toContain('/404.html');
  });
});
