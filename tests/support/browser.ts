/**
 * The real browser of the e2e tests: Debian's Chromium driven by playwright-core (see src/bench/chromium.ts),
 * one per test file, and what a test watches on a page: console errors (Chromium reports Content-Security-Policy
 * violations there), failed requests, and requests to any origin but the allowed ones, which fail and are counted.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium as launch } from '../../src/bench/chromium.ts';

/**
 * The proxy the tests' Chromium is given: a port of the machine where nothing listens (9, « discard »). Every
 * request to another machine goes to it and fails there, before it leaves; loopback addresses, the local servers
 * of the tests, never go through a proxy. Intercepting each request from the test instead (Playwright's
 * `route`) made every page load a quarter more costly and turned the browser's cache off.
 */
const NOWHERE_PROXY = 'http://127.0.0.1:9';

const confined = new WeakSet<Browser>();

/** A headless Chromium that cannot reach any machine but this one (see NOWHERE_PROXY). */
export async function launchChromium(): Promise<Browser> {
  const browser = await launch(process.env, [`--proxy-server=${NOWHERE_PROXY}`]);
  confined.add(browser);
  return browser;
}

export interface Guard {
  /**
   * Requests to another origin: the page's Content-Security-Policy refused them, or the browser's proxy made them
   * fail; none left the machine.
   */
  blocked: string[];
}

/**
 * Records every request of the context whose origin is not one of `allowed` (other local servers included), in a
 * browser of launchChromium's, which makes those to other machines fail.
 */
export function guardOrigins(context: BrowserContext, allowed: string[]): Guard {
  const browser = context.browser();
  if (!browser || !confined.has(browser))
    throw new Error('guardOrigins : le navigateur doit être lancé par launchChromium de tests/support/browser.ts.');
  const origins = new Set(allowed.map((url) => new URL(url).origin));
  const guard: Guard = { blocked: [] };
  context.on('request', (request) => {
    const url = request.url();
    if (!origins.has(new URL(url).origin) && !/^(data|blob):/u.test(url)) guard.blocked.push(url);
  });
  return guard;
}

/** A context whose requests may only reach the given origins. */
export async function guardedContext(
  browser: Browser,
  allowed: string[],
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; guard: Guard }> {
  const context = await browser.newContext(options);
  return { context, guard: guardOrigins(context, allowed) };
}

export interface PageProblems {
  /** Console errors and uncaught exceptions, in every frame of the page. */
  errors: string[];
  /** Requests that failed (network error, blocked) or got an HTTP error status. */
  failed: string[];
}

/** Starts recording a page's console errors and failed requests; read the arrays when the page has settled. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], failed: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`${message.text()} (${message.location().url || page.url()})`);
  });
  page.on('pageerror', (error) => problems.errors.push(`exception : ${error.message} (${page.url()})`));
  page.on('requestfailed', (request) => problems.failed.push(`${request.url()} : ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failed.push(`${response.url()} : HTTP ${response.status()}`);
  });
  return problems;
}

/**
 * Opens a page, waits until it has loaded (and by default until its network is idle, so that every request it
 * makes is seen), and returns what went wrong meanwhile.
 */
export async function visit(
  context: BrowserContext,
  url: string,
  waitUntil: 'load' | 'networkidle' = 'networkidle',
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const problems = watchPage(page);
  // The load event first: the network-idle signal alone can come before the page's own files have arrived when
  // a test intercepts requests (page.route).
  await page.goto(url, { waitUntil: 'load' });
  if (waitUntil === 'networkidle') await page.waitForLoadState('networkidle');
  return { page, problems };
}

/** Runs `task` over `items` with at most `limit` at a time (pages of one browser load in parallel). */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
