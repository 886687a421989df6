/**
 * `npm run data:check`: reads and validates the whole snapshot (every file typed and as in the manifest, no
 * impossible value, every cited publication known), then prints the data-quality report's summary. Exit code 1
 * only when the snapshot cannot be published; inconsistencies between publications are listed, not fatal.
 */
import { buildModel } from '../lib/model.ts';
import { SEVERITY_LABELS, type Severity } from '../lib/quality/quality-check.ts';
import { plural } from '../lib/text.ts';
import { withDataLock } from '../load/data-lock.ts';
import { withEffects, type Effects } from '../load/effects.ts';
import { completeInterruptedFetch } from '../fetch/journal.ts';
import { loadGazetteer } from '../load/gazetteer.ts';
import { load } from '../load/load.ts';
import { dataDir } from '../load/snapshot-io.ts';
import { pendingReview } from '../load/report-io.ts';

export async function checkData(args: string[] = [], effects: Partial<Effects> = {}): Promise<number> {
  const fx = withEffects(effects);
  const dir = dataDir(fx.env);
  // Held while reading too: a snapshot read during another writer's commit could be half old, half new.
  return withDataLock(dir, 'npm run data:check', fx, () => checkLocked(dir, args, fx));
}

async function checkLocked(dir: string, args: string[], fx: Effects): Promise<number> {
  // A fetch interrupted after its commit point left a journal: finish it, so the build sees a whole snapshot.
  const recovered = await completeInterruptedFetch(dir, fx);
  if (recovered) fx.log(recovered);
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
  const report = buildModel({ ...snapshot, gazetteer: await loadGazetteer() }).quality;
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
