/**
 * What records an update, staged with it so that it is put in place in the same transaction (./journal.ts): the
 * update report, old snapshot against new (./report-files.ts), and the entry of the snapshot's history
 * (./history-entry.ts). An update that cannot be reported cannot be reviewed: it is not put in place.
 */
import { join } from 'node:path';
import type { Effects } from '../effects.ts';
import type { HistoryKind } from '../lib/history.ts';
import type { Manifest } from '../lib/manifest.ts';
import { lockCommandFor, parseSnapshot } from '../lib/snapshot.ts';
import type { TableName } from '../lib/tables.ts';
import { snapshotDirOf } from '../load/paths.ts';
import { readSnapshotFiles } from '../load/snapshot-io.ts';
import type { UpdateReport } from '../report/report.ts';
import { historyEntry, newHistoryPath } from './history-entry.ts';
import { stableJson } from './journal.ts';
import { compareSnapshots, REPORT_NAME, reportFiles, reportLines, unreadable } from './report-files.ts';

export interface UpdateRecord {
  kind: HistoryKind;
  /** The history entry's sentences: what was done, and how honest the figures are. */
  note: string;
  /** Tables whose file the update changed, marked so in the history entry. */
  changed: readonly TableName[];
  /**
   * For an update reported, old snapshot against new: the manifest before it, and the command to run again once
   * the folder is mended if a snapshot cannot be read. Null for a hand edit, whose old files are gone.
   */
  report: { previous: Manifest; command: string } | null;
}

/** The update being committed: its folder, date, new manifest and the new files of its tables. */
export interface Recorded {
  dir: string;
  date: string;
  manifest: Manifest;
  tables: Partial<Record<TableName, Uint8Array>>;
}

export interface RecordFiles {
  /** Files written with the update (paths relative to the data folder): the report, the history entry. */
  files: { path: string; data: Uint8Array | string }[];
  /** Printed once the update is in place. */
  lines: string[];
}

export async function recordFiles(record: UpdateRecord, update: Recorded, fx: Effects): Promise<RecordFiles> {
  const files: RecordFiles['files'] = [];
  const lines: string[] = [];
  let report: UpdateReport | null = null;
  if (record.report) {
    const written = await reportOf(record.report, update, fx);
    report = written.report;
    files.push(
      { path: `${REPORT_NAME}.json`, data: written.json },
      { path: `${REPORT_NAME}.md`, data: written.markdown },
    );
    lines.push(...reportLines(written.markdown, update.dir));
  }
  const { kind, note, changed } = record;
  const entry = historyEntry({ kind, date: update.date, note, manifest: update.manifest, changed, report });
  const path = await newHistoryPath(update.dir, update.date, fx);
  files.push({ path, data: stableJson(entry) });
  lines.push(`Historique : ${join(update.dir, path)} ajouté.`);
  return { files, lines };
}

/** The report of the snapshot on disk (before) against the one about to be put in place (after). */
async function reportOf(against: NonNullable<UpdateRecord['report']>, update: Recorded, fx: Effects) {
  const { dir } = update;
  const before = await readSnapshotFiles(dir, fx);
  const old = parseSnapshot(before, against.previous, snapshotDirOf(dir));
  const fresh = parseSnapshot({ ...before, ...update.tables }, update.manifest, snapshotDirOf(dir));
  const impossible = (what: string) =>
    new Error(
      `rapport de mise à jour impossible, rien n’est remplacé : ${what} ; corrigez ${dir} (npm run data:check le relit, ${lockCommandFor(dir)} après une modification voulue), puis relancez « ${against.command} »`,
    );
  if (!old.ok) throw impossible(unreadable(`${dir} (avant la mise à jour)`, old.errors));
  if (!fresh.ok) throw impossible(unreadable(dir, fresh.errors));
  const report = await compareSnapshots(
    { snapshot: old.snapshot, label: 'avant la mise à jour' },
    { snapshot: fresh.snapshot, label: dir },
    fx,
  );
  return reportFiles(report, dir, fx);
}
