/** What a run of `npm run fetch` did, table by table and resource by resource, and its one-line summary. */
import type { Manifest, ResourceRecord, TableLock } from '../lib/manifest.ts';
import type { TableName } from '../lib/tables.ts';
import type { PendingReview } from '../update/report-files.ts';
import { formatNumber } from '../lib/format.ts';
import { formatBytes } from './messages.ts';

/**
 * - `updated`: new bytes verified and put in place;
 * - `unchanged`: the resource is the one recorded (nothing downloaded), or its download has the same bytes;
 * - `failed`: download or verification failed, or the mapping is ambiguous: the file is kept as it was;
 * - `disappeared`: the resource recorded at the last fetch is no longer in the dataset: the file is kept;
 * - `absent`: no resource of the dataset maps to the table, and none ever did (the file is compiled by hand).
 */
export type TableStatus = 'updated' | 'unchanged' | 'failed' | 'disappeared' | 'absent';

export interface TableOutcome {
  table: TableName;
  status: TableStatus;
  /** The line printed for the table. */
  message: string;
  /** The resource the table maps to, when one does. */
  resource: ResourceRecord | null;
  downloadedBytes: number;
  /** Columns of the downloaded file that the table does not declare (accepted, not read). */
  extraColumns: string[];
  /** For an updated table: the file replaced and both versions, for a report of what changed. */
  change?: { path: string; before: Uint8Array; after: Uint8Array; previous: TableLock | null; lock: TableLock };
}

export interface UnmappedOutcome {
  resource: ResourceRecord;
  /** Where its file is kept for inspection, or null when it could not be downloaded. */
  keptAs: string | null;
  downloadedBytes: number;
  message: string;
}

export interface FetchResult {
  /** `unreachable`: nothing answered at all; `dataset-failed`: the dataset could not be listed. */
  outcome: 'done' | 'unreachable' | 'dataset-failed';
  exitCode: number;
  /** The exit code with --strict (the same as `exitCode` when given). */
  strictExitCode: number;
  tables: TableOutcome[];
  unmapped: UnmappedOutcome[];
  downloadedBytes: number;
  /** Whether data/manifest.json (and the files with it) was written. */
  committed: boolean;
  snapshotDate: string;
  /** The manifest as it was before this fetch: with each updated table's `change.before`, the old snapshot. */
  previousManifest: Manifest;
  /** The folder's report still awaiting review after this run (this run's or an earlier one's). */
  pending: PendingReview | null;
}

/** A table that could not be brought up to date: what --strict turns into exit code 2. */
export const isProblem = (outcome: TableOutcome) => outcome.status === 'failed' || outcome.status === 'disappeared';

/** « Bilan : 1 table mise à jour (budget), 9 inchangées, … ; aucune ressource non reconnue ; 2,1 ko téléchargés. » */
export function summary(result: FetchResult): string {
  const named = (status: TableStatus) => result.tables.filter((t) => t.status === status).map((t) => t.table);
  const count = (status: TableStatus, singular: string, plural: string) => {
    const names = named(status);
    const list = names.length > 0 && status !== 'unchanged' ? ` (${names.join(', ')})` : '';
    return `${names.length} ${names.length > 1 ? plural : singular}${list}`;
  };
  const kept = result.unmapped.filter((u) => u.keptAs !== null).length;
  const n = result.unmapped.length;
  const s = n > 1 ? 's' : '';
  const keptText = kept > 0 ? `${kept} gardée${kept > 1 ? 's' : ''} pour inspection` : `pas téléchargée${s}`;
  const unmapped =
    n === 0
      ? 'aucune ressource non reconnue'
      : `${formatNumber(n)} ressource${s} non reconnue${s} (notée${s} dans le manifeste, ${keptText})`;
  return `Bilan : ${[
    count('updated', 'table mise à jour', 'tables mises à jour'),
    count('unchanged', 'inchangée', 'inchangées'),
    count('failed', 'en échec', 'en échec'),
    count('disappeared', 'ressource disparue', 'ressources disparues'),
    count('absent', 'sans ressource sur data.gouv.fr', 'sans ressource sur data.gouv.fr'),
  ].join(
    ', ',
  )} ; ${unmapped} ; ${formatBytes(result.downloadedBytes)} téléchargé${result.downloadedBytes > 1 ? 's' : ''}.`;
}
