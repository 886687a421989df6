/**
 * A snapshot is the set of table files under data/snapshot/ plus their manifest. Reading one is pure: the
 * caller hands over the bytes; this module types every table and checks the files against the manifest.
 */
import { createHash } from 'node:crypto';
import { sources } from '../../data/sources.ts';
import { DataFileError, LimitExceeded } from './csv/errors.ts';
import { parseTable, type TableRead } from './csv/parse-table.ts';
import { formatNumber } from './format.ts';
import { LIMITS, LIMITS_HINT, limitText } from './limits.ts';
import type { Manifest } from './manifest.ts';
import type { Publication } from './publications.ts';
import { tableNames, tables, type SnapshotTables, type TableName, type Tables } from './tables.ts';

export interface Snapshot {
  tables: SnapshotTables;
  manifest: Manifest;
  reads: { [T in TableName]: Omit<TableRead<Tables[T]>, 'rows'> };
  /** The publications rows cite (data/publications.csv, kept in this repository rather than fetched). */
  publications: Publication[];
}

/** The files of a snapshot: one per table, and the publications. */
export type SnapshotFiles = Partial<Record<TableName | 'publications', Uint8Array>>;

export type SnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; errors: DataFileError[] };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The data folder a snapshot folder belongs to (`x/snapshot` → `x`), for messages naming its manifest. */
function dataFolderOf(directory: string): string {
  return /^(.*)\/snapshot$/u.exec(directory)?.[1] ?? 'data';
}

/** The command that locks the folder `dir` (data/ needs no argument). */
export function lockCommandFor(dir: string): string {
  return dir === 'data' ? 'npm run data:lock' : `npm run data:lock -- ${dir}`;
}

/** Tables whose file is no longer the one fingerprinted in the manifest (edited by hand and not locked again). */
export function unlockedTables(files: Partial<Record<TableName, Uint8Array>>, manifest: Manifest): TableName[] {
  return tableNames.filter((name) => {
    const bytes = files[name];
    return bytes !== undefined && manifest.tables[name]?.sha256 !== sha256(bytes);
  });
}

/**
 * Types every table and checks each file's fingerprint against the manifest (unless `verifyLocks` is false:
 * data:diff compares folders edited by hand), and the snapshot's total size against the site's limit. All
 * problems are collected, so a maintainer sees every bad file at once rather than one per run.
 */
export function parseSnapshot(
  files: SnapshotFiles,
  manifest: Manifest,
  directory = 'data/snapshot',
  { verifyLocks = true }: { verifyLocks?: boolean } = {},
): SnapshotResult {
  const errors: DataFileError[] = [];
  const folder = dataFolderOf(directory);
  const total = Object.values(files).reduce((n, bytes) => n + (bytes?.byteLength ?? 0), 0);
  if (total > LIMITS.bytesPerSnapshot) {
    errors.push(
      new LimitExceeded(
        directory,
        `les tables font ${formatNumber(total)} octets, au-delà de ${limitText(LIMITS.bytesPerSnapshot)} pour l’instantané (${LIMITS_HINT})`,
      ),
    );
  }
  const parsed: Partial<Record<TableName, TableRead<Tables[TableName]>>> = {};
  for (const name of tableNames) {
    const spec = tables[name];
    const path = `${directory}/${spec.file}`;
    const bytes = files[name];
    if (!bytes) {
      errors.push(new DataFileError(path, `fichier absent (table « ${name} »)`));
      continue;
    }
    const lock = manifest.tables[name];
    if (!verifyLocks) {
      // Compared as they are: the caller says which files are not locked.
    } else if (!lock) {
      errors.push(new DataFileError(path, `table « ${name} » absente de ${folder}/manifest.json`));
    } else if (lock.sha256 !== sha256(bytes)) {
      errors.push(
        new DataFileError(
          path,
          `le fichier ne correspond plus à ${folder}/manifest.json (modifié à la main ?) ; si la modification est voulue, lancez « ${lockCommandFor(folder)} »`,
        ),
      );
    }
    const result = parseTable(bytes, spec, path);
    if (result.ok) parsed[name] = result;
    else errors.push(result.error);
  }
  let publications: Publication[] = [];
  const publicationsPath = `${folder}/${sources.publications.file}`;
  if (!files.publications) {
    errors.push(new DataFileError(publicationsPath, 'fichier absent (publications citées)'));
  } else {
    const result = parseTable(files.publications, sources.publications, publicationsPath);
    if (result.ok) publications = result.rows;
    else errors.push(result.error);
  }
  if (errors.length > 0) return { ok: false, errors };
  const tablesOut = {} as Record<TableName, unknown>;
  const reads = {} as Record<TableName, unknown>;
  for (const name of tableNames) {
    const { rows, ...read } = parsed[name]!;
    tablesOut[name] = rows;
    reads[name] = read;
  }
  return {
    ok: true,
    snapshot: { tables: tablesOut as SnapshotTables, manifest, reads: reads as Snapshot['reads'], publications },
  };
}
