/**
 * Replacing snapshot files and the manifest so that an interruption at any instant leaves a valid snapshot.
 *
 * A table file and data/manifest.json cannot be renamed in one atomic step, so fetch writes a journal first:
 * every new file is staged beside the one it replaces (`.budget.csv.next`, flushed to disk), then the journal
 * (the new manifest and the list of staged files) is written atomically — that is the commit point — then the
 * staged files are renamed over the old ones, the manifest is written, and the journal removed. Whoever finds
 * a journal (the next fetch, or data:check before the build) finishes that work; staged files without a
 * journal are leftovers of an interrupted download and are thrown away. Before the commit point the old
 * snapshot is untouched; after it, the new one is certain to be completed.
 */
import { basename, dirname, join } from 'node:path';
import type { Manifest } from '../lib/manifest.ts';
import { tableNames, tables } from '../lib/tables.ts';
import type { Effects } from '../load/effects.ts';
import { manifestPathOf, snapshotDirOf, stableJson } from '../load/snapshot-io.ts';

type Fx = Pick<Effects, 'fs'>;

interface Journal {
  startedAt: string;
  manifest: Manifest;
  /** Snapshot files to replace, by name within the snapshot folder, with the staged copy's name. */
  files: { file: string; staged: string }[];
}

export const journalPathOf = (dir: string) => join(dir, '.fetch-journal.json');
export const stagedNameOf = (file: string) => `.${file}.next`;
const tempPathOf = (path: string) => join(dirname(path), `.${basename(path)}.tmp`);

/** Writes and flushes a file, so that a rename after it never exposes a half-written file after a crash. */
export async function writeDurably(path: string, data: Uint8Array | string, fx: Fx): Promise<void> {
  const handle = await fx.fs.open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces `path` in one step: readers see the old content or the new one, never a mix. */
export async function writeAtomically(path: string, data: Uint8Array | string, fx: Fx): Promise<void> {
  const temp = tempPathOf(path);
  await writeDurably(temp, data, fx);
  await fx.fs.rename(temp, path);
}

/** Writes the new version of a snapshot file beside the old one; nothing reads it until {@link commit}. */
export async function stage(dir: string, file: string, bytes: Uint8Array, fx: Fx): Promise<void> {
  await writeDurably(join(snapshotDirOf(dir), stagedNameOf(file)), bytes, fx);
}

export async function unstage(dir: string, file: string, fx: Fx): Promise<void> {
  await fx.fs.rm(join(snapshotDirOf(dir), stagedNameOf(file)), { force: true });
}

/** Puts the staged files and the new manifest in place, surviving an interruption at any point (see above). */
export async function commit(
  dir: string,
  manifest: Manifest,
  files: string[],
  startedAt: string,
  fx: Fx,
): Promise<void> {
  const journal: Journal = { startedAt, manifest, files: files.map((file) => ({ file, staged: stagedNameOf(file) })) };
  await writeAtomically(journalPathOf(dir), stableJson(journal), fx);
  await apply(dir, journal, fx);
}

async function apply(dir: string, journal: Journal, fx: Fx): Promise<void> {
  const snapshotDir = snapshotDirOf(dir);
  for (const { file, staged } of journal.files) {
    try {
      await fx.fs.rename(join(snapshotDir, staged), join(snapshotDir, file));
    } catch (error) {
      // Already renamed by the run that was interrupted.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  await writeAtomically(manifestPathOf(dir), stableJson(journal.manifest), fx);
  await fx.fs.rm(journalPathOf(dir), { force: true });
}

/**
 * Finishes an update interrupted after its commit point, if any. Returns the line to print, or null when there
 * was nothing to finish. Called by fetch and by data:check, so the build never sees a half-replaced snapshot.
 */
export async function completeInterruptedFetch(dir: string, fx: Fx): Promise<string | null> {
  let text: string;
  try {
    text = await fx.fs.readFile(journalPathOf(dir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let journal: Journal;
  try {
    journal = JSON.parse(text) as Journal;
  } catch {
    throw new Error(
      `${journalPathOf(dir)} illisible : la mise à jour interrompue ne peut pas être terminée ; supprimez ce fichier et les fichiers .*.next de ${snapshotDirOf(dir)}/, puis relancez « npm run fetch »`,
    );
  }
  await apply(dir, journal, fx);
  const names = journal.files.map((f) => f.file).join(', ') || 'aucun fichier';
  return `Mise à jour interrompue (lancée le ${journal.startedAt}) terminée : ${names} et ${manifestPathOf(dir)} mis en place.`;
}

/**
 * Removes what an interrupted download left behind: only the names fetch itself writes, and only when no
 * journal is pending (call {@link completeInterruptedFetch} first).
 */
export async function discardLeftovers(dir: string, unmappedDir: string, fx: Fx): Promise<void> {
  const snapshotDir = snapshotDirOf(dir);
  const paths = [
    ...tableNames.map((name) => join(snapshotDir, stagedNameOf(tables[name].file))),
    tempPathOf(manifestPathOf(dir)),
    tempPathOf(journalPathOf(dir)),
  ];
  let kept: string[] = [];
  try {
    kept = await fx.fs.readdir(unmappedDir);
  } catch {
    // No resource kept aside yet.
  }
  paths.push(
    ...kept.filter((name) => name.startsWith('.') && name.endsWith('.tmp')).map((name) => join(unmappedDir, name)),
  );
  for (const path of paths) await fx.fs.rm(path, { force: true });
}
