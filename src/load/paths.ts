/** Where a data folder keeps its files (data/ by default, or EIG_DATA_DIR). */
import { join } from 'node:path';

export function dataDir(env: Record<string, string | undefined> = process.env): string {
  return env.EIG_DATA_DIR ?? 'data';
}

export const snapshotDirOf = (dir: string) => join(dir, 'snapshot');
export const manifestPathOf = (dir: string) => join(dir, 'manifest.json');
export const historyDirOf = (dir: string) => join(dir, 'history');
