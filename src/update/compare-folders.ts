/**
 * Two data folders compared (`npm run data:diff`): the update report of OLD against NEW, printed and written in
 * NEW (./report-files.ts). Folders edited by hand and not locked again are compared as they are, with a
 * warning: comparing an edit before locking it is what this is for.
 */
import { join } from 'node:path';
import type { Effects } from '../effects.ts';
import { parseTable, type TableRead } from '../lib/csv/parse-table.ts';
import type { TableSpec } from '../lib/csv/schema.ts';
import type { Manifest } from '../lib/manifest.ts';
import { lockCommandFor, parseSnapshot, unlockedTables, type Snapshot } from '../lib/snapshot.ts';
import { tableNames, tables } from '../lib/tables.ts';
import { plural } from '../lib/text.ts';
import { manifestPathOf, snapshotDirOf } from '../load/paths.ts';
import { readManifest, readSnapshotFiles } from '../load/snapshot-io.ts';
import { EXIT } from './exit-codes.ts';
import { handLockOf, manifestOf } from './relock.ts';
import type { UpdateReport } from '../report/report.ts';
import { compareSnapshots, pendingReview, REPORT_NAME, reportFiles, reportLines, unreadable } from './report-files.ts';
import { runUpdate, type Update } from './transaction.ts';

/**
 * Writes in `after` its report against `before`, and returns the exit code: {@link EXIT.flagged} with `strict`
 * while something is « à vérifier » and not acknowledged, 0 otherwise.
 */
export async function compareFolders(before: string, after: string, strict: boolean, fx: Effects): Promise<number> {
  // NEW is written (its report): one writer at a time there.
  return runUpdate(after, 'npm run data:diff', fx, async (update) => {
    await publishReport(
      await compareSnapshots(
        { snapshot: await loadForDiff(before, fx), label: before },
        { snapshot: await loadForDiff(after, fx), label: after },
        fx,
      ),
      update,
    );
    const pending = await pendingReview(after, fx);
    if (!pending) return EXIT.ok;
    fx.out(
      strict
        ? `Code de sortie ${EXIT.flagged} (--strict) : ne publiez pas encore. ${pending.message}`
        : `${pending.message} Avec --strict, le code de sortie serait ${EXIT.flagged}.`,
    );
    return strict ? EXIT.flagged : EXIT.ok;
  });
}

/**
 * Writes the report beside the snapshot of the folder `update` opened (data:diff), its two files in one
 * transaction, prints it, and returns it as written.
 */
async function publishReport(report: UpdateReport, update: Update): Promise<UpdateReport> {
  const { dir, fx } = update;
  const files = await reportFiles(report, dir, fx);
  await update.stageFile(`${REPORT_NAME}.json`, files.json);
  await update.stageFile(`${REPORT_NAME}.md`, files.markdown);
  await update.commit(null, null);
  for (const line of reportLines(files.markdown, dir).slice(1)) fx.out(line);
  return files.report;
}

/**
 * A data folder read for comparison, locked or not: files that no longer match the manifest, or a folder
 * without one, get a warning line and are compared as they are. Unreadable files stop it with one line.
 */
async function loadForDiff(dir: string, fx: Effects): Promise<Snapshot> {
  const files = await readSnapshotFiles(dir, fx);
  if (Object.keys(files).length === 0)
    throw new Error(`${dir} : pas un dossier de données (aucune table dans ${snapshotDirOf(dir)}/)`);
  const manifest = await manifestForDiff(dir, files, fx);
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

/** The folder's manifest, or, for a folder never locked, what data:lock would write, kept in memory. */
async function manifestForDiff(dir: string, files: Partial<Record<string, Uint8Array>>, fx: Effects) {
  try {
    return await readManifest(dir, fx);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fx.log(
    `${dir} : pas de manifest.json, dossier jamais verrouillé ; comparé tel quel (sans provenance ni date d’instantané : celle du jour est prise). Pour le verrouiller : ${lockCommandFor(dir)}.`,
  );
  return unlockedManifest(dir, files, fx);
}

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
