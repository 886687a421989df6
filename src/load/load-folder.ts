/**
 * Everything the site and the commands read before they may publish: the checked snapshot and its history. The
 * history is read here, apart from the snapshot (snapshot-io.ts), so that what needs only the model (the scale
 * benchmark) loads neither the history nor its schema library.
 */
import type { DataFileError } from '../lib/csv/errors.ts';
import type { StoredHistoryEntry } from '../lib/history.ts';
import type { Snapshot, SnapshotFiles } from '../lib/snapshot.ts';
import type { Effects } from '../effects.ts';
import { readHistory } from './history-io.ts';
import { readCheckedSnapshot } from './snapshot-io.ts';

export type Loaded = {
  snapshot: Snapshot;
  /** The snapshot's history (data/history/), newest first. */
  history: StoredHistoryEntry[];
  /** Each table's file as committed, and the publications' file: the site offers them byte for byte. */
  files: SnapshotFiles;
};

export type LoadResult = { ok: true; data: Loaded } | { ok: false; errors: (DataFileError | Error)[] };

/**
 * The only way data enters the site and the commands: everything the build needs before it may publish, read
 * from `dir` through `effects`, or every problem found, one per line.
 */
export async function load(dir: string, effects: Partial<Pick<Effects, 'fs'>> = {}): Promise<LoadResult> {
  const checked = await readCheckedSnapshot(dir, effects);
  if (!checked.ok) return checked;
  let history: StoredHistoryEntry[];
  try {
    history = await readHistory(dir, effects);
  } catch (error) {
    return { ok: false, errors: [error as Error] };
  }
  return { ok: true, data: { snapshot: checked.snapshot, history, files: checked.files } };
}
