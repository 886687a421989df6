/**
 * Screenshots of a built site, for a person to look at: home, a chart page, the map, the explorer and the quality
 * page at 390 and 1280 px, light and dark, full pages, with each page's height printed.
 *
 *   npm run screenshots -- DIST OUTDIR        # every shot, into OUTDIR
 *   npm run screenshots -- DIST --apercu      # docs/apercu.png, the README's picture of the site
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { launchChromium } from '../src/bench/chromium.ts';
import { startStaticServer } from '../src/bench/static-server.ts';
import { charts } from '../src/charts/registry.ts';
import { routes } from '../src/routes.ts';

const [dist, target] = process.argv.slice(2);
if (!dist || !target) {
  console.error('Usage : npm run screenshots -- DOSSIER_DU_SITE (DOSSIER_DES_IMAGES | --apercu)');
  process.exit(1);
}

const explorer = charts.find((c) => c.explorer)?.slug;
const map = charts.find((c) => c.slug === 'carte')?.slug;
const pages = [
  { name: 'accueil', path: routes.home },
  { name: 'graphique', path: routes.chart(charts[0]!.slug) },
  ...(map ? [{ name: 'carte', path: routes.chart(map) }] : []),
  ...(explorer ? [{ name: 'explorateur', path: routes.chart(explorer) }] : []),
  { name: 'qualite', path: routes.quality },
];

const server = await startStaticServer(dist);
const browser = await launchChromium();
try {
  if (target === '--apercu') {
    // The top of the home on a laptop, down to its first chart, at three quarters: small enough for the README
    // (under 200 KB).
    const context = await browser.newContext({ viewport: { width: 1280, height: 1120 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(server.url + routes.home, { waitUntil: 'networkidle' });
    const shot = await page.screenshot();
    const file = join('docs', 'apercu.png');
    await mkdir('docs', { recursive: true });
    await sharp(shot).resize({ width: 960 }).png({ palette: true, quality: 90, compressionLevel: 9 }).toFile(file);
    console.log(file);
  } else {
    await mkdir(target, { recursive: true });
    for (const width of [390, 1280])
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({
          viewport: { width, height: width < 800 ? 844 : 800 },
          colorScheme: scheme,
          deviceScaleFactor: 1,
        });
        for (const { name, path } of pages) {
          const page = await context.newPage();
          await page.goto(server.url + path, { waitUntil: 'networkidle' });
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          const file = join(target, `${name}-${width}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(`${file} : ${height} px`);
          await page.close();
        }
        await context.close();
      }
  }
} finally {
  await browser.close();
  await server.close();
}
