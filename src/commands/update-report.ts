/**
 * The update report on disk and on screen: made by `npm run data:diff OLD NEW` and by every `npm run fetch`
 * that changed a table. It is written beside the new snapshot, as `<folder>/rapport-mise-a-jour.md` (for
 * people) and `<folder>/rapport-mise-a-jour.json` (for scripts), and printed on stdout. Its « à vérifier »
 * points make `--strict` exit with code 4 until a maintainer acknowledges them (`npm run data:ack`, see
 * ../report/review.ts). After a fetch, the report and the history entry are written with the new snapshot, in
 * the same transaction (../fetch/journal.ts): an update is never in place without them.
 */
import { join } from 'node:path';
import { charts } from '../charts/registry.ts';
import { reportMarkdown } from '../report/markdown.ts';
import { diffSnapshots, type UpdateReport } from '../report/report.ts';
import { carryOver } from '../report/review.ts';
import { historyFileName } from '../lib/history.ts';
import { historyEntry } from '../report/history.ts';
import type { Manifest } from '../lib/manifest.ts';
import { lockCommandFor, parseSnapshot, type Snapshot } from '../lib/snapshot.ts';
import { tableNames, type TableName } from '../lib/tables.ts';
import type { Effects } from '../load/effects.ts';
import type { PreparedUpdate, RecordedUpdate, UpdateRecorder } from '../fetch/fetch-data.ts';
import { writeAtomically } from '../fetch/journal.ts';
import { EXIT } from '../fetch/messages.ts';
import { loadGazetteer } from '../load/gazetteer.ts';
import { historyDirOf } from '../load/history.ts';
import { pendingReview, readReport, REPORT_NAME, reportPathsOf } from '../load/report-io.ts';
import { snapshotDirOf, stableJson } from '../load/snapshot-io.ts';

export { pendingReview, readReport, reportPathsOf };

/** `--strict` and something « à vérifier »: a scheduled job must not publish without a human reading the report. */
export const EXIT_FLAGGED = EXIT.flagged;

export async function compareSnapshots(
  before: { snapshot: Snapshot; label: string },
  after: { snapshot: Snapshot; label: string },
  fx: Effects,
): Promise<UpdateReport> {
  return diffSnapshots(before, after, charts, fx.now().toISOString(), await loadGazetteer());
}

/** The report's two files, carrying the points of the report it replaces that no one acknowledged. */
async function reportFiles(report: UpdateReport, dir: string, fx: Pick<Effects, 'fs'>) {
  const full = carryOver(report, await readReport(dir, fx));
  const markdown = reportMarkdown(full, dir);
  return { report: full, markdown, json: stableJson(full) };
}

/** Prints the report and how to acknowledge it. */
function reportLines(markdown: string, dir: string): string[] {
  const paths = reportPathsOf(dir);
  return ['', ...markdown.trimEnd().split('\n'), '', `Rapport écrit dans ${paths.markdown} (et ${paths.json}).`];
}

/** Writes the report beside the snapshot of `dir` (data:diff), prints it, and returns it as written. */
export async function publishReport(report: UpdateReport, dir: string, fx: Effects): Promise<UpdateReport> {
  const files = await reportFiles(report, dir, fx);
  const paths = reportPathsOf(dir);
  await writeAtomically(paths.json, files.json, fx);
  await writeAtomically(paths.markdown, files.markdown, fx);
  for (const line of reportLines(files.markdown, dir).slice(1)) fx.out(line);
  return files.report;
}

/**
 * What `npm run fetch` writes with an update, before its commit point: the report of old vs new (the old
 * snapshot is the previous manifest with the files on disk, the new one the manifest and files about to be put
 * in place) and the history entry.
 */
export const fetchRecorder: UpdateRecorder = {
  async prepare(update: PreparedUpdate, fx: Effects): Promise<RecordedUpdate> {
    const { dir } = update;
    const before = parseSnapshot(update.before, update.previousManifest, snapshotDirOf(dir));
    const after = parseSnapshot(update.after, update.manifest, snapshotDirOf(dir));
    // An update that cannot be reported cannot be reviewed: it is not put in place.
    const impossible = (what: string) =>
      new Error(
        `rapport de mise à jour impossible, rien n’est remplacé : ${what} ; corrigez ${dir} (npm run data:check le relit, ${lockCommandFor(dir)} après une modification voulue), puis relancez « npm run fetch »`,
      );
    if (!before.ok) throw impossible(unreadable(`${dir} (avant la mise à jour)`, before.errors));
    if (!after.ok) throw impossible(unreadable(dir, after.errors));
    const written = await reportFiles(
      await compareSnapshots(
        { snapshot: before.snapshot, label: 'avant la mise à jour' },
        { snapshot: after.snapshot, label: dir },
        fx,
      ),
      dir,
      fx,
    );
    const report = written.report;
    const files: RecordedUpdate['files'] = [
      { path: `${REPORT_NAME}.json`, data: written.json },
      { path: `${REPORT_NAME}.md`, data: written.markdown },
    ];
    const lines = reportLines(written.markdown, dir);
    let existing: string[] = [];
    try {
      existing = await fx.fs.readdir(historyDirOf(dir));
    } catch {
      // No history yet.
    }
    const name = historyFileName(update.date, existing);
    files.push({ path: join('history', name), data: stableJson(fetchEntry(update, report)) });
    lines.push(`Historique : ${join(historyDirOf(dir), name)} ajouté.`);
    return { files, lines };
  },
  pending: pendingReview,
};

export function unreadable(dir: string, errors: readonly Error[]): string {
  const more =
    errors.length > 1
      ? ` (et ${errors.length - 1} autre${errors.length > 2 ? 's' : ''} erreur${errors.length > 2 ? 's' : ''})`
      : '';
  return `instantané ${dir} illisible : ${errors[0]?.message ?? 'erreur inconnue'}${more}`;
}

function fetchEntry(update: PreparedUpdate, report: UpdateReport) {
  const manifest: Manifest = update.manifest;
  // A first download of the same bytes records where they come from, and replaces no file.
  const changed: TableName[] = update.changed.filter(
    (t) => update.previousManifest.tables[t]?.sha256 !== manifest.tables[t]?.sha256,
  );
  const kept = tableNames.filter((t) => manifest.tables[t]?.origin === 'publications');
  const updated =
    changed.length > 0
      ? `tables mises à jour : ${changed.join(', ')}`
      : `aucun fichier remplacé, provenance enregistrée pour ${update.changed.join(', ')}`;
  const note = [
    `Téléchargement depuis data.gouv.fr (npm run fetch) : ${updated}.`,
    kept.length > 0 ? `Tables toujours compilées à partir des publications : ${kept.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return historyEntry({ kind: 'fetch', date: update.date, note, manifest, changed, report });
}
