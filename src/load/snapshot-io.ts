/** Reading and writing the snapshot on disk (data/ by default, or EIG_DATA_DIR). */
import { join } from 'node:path';
import { readTableOrThrow } from '../lib/csv/parse-table.ts';
import type { Manifest } from '../lib/manifest.ts';
import { parseSnapshot, type Snapshot, type SnapshotResult } from '../lib/snapshot.ts';
import { validateSnapshot } from '../lib/validate.ts';
import type { DataFileError } from '../lib/csv/errors.ts';
import { tableNames, tables, type TableName } from '../lib/tables.ts';
import { sources } from '../../data/sources.ts';
import { withEffects, type Effects } from './effects.ts';

export function dataDir(env: Record<string, string | undefined> = process.env): string {
  return env.EIG_DATA_DIR ?? 'data';
}

export const snapshotDirOf = (dir: string) => join(dir, 'snapshot');
export const manifestPathOf = (dir: string) => join(dir, 'manifest.json');

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

export async function readSnapshotFiles(dir: string, effects: Partial<Effects> = {}) {
  const { fs } = withEffects(effects);
  const files: Partial<Record<TableName, Uint8Array>> = {};
  for (const name of tableNames) {
    try {
      files[name] = await fs.readFile(join(snapshotDirOf(dir), tables[name].file));
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

export async function loadPublications(dir = dataDir(), effects: Partial<Effects> = {}) {
  const { fs } = withEffects(effects);
  const path = join(dir, sources.publications.file);
  return readTableOrThrow(await fs.readFile(path), sources.publications, path).rows;
}

/** Writes JSON so that the file only changes when its content does (stable key order, final newline). */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

export type Publication = ReturnType<typeof readTableOrThrow<typeof sources.publications>>['rows'][number];

export type ValidatedSnapshot =
  { ok: true; snapshot: Snapshot; publications: Publication[] } | { ok: false; errors: (DataFileError | Error)[] };

/**
 * Everything the build needs before it may publish: every file typed and as in the manifest, no impossible
 * value, every cited publication known.
 */
export async function loadValidatedSnapshot(
  dir = dataDir(),
  effects: Partial<Effects> = {},
): Promise<ValidatedSnapshot> {
  let publications: Publication[];
  let result: SnapshotResult;
  try {
    result = await loadSnapshot(dir, effects);
    publications = await loadPublications(dir, effects);
  } catch (error) {
    return { ok: false, errors: [error as Error] };
  }
  if (!result.ok) return result;
  const errors = validateSnapshot(result.snapshot.tables, new Set(publications.map((p) => p.id)), snapshotDirOf(dir));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, snapshot: result.snapshot, publications };
}
