/**
 * The comparison point of the benchmark: the same chart drawn in the browser with Observable Plot, as a site
 * without build-time rendering would do it. A throwaway page (/banc-plot/ in the benchmark's own build) loads
 * the site's stylesheet, a bundle of Plot and of the chart's declaration (minified, by the esbuild Vite ships),
 * fetches the chart's JSON and draws it at the width of the site's wide drawing.
 */
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PALETTE, VARIANTS, type Chart } from '../charts/types.ts';
import { routes } from '../routes.ts';
import { viteEsbuild } from './bundle.ts';

export const PLOT_PAGE_PATH = '/banc-plot/';

/** The file of src/charts/ that declares `slug` (the registry is a Vite glob, which esbuild cannot read). */
export async function chartFile(slug: string, dir = 'src/charts'): Promise<string> {
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.ts')).sort()) {
    const module = (await import(/* @vite-ignore */ resolve(dir, name))) as { default?: Chart };
    if (module.default?.slug === slug) return resolve(dir, name);
  }
  throw new Error(`aucun fichier de src/charts/ ne déclare le graphique « ${slug} »`);
}

/** Writes the page into `siteDir` (a build of the site) and returns its address path. */
export async function buildPlotPage(siteDir: string, chart: Chart, workDir: string): Promise<string> {
  const esbuild = await viteEsbuild();
  await mkdir(workDir, { recursive: true });
  const entry = join(workDir, 'plot-page.ts');
  const file = await chartFile(chart.slug);
  await writeFile(
    entry,
    [
      `import * as Plot from '@observablehq/plot';`,
      `import chart from ${JSON.stringify(file)};`,
      `const response = await fetch(${JSON.stringify(routes.chartJson(chart.slug))});`,
      `const { rows } = await response.json();`,
      `const context = { ...__VARIANT__, palette: __PALETTE__ };`,
      `const figure = Plot.plot({ width: context.width, ...chart.plot(rows, context), ariaLabel: chart.title });`,
      `document.getElementById('graphique').append(figure);`,
      '',
    ].join('\n'),
  );
  const out = join(siteDir, PLOT_PAGE_PATH);
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: join(out, 'plot-page.js'),
    define: { __PALETTE__: JSON.stringify(PALETTE), __VARIANT__: JSON.stringify(VARIANTS.wide) },
    logLevel: 'error',
  });
  // The same stylesheet as the built chart page, so that only the drawing differs.
  const built = await readFile(join(siteDir, 'graphiques', chart.slug, 'index.html'), 'utf8');
  const styles = [...built.matchAll(/<link rel="stylesheet" href="([^"]+)"/gu)].map(
    (m) => `<link rel="stylesheet" href="${m[1]}">`,
  );
  await writeFile(
    join(out, 'index.html'),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>Banc d’essai : ${chart.slug} dessiné dans le navigateur</title>${styles.join('')}</head>` +
      `<body><main><h1>${chart.slug}</h1><figure class="chart-figure" id="graphique"></figure></main>` +
      `<script type="module" src="${PLOT_PAGE_PATH}plot-page.js"></script></body></html>`,
  );
  return PLOT_PAGE_PATH;
}
