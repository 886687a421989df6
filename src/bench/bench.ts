/**
 * `npm run bench`: what the site costs and how fast it is, measured on this machine, printed as a table and
 * written to bench/results.json. Numbers, not pass/fail: timings depend on the machine (the byte budgets, which
 * do not, are tests in tests/e2e/budgets.test.ts).
 *
 * 1. the model alone (load → buildModel → publish) in a child process, three times (time and peak memory of the
 *    median run), for the snapshot of data/ and for the largest snapshot an update accepts (largest-snapshot.ts);
 * 2. the full build (`npm run build`), timed and its memory read in /proc, of both;
 * 3. in headless Chromium over loopback, for the home page, a chart page, its embed, the same chart drawn
 *    in the browser by Plot (a throwaway page), and the map page (the heaviest chart page, held to the embed's
 *    budgets): bytes by type (gzip), JavaScript loaded and run, time to the first SVG and first contentful paint
 *    (medians of first visits);
 * 4. Lighthouse on the three pages of the site and on a défi's page.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { charts } from '../charts/registry.ts';
import { startStaticServer } from './static-server.ts';
import { chromePath, launchChromium } from './chromium.ts';
import { viteBundle } from './bundle.ts';
import { writeLargestSnapshot } from './largest-snapshot.ts';
import { lighthouse, CATEGORIES, LIGHTHOUSE_CHROME_FLAGS, type LighthouseResult } from './lighthouse.ts';
import type { ModelRun } from './model-run.ts';
import { measureJs, measureTimes, type JsExecution, type LoadTimes } from './page-load.ts';
import { buildPlotPage } from './plot-page.ts';
import { measureCommand, type CommandRun } from './process-memory.ts';
import { measureTransfer, RESOURCE_TYPES, type Transfer } from './transfer.ts';
import { withEffects, type Effects } from '../effects.ts';
import { routes } from '../routes.ts';
import { LIMITS, limitText } from '../lib/limits.ts';

const run = promisify(execFile);

export const BENCH_DIR = 'bench';
const KB = 1024;
/** Targets of issues 4, 5 and 20. */
export const TARGETS = {
  embedTotalBytes: 60 * KB,
  embedJsBytes: 10 * KB,
  /** The site's chart page loads at most this fraction of the JavaScript of the client-rendered page. */
  jsRatio: 1 / 10,
  lighthouse: 100,
  /** The largest snapshot an update accepts: its model (load → buildModel → publish)… */
  modelSeconds: 2,
  modelMemoryMb: 256,
  /** …and its full build (`npm run build`), all its processes together. */
  buildSeconds: 60,
  buildMemoryMb: 1024,
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
const mbText = (mb: number) => (mb >= 1000 ? `${fr.format(mb / 1024)} Go` : `${frInt.format(mb)} Mo`);
const seconds = (s: number) => `${fr.format(s)} s`;

function modelRow(name: string, r: MedianRun): string[] {
  return [
    name,
    frInt.format(r.rows),
    frInt.format(r.qualityChecks),
    seconds(r.loadSeconds),
    seconds(r.modelSeconds),
    seconds(r.publishSeconds),
    seconds(r.seconds),
    seconds(r.cpuSeconds),
    `${mbText(r.peakRssMb)} (${r.peakRssRunsMb.map((m) => frInt.format(m)).join(', ')})`,
    mbText(r.heapLiveMb),
  ];
}

function buildRow(name: string, r: BuildRun): string[] {
  const largest = r.processes[0];
  return [
    name,
    seconds(r.seconds),
    seconds(r.cpuSeconds),
    r.loadAverage.map((l) => fr.format(l)).join(' '),
    mbText(r.peakTotalMb),
    largest ? `${mbText(largest.peakMb)} (${largest.command})` : '—',
  ];
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

/** The model run, bundled and run by plain Node in a child process, so that its memory is its own. */
async function runModelChild(workDir: string, dataDir: string): Promise<ModelRun> {
  const entry = join(workDir, 'model-entry.ts');
  const bundle = join(workDir, 'model.mjs');
  await writeFile(
    entry,
    `import { runModel } from ${JSON.stringify(resolve('src/bench/model-run.ts'))};\n` +
      `process.stdout.write(JSON.stringify(await runModel(process.argv[2])));\n`,
  );
  await viteBundle(entry, bundle);
  const { stdout } = await run(process.execPath, ['--expose-gc', bundle, resolve(dataDir)], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as ModelRun;
}

type MedianRun = ModelRun & { peakRssRunsMb: number[] };

/**
 * The model run three times, each in a process of its own: the median by peak memory, with every run's peak
 * (a process's peak moves by a few MB from one run to the next, with the moments its collector chooses).
 */
async function medianModelRun(workDir: string, dataDir: string): Promise<MedianRun> {
  const runs: ModelRun[] = [];
  for (let i = 0; i < 3; i++) runs.push(await runModelChild(workDir, dataDir));
  const sorted = [...runs].sort((a, b) => a.peakRssMb - b.peakRssMb);
  return { ...sorted[1]!, peakRssRunsMb: runs.map((r) => r.peakRssMb) };
}

type BuildRun = CommandRun & { loadAverage: number[] };

/**
 * `npm run build` of the data folder `dataDir` into `outDir`: wall-clock and CPU time, memory of all its
 * processes, and the machine's load average at the end (a slow run on a busy machine is told from a slow build).
 */
async function measuredBuild(dataDir: string, outDir: string): Promise<BuildRun> {
  const result = await measureCommand('npm', ['run', 'build', '--', '--outDir', outDir], {
    ...process.env,
    NODE_ENV: 'production',
    EIG_DATA_DIR: dataDir,
  });
  return { ...result, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) };
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

  const largestData = join(work, 'plus-grand-instantane');
  log('Plus grand instantané que la mise à jour accepte (chaque table à ses limites)…');
  const copies = await writeLargestSnapshot('data', largestData);
  log('Modèle seul (load → buildModel → publish), trois passages : instantané de data/…');
  const model = await medianModelRun(work, 'data');
  log('Modèle seul, trois passages : plus grand instantané accepté…');
  const largestModel = await medianModelRun(work, largestData);
  log('Construction complète du site (npm run build) : instantané de data/…');
  const siteDir = join(work, 'site');
  const build = await measuredBuild('data', siteDir);
  log('Construction complète du site (npm run build) : plus grand instantané accepté…');
  const largestBuild = await measuredBuild(largestData, join(work, 'site-plus-grand'));
  // Some 200 MB of pages and images, not measured further.
  await rm(join(work, 'site-plus-grand'), { recursive: true, force: true });
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
    // The most numerous pages: one per défi (the first of the built site's, whatever the data).
    {
      name: 'Page défi',
      path: routes.defi(
        (await readdir(join(siteDir, 'defis'), { withFileTypes: true })).find((e) => e.isDirectory())!.name,
      ),
    },
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
    for (const target of [...targets.slice(0, 3), targets.at(-1)!]) {
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
    // Wall-clock time, as the targets say (the garbage collector uses the second core); the CPU time and the
    // machine's load average are printed with them, to tell a slow run from a busy machine.
    {
      what: `Plus grand instantané, construction complète : ≤ ${TARGETS.buildSeconds} s`,
      value: `${fr.format(largestBuild.seconds)} s`,
      ok: largestBuild.seconds <= TARGETS.buildSeconds,
    },
    {
      what: `Plus grand instantané, construction complète : ≤ ${mbText(TARGETS.buildMemoryMb)} de mémoire (tous ses processus)`,
      value: mbText(largestBuild.peakTotalMb),
      ok: largestBuild.peakTotalMb <= TARGETS.buildMemoryMb,
    },
    {
      what: `Plus grand instantané, modèle seul : ≤ ${TARGETS.modelSeconds} s`,
      value: `${fr.format(largestModel.seconds)} s`,
      ok: largestModel.seconds <= TARGETS.modelSeconds,
    },
    {
      what: `Plus grand instantané, modèle seul : ≤ ${mbText(TARGETS.modelMemoryMb)} de mémoire (pic du processus)`,
      value: mbText(largestModel.peakRssMb),
      ok: largestModel.peakRssMb <= TARGETS.modelMemoryMb,
    },
  ];

  const lines: string[] = [];
  lines.push(
    `Banc d’essai — ${machine.cpus} cœurs (${machine.cpu}), Node ${machine.node}, Chromium ${chromium}, charge ${machine.loadAverage.join(' ')}`,
  );
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
  const rows = Object.entries(copies)
    .map(([name, n]) => `${name} ${n} ×`)
    .join(', ');
  lines.push(
    `Plus grand instantané que la mise à jour accepte : ${frInt.format(largestModel.rows)} lignes (${frInt.format(LIMITS.rowsPerTable)} par table au plus ; copies de chaque table : ${rows}), ` +
      `les titres des défis allongés jusqu’à la limite d’une table (${limitText(LIMITS.bytesPerTable)}) et d’un champ`,
  );
  lines.push('');
  lines.push(
    ...table(
      [
        'Instantané',
        'Lignes',
        'Contrôles',
        'load',
        'buildModel',
        'publish',
        'Total',
        'CPU',
        'Pic mémoire (3 passages)',
        'Tas vivant',
      ],
      [
        ['data/', model],
        ['plus grand', largestModel],
      ].map(([name, r]) => modelRow(name as string, r as MedianRun)),
    ),
  );
  lines.push(
    '(Modèle seul : load → buildModel → publish, médiane de 3 passages par le pic mémoire, chacun dans son processus.)',
  );
  lines.push('');
  lines.push(
    ...table(
      [
        'Construction complète (npm run build)',
        'Durée',
        'CPU',
        'Charge de la machine',
        'Mémoire, tous processus',
        'Plus gros processus',
      ],
      [
        ['data/', build],
        ['plus grand instantané', largestBuild],
      ].map(([name, r]) => buildRow(name as string, r as BuildRun)),
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
    pages,
    jsRatio: ratio,
    lighthouse: audits,
    model,
    build,
    largest: { copies, model: largestModel, build: largestBuild },
    targets: goals.map((g) => ({ target: g.what, measured: g.value, met: g.ok })),
  };
  await writeFile(join(BENCH_DIR, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  out(`Résultats écrits dans ${BENCH_DIR}/results.json`);
  return 0;
}
