/**
 * `npm run fetch`: brings the snapshot up to date with the data.gouv.fr dataset, table by table, without ever
 * replacing a good file by a bad one. Within the data folder's transaction (../update/transaction.ts): lists the
 * resources, maps them to tables, skips those unchanged since the manifest, downloads and verifies the others
 * (within the site's limits and the deadlines; ./fetch-table.ts), keeps unknown resources aside (./unmapped.ts),
 * then puts the new files, the new manifest and what records the update (report, history entry) in place at
 * once. Returns what happened to each table.
 */
import { sources } from '../../data/sources.ts';
import { withEffects, type Effects } from '../effects.ts';
import { LIMITS, LIMITS_HINT, limitText } from '../lib/limits.ts';
import { snapshotDateOf, type Manifest, type TableLock } from '../lib/manifest.ts';
import { tableNames, tables, type TableName } from '../lib/tables.ts';
import type { TableSpec } from '../lib/csv/schema.ts';
import { formatNumber } from '../lib/format.ts';
import { capitalise } from '../lib/text.ts';
import { LISTED } from '../report/markdown.ts';
import { dataDir, manifestPathOf } from '../load/paths.ts';
import { EXIT } from '../update/exit-codes.ts';
import { stableJson } from '../update/journal.ts';
import type { UpdateRecord } from '../update/record.ts';
import { pendingReview } from '../update/report-files.ts';
import { oversizedSnapshot, runUpdate, tablesBytes, updateCap } from '../update/transaction.ts';
import { retryLogger, startRun, type FetchOptions, type FetchRun } from './fetch-run.ts';
import { fetchTable } from './fetch-table.ts';
import { httpGet, type HttpFailure } from './http.ts';
import { mapResources, type Mapping } from './mapping.ts';
import {
  exitMeaning,
  explainHttp,
  formatBytes,
  formatSeconds,
  TOO_LARGE_ADVICE,
  type Explanation,
} from './messages.ts';
import { isProblem, summary, type FetchResult, type TableOutcome, type UnmappedOutcome } from './outcomes.ts';
import { datasetUrl, readDataset, recordOf, type UdataDataset } from './udata.ts';
import { askedToKeep, keepAside } from './unmapped.ts';

/** The dataset's JSON lists a handful of resources: a few kilobytes. */
const DATASET_MAX_BYTES = 5_000_000;

const LATER = 'relancez « npm run fetch » plus tard';

export async function fetchData(options: FetchOptions = {}, effects: Partial<Effects> = {}): Promise<FetchResult> {
  const fx = withEffects(effects);
  const dir = options.dir ?? dataDir(fx.env);
  return runUpdate(dir, 'npm run fetch', fx, async (update) => fetchInto(await startRun(update, options)));
}

async function fetchInto(run: FetchRun): Promise<FetchResult> {
  const listed = await listDataset(run);
  if (!listed.ok) return listed.result;
  const { dataset } = listed;
  const mapping = mapTables(dataset, run.manifest);
  const fetched = await fetchTables(mapping, dataset, run);
  const unmapped = await keepUnmapped(mapping, fetched, run);
  const runOver = fetched.runOver || unmapped.runOver;
  await refuseBeyondLimits(fetched, runOver, run);
  const next: Manifest = {
    dataset: datasetRecord(dataset),
    snapshotDate: snapshotDateOf(fetched.locks),
    tables: fetched.locks,
    unmapped: runOver ? (run.manifest.unmapped ?? []) : mapping.unmapped.map(recordOf),
  };
  const committed = await commitFetch(next, run);
  const downloadedBytes = [...fetched.outcomes, ...unmapped.outcomes].reduce((n, t) => n + t.downloadedBytes, 0);
  const result = await resultOf(run, 'done', {
    tables: fetched.outcomes,
    unmapped: unmapped.outcomes,
    downloadedBytes,
    committed: committed !== null,
    snapshotDate: committed !== null ? next.snapshotDate : run.manifest.snapshotDate,
  });
  const { fx } = run.update;
  fx.out(summary(result));
  for (const line of committed ?? []) fx.out(line);
  fx.out(exitMeaning(result, run.strict));
  return result;
}

type Listed = { ok: true; dataset: UdataDataset } | { ok: false; result: FetchResult };

/** The dataset and its resources; or, when they cannot be listed, the run's end, said in one line. */
async function listDataset(run: FetchRun): Promise<Listed> {
  const { fx } = run.update;
  const url = datasetUrl(run.base, sources.dataset);
  const listing = await httpGet(
    url,
    {
      maxBytes: DATASET_MAX_BYTES,
      run: run.deadline,
      onRetry: retryLogger('jeu de données', run.policy, fx),
      rule: run.rule,
    },
    run.policy,
    fx,
  );
  if (!listing.ok && listing.failure.kind === 'unreachable') {
    return { ok: false, result: await offline(explainHttp(listing.failure, listing.attempts), run) };
  }
  const read = listing.ok ? readDataset(listing.response.bytes) : null;
  if (!read?.ok) {
    const explanation: Explanation = listing.ok
      ? {
          what: read && !read.ok ? read.reason : '',
          advice: `ce n’est pas la réponse de l’API de data.gouv.fr : vérifiez ${sources.apiBaseEnv} et l’adresse ${run.base}, ou ${LATER}`,
        }
      : explainDatasetHttp(listing.failure, listing.attempts);
    return { ok: false, result: await unlisted(url, explanation, run) };
  }
  const dataset = read.dataset;
  if (dataset.slug !== sources.dataset) {
    fx.log(
      `Le jeu de données a changé d’adresse : « ${sources.dataset} » est devenu « ${dataset.slug} » ; mettez à jour data/sources.ts.`,
    );
  }
  const count = dataset.resources.length;
  fx.log(`Jeu de données « ${dataset.title ?? dataset.slug} » : ${count} ressource${count > 1 ? 's' : ''}.`);
  return { ok: true, dataset };
}

/** No network: the snapshot is kept, and the site can be built from it. */
async function offline({ what }: Explanation, run: FetchRun): Promise<FetchResult> {
  const { fx } = run.update;
  const result = await resultOf(run, 'unreachable');
  const strictNote = run.strict ? ' (--strict : code de sortie 3)' : ', le site peut être construit';
  fx.log(`Pas de réseau : ${what} ; ${run.kept}${strictNote}. Relancez « npm run fetch » une fois connecté.`);
  fx.out(exitMeaning(result, run.strict));
  return result;
}

/** The dataset answered, but not with its list of resources. */
async function unlisted(url: string, explanation: Explanation, run: FetchRun): Promise<FetchResult> {
  const { fx } = run.update;
  fx.log(
    `Échec : impossible de lister les ressources du jeu de données (${url}) : ${explanation.what} ; ${run.kept}. ${capitalise(explanation.advice)}.`,
  );
  const result = await resultOf(run, 'dataset-failed');
  fx.out(exitMeaning(result, run.strict));
  return result;
}

function explainDatasetHttp(failure: HttpFailure, attempts: number): Explanation {
  if (failure.kind === 'status' && (failure.status === 404 || failure.status === 410)) {
    return {
      what: `HTTP ${failure.status} : jeu de données introuvable`,
      advice: 'vérifiez le slug du jeu de données dans data/sources.ts',
    };
  }
  return explainHttp(failure, attempts);
}

/** Which resource feeds which table: by the id data/sources.ts or the manifest gives, else by title. */
function mapTables(dataset: UdataDataset, manifest: Manifest): Mapping {
  return mapResources(
    dataset.resources,
    tableNames.map((name) => ({
      table: name,
      id: (tables[name].resource as TableSpec['resource']).id ?? manifest.tables[name]?.resource?.id ?? null,
      titlePattern: tables[name].resource.titlePattern,
    })),
  );
}

interface Fetched {
  outcomes: TableOutcome[];
  /** Every table's lock after the run. */
  locks: Manifest['tables'];
  runOver: boolean;
}

/** Each table in turn: skipped, or downloaded, verified and staged. */
async function fetchTables(mapping: Mapping, dataset: UdataDataset, run: FetchRun): Promise<Fetched> {
  const fetched: Fetched = { outcomes: [], locks: { ...run.manifest.tables }, runOver: false };
  for (const name of tableNames) {
    const update = await fetchTable(name, mapping.tables[name]!, dataset, run);
    fetched.outcomes.push(update.outcome);
    run.update.fx.log(update.outcome.message);
    if (update.lock) fetched.locks[name] = update.lock;
    fetched.runOver ||= update.runOver ?? false;
  }
  return fetched;
}

/**
 * Resources nothing maps: recorded in the manifest, listed, and kept aside when asked, within what the update may
 * still write. Beyond {@link LISTED} of them, those not asked for are counted, not listed one by one.
 */
async function keepUnmapped(mapping: Mapping, fetched: Fetched, run: FetchRun) {
  const kept = { outcomes: [] as UnmappedOutcome[], runOver: false };
  const { fx } = run.update;
  let listed = 0;
  for (const resource of mapping.unmapped) {
    const room = updateCap - tablesBytes(fetched.locks) - run.update.keptAside;
    const { runOver, ...outcome } = await keepAside(resource, run, room);
    kept.outcomes.push(outcome);
    if (askedToKeep(resource, run) || listed++ < LISTED) fx.log(outcome.message);
    kept.runOver ||= runOver ?? false;
  }
  const others = listed - LISTED;
  if (others > 0) {
    fx.log(
      `… et ${formatNumber(others)} autres ressources non reconnues, pas téléchargées (toutes notées dans ${manifestPathOf(run.update.dir)}).`,
    );
  }
  return kept;
}

/** Nothing is put in place past the run's deadline, nor beyond what the site accepts in all. */
async function refuseBeyondLimits(fetched: Fetched, runOver: boolean, run: FetchRun): Promise<void> {
  const oversized = oversizedSnapshot(fetched.locks);
  if (runOver) {
    await refuseAll(
      fetched,
      `Délai total de la mise à jour (${formatSeconds(run.deadline.ms)}) dépassé : rien n’est remplacé, ${run.kept}. Relancez « npm run fetch » plus tard, ou allongez le délai total avec --deadline <secondes>.`,
      run,
    );
  } else if (run.update.hasStaged && oversized !== null) {
    await refuseAll(
      fetched,
      `Échec : avec ces mises à jour, les tables feraient ${formatBytes(oversized)}, au-delà de ${limitText(LIMITS.bytesPerSnapshot)} pour l’instantané (${LIMITS_HINT}) : rien n’est remplacé, ${run.kept}. ${capitalise(TOO_LARGE_ADVICE)}.`,
      run,
    );
  }
}

async function refuseAll(fetched: Fetched, line: string, run: FetchRun): Promise<void> {
  run.update.fx.log(line);
  for (const outcome of fetched.outcomes.filter((t) => t.status === 'updated')) {
    outcome.status = 'failed';
    delete outcome.change;
  }
  await run.update.discard();
  Object.assign(fetched.locks, run.manifest.tables);
}

function datasetRecord(dataset: UdataDataset): Manifest['dataset'] {
  const { slug, id, title, page, license, last_modified } = dataset;
  return { slug, id, title, page, license, last_modified };
}

/**
 * Puts everything in place at once, with the update's report and history entry when a table changed; or leaves
 * the folder untouched when nothing did. Returns the lines that tell what was recorded, null when nothing was
 * written.
 */
async function commitFetch(next: Manifest, run: FetchRun): Promise<string[] | null> {
  const { manifest, update } = run;
  const changedTables = tableNames.filter((name) => changedLock(manifest.tables[name], next.tables[name]));
  const changed =
    changedTables.length > 0 || update.hasStaged || stableJson(next.unmapped) !== stableJson(manifest.unmapped ?? []);
  if (!changed) return null;
  const record = changedTables.length > 0 && run.record ? fetchRecord(changedTables, next, manifest) : null;
  return update.commit(next, record);
}

/** A table changed when its file did, or where it comes from (a first download of the same bytes records it). */
function changedLock(before: TableLock | undefined, after: TableLock | undefined): boolean {
  return (
    before?.sha256 !== after?.sha256 ||
    before?.origin !== after?.origin ||
    (before?.resource?.id ?? null) !== (after?.resource?.id ?? null)
  );
}

/** The report and history entry of a fetch that changed `changedTables` (their file, or their provenance). */
function fetchRecord(changedTables: TableName[], next: Manifest, previous: Manifest): UpdateRecord {
  // A first download of the same bytes records where they come from, and replaces no file.
  const changed = changedTables.filter((t) => previous.tables[t]?.sha256 !== next.tables[t]?.sha256);
  const kept = tableNames.filter((t) => next.tables[t]?.origin === 'publications');
  const updated =
    changed.length > 0
      ? `tables mises à jour : ${changed.join(', ')}`
      : `aucun fichier remplacé, provenance enregistrée pour ${changedTables.join(', ')}`;
  const note = [
    `Téléchargement depuis data.gouv.fr (npm run fetch) : ${updated}.`,
    kept.length > 0 ? `Tables toujours compilées à partir des publications : ${kept.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { kind: 'fetch', note, changed, report: { previous, command: 'npm run fetch' } };
}

/** The run's result, and its exit code: with --strict, what went wrong, else 0. */
async function resultOf(
  run: FetchRun,
  outcome: FetchResult['outcome'],
  rest: Partial<FetchResult> = {},
): Promise<FetchResult> {
  const tablesOut = rest.tables ?? [];
  const failed = outcome === 'dataset-failed' || tablesOut.some(isProblem);
  const pending = run.record ? await pendingReview(run.update.dir, run.update.fx) : null;
  return {
    outcome,
    exitCode: exitCodeOf(run.strict, outcome, failed, pending !== null),
    strictExitCode: exitCodeOf(true, outcome, failed, pending !== null),
    tables: tablesOut,
    unmapped: rest.unmapped ?? [],
    downloadedBytes: rest.downloadedBytes ?? 0,
    committed: rest.committed ?? false,
    snapshotDate: rest.snapshotDate ?? run.manifest.snapshotDate,
    previousManifest: run.manifest,
    pending,
  };
}

function exitCodeOf(strict: boolean, outcome: FetchResult['outcome'], failed: boolean, pending: boolean): number {
  if (!strict) return EXIT.ok;
  if (outcome === 'unreachable') return EXIT.unreachable;
  if (failed) return EXIT.failed;
  return pending ? EXIT.flagged : EXIT.ok;
}
