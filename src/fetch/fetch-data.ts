/**
 * `npm run fetch`: brings the snapshot up to date with the data.gouv.fr dataset, table by table, without ever
 * replacing a good file by a bad one. Takes the data folder's lock, lists the resources, maps them to tables,
 * skips those unchanged since the manifest, downloads and verifies the others (within the site's limits and
 * the deadlines), keeps unknown resources aside, then puts the new files, the new manifest and what records the
 * update (report, history entry: see `recorder`) in place at once through a journal (./journal.ts). Returns
 * what happened to each table.
 */
import { join } from 'node:path';
import { snapshotDateOf, type Manifest, type ResourceRecord, type TableLock } from '../lib/manifest.ts';
import { LIMITS, LIMITS_HINT, limitText } from '../lib/limits.ts';
import { sha256 } from '../lib/snapshot.ts';
import { tableNames, tables, type TableName } from '../lib/tables.ts';
import type { TableSpec } from '../lib/csv/schema.ts';
import { sources } from '../../data/sources.ts';
import { withDataLock } from '../load/data-lock.ts';
import { withEffects, type Effects } from '../load/effects.ts';
import {
  dataDir,
  manifestPathOf,
  readManifest,
  readSnapshotFiles,
  snapshotDirOf,
  stableJson,
} from '../load/snapshot-io.ts';
import { defaultPolicy, httpGet, type HttpFailure, type HttpPolicy } from './http.ts';
import {
  commit,
  completeInterruptedFetch,
  discardLeftovers,
  stage,
  writeAtomically,
  type JournalEntry,
} from './journal.ts';
import { isCsvLike, mapResources, type TableMapping } from './mapping.ts';
import {
  EXIT,
  exitMeaning,
  explainHttp,
  explainProblem,
  formatBytes,
  formatSeconds,
  TOO_LARGE_ADVICE,
  type Explanation,
} from './messages.ts';
import {
  datasetUrl,
  downloadUrl,
  readDataset,
  recordOf,
  sameAsRecorded,
  type UdataDataset,
  type UdataResource,
} from './udata.ts';
import { verifyDownload } from './verify.ts';

export interface FetchOptions {
  /** Data folder (data/ by default, or EIG_DATA_DIR). */
  dir?: string;
  /** Exit code 2 when a table could not be updated, 3 when nothing could be reached, 4 when a report awaits review. */
  strict?: boolean;
  /** `deadlineMs` (one download) defaults to {@link DOWNLOAD_DEADLINE_FACTOR} times `timeoutMs`. */
  policy?: Partial<HttpPolicy>;
  /** The whole run's deadline; defaults to {@link RUN_DEADLINE_FACTOR} times `timeoutMs`. */
  deadlineMs?: number;
  /** Writes the report and the history entry of an update with it, and tells whether a report awaits review. */
  recorder?: UpdateRecorder;
}

/** The deadlines follow the inactivity timeout unless given: `--timeout 5` gives up a dripping server within a minute. */
export const DOWNLOAD_DEADLINE_FACTOR = 6;
export const RUN_DEADLINE_FACTOR = 12;

export function resolvePolicy(partial: Partial<HttpPolicy> = {}): HttpPolicy {
  const timeoutMs = partial.timeoutMs ?? defaultPolicy.timeoutMs;
  return { ...defaultPolicy, deadlineMs: DOWNLOAD_DEADLINE_FACTOR * timeoutMs, ...partial };
}

/** The whole run's deadline: given, or following the inactivity timeout. */
export function runDeadlineOf(options: Pick<FetchOptions, 'policy' | 'deadlineMs'>): number {
  return options.deadlineMs ?? RUN_DEADLINE_FACTOR * (options.policy?.timeoutMs ?? defaultPolicy.timeoutMs);
}

/** An update about to be committed: the snapshot before (on disk) and after (staged), for its report. */
export interface PreparedUpdate {
  dir: string;
  date: string;
  previousManifest: Manifest;
  manifest: Manifest;
  before: Partial<Record<TableName, Uint8Array>>;
  after: Partial<Record<TableName, Uint8Array>>;
  /** Tables whose file or provenance changed. */
  changed: TableName[];
}

export interface RecordedUpdate {
  /** Files written with the update (paths relative to the data folder): the report, the history entry. */
  files: { path: string; data: Uint8Array | string }[];
  /** Printed once the update is in place. */
  lines: string[];
}

/** A report whose « à vérifier » points no one has acknowledged yet. */
export interface PendingReview {
  count: number;
  /** The line that says so, and what to do. */
  message: string;
}

export interface UpdateRecorder {
  prepare(update: PreparedUpdate, fx: Effects): Promise<RecordedUpdate>;
  pending(dir: string, fx: Effects): Promise<PendingReview | null>;
}

/**
 * - `updated`: new bytes verified and put in place;
 * - `unchanged`: the resource is the one recorded (nothing downloaded), or its download has the same bytes;
 * - `failed`: download or verification failed, or the mapping is ambiguous: the file is kept as it was;
 * - `disappeared`: the resource recorded at the last fetch is no longer in the dataset: the file is kept;
 * - `absent`: no resource of the dataset maps to the table, and none ever did (the file is compiled by hand).
 */
export type TableStatus = 'updated' | 'unchanged' | 'failed' | 'disappeared' | 'absent';

export interface TableOutcome {
  table: TableName;
  status: TableStatus;
  /** The line printed for the table. */
  message: string;
  /** The resource the table maps to, when one does. */
  resource: ResourceRecord | null;
  downloadedBytes: number;
  /** Columns of the downloaded file that the table does not declare (accepted, not read). */
  extraColumns: string[];
  /** For an updated table: the file replaced and both versions, for a report of what changed. */
  change?: { path: string; before: Uint8Array; after: Uint8Array; previous: TableLock | null; lock: TableLock };
}

export interface UnmappedOutcome {
  resource: ResourceRecord;
  /** Where its file is kept for inspection, or null when it could not be downloaded. */
  keptAs: string | null;
  downloadedBytes: number;
  message: string;
}

export interface FetchResult {
  /** `unreachable`: nothing answered at all; `dataset-failed`: the dataset could not be listed. */
  outcome: 'done' | 'unreachable' | 'dataset-failed';
  exitCode: number;
  tables: TableOutcome[];
  unmapped: UnmappedOutcome[];
  downloadedBytes: number;
  /** Whether data/manifest.json (and the files with it) was written. */
  committed: boolean;
  snapshotDate: string;
  /** The manifest as it was before this fetch: with each updated table's `change.before`, the old snapshot. */
  previousManifest: Manifest;
  /** The folder's report still awaiting review after this run (this run's or an earlier one's). */
  pending: PendingReview | null;
}

/** The dataset's JSON lists a handful of resources: a few kilobytes. */
const DATASET_MAX_BYTES = 5_000_000;

export function unmappedDirOf(dir: string): string {
  return join(dir, 'unmapped');
}

export async function fetchData(options: FetchOptions = {}, effects: Partial<Effects> = {}): Promise<FetchResult> {
  const fx = withEffects(effects);
  const dir = options.dir ?? dataDir(fx.env);
  return withDataLock(dir, 'npm run fetch', fx, () => fetchLocked(dir, options, fx));
}

async function fetchLocked(dir: string, options: FetchOptions, fx: Effects): Promise<FetchResult> {
  const policy = resolvePolicy(options.policy);
  const runMs = runDeadlineOf(options);
  const run = { endsAt: performance.now() + runMs, ms: runMs };
  const base = fx.env[sources.apiBaseEnv] || sources.apiBase;
  const startedAt = fx.now().toISOString();
  const strict = options.strict ?? false;

  const recovered = await completeInterruptedFetch(dir, fx);
  if (recovered) fx.log(recovered);
  await discardLeftovers(dir, fx);
  const manifest = await readManifest(dir, fx);
  const kept = `l’instantané du ${manifest.snapshotDate} est gardé tel quel`;

  const finish = async (outcome: FetchResult['outcome'], rest: Partial<FetchResult> = {}): Promise<FetchResult> => {
    const tablesOut = rest.tables ?? [];
    const failed =
      outcome === 'dataset-failed' || tablesOut.some((t) => t.status === 'failed' || t.status === 'disappeared');
    const pending = options.recorder ? await options.recorder.pending(dir, fx) : null;
    const exitCode = !strict
      ? EXIT.ok
      : outcome === 'unreachable'
        ? EXIT.unreachable
        : failed
          ? EXIT.failed
          : pending
            ? EXIT.flagged
            : EXIT.ok;
    return {
      outcome,
      exitCode,
      tables: tablesOut,
      unmapped: rest.unmapped ?? [],
      downloadedBytes: rest.downloadedBytes ?? 0,
      committed: rest.committed ?? false,
      snapshotDate: rest.snapshotDate ?? manifest.snapshotDate,
      previousManifest: manifest,
      pending,
    };
  };

  // 1. The dataset and its resources.
  const url = datasetUrl(base, sources.dataset);
  const listing = await httpGet(
    url,
    { maxBytes: DATASET_MAX_BYTES, run, onRetry: retryLogger('jeu de données', policy, fx) },
    policy,
    fx,
  );
  if (!listing.ok && listing.failure.kind === 'unreachable') {
    const { what } = explainHttp(listing.failure, listing.attempts);
    const result = await finish('unreachable');
    const strictNote = strict ? ' (--strict : code de sortie 3)' : ', le site peut être construit';
    fx.log(`Pas de réseau : ${what} ; ${kept}${strictNote}. Relancez « npm run fetch » une fois connecté.`);
    if (result.pending) fx.log(result.pending.message);
    return result;
  }
  const dataset = listing.ok ? readDataset(listing.response.bytes) : null;
  if (!dataset?.ok) {
    const explanation: Explanation = listing.ok
      ? {
          what: dataset && !dataset.ok ? dataset.reason : '',
          advice: `ce n’est pas la réponse de l’API de data.gouv.fr : vérifiez ${sources.apiBaseEnv} et l’adresse ${base}, ou ${LATER}`,
        }
      : explainDatasetHttp(listing.failure, listing.attempts);
    fx.log(
      `Échec : impossible de lister les ressources du jeu de données (${url}) : ${explanation.what} ; ${kept}. ${capitalise(explanation.advice)}.`,
    );
    const result = await finish('dataset-failed');
    fx.out(exitMeaning(result, strict, true));
    return result;
  }
  const udata = dataset.dataset;
  if (udata.slug !== sources.dataset) {
    fx.log(
      `Le jeu de données a changé d’adresse : « ${sources.dataset} » est devenu « ${udata.slug} » ; mettez à jour data/sources.ts.`,
    );
  }
  fx.log(
    `Jeu de données « ${udata.title ?? udata.slug} » : ${udata.resources.length} ressource${udata.resources.length > 1 ? 's' : ''}.`,
  );

  // 2. Which resource feeds which table.
  const mapping = mapResources(
    udata.resources,
    tableNames.map((name) => ({
      table: name,
      id: (tables[name].resource as TableSpec['resource']).id ?? manifest.tables[name]?.resource?.id ?? null,
      titlePattern: tables[name].resource.titlePattern,
    })),
  );

  // 3. Each table: skip, or download, verify and stage.
  const context: TableContext = { dir, manifest, dataset: udata, policy, run, fx, now: startedAt };
  const outcomes: TableOutcome[] = [];
  const locks = { ...manifest.tables };
  const staged: JournalEntry[] = [];
  let runOver = false;
  for (const name of tableNames) {
    const update = await updateTable(name, mapping.tables[name]!, context);
    outcomes.push(update.outcome);
    fx.log(update.outcome.message);
    if (update.lock) locks[name] = update.lock;
    if (update.staged) staged.push(update.staged);
    runOver ||= update.runOver ?? false;
  }

  // 4. Resources nothing maps: recorded in the manifest and kept aside.
  const unmapped: UnmappedOutcome[] = [];
  for (const resource of mapping.unmapped) {
    const outcome = await keepAside(resource, manifest.unmapped, context);
    unmapped.push(outcome);
    fx.log(outcome.message);
    runOver ||= outcome.runOver ?? false;
  }

  // 5. Nothing is put in place past the run's deadline, nor beyond what the site accepts in all.
  const refuseAll = async (line: string) => {
    fx.log(line);
    for (const outcome of outcomes.filter((t) => t.status === 'updated')) {
      outcome.status = 'failed';
      delete outcome.change;
    }
    for (const entry of staged.splice(0)) await fx.fs.rm(join(dir, entry.staged), { force: true });
    Object.assign(locks, manifest.tables);
  };
  const total = tableNames.reduce((n, name) => n + (locks[name]?.bytes ?? 0), 0);
  if (runOver) {
    await refuseAll(
      `Délai total de la mise à jour (${formatSeconds(run.ms)}) dépassé : rien n’est remplacé, ${kept}. Relancez « npm run fetch » plus tard, ou allongez le délai total avec --deadline <secondes>.`,
    );
  } else if (staged.length > 0 && total > LIMITS.bytesPerSnapshot) {
    await refuseAll(
      `Échec : avec ces mises à jour, les tables feraient ${formatBytes(total)}, au-delà de ${limitText(LIMITS.bytesPerSnapshot)} pour l’instantané (${LIMITS_HINT}) : rien n’est remplacé, ${kept}. ${capitalise(TOO_LARGE_ADVICE)}.`,
    );
  }

  // 6. Put everything in place at once, or leave the folder untouched when nothing changed.
  const next: Manifest = {
    dataset: {
      slug: udata.slug,
      id: udata.id,
      title: udata.title,
      page: udata.page,
      license: udata.license,
      last_modified: udata.last_modified,
    },
    snapshotDate: snapshotDateOf(locks),
    tables: locks,
    unmapped: runOver ? (manifest.unmapped ?? []) : mapping.unmapped.map(recordOf),
  };
  const changedTables = tableNames.filter((name) => changedLock(manifest.tables[name], locks[name]));
  const changed =
    changedTables.length > 0 || staged.length > 0 || stableJson(next.unmapped) !== stableJson(manifest.unmapped ?? []);
  let recorded: RecordedUpdate | null = null;
  if (changed) {
    const files = [...staged];
    if (changedTables.length > 0 && options.recorder) {
      // Before the commit point: an update is never in place without its report and its history entry.
      const before = await readSnapshotFiles(dir, fx);
      const after = { ...before };
      for (const outcome of outcomes) if (outcome.change) after[outcome.table] = outcome.change.after;
      try {
        recorded = await options.recorder.prepare(
          { dir, date: startedAt, previousManifest: manifest, manifest: next, before, after, changed: changedTables },
          fx,
        );
        for (const file of recorded.files) files.push(await stage(dir, file.path, file.data, fx));
      } catch (error) {
        // No report, no update: nothing is put in place, and nothing staged is left behind.
        for (const entry of files) await fx.fs.rm(join(dir, entry.staged), { force: true });
        throw error;
      }
    }
    await commit(dir, next, files, startedAt, fx);
  }

  const downloadedBytes =
    outcomes.reduce((n, t) => n + t.downloadedBytes, 0) + unmapped.reduce((n, u) => n + u.downloadedBytes, 0);
  const result = await finish('done', {
    tables: outcomes,
    unmapped,
    downloadedBytes,
    committed: changed,
    snapshotDate: changed ? next.snapshotDate : manifest.snapshotDate,
  });
  fx.out(summary(result));
  for (const line of recorded?.lines ?? []) fx.out(line);
  fx.out(
    exitMeaning(
      result,
      strict,
      result.tables.some((t) => t.status === 'failed' || t.status === 'disappeared'),
    ),
  );
  return result;
}

/** A table changed when its file did, or where it comes from (a first download of the same bytes records it). */
function changedLock(before: TableLock | undefined, after: TableLock | undefined): boolean {
  return (
    before?.sha256 !== after?.sha256 ||
    before?.origin !== after?.origin ||
    (before?.resource?.id ?? null) !== (after?.resource?.id ?? null)
  );
}

const LATER = 'relancez « npm run fetch » plus tard';

interface TableContext {
  dir: string;
  manifest: Manifest;
  dataset: UdataDataset;
  policy: HttpPolicy;
  run: { endsAt: number; ms: number };
  fx: Effects;
  now: string;
}

interface TableUpdate {
  outcome: TableOutcome;
  /** The table's new lock, when it changes. */
  lock?: TableLock;
  /** The file staged for replacement. */
  staged?: JournalEntry;
  /** The whole run's deadline passed during this table. */
  runOver?: boolean;
}

const isRunOver = (failure: HttpFailure) => failure.kind === 'deadline' && failure.scope === 'run';

async function updateTable(name: TableName, mapping: TableMapping, context: TableContext): Promise<TableUpdate> {
  const { dir, manifest, fx } = context;
  const spec = tables[name] as TableSpec;
  const path = join(snapshotDirOf(dir), spec.file);
  const lock = manifest.tables[name] as TableLock | undefined;
  const outcome = (status: TableStatus, message: string, more: Partial<TableOutcome> = {}): TableOutcome => ({
    table: name,
    status,
    message,
    resource: null,
    downloadedBytes: 0,
    extraColumns: [],
    ...more,
  });
  const failure = (where: string, explanation: Explanation, more: Partial<TableOutcome> = {}) =>
    outcome(
      'failed',
      `${name} : ÉCHEC, ${where}${explanation.what} ; ${path} gardé tel quel. ${capitalise(explanation.advice)}.`,
      more,
    );

  if (mapping.kind === 'ambiguous') {
    return {
      outcome: failure('', {
        what: mapping.reason,
        advice: 'aucune ressource n’est téléchargée pour cette table tant que ce n’est pas clair',
      }),
    };
  }
  if (mapping.kind === 'none') {
    if (lock?.resource) {
      const gone = lock.resource;
      return {
        outcome: outcome(
          'disappeared',
          `${name} : la ressource « ${gone.title} » (${gone.id}) n’est plus dans le jeu de données ; ${path} gardé tel quel. Vérifiez sur data.gouv.fr si elle a été renommée ou remplacée, et adaptez data/sources.ts.`,
          { resource: gone },
        ),
      };
    }
    return {
      outcome: outcome(
        'absent',
        `${name} : aucune ressource du jeu de données ne correspond (motif « ${spec.resource.titlePattern} ») ; ${path} gardé (${lock?.origin === 'data.gouv.fr' ? 'téléchargé auparavant' : 'compilé à partir des publications'}).`,
      ),
    };
  }

  const resource = mapping.resource;
  const record = recordOf(resource);
  const label = `ressource « ${resource.title} » (${resource.url})`;
  if (sameAsRecorded(resource, lock?.resource)) {
    return {
      outcome: outcome(
        'unchanged',
        `${name} : inchangée (ressource « ${resource.title} » identique à celle du manifeste), 0 octet téléchargé.`,
        {
          resource: record,
        },
      ),
    };
  }
  if (!isCsvLike(resource)) {
    return {
      outcome: failure(
        `${label} : `,
        {
          what: `format « ${resource.format} », or seul le CSV est lu`,
          advice: 'publiez la table en CSV, ou désignez une autre ressource dans data/sources.ts',
        },
        { resource: record },
      ),
    };
  }

  if (resource.filesize !== null && resource.filesize > LIMITS.bytesPerTable) {
    return {
      outcome: failure(
        `${label} : `,
        {
          what: `${formatBytes(resource.filesize)} annoncés par data.gouv.fr, au-delà de ${limitText(LIMITS.bytesPerTable)} par table (${LIMITS_HINT}) : rien n’est téléchargé`,
          advice: TOO_LARGE_ADVICE,
        },
        { resource: record },
      ),
    };
  }
  const download = await httpGet(
    downloadUrl(resource),
    {
      maxBytes: LIMITS.bytesPerTable,
      expectedBytes: resource.filesize,
      run: context.run,
      onRetry: retryLogger(name, context.policy, fx),
    },
    context.policy,
    fx,
  );
  if (!download.ok)
    return {
      outcome: failure(`${label} : `, explainHttp(download.failure, download.attempts), { resource: record }),
      runOver: isRunOver(download.failure),
    };

  const bytes = download.response.bytes;
  const verified = verifyDownload(bytes, download.response.contentType, resource, spec, label);
  if (!verified.ok) {
    const explanation = explainProblem(verified.problem);
    // A reader error already names the resource, its line and column.
    const where = verified.problem.kind === 'unreadable' ? '' : `${label} : `;
    return { outcome: failure(where, explanation, { resource: record, downloadedBytes: bytes.byteLength }) };
  }

  const { read } = verified;
  const hash = sha256(bytes);
  const sameBytes = lock?.sha256 === hash;
  const newLock: TableLock = {
    file: spec.file,
    origin: 'data.gouv.fr',
    originNote: `Téléchargé depuis data.gouv.fr : ressource « ${resource.title} » du jeu de données « ${context.dataset.title ?? context.dataset.slug} »${context.dataset.page ? ` (${context.dataset.page})` : ''}.`,
    resource: record,
    fetchedAt: context.now,
    updatedAt: sameBytes && lock ? lock.updatedAt : context.now,
    rows: read.rows.length,
    bytes: bytes.byteLength,
    sha256: hash,
    columns: (Object.values(read.headers) as string[]).concat(read.extraColumns),
  };
  const notes = [
    describeDialect(read.dialect),
    verified.checksum === 'verified' ? `somme de contrôle ${resource.checksum!.type} vérifiée` : null,
    typeof verified.checksum === 'object'
      ? `somme de contrôle ${verified.checksum.notVerified} non vérifiée (type non vérifiable)`
      : null,
    renamedColumns(read.headers),
    read.extraColumns.length > 0
      ? `colonne${read.extraColumns.length > 1 ? 's' : ''} en plus, acceptée${read.extraColumns.length > 1 ? 's' : ''} mais non lue${read.extraColumns.length > 1 ? 's' : ''} : ${read.extraColumns.map((c) => `« ${c} »`).join(', ')}`
      : null,
  ].filter((n): n is string => n !== null);
  const details = [`${read.rows.length} ligne${read.rows.length > 1 ? 's' : ''}`, ...notes].join(' ; ');
  const more = { resource: record, downloadedBytes: bytes.byteLength, extraColumns: read.extraColumns };

  if (sameBytes) {
    // Same bytes from the same resource is no update, whatever its date says: nothing to record.
    const sameResource = lock?.resource?.id === resource.id;
    return {
      outcome: outcome(
        'unchanged',
        `${name} : téléchargée, contenu identique au fichier actuel : ${formatBytes(bytes.byteLength)}, ${details}${sameResource ? '' : ' ; ressource notée dans le manifeste'}.`,
        more,
      ),
      lock: sameResource ? undefined : newLock,
    };
  }
  let before: Uint8Array = new Uint8Array();
  try {
    before = await fx.fs.readFile(path);
  } catch {
    // A table without a file yet.
  }
  const staged = await stage(dir, join('snapshot', spec.file), bytes, fx);
  return {
    outcome: outcome(
      'updated',
      `${name} : mise à jour depuis « ${resource.title} » : ${formatBytes(before.byteLength)} → ${formatBytes(bytes.byteLength)}, ${details}.`,
      { ...more, change: { path, before, after: bytes, previous: lock ?? null, lock: newLock } },
    ),
    lock: newLock,
    staged,
  };
}

async function keepAside(
  resource: UdataResource,
  previous: ResourceRecord[] | undefined,
  context: TableContext,
): Promise<UnmappedOutcome & { runOver?: boolean }> {
  const { fx } = context;
  const record = recordOf(resource);
  const extension =
    (resource.format ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]/gu, '')
      .slice(0, 8) || 'bin';
  const folder = unmappedDirOf(context.dir);
  const path = join(folder, `${resource.id.replace(/[^A-Za-z0-9_-]/gu, '_')}.${extension}`);
  const intro = `ressource non reconnue : « ${resource.title} » (${resource.format ?? 'format inconnu'}, ${resource.id})`;
  const advice = 'si elle doit alimenter une table, ajoutez son motif ou son id dans data/sources.ts';
  let exists = false;
  try {
    await fx.fs.stat(path);
    exists = true;
  } catch {
    // Not kept yet.
  }
  if (
    exists &&
    sameAsRecorded(
      resource,
      previous?.find((p) => p.id === resource.id),
    )
  ) {
    return {
      resource: record,
      keptAs: path,
      downloadedBytes: 0,
      message: `${intro} déjà gardée dans ${path}, inchangée ; ${advice}.`,
    };
  }
  const notKept = (what: string) =>
    `${intro} notée dans ${manifestPathOf(context.dir)}, mais pas gardée : ${what} ; ${advice}.`;
  // Kept for inspection only, and no larger than a table could be: a 200 MB file has no business in data/.
  if (resource.filesize !== null && resource.filesize > LIMITS.bytesPerTable) {
    return {
      resource: record,
      keptAs: null,
      downloadedBytes: 0,
      message: notKept(
        `${formatBytes(resource.filesize)} annoncés, au-delà de ${limitText(LIMITS.bytesPerTable)} (${LIMITS_HINT}), rien n’est téléchargé`,
      ),
    };
  }
  const download = await httpGet(
    downloadUrl(resource),
    { maxBytes: LIMITS.bytesPerTable, expectedBytes: resource.filesize, run: context.run },
    context.policy,
    fx,
  );
  if (!download.ok) {
    return {
      resource: record,
      keptAs: null,
      downloadedBytes: 0,
      message: notKept(explainHttp(download.failure, download.attempts).what),
      runOver: isRunOver(download.failure),
    };
  }
  await fx.fs.mkdir(folder, { recursive: true });
  await writeAtomically(path, download.response.bytes, fx);
  return {
    resource: record,
    keptAs: path,
    downloadedBytes: download.response.bytes.byteLength,
    message: `${intro} gardée dans ${path} pour inspection (${formatBytes(download.response.bytes.byteLength)}) ; ${advice}.`,
  };
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

function retryLogger(what: string, policy: HttpPolicy, fx: Effects) {
  return (failure: HttpFailure, waitMs: number, nextAttempt: number) => {
    fx.log(
      `${what} : ${explainHttp(failure, 1).what} ; nouvel essai (${nextAttempt}/${policy.attempts}) dans ${formatSeconds(waitMs)}.`,
    );
  };
}

function describeDialect(dialect: { encoding: string; delimiter: string; decimalMark: string }): string | null {
  const parts: string[] = [];
  if (dialect.encoding !== 'utf-8') parts.push(`encodage ${dialect.encoding}`);
  if (dialect.delimiter !== ',')
    parts.push(`séparateur « ${dialect.delimiter === '\t' ? 'tabulation' : dialect.delimiter} »`);
  if (dialect.decimalMark === ',') parts.push('virgule décimale');
  return parts.length > 0 ? `${parts.join(', ')}, gardé tel que publié` : null;
}

function renamedColumns(headers: Partial<Record<string, string>>): string | null {
  const renamed = Object.entries(headers).filter(([key, header]) => header !== undefined && header !== key);
  if (renamed.length === 0) return null;
  return `colonne${renamed.length > 1 ? 's' : ''} lue${renamed.length > 1 ? 's' : ''} par alias : ${renamed.map(([key, header]) => `« ${header} » → ${key}`).join(', ')}`;
}

function summary(result: FetchResult): string {
  const named = (status: TableStatus) => result.tables.filter((t) => t.status === status).map((t) => t.table);
  const count = (status: TableStatus, singular: string, plural: string) => {
    const names = named(status);
    const list = names.length > 0 && status !== 'unchanged' ? ` (${names.join(', ')})` : '';
    return `${names.length} ${names.length > 1 ? plural : singular}${list}`;
  };
  const kept = result.unmapped.filter((u) => u.keptAs !== null).length;
  const unmapped =
    result.unmapped.length === 0
      ? 'aucune ressource non reconnue'
      : `${result.unmapped.length} ressource${result.unmapped.length > 1 ? 's' : ''} non reconnue${result.unmapped.length > 1 ? 's' : ''} (notée${result.unmapped.length > 1 ? 's' : ''} dans le manifeste, ${kept} gardée${kept > 1 ? 's' : ''} pour inspection)`;
  return `Bilan : ${[
    count('updated', 'table mise à jour', 'tables mises à jour'),
    count('unchanged', 'inchangée', 'inchangées'),
    count('failed', 'en échec', 'en échec'),
    count('disappeared', 'ressource disparue', 'ressources disparues'),
    count('absent', 'sans ressource sur data.gouv.fr', 'sans ressource sur data.gouv.fr'),
  ].join(
    ', ',
  )} ; ${unmapped} ; ${formatBytes(result.downloadedBytes)} téléchargé${result.downloadedBytes > 1 ? 's' : ''}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
