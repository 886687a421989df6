/**
 * How a page loads in headless Chromium over loopback: when the first SVG appears (median of several first
 * visits), first contentful paint, and how many bytes of its JavaScript actually run (V8 block coverage).
 */
import type { Browser, BrowserContext } from 'playwright-core';

export interface LoadTimes {
  /** Milliseconds from navigation start to the first SVG in the page: an inline <svg> added to the document or
   * an SVG image loaded, whichever comes first; null when the page has none. Median of the runs. */
  firstSvgMs: number | null;
  /** First contentful paint, median of the runs. */
  fcpMs: number | null;
  runs: number;
}

export interface JsExecution {
  /** Bytes of JavaScript source the page loaded (uncompressed). */
  loadedBytes: number;
  /** Bytes of that source that ran during the load. */
  executedBytes: number;
}

// Runs in the page before any of its scripts (through the DevTools protocol, which the page's policy does not
// govern): notes the first SVG.
const FIRST_SVG = `(() => {
  const mark = () => { if (window.__firstSvg === undefined) window.__firstSvg = performance.now(); };
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) {
      if (node.nodeName.toLowerCase() === 'svg' || (node.querySelector && node.querySelector('svg'))) { mark(); observer.disconnect(); return; }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener('load', (event) => {
    const target = event.target;
    if (target && target.tagName === 'IMG' && /\\.svg($|\\?)/.test(target.currentSrc || target.src)) mark();
  }, true);
})();`;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function fresh<T>(browser: Browser, task: (context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    return await task(context);
  } finally {
    await context.close();
  }
}

export async function measureTimes(browser: Browser, url: string, runs: number): Promise<LoadTimes> {
  const svg: number[] = [];
  const fcp: number[] = [];
  for (let i = 0; i < runs; i++) {
    await fresh(browser, async (context) => {
      await context.addInitScript(FIRST_SVG);
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      const times = await page.evaluate(() => ({
        svg: (window as { __firstSvg?: number }).__firstSvg ?? null,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      }));
      if (times.svg !== null) svg.push(times.svg);
      if (times.fcp !== null) fcp.push(times.fcp);
    });
  }
  return { firstSvgMs: median(svg), fcpMs: median(fcp), runs };
}

/** Bytes of a script whose innermost coverage range has a non-zero count (V8 ranges nest). */
export function executedBytes(
  source: string,
  functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[],
): number {
  const ran = new Uint8Array(source.length);
  const ranges = functions
    .flatMap((f) => f.ranges)
    .sort((a, b) => b.endOffset - b.startOffset - (a.endOffset - a.startOffset));
  for (const range of ranges) ran.fill(range.count > 0 ? 1 : 0, range.startOffset, range.endOffset);
  let count = 0;
  for (const byte of ran) count += byte;
  // Offsets count UTF-16 units; scripts here are ASCII once minified, so units are bytes.
  return count;
}

export async function measureJs(browser: Browser, url: string): Promise<JsExecution> {
  return fresh(browser, async (context) => {
    const page = await context.newPage();
    await page.coverage.startJSCoverage({ resetOnNavigation: false });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const entries = (await page.coverage.stopJSCoverage()).filter((e) => e.source && !e.url.startsWith('data:'));
    return {
      loadedBytes: entries.reduce((sum, e) => sum + Buffer.byteLength(e.source!), 0),
      executedBytes: entries.reduce((sum, e) => sum + executedBytes(e.source!, e.functions), 0),
    };
  });
}
