/**
 * `npm run data:lock`: records in data/manifest.json the fingerprint of every snapshot file, after a deliberate
 * edit by hand. Tables whose file did not change keep their entry untouched; a changed table is marked as
 * compiled from publications (it no longer is the file downloaded from data.gouv.fr), keeping the note that says how
 * when it already was. A hand edit is an update
 * like a fetch: it gets its entry in data/history/ (without the figures that moved, which the old file, now
 * overwritten, would be needed for: run `npm run data:diff` on a copy made before editing for those).
 */
import { join } from 'node:path';
import { readTableOrThrow } from '../lib/csv/parse-table.ts';
import { snapshotDateOf, type Manifest, type TableLock } from '../lib/manifest.ts';
import { sha256 } from '../lib/snapshot.ts';
import { tableNames, tables, type TableName } from '../lib/tables.ts';
import { sources } from '../../data/sources.ts';
import { historyEntry } from '../report/history.ts';
import { withEffects, type Effects } from '../load/effects.ts';
import { appendHistory } from '../load/history.ts';
import { dataDir, manifestPathOf, snapshotDirOf, stableJson } from '../load/snapshot-io.ts';

export const HAND_COMPILED_NOTE =
  'Compilé à la main à partir des publications du programme (rapport 2019, articles du blog, site du programme) : les fichiers CSV d’origine n’ont pas pu être téléchargés depuis data.gouv.fr. Chaque ligne cite sa publication dans la colonne « source ».';

export async function lockData(dir = dataDir(), effects: Partial<Effects> = {}): Promise<Manifest> {
  const fx = withEffects(effects);
  let previous: Partial<Manifest> = {};
  try {
    previous = JSON.parse(await fx.fs.readFile(manifestPathOf(dir), 'utf8')) as Manifest;
  } catch {
    // No manifest yet: every table is new.
  }
  const now = fx.now().toISOString();
  const locks = {} as Manifest['tables'];
  const changed: TableName[] = [];
  for (const name of tableNames) {
    const spec = tables[name];
    const path = join(snapshotDirOf(dir), spec.file);
    const bytes = await fx.fs.readFile(path);
    const read = readTableOrThrow(bytes, spec, path);
    const hash = sha256(bytes);
    const old = previous.tables?.[name];
    if (old && old.sha256 === hash) {
      locks[name] = old;
      continue;
    }
    const lock: TableLock = {
      file: spec.file,
      origin: 'publications',
      // A hand-compiled table edited again was compiled the same way: its note says how, and stays.
      originNote: old?.origin === 'publications' ? old.originNote : HAND_COMPILED_NOTE,
      resource: null,
      fetchedAt: null,
      updatedAt: now,
      rows: read.rows.length,
      bytes: bytes.byteLength,
      sha256: hash,
      columns: Object.values(read.headers).concat(read.extraColumns) as string[],
    };
    locks[name] = lock;
    changed.push(name);
    fx.log(`${spec.file} : ${old ? 'empreinte mise à jour' : 'ajouté au manifeste'} (${read.rows.length} lignes)`);
  }
  const manifest: Manifest = {
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
  await fx.fs.writeFile(manifestPathOf(dir), stableJson(manifest));
  if (changed.length > 0) {
    const filesOf = (names: TableName[]) => names.map((name) => tables[name].file).join(', ');
    const added = filesOf(changed.filter((name) => !previous.tables?.[name]));
    const edited = filesOf(changed.filter((name) => previous.tables?.[name]));
    const what =
      added && edited
        ? `Ajout à la main de ${added} et modification de ${edited}, enregistrés`
        : added
          ? `Ajout à la main de ${added}, enregistré`
          : `Modification à la main de ${edited}, enregistrée`;
    const note = `${what} par npm run data:lock ; ces tables sont désormais comptées comme compilées à partir des publications.`;
    fx.log(
      `Historique : ${await appendHistory(dir, historyEntry({ kind: 'lock', date: now, note, manifest, changed }), fx)} ajouté.`,
    );
  }
  return manifest;
}
