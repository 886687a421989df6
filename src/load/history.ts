/** Reading and appending the snapshot's history (data/history/<date>-<n>.json, see src/lib/history.ts). */
import { join } from 'node:path';
import {
  historyFileName,
  isHistoryFile,
  newestFirst,
  parseHistoryEntry,
  type HistoryEntry,
  type StoredHistoryEntry,
} from '../lib/history.ts';
import { withEffects, type Effects } from './effects.ts';
import { writeAtomically } from '../fetch/journal.ts';
import { historyDirOf, stableJson } from './paths.ts';

/** Every entry, newest first; a folder without history gives none. */
export async function readHistory(dir: string, effects: Partial<Effects> = {}): Promise<StoredHistoryEntry[]> {
  const { fs } = withEffects(effects);
  const folder = historyDirOf(dir);
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: StoredHistoryEntry[] = [];
  for (const name of names.filter(isHistoryFile)) {
    const path = join(folder, name);
    entries.push({ ...parseHistoryEntry(await fs.readFile(path, 'utf8'), path), id: name.replace(/\.json$/u, '') });
  }
  return newestFirst(entries);
}

/** Adds an entry, named after its day; returns the file written. */
export async function appendHistory(dir: string, entry: HistoryEntry, effects: Partial<Effects> = {}): Promise<string> {
  const { fs } = withEffects(effects);
  const folder = historyDirOf(dir);
  await fs.mkdir(folder, { recursive: true });
  const path = join(folder, historyFileName(entry.date, await fs.readdir(folder)));
  await writeAtomically(path, stableJson(entry), { fs });
  return path;
}
