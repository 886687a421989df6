/**
 * `npm run data:diff -- OLD NEW [--strict]`: compares two data folders (each with snapshot/ and, normally,
 * manifest.json), prints the update report and writes it in NEW (see ./update-report.ts). Folders edited by
 * hand and not locked again are compared as they are, with a warning: comparing an edit before locking it is
 * what this command is for. Exit code 0 when the report is written, 4 with --strict while something is « à
 * vérifier » and not acknowledged, 1 when a folder cannot be read.
 */
import { join } from 'node:path';
import { parseTable, type TableRead } from '../lib/csv/parse-table.ts';
import type { TableSpec } from '../lib/csv/schema.ts';
import type { Manifest } from '../lib/manifest.ts';
import { lockCommandFor, parseSnapshot, unlockedTables, type Snapshot } from '../lib/snapshot.ts';
import { tableNames, tables } from '../lib/tables.ts';
import { withDataLock } from '../load/data-lock.ts';
import { withEffects, type Effects } from '../load/effects.ts';
import { manifestPathOf, readManifest, readSnapshotFiles, snapshotDirOf } from '../load/snapshot-io.ts';
import { handLockOf, manifestOf } from './lock.ts';
import { compareSnapshots, EXIT_FLAGGED, pendingReview, publishReport, unreadable } from './update-report.ts';
import { plural } from '../lib/text.ts';

export const USAGE =
  'usage : npm run data:diff -- ANCIEN NOUVEAU [--strict] (deux dossiers de données, chacun avec snapshot/ et manifest.json)';

export function parseDiffArgs(args: string[]): { before: string; after: string; strict: boolean } {
  const unknown = args.find((a) => a.startsWith('-') && a !== '--strict');
  if (unknown) throw new Error(`option inconnue « ${unknown} » (${USAGE})`);
  const folders = args.filter((a) => !a.startsWith('-'));
  if (folders.length !== 2)
    throw new Error(`il faut deux dossiers, ${folders.length} ${plural(folders.length, 'donné')} (${USAGE})`);
  return { before: folders[0]!, after: folders[1]!, strict: args.includes('--strict') };
}

export async function diffCommand(args: string[], effects: Partial<Effects> = {}): Promise<number> {
  const fx = withEffects(effects);
  const { before, after, strict } = parseDiffArgs(args);
  // NEW is written (its report): one writer at a time there.
  return withDataLock(after, 'npm run data:diff', fx, async () => {
    await publishReport(
      await compareSnapshots(
        { snapshot: await loadForDiff(before, fx), label: before },
        { snapshot: await loadForDiff(after, fx), label: after },
        fx,
      ),
      after,
      fx,
    );
    const pending = await pendingReview(after, fx);
    if (!pending) return 0;
    fx.out(
      strict
        ? `Code de sortie ${EXIT_FLAGGED} (--strict) : ne publiez pas encore. ${pending.message}`
        : `${pending.message} Avec --strict, le code de sortie serait ${EXIT_FLAGGED}.`,
    );
    return strict ? EXIT_FLAGGED : 0;
  });
}

/**
 * A data folder read for comparison, locked or not: files that no longer match the manifest, or a folder
 * without one, get a warning line and are compared as they are. Unreadable files stop it with one line.
 */
export async function loadForDiff(dir: string, fx: Effects): Promise<Snapshot> {
  const files = await readSnapshotFiles(dir, fx);
  if (Object.keys(files).length === 0)
    throw new Error(`${dir} : pas un dossier de données (aucune table dans ${snapshotDirOf(dir)}/)`);
  let manifest: Manifest;
  try {
    manifest = await readManifest(dir, fx);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    manifest = unlockedManifest(dir, files, fx);
    fx.log(
      `${dir} : pas de manifest.json, dossier jamais verrouillé ; comparé tel quel (sans provenance ni date d’instantané : celle du jour est prise). Pour le verrouiller : ${lockCommandFor(dir)}.`,
    );
  }
  const unlocked = unlockedTables(files, manifest);
  if (unlocked.length > 0) {
    fx.log(
      `${dir} : non verrouillé, ${unlocked.map((t) => tables[t].file).join(', ')} ne ${plural(unlocked.length, 'correspond', 'correspondent')} plus à ${manifestPathOf(dir)} (${plural(unlocked.length, 'modifié')} à la main ?) ; comparé tel quel. Pour le verrouiller : ${lockCommandFor(dir)}.`,
    );
  }
  const result = parseSnapshot(files, manifest, snapshotDirOf(dir), { verifyLocks: false });
  if (!result.ok) throw new Error(unreadable(dir, result.errors));
  return result.snapshot;
}

/** What data:lock would write for a folder that has no manifest, kept in memory. */
function unlockedManifest(dir: string, files: Partial<Record<string, Uint8Array>>, fx: Effects): Manifest {
  const now = fx.now().toISOString();
  const locks = {} as Manifest['tables'];
  for (const name of tableNames) {
    const bytes = files[name];
    const spec = tables[name] as TableSpec;
    if (!bytes) continue;
    const read = parseTable(bytes, spec, join(snapshotDirOf(dir), spec.file));
    // An unreadable file is reported by parseSnapshot, with its line and column.
    if (read.ok) locks[name] = handLockOf(spec, bytes, read as TableRead<TableSpec>, now);
  }
  return manifestOf({}, locks);
}
