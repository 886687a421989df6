/**
 * `npm run data:check`: reads and validates the whole snapshot (every file typed and as in the manifest, no
 * impossible value, every cited publication known), then prints the data-quality report's summary and every
 * check that finds a disagreement. Exit code 1 only when the snapshot cannot be published; inconsistencies
 * between publications are listed, not fatal. `--build` (what `npm run build` runs first): one line, then only
 * what a maintainer must act on.
 */
import { buildModel } from '../lib/model.ts';
import { formatNumber } from '../lib/format.ts';
import { SEVERITY_LABELS, SEVERITY_ORDER } from '../lib/quality/quality-check.ts';
import { plural } from '../lib/text.ts';
import { withEffects, type Effects } from '../effects.ts';
import { loadGazetteer } from '../load/gazetteer.ts';
import { load } from '../load/load-folder.ts';
import { dataDir } from '../load/paths.ts';
import { pendingFlags } from '../report/review.ts';
import { routes } from '../routes.ts';
import { pendingReview, readReport, reportPathsOf, type PendingReview } from '../update/report-files.ts';
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
  // With the gazetteer, as the build: the checks of the défis' towns are in the list /qualite/ shows.
  const report = buildModel({ ...snapshot, gazetteer: await loadGazetteer(fx) }).quality;
  const rows = Object.values(snapshot.tables).reduce((n, t) => n + t.length, 0);
  const tables = Object.keys(snapshot.tables).length;
  const bySeverity = SEVERITY_ORDER.filter((s) => report.counts[s] > 0)
    .map((s) => `${SEVERITY_LABELS[s].toLowerCase()} : ${formatNumber(report.counts[s])}`)
    .join(', ');
  const pending = await pendingReview(dir, fx);
  if (args.includes('--build')) {
    fx.log(
      `Données : instantané du ${snapshot.manifest.snapshotDate} valide, ${tables} tables, ${formatNumber(rows)} lignes ; ${formatNumber(report.checks.length)} vérifications de qualité (${bySeverity}), détaillées par « npm run data:check » et sur la page ${routes.quality} du site.`,
    );
    if (pending) await actOn(dir, pending, fx);
    return 0;
  }
  fx.log(`Instantané du ${snapshot.manifest.snapshotDate} valide : ${tables} tables, ${rows} lignes.`);
  fx.log(`Qualité des données (${report.checks.length} vérifications) — ${bySeverity}.`);
  const verbose = args.includes('--verbose') || args.includes('-v');
  for (const check of report.checks) {
    if (verbose || (check.severity !== 'conforme' && check.severity !== 'arrondi')) {
      fx.log(`  [${SEVERITY_LABELS[check.severity]}] ${check.title}`);
    }
  }
  if (!verbose) fx.log('  (arrondis et vérifications conformes : npm run data:check -- --verbose)');
  if (pending) fx.log(`À relire avant de publier : ${pending.message}`);
  return 0;
}

/** « À vérifier » points listed by the build before « … et N autres ». */
const SHOWN_AT_BUILD = 10;

/**
 * What the build prints (`--build`) besides its one line: only what a maintainer must act on, the points of the
 * last update's report that no one has acknowledged yet, new since the snapshot before it. The publications'
 * known disagreements are on /qualite/ and in `npm run data:check`, not on every build.
 */
async function actOn(dir: string, pending: PendingReview, fx: Effects): Promise<void> {
  fx.log(`Nouveau depuis l’instantané précédent, à relire avant de publier : ${pending.message}`);
  const flags = pendingFlags((await readReport(dir, fx))!);
  for (const flag of flags.slice(0, SHOWN_AT_BUILD)) fx.log(`  [À vérifier] ${flag.message}`);
  if (flags.length > SHOWN_AT_BUILD)
    fx.log(`  … et ${formatNumber(flags.length - SHOWN_AT_BUILD)} autres, dans ${reportPathsOf(dir).markdown}`);
}
