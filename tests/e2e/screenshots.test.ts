/**
 * Screenshots for a person to look at (CI keeps test-results/screenshots/ as artefacts): the home page, a
 * chart page in light and dark mode, an embed, and a chart page on a phone. The test checks that each was
 * taken at the size asked and that the dark one is dark.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { charts } from '../../src/charts/registry.ts';
import { guardedContext, launchChromium, visit, type Guard } from '../support/browser.ts';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';

const dist = inject('siteDir');
const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');
const slug = charts[0]!.slug;

const SHOTS = [
  { file: 'accueil.png', path: '/', width: 1280, scheme: 'light' },
  { file: `graphique-${slug}-clair.png`, path: `/graphiques/${slug}/`, width: 1280, scheme: 'light' },
  { file: `graphique-${slug}-sombre.png`, path: `/graphiques/${slug}/`, width: 1280, scheme: 'dark' },
  { file: `embed-${slug}.png`, path: `/embed/${slug}/`, width: 640, height: 450, scheme: 'light' },
  { file: `graphique-${slug}-390px.png`, path: `/graphiques/${slug}/`, width: 390, scheme: 'light' },
] as const;

let server: StaticServer;
let browser: Browser;
const guards: Guard[] = [];

beforeAll(async () => {
  server = await startStaticServer(dist);
  browser = await launchChromium();
  await rm(SCREENSHOT_DIR, { recursive: true, force: true });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  for (const guard of guards) expect(guard.blocked).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe.concurrent('screenshots', () => {
  it.for(SHOTS)('$file ($path, $width px, $scheme)', async (shot, { expect }) => {
    const { context, guard } = await guardedContext(browser, [server.url], {
      viewport: { width: shot.width, height: 'height' in shot ? shot.height : 900 },
      colorScheme: shot.scheme,
      deviceScaleFactor: 1,
    });
    guards.push(guard);
    const { page, problems } = await visit(context, server.url + shot.path);
    // Lazy images of the home page: bring them all in before the full-page picture.
    await page.evaluate(() =>
      document.querySelectorAll('img[loading="lazy"]').forEach((img) => img.setAttribute('loading', 'eager')),
    );
    await page.waitForLoadState('networkidle');
    // Nothing is wider than the screen (no sideways scrolling on a phone).
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(shot.width);
    const file = join(SCREENSHOT_DIR, shot.file);
    await page.screenshot({ path: file, fullPage: true });
    await context.close();
    expect(problems.errors).toEqual([]);
    const image = await sharp(await readFile(file)).metadata();
    expect(image.format).toBe('png');
    expect(image.width).toBe(shot.width);
    expect(image.height).toBeGreaterThanOrEqual('height' in shot ? shot.height : 900);
    // What the picture shows is mostly the page's background: light, or dark in dark mode.
    const { channels } = await sharp(file).removeAlpha().stats();
    const brightness = channels.reduce((sum, c) => sum + c.mean, 0) / channels.length / 255;
    if (shot.scheme === 'dark') expect(brightness).toBeLessThan(0.3);
    else expect(brightness).toBeGreaterThan(0.7);
  });
});
