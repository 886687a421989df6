/**
 * Replacing snapshot files, the manifest, and what records the update (its report and its history entry) so
 * that an interruption at any instant leaves either the old state or the new one, whole.
 *
 * Several files cannot be renamed in one atomic step, so an update writes a journal first: every new file is
 * staged beside the one it replaces (`snapshot/.budget.csv.next`, `.rapport-mise-a-jour.md.next`, flushed to
 * disk), then the journal (the new manifest and the list of staged files with their SHA-256) is written
 * atomically — that is the commit point — then the staged files are renamed over the old ones, the manifest
 * is written, and the journal removed. Whoever finds a journal (the next update, or data:check before the build)
 * finishes that work; staged files without a journal are leftovers of an interrupted download and are thrown
 * away. Before the commit point the old state is untouched; after it, the new one is certain to be completed,
 * report and history entry included: an update is never published without its review.
 *
 * All of this assumes one writer at a time: callers hold the folder's lock (./folder-lock.ts), through
 * ./transaction.ts.
 */
import { basename, dirname, join } from 'node:path';
import type { Manifest } from '../lib/manifest.ts';
import { inertJson } from '../lib/printable.ts';
import { sha256 } from '../lib/snapshot.ts';
import type { Effects } from '../effects.ts';
import { manifestPathOf } from '../load/paths.ts';

type Fx = Pick<Effects, 'fs'>;

/** A file the update puts in place: its path and its staged copy's, both relative to the data folder. */
export interface JournalEntry {
  path: string;
  staged: string;
  sha256: string;
}

interface Journal {
  startedAt: string;
  /** The new manifest; null for an update that leaves it as it is (data:ack, a report written alone). */
  manifest: Manifest | null;
  files: JournalEntry[];
}

export const journalPathOf = (dir: string) => join(dir, '.fetch-journal.json');
/** `snapshot/budget.csv` → `snapshot/.budget.csv.next` */
export const stagedPathOf = (path: string) => join(dirname(path), `.${basename(path)}.next`);
const tempPathOf = (path: string) => join(dirname(path), `.${basename(path)}.tmp`);

/**
 * Writes JSON so that the file only changes when its content does (stable key order, final newline), with no
 * raw control character in it (../lib/printable.ts): titles from data.gouv.fr are in the manifest and reports.
 */
export function stableJson(value: unknown): string {
  return inertJson(JSON.stringify(value, null, 2)) + '\n';
}

/** Writes and flushes a file, so that a rename after it never exposes a half-written file after a crash. */
export async function writeDurably(path: string, data: Uint8Array | string, fx: Fx): Promise<void> {
  await namingFile(path, async () => {
    const handle = await fx.fs.open(path, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}

/**
 * Runs a write of `path`, so that a system error without a file name (a full disk reports « ENOSPC: no space
 * left on device, write ») names this one (./write-failure.ts says it to the maintainer).
 */
export async function namingFile<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e && typeof e === 'object' && typeof e.code === 'string' && e.path === undefined) e.path = path;
    throw error;
  }
}

/** Replaces `path` in one step: readers see the old content or the new one, never a mix. */
export async function writeAtomically(path: string, data: Uint8Array | string, fx: Fx): Promise<void> {
  const temp = tempPathOf(path);
  await writeDurably(temp, data, fx);
  await fx.fs.rename(temp, path);
}

/**
 * Writes the new version of a file of the data folder (`path` relative to it) beside the old one; nothing reads
 * it until {@link commit}.
 */
export async function stage(dir: string, path: string, data: Uint8Array | string, fx: Fx): Promise<JournalEntry> {
  const staged = stagedPathOf(path);
  await fx.fs.mkdir(dirname(join(dir, staged)), { recursive: true });
  try {
    await writeDurably(join(dir, staged), data, fx);
  } catch (error) {
    // A disk full half-way leaves a partial copy: gone at once if it can be, else by the next update.
    await fx.fs.rm(join(dir, staged), { force: true }).catch(() => {});
    throw error;
  }
  return { path, staged, sha256: sha256(typeof data === 'string' ? Buffer.from(data) : data) };
}

/** Puts the staged files and the new manifest in place, surviving an interruption at any point (see above). */
export async function commit(
  dir: string,
  manifest: Manifest | null,
  files: JournalEntry[],
  startedAt: string,
  fx: Fx,
): Promise<void> {
  const journal: Journal = { startedAt, manifest, files };
  await writeAtomically(journalPathOf(dir), stableJson(journal), fx);
  await apply(dir, journal, fx);
}

async function apply(dir: string, journal: Journal, fx: Fx): Promise<void> {
  for (const entry of journal.files) {
    try {
      await fx.fs.rename(join(dir, entry.staged), join(dir, entry.path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // Renamed already by the run that was interrupted — unless something else removed the staged copy, in
      // which case the file in place is not the one this update verified, and must not be declared so.
      let current: Uint8Array | null = null;
      try {
        current = await fx.fs.readFile(join(dir, entry.path));
      } catch {
        // Absent: reported below.
      }
      if (current === null || sha256(current) !== entry.sha256) {
        throw new Error(
          `${join(dir, entry.path)} : la mise à jour en cours ne peut pas être terminée, sa copie préparée ${join(dir, entry.staged)} a disparu et le fichier en place n’est pas celui qu’elle a vérifié (une autre écriture dans ${dir} ?) ; revenez au dernier instantané committé (git checkout -- ${dir}), supprimez ${journalPathOf(dir)}, puis relancez « npm run fetch »`,
          { cause: error },
        );
      }
    }
  }
  if (journal.manifest) await writeAtomically(manifestPathOf(dir), stableJson(journal.manifest), fx);
  await fx.fs.rm(journalPathOf(dir), { force: true });
}

/**
 * Finishes an update interrupted after its commit point, if any. Returns the line to print, or null when there
 * was nothing to finish. Called when an update opens the folder (./transaction.ts) and by data:check, so the
 * build never sees a half-replaced snapshot.
 */
export async function completeInterruptedUpdate(dir: string, fx: Fx): Promise<string | null> {
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
    const complete = (f: Partial<JournalEntry>) =>
      typeof f.path === 'string' && typeof f.staged === 'string' && typeof f.sha256 === 'string';
    if (journal.manifest === undefined || !Array.isArray(journal.files) || !journal.files.every(complete))
      throw new Error('incomplet');
  } catch {
    throw new Error(
      `${journalPathOf(dir)} illisible : la mise à jour interrompue ne peut pas être terminée ; supprimez ce fichier et les fichiers .*.next de ${dir}/, puis relancez « npm run fetch »`,
    );
  }
  await apply(dir, journal, fx);
  const names = [...journal.files.map((f) => basename(f.path)), ...(journal.manifest ? [manifestPathOf(dir)] : [])];
  const placed = names.length > 1 ? `${names.slice(0, -1).join(', ')} et ${names.at(-1)}` : (names[0] ?? 'rien');
  return `Mise à jour interrompue (lancée le ${journal.startedAt}) terminée : ${placed} mis en place.`;
}

/** Folders of the data folder where an update stages or writes temporary files. */
const WORK_FOLDERS = ['.', 'snapshot', 'history', 'unmapped'];

/**
 * Removes what an interrupted update left behind: staged copies (`.*.next`) and temporary files (`.*.tmp`), in
 * the folders it writes, and only when no journal is pending (call {@link completeInterruptedUpdate} first).
 */
export async function discardLeftovers(dir: string, fx: Fx): Promise<void> {
  for (const folder of WORK_FOLDERS) {
    let names: string[] = [];
    try {
      names = await fx.fs.readdir(join(dir, folder));
    } catch {
      // Not created yet.
    }
    const leftovers = names.filter(
      // Another writer's lock being taken (./folder-lock.ts) is not this update's to remove.
      (n) => n.startsWith('.') && !n.startsWith('.ecriture-en-cours.') && (n.endsWith('.next') || n.endsWith('.tmp')),
    );
    for (const name of leftovers) await fx.fs.rm(join(dir, folder, name), { force: true });
  }
}
