/**
 * `npm run data:lock [-- DOSSIER]`: records in the folder's manifest.json (data/ by default) the fingerprint of
 * every snapshot file, after a deliberate edit by hand. Tables whose file did not change keep their entry
 * untouched; a changed table is marked as compiled from publications (it no longer is the file downloaded from
 * data.gouv.fr). A hand edit is an update like a fetch: it gets its entry in history/ (without the figures that
 * moved, which the old file, now overwritten, would be needed for: run `npm run data:diff` on a copy made
 * before editing for those). Every file must pass the reader, limits included, before anything is written.
 */
import { join } from 'node:path';
import { readTableOrThrow, type TableRead } from '../lib/csv/parse-table.ts';
import type { TableSpec } from '../lib/csv/schema.ts';
import { LIMITS, LIMITS_HINT, limitText } from '../lib/limits.ts';
import { snapshotDateOf, type Manifest, type TableLock } from '../lib/manifest.ts';
import { sha256 } from '../lib/snapshot.ts';
import { tableNames, tables, type TableName } from '../lib/tables.ts';
import { formatNumber } from '../lib/format.ts';
import { sources } from '../../data/sources.ts';
import { historyFileName } from '../lib/history.ts';
import { historyEntry } from '../report/history.ts';
import { withDataLock } from '../load/data-lock.ts';
import { withEffects, type Effects } from '../load/effects.ts';
import { historyDirOf } from '../load/history.ts';
import { commit, completeInterruptedFetch, discardLeftovers, stage, writeAtomically } from '../fetch/journal.ts';
import { dataDir, manifestPathOf, snapshotDirOf, stableJson } from '../load/snapshot-io.ts';

export const HAND_COMPILED_NOTE =
  'Compilé à la main à partir des publications du programme (rapport 2019, articles du blog, site du programme) : les fichiers CSV d’origine n’ont pas pu être téléchargés depuis data.gouv.fr. Chaque ligne cite sa publication dans la colonne « source ».';

export const USAGE = 'usage : npm run data:lock [-- DOSSIER] (data/ par défaut)';

export function parseLockArgs(args: string[], env: Record<string, string | undefined>): string {
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) throw new Error(`option inconnue « ${unknown} » (${USAGE})`);
  if (args.length > 1) throw new Error(`un seul dossier, ${args.length} donnés (${USAGE})`);
  return args[0] ?? dataDir(env);
}

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

export async function lockCommand(args: string[], effects: Partial<Effects> = {}): Promise<number> {
  const fx = withEffects(effects);
  await lockData(parseLockArgs(args, fx.env), fx);
  return 0;
}

export async function lockData(dir = dataDir(), effects: Partial<Effects> = {}): Promise<Manifest> {
  const fx = withEffects(effects);
  return withDataLock(dir, 'npm run data:lock', fx, () => lockLocked(dir, fx));
}

async function lockLocked(dir: string, fx: Effects): Promise<Manifest> {
  const recovered = await completeInterruptedFetch(dir, fx);
  if (recovered) fx.log(recovered);
  await discardLeftovers(dir, fx);
  let previous: Partial<Manifest> = {};
  try {
    previous = JSON.parse(await fx.fs.readFile(manifestPathOf(dir), 'utf8')) as Manifest;
  } catch {
    // No manifest yet: every table is new.
  }
  const now = fx.now().toISOString();
  const locks = {} as Manifest['tables'];
  const changed: TableName[] = [];
  let total = 0;
  for (const name of tableNames) {
    const spec = tables[name];
    const path = join(snapshotDirOf(dir), spec.file);
    const bytes = await fx.fs.readFile(path);
    total += bytes.byteLength;
    const read = readTableOrThrow(bytes, spec, path);
    const old = previous.tables?.[name];
    if (old && old.sha256 === sha256(bytes)) {
      locks[name] = old;
      continue;
    }
    locks[name] = handLockOf(spec, bytes, read as TableRead<TableSpec>, now, old);
    changed.push(name);
    fx.log(`${spec.file} : ${old ? 'empreinte mise à jour' : 'ajouté au manifeste'} (${read.rows.length} lignes)`);
  }
  if (total > LIMITS.bytesPerSnapshot) {
    throw new Error(
      `${snapshotDirOf(dir)} : les tables font ${formatNumber(total)} octets, au-delà de ${limitText(LIMITS.bytesPerSnapshot)} pour l’instantané (${LIMITS_HINT}) ; rien n’est verrouillé`,
    );
  }
  const manifest = manifestOf(previous, locks);
  if (changed.length === 0) {
    await writeAtomically(manifestPathOf(dir), stableJson(manifest), fx);
    return manifest;
  }
  // The manifest and its history entry go in together (../fetch/journal.ts): a hand edit is never recorded half.
  const files = changed.map((name) => tables[name].file).join(', ');
  const note = `Modification à la main de ${files}, enregistrée par npm run data:lock ; ces tables sont désormais comptées comme compilées à partir des publications.`;
  let existing: string[] = [];
  try {
    existing = await fx.fs.readdir(historyDirOf(dir));
  } catch {
    // No history yet.
  }
  const history = join('history', historyFileName(now, existing));
  const entry = historyEntry({ kind: 'lock', date: now, note, manifest, changed });
  await commit(dir, manifest, [await stage(dir, history, stableJson(entry), fx)], now, fx);
  fx.log(`Historique : ${join(dir, history)} ajouté.`);
  return manifest;
}
