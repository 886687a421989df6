/** Reading the snapshot's history (data/history/<date>-<n>.json, see src/lib/history.ts). */
import { join } from 'node:path';
import { isHistoryFile, newestFirst, parseHistoryEntry, type StoredHistoryEntry } from '../lib/history.ts';
import { withEffects, type Effects } from '../effects.ts';
import { historyDirOf } from './paths.ts';

export { historyDirOf };

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
