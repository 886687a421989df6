/**
 * `npm run bench`: what the site costs and how fast it is, measured on this machine, printed as a table and
 * written to bench/results.json. Numbers, not pass/fail: timings depend on the machine (the byte budgets, which
 * do not, are tests in tests/e2e/budgets.test.ts).
 *
 * 1. scale: the aggregates fed 1 000 times the snapshot's rows, in a child process, three times (time and peak memory
 *    of the median run);
 * 2. the full build (`npm run build`), timed, into bench/tmp/site;
 * 3. in headless Chromium over loopback, for the home page, a chart page, its embed, the same chart drawn
 *    in the browser by Plot (a throwaway page), and the map page (the heaviest chart page, held to the embed's
 *    budgets): bytes by type (gzip), JavaScript loaded and run, time to the first SVG and first contentful paint
 *    (medians of first visits);
 * 4. Lighthouse on the three pages of the site.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { charts } from '../charts/registry.ts';
import { startStaticServer } from './static-server.ts';
import { chromePath, launchChromium } from './chromium.ts';
import { viteEsbuild } from './esbuild.ts';
import { lighthouse, CATEGORIES, LIGHTHOUSE_CHROME_FLAGS, type LighthouseResult } from './lighthouse.ts';
import { measureJs, measureTimes, type JsExecution, type LoadTimes } from './load.ts';
import { buildPlotPage } from './plot-page.ts';
import type { ScaleResult } from './scale.ts';
import { measureTransfer, RESOURCE_TYPES, type Transfer } from './transfer.ts';
import { withEffects, type Effects } from '../effects.ts';
import { routes } from '../routes.ts';
import { load } from '../load/load-folder.ts';
import { LIMITS } from '../lib/limits.ts';

const run = promisify(execFile);

export const BENCH_DIR = 'bench';
const KB = 1024;
/** Targets of issue 4 and issue 5. */
export const TARGETS = {
  embedTotalBytes: 60 * KB,
  embedJsBytes: 10 * KB,
  /** The site's chart page loads at most this fraction of the JavaScript of the client-rendered page. */
  jsRatio: 1 / 10,
  lighthouse: 100,
  /**
   * The scale run's workload: 250 000 rows, 1 000 times the snapshot these targets were set for (250 rows). The
   * snapshot has grown since (the original site's figures, the programme's seven promotions): the run multiplies
   * it as many times as needed to reach the same number of rows, so that the targets keep measuring the same thing.
   */
  scaleRows: 250_000,
  scaleSeconds: 2,
  scaleMemoryMb: 256,
  buildSeconds: 30,
};
const TIMING_RUNS = 7;
const LIGHTHOUSE_RUNS = 3;

export interface PageResult {
  name: string;
  path: string;
  transfer: Pick<Transfer, 'byType' | 'total'> & { files: { path: string; gzip: number }[] };
  js: JsExecution;
  times: LoadTimes;
}

const fr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const frInt = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const kb = (bytes: number) => `${fr.format(bytes / KB)} Ko`;
const ms = (value: number | null) => (value === null ? '—' : `${frInt.format(value)} ms`);
const met = (ok: boolean) => (ok ? 'atteinte' : 'NON ATTEINTE');

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

/** The scale run, bundled and run by plain Node in a child process, so that its memory is its own. */
async function runScaleChild(workDir: string, workload: number | 'limits'): Promise<ScaleResult> {
  const esbuild = await viteEsbuild();
  const entry = join(workDir, 'scale-entry.ts');
  const bundle = join(workDir, 'scale.mjs');
  await writeFile(
    entry,
    `import { runScale } from ${JSON.stringify(resolve('src/bench/scale.ts'))};\n` +
      `const workload = process.argv[2] === 'limits' ? 'limits' : Number(process.argv[2]);\n` +
      `process.stdout.write(JSON.stringify(await runScale(workload, process.argv[3])));\n`,
  );
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: bundle,
    logLevel: 'error',
  });
  const { stdout } = await run(process.execPath, ['--expose-gc', bundle, String(workload), resolve('data')], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as ScaleResult;
}

/**
 * The scale run three times, each in a process of its own: the median by peak memory, with every run's peak
 * (a process's peak moves by a few MB from one run to the next, with the moments its collector chooses).
 */
async function medianScaleRun(workDir: string, workload: number | 'limits'): Promise<ScaleRun> {
  const runs: ScaleResult[] = [];
  for (let i = 0; i < 3; i++) runs.push(await runScaleChild(workDir, workload));
  const sorted = [...runs].sort((a, b) => a.peakRssMb - b.peakRssMb);
  return { ...sorted[1]!, peakRssRunsMb: runs.map((r) => r.peakRssMb) };
}

type ScaleRun = ScaleResult & { peakRssRunsMb: number[] };

async function timedBuild(outDir: string): Promise<number> {
  const start = performance.now();
  await run('npm', ['run', 'build', '--', '--outDir', outDir], {
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return (performance.now() - start) / 1000;
}

export async function runBench(_args: string[], partial: Partial<Effects> = {}): Promise<number> {
  const { out, log } = withEffects(partial);
  const work = resolve(BENCH_DIR, 'tmp');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const chart = charts[0]!;
  const machine = {
    cpus: availableParallelism(),
    cpu: cpus()[0]?.model ?? '',
    node: process.version,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };

  const loaded = await load('data');
  if (!loaded.ok) throw new Error(`instantané illisible : ${loaded.errors[0]?.message ?? ''}`);
  const realRows = Object.values(loaded.data.snapshot.tables).reduce((n, rows) => n + rows.length, 0);
  const factor = Math.ceil(TARGETS.scaleRows / realRows);
  log(`Échelle : agrégats et rapport de qualité sur ${factor} fois les ${realRows} lignes de l’instantané…`);
  const scale = await medianScaleRun(work, factor);
  log('Échelle : le plus grand instantané que la mise à jour accepte (chaque table à ses limites)…');
  const atLimits = await medianScaleRun(work, 'limits');

  log('Construction complète du site (npm run build)…');
  const siteDir = join(work, 'site');
  const buildSeconds = await timedBuild(siteDir);
  const plotPath = await buildPlotPage(siteDir, chart, join(work, 'plot-page'));

  const server = await startStaticServer(siteDir);
  const browser = await launchChromium();
  const pages: PageResult[] = [];
  const targets = [
    { name: 'Accueil', path: '/' },
    { name: 'Page graphique', path: routes.chart(chart.slug) },
    { name: 'Intégration', path: routes.embed(chart.slug) },
    { name: 'Plot dans le navigateur', path: plotPath },
    // The heaviest chart page: the map, drawn twice (phone and wide) with its table of services and towns.
    { name: 'Carte', path: routes.chart('carte') },
    // The longest page: the explorer with every défi of 2017–2023 and its filters.
    { name: 'Explorateur', path: routes.chart('explorateur-defis') },
  ];
  try {
    for (const target of targets) {
      log(`Chromium : ${target.path}…`);
      const url = server.url + target.path;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const transfer = await measureTransfer(context, url);
      await context.close();
      pages.push({
        ...target,
        transfer: {
          byType: transfer.byType,
          total: transfer.total,
          files: transfer.files.map((f) => ({ path: new URL(f.url).pathname, gzip: f.gzip })),
        },
        js: await measureJs(browser, url),
        times: await measureTimes(browser, url, TIMING_RUNS),
      });
    }
  } finally {
    await browser.close();
  }
  const chromium = await (async () => {
    const b = await launchChromium();
    const version = b.version();
    await b.close();
    return version;
  })();

  const audits: LighthouseResult[] = [];
  try {
    for (const target of targets.slice(0, 3)) {
      log(`Lighthouse (${LIGHTHOUSE_RUNS} passages) : ${target.path}…`);
      const dir = join(work, 'lighthouse', String(audits.length));
      await mkdir(dir, { recursive: true });
      audits.push(await lighthouse(server.url + target.path, dir, LIGHTHOUSE_RUNS));
    }
  } finally {
    await server.close();
  }

  const [, chartPage, embed, plot, map, explorer] = pages as [
    PageResult,
    PageResult,
    PageResult,
    PageResult,
    PageResult,
    PageResult,
  ];
  const ratio = chartPage.transfer.byType.js / plot.transfer.byType.js;
  const goals = [
    {
      what: `Intégration : total ≤ ${kb(TARGETS.embedTotalBytes)} gzip`,
      value: kb(embed.transfer.total),
      ok: embed.transfer.total <= TARGETS.embedTotalBytes,
    },
    {
      what: `Intégration : JavaScript ≤ ${kb(TARGETS.embedJsBytes)} gzip`,
      value: kb(embed.transfer.byType.js),
      ok: embed.transfer.byType.js <= TARGETS.embedJsBytes,
    },
    {
      what: `Carte : total ≤ ${kb(TARGETS.embedTotalBytes)} gzip`,
      value: kb(map.transfer.total),
      ok: map.transfer.total <= TARGETS.embedTotalBytes,
    },
    {
      what: `Carte : JavaScript ≤ ${kb(TARGETS.embedJsBytes)} gzip`,
      value: kb(map.transfer.byType.js),
      ok: map.transfer.byType.js <= TARGETS.embedJsBytes,
    },
    {
      what: `Explorateur : total ≤ ${kb(TARGETS.embedTotalBytes)} gzip`,
      value: kb(explorer.transfer.total),
      ok: explorer.transfer.total <= TARGETS.embedTotalBytes,
    },
    {
      what: `Explorateur : JavaScript ≤ ${kb(TARGETS.embedJsBytes)} gzip`,
      value: kb(explorer.transfer.byType.js),
      ok: explorer.transfer.byType.js <= TARGETS.embedJsBytes,
    },
    {
      what: 'Page graphique : JavaScript ≤ 1/10 de la page dessinée par Plot',
      value: `1/${frInt.format(1 / ratio)}`,
      ok: ratio <= TARGETS.jsRatio,
    },
    ...audits.map((a) => ({
      what: `Lighthouse ${new URL(a.url).pathname} : 100 partout`,
      value: CATEGORIES.map((c) => a.scores[c]).join(' / '),
      ok: CATEGORIES.every((c) => a.scores[c] >= TARGETS.lighthouse),
    })),
    // Wall-clock time, as the target says (the garbage collector uses the second core); the CPU time and the
    // machine's load average are printed with it, to tell a slow run from a busy machine.
    {
      what: `Construction complète : ≤ ${TARGETS.buildSeconds} s`,
      value: `${fr.format(buildSeconds)} s`,
      ok: buildSeconds <= TARGETS.buildSeconds,
    },
    {
      what: `Échelle (${frInt.format(scale.rows)} lignes) : < ${TARGETS.scaleSeconds} s`,
      value: `${fr.format(scale.seconds)} s`,
      ok: scale.seconds < TARGETS.scaleSeconds,
    },
    {
      what: `Échelle (${frInt.format(scale.rows)} lignes) : < ${TARGETS.scaleMemoryMb} Mo de mémoire (pic du processus)`,
      value: `${frInt.format(scale.peakRssMb)} Mo`,
      ok: scale.peakRssMb < TARGETS.scaleMemoryMb,
    },
  ];

  const lines: string[] = [];
  lines.push(
    `Banc d’essai — ${machine.cpus} cœurs (${machine.cpu}), Node ${machine.node}, Chromium ${chromium}, charge ${machine.loadAverage.join(' ')}`,
  );
  lines.push('');
  lines.push(`Construction complète (npm run build) : ${fr.format(buildSeconds)} s`);
  lines.push('');
  lines.push(
    `Premier chargement, 1280 × 900, boucle locale ; octets gzip par type ; temps : médianes de ${TIMING_RUNS} chargements`,
  );
  lines.push(
    ...table(
      [
        'Page',
        'HTML',
        'CSS',
        'JS',
        'Polices',
        'Images',
        'Autres',
        'Total',
        'JS chargé',
        'JS exécuté',
        '1er SVG',
        'FCP',
      ],
      pages.map((p) => [
        `${p.name} (${p.path})`,
        ...RESOURCE_TYPES.map((t) => kb(p.transfer.byType[t])),
        kb(p.transfer.total),
        kb(p.js.loadedBytes),
        kb(p.js.executedBytes),
        ms(p.times.firstSvgMs),
        ms(p.times.fcpMs),
      ]),
    ),
  );
  lines.push('(JS chargé et exécuté : octets du code source non compressé ; exécuté selon la couverture V8.)');
  lines.push(
    `JavaScript de la page graphique / de la page Plot : ${kb(chartPage.transfer.byType.js)} / ${kb(plot.transfer.byType.js)} gzip, soit 1/${frInt.format(1 / ratio)}`,
  );
  lines.push('');
  lines.push(
    `Lighthouse ${audits[0]?.version ?? ''} (médiane de ${LIGHTHOUSE_RUNS} passages par le score de performance ; ${chromePath()} ${LIGHTHOUSE_CHROME_FLAGS})`,
  );
  lines.push(
    ...table(
      ['Page', 'Performance', 'Accessibilité', 'Bonnes pratiques', 'SEO', 'Passages (perf.)'],
      audits.map((a) => [
        new URL(a.url).pathname,
        ...CATEGORIES.map((c) => String(a.scores[c])),
        a.performanceRuns.join(' '),
      ]),
    ),
  );
  for (const a of audits)
    for (const l of a.lost)
      lines.push(
        `  audit sous 100 : ${new URL(a.url).pathname}, ${l.category}, ${l.id} (${Math.round(l.score * 100)}) ${l.value}`,
      );
  lines.push('');
  const scaleLine = (what: string, r: ScaleRun) =>
    `${what} : ${frInt.format(r.rows)} lignes, agrégats et rapport de qualité (${frInt.format(r.qualityChecks)} contrôles) en ${fr.format(r.seconds)} s (temps CPU ${fr.format(r.cpuSeconds)} s), ` +
    `pic mémoire du processus ${frInt.format(r.peakRssMb)} Mo (médiane de 3 passages : ${r.peakRssRunsMb.map((m) => frInt.format(m)).join(', ')} Mo ; tas : ${frInt.format(r.heapBeforeMb)} Mo avec les lignes, ` +
    `${frInt.format(r.heapAfterMb)} Mo juste après, ${frInt.format(r.heapLiveMb)} Mo vivants avec les agrégats)`;
  lines.push(scaleLine(`Échelle (${frInt.format(Number(scale.factor))} × ${scale.realRows} lignes)`, scale));
  lines.push(
    scaleLine(
      `Plus grand instantané accepté par la mise à jour (chaque table à ses limites, ${frInt.format(LIMITS.rowsPerTable)} lignes au plus)`,
      atLimits,
    ),
  );
  lines.push('');
  lines.push('Cibles');
  lines.push(
    ...table(
      ['Cible', 'Mesure', 'État'],
      goals.map((g) => [g.what, g.value, met(g.ok)]),
    ),
  );
  for (const line of lines) out(line);

  const results = {
    date: new Date().toISOString(),
    command: 'npm run bench',
    machine: { ...machine, chromium },
    chart: chart.slug,
    buildSeconds: Math.round(buildSeconds * 10) / 10,
    pages,
    jsRatio: ratio,
    lighthouse: audits,
    scale,
    scaleAtLimits: atLimits,
    targets: goals.map((g) => ({ target: g.what, measured: g.value, met: g.ok })),
  };
  await writeFile(join(BENCH_DIR, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  out(`Résultats écrits dans ${BENCH_DIR}/results.json`);
  return 0;
}
