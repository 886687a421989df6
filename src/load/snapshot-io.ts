/** Reading and writing the snapshot on disk (data/ by default, or EIG_DATA_DIR). */
import { join } from 'node:path';
import type { Manifest } from '../lib/manifest.ts';
import { parseSnapshot, type Snapshot, type SnapshotFiles, type SnapshotResult } from '../lib/snapshot.ts';
import { validateSnapshot } from '../lib/validate.ts';
import type { DataFileError } from '../lib/csv/errors.ts';
import { tableNames, tables, type TableName } from '../lib/tables.ts';
import { sources } from '../../data/sources.ts';
import { withEffects, type Effects } from '../effects.ts';
import { dataDir, manifestPathOf, snapshotDirOf } from './paths.ts';

export async function readManifest(dir: string, effects: Partial<Effects> = {}): Promise<Manifest> {
  const { fs } = withEffects(effects);
  const path = manifestPathOf(dir);
  const text = await fs.readFile(path, 'utf8');
  try {
    return JSON.parse(text) as Manifest;
  } catch (error) {
    throw new Error(`${path} : JSON illisible (${(error as Error).message})`, { cause: error });
  }
}

/** The snapshot's files as they are on disk: one per table, and the publications. */
export async function readSnapshotFiles(dir: string, effects: Partial<Effects> = {}): Promise<SnapshotFiles> {
  const { fs } = withEffects(effects);
  const files: SnapshotFiles = {};
  const paths: [TableName | 'publications', string][] = [
    ...tableNames.map((name): [TableName, string] => [name, join(snapshotDirOf(dir), tables[name].file)]),
    ['publications', join(dir, sources.publications.file)],
  ];
  for (const [name, path] of paths) {
    try {
      files[name] = await fs.readFile(path);
    } catch {
      // An absent file is reported by parseSnapshot with the table's name.
    }
  }
  return files;
}

/** Reads, types and checks the whole snapshot of `dir`. */
export async function loadSnapshot(dir = dataDir(), effects: Partial<Effects> = {}): Promise<SnapshotResult> {
  const manifest = await readManifest(dir, effects);
  const files = await readSnapshotFiles(dir, effects);
  return parseSnapshot(files, manifest, snapshotDirOf(dir));
}

export type CheckedSnapshot =
  { ok: true; snapshot: Snapshot; files: SnapshotFiles } | { ok: false; errors: (DataFileError | Error)[] };

/**
 * The snapshot of `dir`, everything the model needs: every file typed and as in the manifest, no impossible
 * value, every cited publication known; or every problem found, one per line.
 */
export async function readCheckedSnapshot(
  dir: string,
  effects: Partial<Pick<Effects, 'fs'>> = {},
): Promise<CheckedSnapshot> {
  let result: SnapshotResult;
  let files: SnapshotFiles;
  try {
    const manifest = await readManifest(dir, effects);
    files = await readSnapshotFiles(dir, effects);
    result = parseSnapshot(files, manifest, snapshotDirOf(dir));
  } catch (error) {
    return { ok: false, errors: [error as Error] };
  }
  if (!result.ok) return result;
  const { snapshot } = result;
  const errors = validateSnapshot(snapshot.tables, new Set(snapshot.publications.map((p) => p.id)), snapshotDirOf(dir));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, snapshot, files };
}
