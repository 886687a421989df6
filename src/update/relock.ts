/**
 * A deliberate edit by hand of a snapshot file, recorded (`npm run data:lock`): the manifest gets the fingerprint
 * of every file. Tables whose file did not change keep their entry untouched; a changed table is marked as
 * compiled from publications (it no longer is the file downloaded from data.gouv.fr). A hand edit is an update
 * like a fetch: it gets its entry in history/ (without the figures that moved, which the old file, now
 * overwritten, would be needed for: run `npm run data:diff` on a copy made before editing for those). Every file
 * must pass the reader, limits included, before anything is written.
 */
import { join } from 'node:path';
import { sources } from '../../data/sources.ts';
import type { Effects } from '../effects.ts';
import { readTableOrThrow, type TableRead } from '../lib/csv/parse-table.ts';
import type { TableSpec } from '../lib/csv/schema.ts';
import { formatNumber } from '../lib/format.ts';
import { LIMITS, LIMITS_HINT, limitText } from '../lib/limits.ts';
import { snapshotDateOf, type Manifest, type TableLock } from '../lib/manifest.ts';
import { sha256 } from '../lib/snapshot.ts';
import { tableNames, tables, type TableName } from '../lib/tables.ts';
import { manifestPathOf, snapshotDirOf } from '../load/paths.ts';
import { oversizedSnapshot, runUpdate, type Update } from './transaction.ts';

export const HAND_COMPILED_NOTE =
  'Compilé à la main à partir des publications du programme (rapport 2019, articles du blog, site du programme) : les fichiers CSV d’origine n’ont pas pu être téléchargés depuis data.gouv.fr. Chaque ligne cite sa publication dans la colonne « source ».';

/** The lock of a table whose file is `bytes`, as compiled by hand. */
export function handLockOf(
  spec: TableSpec,
  bytes: Uint8Array,
  read: TableRead<TableSpec>,
  now: string,
  old?: TableLock,
): TableLock {
  return {
    file: spec.file,
    origin: 'publications',
    // A hand-compiled table edited again was compiled the same way: its note says how, and stays.
    originNote: old?.origin === 'publications' ? old.originNote : HAND_COMPILED_NOTE,
    resource: null,
    fetchedAt: null,
    updatedAt: now,
    rows: read.rows.length,
    bytes: bytes.byteLength,
    sha256: sha256(bytes),
    columns: Object.values(read.headers).concat(read.extraColumns) as string[],
  };
}

/** A manifest for `locks`, keeping what `previous` says of the dataset and of unmapped resources. */
export function manifestOf(previous: Partial<Manifest>, locks: Manifest['tables']): Manifest {
  return {
    dataset: previous.dataset ?? {
      slug: sources.dataset,
      id: null,
      title: null,
      page: null,
      license: sources.licence.id,
      last_modified: null,
    },
    snapshotDate: snapshotDateOf(locks),
    tables: locks,
    unmapped: previous.unmapped ?? [],
  };
}

/** Locks the folder `dir` again after a hand edit, and returns its new manifest. */
export async function relockFolder(dir: string, fx: Effects): Promise<Manifest> {
  return runUpdate(dir, 'npm run data:lock', fx, relock);
}

async function relock(update: Update): Promise<Manifest> {
  const { dir, fx } = update;
  const previous = await previousManifest(dir, fx);
  const { locks, changed } = await lockTables(update, previous);
  const total = oversizedSnapshot(locks);
  if (total !== null) {
    throw new Error(
      `${snapshotDirOf(dir)} : les tables font ${formatNumber(total)} octets, au-delà de ${limitText(LIMITS.bytesPerSnapshot)} pour l’instantané (${LIMITS_HINT}) ; rien n’est verrouillé`,
    );
  }
  const manifest = manifestOf(previous, locks);
  // The manifest and its history entry go in together: a hand edit is never recorded half.
  const files = changed.map((name) => tables[name].file).join(', ');
  const record =
    changed.length === 0
      ? null
      : {
          kind: 'lock' as const,
          note: `Modification à la main de ${files}, enregistrée par npm run data:lock ; ces tables sont désormais comptées comme compilées à partir des publications.`,
          changed,
          report: null,
        };
  for (const line of await update.commit(manifest, record)) fx.log(line);
  return manifest;
}

async function previousManifest(dir: string, fx: Effects): Promise<Partial<Manifest>> {
  try {
    return JSON.parse(await fx.fs.readFile(manifestPathOf(dir), 'utf8')) as Manifest;
  } catch {
    // No manifest yet: every table is new.
    return {};
  }
}

/** Every table's lock, read from its file: the old one when the file did not change. */
async function lockTables(update: Update, previous: Partial<Manifest>) {
  const { dir, fx, startedAt } = update;
  const locks = {} as Manifest['tables'];
  const changed: TableName[] = [];
  for (const name of tableNames) {
    const spec = tables[name];
    const path = join(snapshotDirOf(dir), spec.file);
    const bytes = await fx.fs.readFile(path);
    const read = readTableOrThrow(bytes, spec, path);
    const old = previous.tables?.[name];
    if (old && old.sha256 === sha256(bytes)) {
      locks[name] = old;
      continue;
    }
    locks[name] = handLockOf(spec, bytes, read as TableRead<TableSpec>, startedAt, old);
    changed.push(name);
    fx.log(`${spec.file} : ${old ? 'empreinte mise à jour' : 'ajouté au manifeste'} (${read.rows.length} lignes)`);
  }
  return { locks, changed };
}
