/**
 * The update report: everything that changed between two snapshots, for a maintainer deciding whether to
 * publish. Pure: the caller reads the snapshots and hands over the charts (the registry) and the date.
 */
import type { Chart } from '../charts/types.ts';
import { buildModel, type Model } from '../lib/model.ts';
import type { Snapshot } from '../lib/snapshot.ts';
import { diffCharts, type ChartDiff } from './charts.ts';
import { flagsOf, judgeMove, THRESHOLDS, type Flag, type Thresholds } from './flags.ts';
import { diffResources, type ResourceChange } from './resources.ts';
import { diffTables, type TableDiff } from './tables.ts';

export const REPORT_FORMAT = 'eig-rapport-mise-a-jour/1';

export interface UpdateReport {
  format: typeof REPORT_FORMAT;
  generatedAt: string;
  before: { snapshotDate: string; label: string };
  after: { snapshotDate: string; label: string };
  thresholds: Thresholds;
  /** « À vérifier »: what `--strict` refuses. */
  flags: Flag[];
  charts: ChartDiff[];
  tables: TableDiff[];
  resources: ResourceChange[];
}

export interface DiffInput {
  snapshot: Snapshot;
  /** Where it comes from, as the report names it (a folder, « avant la mise à jour »…). */
  label: string;
}

export function diffSnapshots(
  before: DiffInput,
  after: DiffInput,
  charts: readonly Chart[],
  generatedAt: string,
): UpdateReport {
  const tables = diffTables(before.snapshot, after.snapshot);
  const chartDiffs = diffCharts(charts, contextOrError(before.snapshot), contextOrError(after.snapshot), (move) =>
    judgeMove(move),
  );
  return {
    format: REPORT_FORMAT,
    generatedAt,
    before: { snapshotDate: before.snapshot.manifest.snapshotDate, label: before.label },
    after: { snapshotDate: after.snapshot.manifest.snapshotDate, label: after.label },
    thresholds: THRESHOLDS,
    flags: flagsOf(tables, chartDiffs),
    charts: chartDiffs,
    tables,
    resources: diffResources(before.snapshot.manifest, after.snapshot.manifest),
  };
}

/** Aggregates that cannot be built make every chart an error, reported chart by chart. */
function contextOrError(snapshot: Snapshot): Model | Error {
  try {
    return buildModel(snapshot);
  } catch (error) {
    return new Error(`agrégats impossibles à calculer : ${error instanceof Error ? error.message : String(error)}`);
  }
}
