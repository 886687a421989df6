/**
 * The update report on disk and on screen: made by `npm run data:diff OLD NEW` and after every `npm run fetch`
 * that changed the snapshot. It is written beside the new snapshot, as `<folder>/rapport-mise-a-jour.md`
 * (for people) and `<folder>/rapport-mise-a-jour.json` (for scripts) — data/rapport-mise-a-jour.* after a fetch
 * — and printed on stdout. Its « à vérifier » lines make `--strict` exit with code 4.
 */
import { join } from 'node:path';
import { charts } from '../charts/registry.ts';
import { reportMarkdown } from '../report/markdown.ts';
import { diffSnapshots, type UpdateReport } from '../report/report.ts';
import { historyEntry } from '../report/history.ts';
import type { Manifest } from '../lib/manifest.ts';
import { parseSnapshot, type Snapshot } from '../lib/snapshot.ts';
import { tableNames, type TableName } from '../lib/tables.ts';
import type { Effects } from '../load/effects.ts';
import type { FetchResult } from '../fetch/fetch-data.ts';
import { writeAtomically } from '../fetch/journal.ts';
import { appendHistory } from '../load/history.ts';
import { loadSnapshot, readManifest, readSnapshotFiles, snapshotDirOf, stableJson } from '../load/snapshot-io.ts';

/** `--strict` and something « à vérifier »: a scheduled job must not publish without a human reading the report. */
export const EXIT_FLAGGED = 4;

export const REPORT_NAME = 'rapport-mise-a-jour';

export function reportPathsOf(dir: string): { markdown: string; json: string } {
  return { markdown: join(dir, `${REPORT_NAME}.md`), json: join(dir, `${REPORT_NAME}.json`) };
}

/** A snapshot folder read for comparison; an unreadable one is one error line naming its first problem. */
export async function loadForDiff(dir: string, fx: Effects): Promise<Snapshot> {
  let result;
  try {
    result = await loadSnapshot(dir, fx);
  } catch (error) {
    throw new Error(`${dir} : pas un dossier de données lisible (${(error as Error).message})`, { cause: error });
  }
  if (!result.ok) throw new Error(unreadable(dir, result.errors));
  return result.snapshot;
}

function unreadable(dir: string, errors: readonly Error[]): string {
  const more =
    errors.length > 1
      ? ` (et ${errors.length - 1} autre${errors.length > 2 ? 's' : ''} erreur${errors.length > 2 ? 's' : ''})`
      : '';
  return `instantané ${dir} illisible : ${errors[0]?.message ?? 'erreur inconnue'}${more}`;
}

export function compareSnapshots(
  before: { snapshot: Snapshot; label: string },
  after: { snapshot: Snapshot; label: string },
  fx: Effects,
): UpdateReport {
  return diffSnapshots(before, after, charts, fx.now().toISOString());
}

/** Prints the report, writes it beside the new snapshot, and says where. */
export async function publishReport(report: UpdateReport, dir: string, fx: Effects): Promise<void> {
  const markdown = reportMarkdown(report);
  for (const line of markdown.trimEnd().split('\n')) fx.out(line);
  const paths = reportPathsOf(dir);
  await writeAtomically(paths.markdown, markdown, fx);
  await writeAtomically(paths.json, stableJson(report), fx);
  fx.out('');
  fx.out(`Rapport écrit dans ${paths.markdown} (et ${paths.json}).`);
}

/** The line that ends a report with something « à vérifier », null when there is none. */
export function flaggedMeaning(report: UpdateReport, strict: boolean): string | null {
  const n = report.flags.length;
  if (n === 0) return null;
  const what = `${n} point${n > 1 ? 's' : ''} « à vérifier »`;
  return strict
    ? `Code de sortie ${EXIT_FLAGGED} (--strict) : ${what} ; relisez le rapport avant de construire et de publier.`
    : `${what} : relisez le rapport avant de publier. Avec --strict, le code de sortie serait ${EXIT_FLAGGED}.`;
}

/**
 * After a fetch that changed the snapshot: the old snapshot is the previous manifest with the files each
 * updated table had before (fetch hands them back); the new one is on disk. Prints and writes the report, and
 * appends the update to the history. Returns null when there was nothing to compare.
 */
export async function reportFetch(result: FetchResult, dir: string, fx: Effects): Promise<UpdateReport | null> {
  if (!result.committed) return null;
  const current = await readSnapshotFiles(dir, fx);
  const previousFiles: Partial<Record<TableName, Uint8Array>> = { ...current };
  for (const table of result.tables) if (table.change) previousFiles[table.table] = table.change.before;
  const manifest = await readManifest(dir, fx);
  const before = parseSnapshot(previousFiles, result.previousManifest, `${snapshotDirOf(dir)} (avant la mise à jour)`);
  const after = parseSnapshot(current, manifest, snapshotDirOf(dir));
  const changed = result.tables.filter((t) => t.change).map((t) => t.table);
  let report: UpdateReport | null = null;
  if (!before.ok)
    fx.log(`Rapport de mise à jour impossible : ${unreadable(`${dir} (avant la mise à jour)`, before.errors)}.`);
  else if (!after.ok) fx.log(`Rapport de mise à jour impossible : ${unreadable(dir, after.errors)}.`);
  else {
    report = compareSnapshots(
      { snapshot: before.snapshot, label: 'avant la mise à jour' },
      { snapshot: after.snapshot, label: dir },
      fx,
    );
    fx.out('');
    await publishReport(report, dir, fx);
  }
  const path = await appendHistory(dir, fetchEntry(manifest, changed, report, fx), fx);
  fx.out(`Historique : ${path} ajouté.`);
  return report;
}

function fetchEntry(manifest: Manifest, changed: TableName[], report: UpdateReport | null, fx: Effects) {
  const updated =
    changed.length > 0
      ? `tables mises à jour : ${changed.join(', ')}`
      : 'aucun fichier remplacé, ressources et manifeste mis à jour';
  const kept = tableNames.filter((t) => manifest.tables[t]?.origin === 'publications');
  const note = [
    `Téléchargement depuis data.gouv.fr (npm run fetch) : ${updated}.`,
    kept.length > 0 ? `Tables toujours compilées à partir des publications : ${kept.join(', ')}.` : '',
    report ? '' : 'Le rapport de mise à jour n’a pas pu être établi.',
  ]
    .filter(Boolean)
    .join(' ');
  return historyEntry({ kind: 'fetch', date: fx.now().toISOString(), note, manifest, changed, report });
}
