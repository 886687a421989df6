/**
 * `npm run data:check`: reads and validates the whole snapshot (every file typed and as in the manifest, no
 * impossible value, every cited publication known), then prints the data-quality report's summary. Exit code 1
 * only when the snapshot cannot be published; inconsistencies between publications are listed, not fatal.
 */
import { buildModel } from '../lib/model.ts';
import { SEVERITY_LABELS, type Severity } from '../lib/quality/quality-check.ts';
import { plural } from '../lib/text.ts';
import { withEffects, type Effects } from '../effects.ts';
import { loadGazetteer } from '../load/gazetteer.ts';
import { load } from '../load/load-folder.ts';
import { dataDir } from '../load/paths.ts';
import { pendingReview } from '../update/report-files.ts';
import { readFolder } from '../update/transaction.ts';

export async function checkData(args: string[] = [], effects: Partial<Effects> = {}): Promise<number> {
  const fx = withEffects(effects);
  const dir = dataDir(fx.env);
  // Read holding the folder's lock, an update interrupted after its commit point finished first: the build sees
  // a whole snapshot.
  return readFolder(dir, 'npm run data:check', fx, () => checkLocked(dir, args, fx));
}

async function checkLocked(dir: string, args: string[], fx: Effects): Promise<number> {
  const result = await load(dir, fx);
  if (!result.ok) {
    for (const error of result.errors) fx.log(error.message);
    fx.log(
      `Instantané ${dir}/ invalide : ${result.errors.length} ${plural(result.errors.length, 'erreur')}. Le site n’est pas construit.`,
    );
    return 1;
  }
  const { snapshot } = result.data;
  const rows = Object.values(snapshot.tables).reduce((n, t) => n + t.length, 0);
  fx.log(
    `Instantané du ${snapshot.manifest.snapshotDate} valide : ${Object.keys(snapshot.tables).length} tables, ${rows} lignes.`,
  );
  // With the gazetteer, as the build: the checks of the défis' towns are in the list /qualite/ shows.
  const report = buildModel({ ...snapshot, gazetteer: await loadGazetteer(fx) }).quality;
  const summary = (Object.keys(report.counts) as Severity[])
    .filter((s) => report.counts[s] > 0)
    .map((s) => `${SEVERITY_LABELS[s].toLowerCase()} : ${report.counts[s]}`)
    .join(', ');
  fx.log(`Qualité des données (${report.checks.length} vérifications) — ${summary}.`);
  const verbose = args.includes('--verbose') || args.includes('-v');
  for (const check of report.checks) {
    if (verbose || (check.severity !== 'conforme' && check.severity !== 'arrondi')) {
      fx.log(`  [${SEVERITY_LABELS[check.severity]}] ${check.title}`);
    }
  }
  if (!verbose) fx.log('  (arrondis et vérifications conformes : npm run data:check -- --verbose)');
  const pending = await pendingReview(dir, fx);
  if (pending) fx.log(`À relire avant de publier : ${pending.message}`);
  return 0;
}
