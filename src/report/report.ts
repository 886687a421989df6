/**
 * The update report: everything that changed between two snapshots, for a maintainer deciding whether to
 * publish. Pure: the caller reads the snapshots and hands over the charts (the registry) and the date.
 */
import type { Chart } from '../charts/types.ts';
import type { Gazetteer } from '../lib/geo/places.ts';
import { buildModel, type Model } from '../lib/model.ts';
import { promotionsOf, promotionWithYear } from '../lib/promotion-names.ts';
import type { Snapshot } from '../lib/snapshot.ts';
import { diffCharts, type ChartDiff } from './chart-changes.ts';
import { flagsOf, judgeMove, THRESHOLDS, type Flag, type Thresholds } from './flags.ts';
import { describeQualityChange, diffQuality, type QualityChange } from './quality-changes.ts';
import type { Acknowledgement, Unreviewed } from './review.ts';
import { diffResources, type ResourceChange } from './resource-changes.ts';
import { diffTables, type TableDiff } from './table-changes.ts';

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
  /**
   * Promotions the new snapshot names and the old one did not (« EIG 8 (2024) »), and the reverse: every page's
   * words follow them. Absent from reports written before it existed.
   */
  promotions?: { added: string[]; removed: string[] };
  tables: TableDiff[];
  resources: ResourceChange[];
  /** Data-quality checks the update breaks (also « à vérifier ») or fixes. */
  quality: QualityChange[];
  /** « À vérifier » points of earlier reports still unacknowledged when this one was made (./review.ts). */
  unreviewed: Unreviewed[];
  /** Set by `npm run data:ack` once a maintainer has read the « à vérifier » points. */
  acknowledged: Acknowledgement | null;
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
  /** The places the build uses (null in tests of other things): the report sees the model the site shows. */
  gazetteer: Gazetteer | null,
): UpdateReport {
  const tables = diffTables(before.snapshot, after.snapshot);
  const [old, now] = [contextOrError(before.snapshot, gazetteer), contextOrError(after.snapshot, gazetteer)];
  const chartDiffs = diffCharts(charts, old, now, (move) => judgeMove(move));
  const quality = diffQuality(old, now);
  const broken: Flag[] = quality
    .filter((q) => q.kind === 'cassee')
    .map((q) => ({ kind: 'qualite-cassee', message: `qualité des données : ${describeQualityChange(q)}` }));
  return {
    format: REPORT_FORMAT,
    generatedAt,
    before: { snapshotDate: before.snapshot.manifest.snapshotDate, label: before.label },
    after: { snapshotDate: after.snapshot.manifest.snapshotDate, label: after.label },
    thresholds: THRESHOLDS,
    flags: [...flagsOf(tables, chartDiffs), ...broken],
    charts: chartDiffs,
    promotions: diffPromotions(before.snapshot, after.snapshot),
    tables,
    resources: diffResources(before.snapshot.manifest, after.snapshot.manifest),
    quality,
    unreviewed: [],
    acknowledged: null,
  };
}

/** The promotions one snapshot names and the other does not, with their year where the data gives it. */
function diffPromotions(before: Snapshot, after: Snapshot): { added: string[]; removed: string[] } {
  const [old, now] = [promotionsOf(before.tables), promotionsOf(after.tables)];
  const missing = (from: typeof old, other: typeof old) =>
    from.filter((p) => !other.some((q) => q.name === p.name)).map((p) => promotionWithYear(p.name, from));
  return { added: missing(now, old), removed: missing(old, now) };
}

/** Aggregates that cannot be built make every chart an error, reported chart by chart. */
function contextOrError(snapshot: Snapshot, gazetteer: Gazetteer | null): Model | Error {
  try {
    return buildModel({ ...snapshot, gazetteer });
  } catch (error) {
    return new Error(`agrégats impossibles à calculer : ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Whether the report has anything to say at all. */
export function isEmpty(report: UpdateReport): boolean {
  return report.charts.length + report.tables.length + report.resources.length + report.quality.length === 0;
}
