/**
 * The model alone, as the build computes it before drawing anything: load (every file read, typed and checked,
 * and the history) → buildModel (aggregates, quality report) → publish (each chart's rows, reading, notes and
 * checks). Time of each step and peak memory of the process; run in a child process of its own (see
 * runModelChild in bench.ts) so that its memory is its own.
 */
import { performance } from 'node:perf_hooks';
import { buildModel } from '../lib/model.ts';
import { load } from '../load/load-folder.ts';
import { publish } from '../publish/publish.ts';

export interface ModelRun {
  /** Rows of the snapshot's tables. */
  rows: number;
  /** Wall-clock seconds of each step and of the three, and CPU seconds of the three. */
  loadSeconds: number;
  modelSeconds: number;
  publishSeconds: number;
  seconds: number;
  cpuSeconds: number;
  /** Peak resident memory of the whole process (Node itself, the code, the snapshot, the model), in MB. */
  peakRssMb: number;
  /** JavaScript heap once the garbage is collected, with the published site in hand (what the build keeps), in MB. */
  heapLiveMb: number;
  /** Checks of the quality report and charts published (work done, and a sign that it ran to the end). */
  qualityChecks: number;
  charts: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const seconds = (ms: number) => Math.round(ms) / 1000;

export async function runModel(dataDir: string): Promise<ModelRun> {
  const cpuStart = process.cpuUsage();
  const t0 = performance.now();
  const loaded = await load(dataDir);
  if (!loaded.ok) throw new Error(`${dataDir} illisible : ${loaded.errors.map((e) => e.message).join(' ; ')}`);
  const t1 = performance.now();
  const model = buildModel(loaded.data.snapshot);
  const t2 = performance.now();
  const site = publish(model);
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  (globalThis as { gc?: () => void }).gc?.();
  return {
    rows: Object.values(model.tables).reduce((sum, rows) => sum + rows.length, 0),
    loadSeconds: seconds(t1 - t0),
    modelSeconds: seconds(t2 - t1),
    publishSeconds: seconds(t3 - t2),
    seconds: seconds(t3 - t0),
    cpuSeconds: seconds((cpu.user + cpu.system) / 1000),
    // maxRSS is in kilobytes.
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    heapLiveMb: mb(process.memoryUsage().heapUsed),
    qualityChecks: site.model.quality.checks.length,
    charts: site.charts.length,
  };
}
