/**
 * The scale benchmark of issue 5: the aggregates and the data-quality report (buildAggregates) fed `factor`
 * times the rows of the real snapshot. The rows are synthetic, made from the real ones (see syntheticTables),
 * so that the copies add work (more promotions, défis, survey results to count and check) instead of
 * overwriting each other. Their texts are written flat, as the CSV reader's are (a template literal's result is a
 * tree of its pieces, larger than the text: see flat).
 *
 * It runs in a child process of its own (see runScaleChild in bench.ts) so that its peak memory is its own.
 */
import { performance } from 'node:perf_hooks';
import { buildModel } from '../lib/model.ts';
import { tables, type SnapshotTables, type TableName } from '../lib/tables.ts';
import { readCheckedSnapshot } from '../load/snapshot-io.ts';
import { LIMITS } from '../lib/limits.ts';
import { flat } from '../lib/text.ts';

export interface ScaleResult {
  /** Copies of the snapshot's rows: one number for every table, or one per table (the `limits` workload). */
  factor: number | Record<TableName, number>;
  realRows: number;
  rows: number;
  /** Time of buildAggregates alone (synthetic rows already in memory), in seconds: wall clock, and CPU time of
   * the process (what the run costs whatever else the machine is doing). */
  seconds: number;
  cpuSeconds: number;
  /** Peak resident memory of the whole process (Node itself, the snapshot, the synthetic rows, the aggregates), in MB. */
  peakRssMb: number;
  /** JavaScript heap in use before and right after the aggregates, in MB, and what stays once the garbage is
   * collected (the rows and the aggregates themselves). */
  heapBeforeMb: number;
  heapAfterMb: number;
  heapLiveMb: number;
  /** Checks in the quality report of the synthetic data (work done, and a sign that it ran to the end). */
  qualityChecks: number;
}

type AnyRow = Record<string, unknown> & { _line: number };

/** Promotion of copy k: EIG n → EIG n+stride·k (still a promotion of the programme), anything else → « X k ». */
const eigNumber = (promotion: string) => /^EIG\s*(\d+)$/iu.exec(promotion.trim())?.[1];

function shiftPromotion(promotion: string, copy: number, stride: number): string {
  const n = eigNumber(promotion);
  return n ? flat`EIG ${Number(n) + stride * copy}` : flat`${promotion} ${copy}`;
}

/** The website's wording for a shifted promotion: « Promotion n » for EIG n, else the wording with the copy's number. */
function websiteWording(promotion: string, wording: string, copy: number): string {
  const n = eigNumber(promotion);
  return n ? flat`Promotion ${n}` : flat`${wording} ${copy}`;
}

/** Copies of each table: the same for all, or one per table. */
export type Factors = number | Readonly<Record<TableName, number>>;

/**
 * `factor` copies of every table's rows (or `factor[name]` of each). Each copy must be data the reader would accept, so every row keeps a
 * unique key and file line: the key's promotion is shifted (a new promotion per copy, as if the programme had
 * gone on, the website's wording beside it following), or, for a table keyed without promotion (survey results)
 * or a row without one (people with no promotion), the first other key column gets the copy's number.
 */
export function syntheticTables(real: SnapshotTables, factors: Factors): SnapshotTables {
  const out: Record<string, AnyRow[]> = {};
  // Each copy's promotions come after the last real one, so that no copy meets a real promotion.
  const stride = Math.max(
    0,
    ...Object.values(real).flatMap((rows: readonly AnyRow[]) =>
      rows.map((row) => Number(eigNumber(String(row.promotion ?? '')) ?? 0)),
    ),
  );
  for (const [name, rows] of Object.entries(real) as [TableName, AnyRow[]][]) {
    const factor = typeof factors === 'number' ? factors : factors[name];
    const key: readonly string[] = tables[name].key;
    const other = key.find((column) => column !== 'promotion')!;
    const copies: AnyRow[] = new Array(rows.length * factor);
    for (let k = 0; k < factor; k++) {
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        if (k === 0) {
          copies[i] = row;
          continue;
        }
        const copy: AnyRow = { ...row, _line: row._line + k * rows.length };
        if (key.includes('promotion') && typeof row.promotion === 'string') {
          const promotion = shiftPromotion(row.promotion, k, stride);
          copy.promotion = promotion;
          if (typeof row.promotion_source === 'string')
            copy.promotion_source = websiteWording(promotion, row.promotion_source, k);
        } else {
          copy[other] = flat`${String(row[other])} ${k}`;
        }
        copies[k * rows.length + i] = copy;
      }
    }
    out[name] = copies;
  }
  return out as unknown as SnapshotTables;
}

/**
 * The largest snapshot an update can publish, grown from the committed one: as many whole copies of each table
 * as its limits allow (rows and bytes per table, src/lib/limits.ts), fewer for all if the snapshot's byte limit
 * binds. The scale run's 250 000 rows are beyond what `npm run fetch` accepts; this is the most it can be asked
 * to build.
 */
export function limitFactors(
  tableSizes: Readonly<Record<TableName, { rows: number; bytes: number }>>,
): Record<TableName, number> {
  const names = Object.keys(tableSizes) as TableName[];
  const perTable = (name: TableName) => {
    const { rows, bytes } = tableSizes[name];
    return Math.max(1, Math.min(Math.floor(LIMITS.rowsPerTable / rows), Math.floor(LIMITS.bytesPerTable / bytes)));
  };
  const factors = Object.fromEntries(names.map((name) => [name, perTable(name)])) as Record<TableName, number>;
  const total = () => names.reduce((sum, name) => sum + factors[name] * tableSizes[name].bytes, 0);
  while (total() > LIMITS.bytesPerSnapshot && names.some((name) => factors[name] > 1)) {
    const largest = names.reduce((a, b) =>
      factors[a] * tableSizes[a].bytes >= factors[b] * tableSizes[b].bytes ? a : b,
    );
    factors[largest] -= 1;
  }
  return factors;
}

const countRows = (tables: SnapshotTables) =>
  Object.values(tables).reduce((sum, rows) => sum + (rows as unknown[]).length, 0);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** The model of `workload` times the rows of `dataDir`: a number of copies, or `limits` (see limitFactors). */
export async function runScale(workload: number | 'limits', dataDir = 'data'): Promise<ScaleResult> {
  // The snapshot only, as the model needs: not the history, whose schema library alone is 14 MB of memory.
  const loaded = await readCheckedSnapshot(dataDir);
  if (!loaded.ok) throw new Error(`instantané illisible : ${loaded.errors.map((e) => e.message).join(' ; ')}`);
  const { snapshot } = loaded;
  const real = snapshot.tables;
  const factor = workload === 'limits' ? limitFactors(snapshot.manifest.tables) : workload;
  const tables = syntheticTables(real, factor);
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const model = buildModel({ ...snapshot, tables });
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const heapAfter = process.memoryUsage().heapUsed;
  (globalThis as { gc?: () => void }).gc?.();
  const heapLive = process.memoryUsage().heapUsed;
  return {
    factor,
    realRows: countRows(real),
    rows: countRows(tables),
    seconds: Math.round(seconds * 1000) / 1000,
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
    // maxRSS is in kilobytes.
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    heapBeforeMb: mb(heapBefore),
    heapAfterMb: mb(heapAfter),
    heapLiveMb: mb(heapLive),
    qualityChecks: model.quality.checks.length,
  };
}
