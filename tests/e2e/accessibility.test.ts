/**
 * Accessibility in a real Chromium: axe-core (the WCAG 2.1 A and AA rules and its best practices) on every HTML
 * page of the build, in light and dark mode, with no violation at all; fields, buttons and focus rings at 3:1
 * against what surrounds them (WCAG 1.4.11), in both themes; every chart has an accessible name and its data table.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse, wcagContrast } from 'culori';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { charts, legacyAnchors } from '../../src/charts/registry.ts';
import { guardedContext, launchChromium, type Guard } from '../support/browser.ts';
import { pagesToMeasure } from '../support/dist.ts';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';

const dist = inject('siteDir');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** What the audit asks of axe: the WCAG 2.0 and 2.1 rules at levels A and AA, and its best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;

/** Every page of the build, by its address (a few of those made one per défi and per body). */
const pages = pagesToMeasure(dist);

let server: StaticServer;
let browser: Browser;
let light: BrowserContext;
const contexts = {} as Record<(typeof SCHEMES)[number], BrowserContext>;
const guards: Guard[] = [];

beforeAll(async () => {
  server = await startStaticServer(dist);
  browser = await launchChromium();
  for (const colorScheme of SCHEMES) {
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
 * Runs axe-core in the page: the rules of AXE_TAGS, or only the rules named. Its source goes in through the
 * DevTools protocol (page.evaluate), which the page's Content-Security-Policy does not govern: a <script> tag with
 * the source inline would be refused by the policy.
 */
async function axe(page: Page, rules?: string[]): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ([only, tags]) => {
      const result = await (
        window as unknown as {
          axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> };
        }
      ).axe.run(document, {
        resultTypes: ['violations'],
        runOnly: only ? { type: 'rule', values: only } : { type: 'tag', values: tags },
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
    const ids = (await axe(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['label', 'color-contrast']));
    await page.close();
  });
});

/** The rules whose answers depend on colours: the ones to run again in the dark theme. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * The largest pages (the quality report, the explorer: 5 000 to 10 000 elements) take axe a few seconds alone, and
 * several times that on a machine busy with other tests.
 */
const AXE_TIMEOUT = { timeout: 120_000 };

describe.concurrent('every page', () => {
  it.for(pages)('%s has no axe violation in light mode', AXE_TIMEOUT, async (path, { expect }) => {
    const page = await openStill('light', path);
    const violations = await axe(page);
    await page.close();
    expect(describeViolations(violations)).toEqual([]);
  });

  // Dark mode changes colours only (the same markup, another set of colour variables): the rules about colours
  // run again, the others would give the same answers at twice the time.
  it.for(pages)('%s has no axe violation in dark mode', AXE_TIMEOUT, async (path, { expect }) => {
    const page = await openStill('dark', path);
    await expect(page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).resolves.toBe(true);
    const violations = await axe(page, COLOUR_RULES);
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
      const violations = await axe(page, COLOUR_RULES);
      await page.close();
      expect(describeViolations(violations)).toEqual([]);
    },
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

describe.concurrent('fields, buttons and focus rings (WCAG 1.4.11)', () => {
  it.for(CONTROL_PAGES.flatMap((path) => SCHEMES.map((scheme) => [path, scheme] as const)))(
    '%s in %s mode: at least 3:1 against their background',
    AXE_TIMEOUT,
    async ([path, scheme], { expect }) => {
      const page = await contexts[scheme].newPage();
      await page.goto(server.url + path, { waitUntil: 'load' });
      const found = await edges(page);
      await page.close();
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
    },
  );

  it('measure every kind of control: fields, selects, the embed code, legend and view toggles, buttons', async () => {
    const page = await light.newPage();
    const kinds = new Set<string>();
    for (const path of CONTROL_PAGES) {
      await page.goto(server.url + path, { waitUntil: 'load' });
      for (const edge of await edges(page)) kinds.add(`${edge.kind} ${edge.element.split(/[.# ]/u)[0]}`);
    }
    await page.close();
    for (const kind of ['input', 'select', 'textarea', 'button', 'svg', 'a', 'summary'])
      expect([...kinds], kind).toContain(`anneau ${kind}`);
    for (const kind of ['input', 'select', 'textarea', 'button', 'a'])
      expect([...kinds], kind).toContain(`bordure ${kind}`);
  });
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
