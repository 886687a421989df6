/**
 * `npm run fetch`: brings the snapshot up to date with the data.gouv.fr dataset, table by table, without ever
 * replacing a good file by a bad one. Lists the resources, maps them to tables, skips those unchanged since the
 * manifest, downloads and verifies the others, keeps unknown resources aside, then puts the new files and the
 * new manifest in place through a journal (./journal.ts). Returns what happened to each table, so that a
 * report of the changes can be built on top of it.
 */
import { join } from 'node:path';
import { snapshotDateOf, type Manifest, type ResourceRecord, type TableLock } from '../lib/manifest.ts';
import { sha256 } from '../lib/snapshot.ts';
import { tableNames, tables, type TableName } from '../lib/tables.ts';
import type { TableSpec } from '../lib/csv/schema.ts';
import { sources } from '../../data/sources.ts';
import { withEffects, type Effects } from '../load/effects.ts';
import { dataDir, manifestPathOf, readManifest, snapshotDirOf, stableJson } from '../load/snapshot-io.ts';
import { defaultPolicy, httpGet, type HttpFailure, type HttpPolicy } from './http.ts';
import { commit, completeInterruptedFetch, discardLeftovers, stage, writeAtomically } from './journal.ts';
import { isCsvLike, mapResources, type TableMapping } from './mapping.ts';
import {
  EXIT,
  exitMeaning,
  explainHttp,
  explainProblem,
  formatBytes,
  formatSeconds,
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
  /** Exit code 2 when a table could not be updated, 3 when nothing could be reached (0 otherwise). */
  strict?: boolean;
  policy?: Partial<HttpPolicy>;
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
}

/** A response this much larger than the size recorded (or 20 MB, whichever is more) is refused. */
const SIZE_CAP_FACTOR = 10;
const SIZE_CAP_FLOOR = 20_000_000;

export function unmappedDirOf(dir: string): string {
  return join(dir, 'unmapped');
}

export async function fetchData(options: FetchOptions = {}, effects: Partial<Effects> = {}): Promise<FetchResult> {
  const fx = withEffects(effects);
  const dir = options.dir ?? dataDir(fx.env);
  const policy: HttpPolicy = { ...defaultPolicy, ...options.policy };
  const base = fx.env[sources.apiBaseEnv] || sources.apiBase;
  const startedAt = fx.now().toISOString();

  const recovered = await completeInterruptedFetch(dir, fx);
  if (recovered) fx.log(recovered);
  await discardLeftovers(dir, unmappedDirOf(dir), fx);
  const manifest = await readManifest(dir, fx);
  const kept = `l’instantané du ${manifest.snapshotDate} est gardé tel quel`;

  const finish = (outcome: FetchResult['outcome'], rest: Partial<FetchResult> = {}): FetchResult => {
    const tablesOut = rest.tables ?? [];
    const failed =
      outcome === 'dataset-failed' || tablesOut.some((t) => t.status === 'failed' || t.status === 'disappeared');
    const exitCode = !options.strict
      ? EXIT.ok
      : outcome === 'unreachable'
        ? EXIT.unreachable
        : failed
          ? EXIT.failed
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
    };
  };

  // 1. The dataset and its resources.
  const url = datasetUrl(base, sources.dataset);
  const listing = await httpGet(
    url,
    { maxBytes: SIZE_CAP_FLOOR, onRetry: retryLogger('jeu de données', policy, fx) },
    policy,
    fx,
  );
  if (!listing.ok && listing.failure.kind === 'unreachable') {
    const { what } = explainHttp(listing.failure, listing.attempts);
    const result = finish('unreachable');
    const strictNote = options.strict ? ' (--strict : code de sortie 3)' : ', le site peut être construit';
    fx.log(`Pas de réseau : ${what} ; ${kept}${strictNote}. Relancez « npm run fetch » une fois connecté.`);
    return result;
  }
  const dataset = listing.ok ? readDataset(listing.response.bytes) : null;
  if (!dataset?.ok) {
    const explanation: Explanation = listing.ok
      ? {
          what: dataset && !dataset.ok ? dataset.reason : '',
          todo: `ce n’est pas la réponse de l’API de data.gouv.fr : vérifiez ${sources.apiBaseEnv} et l’adresse ${base}, ou ${LATER}`,
        }
      : explainDatasetHttp(listing.failure, listing.attempts);
    fx.log(
      `Échec : impossible de lister les ressources du jeu de données (${url}) : ${explanation.what} ; ${kept}. ${capitalise(explanation.todo)}.`,
    );
    const result = finish('dataset-failed');
    fx.out(exitMeaning(result.exitCode, manifest.snapshotDate) + (options.strict ? '' : STRICT_HINT));
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
  const context: TableContext = { dir, manifest, dataset: udata, policy, fx, now: startedAt };
  const outcomes: TableOutcome[] = [];
  const locks = { ...manifest.tables };
  const staged: string[] = [];
  for (const name of tableNames) {
    const { outcome, lock, stagedFile } = await updateTable(name, mapping.tables[name]!, context);
    outcomes.push(outcome);
    fx.log(outcome.message);
    if (lock) locks[name] = lock;
    if (stagedFile) staged.push(stagedFile);
  }

  // 4. Resources nothing maps: recorded in the manifest and kept aside.
  const unmapped: UnmappedOutcome[] = [];
  for (const resource of mapping.unmapped) {
    const outcome = await keepAside(resource, manifest.unmapped, context);
    unmapped.push(outcome);
    fx.log(outcome.message);
  }

  // 5. Put everything in place at once, or leave the manifest untouched when nothing changed.
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
    unmapped: mapping.unmapped.map(recordOf),
  };
  const changed =
    staged.length > 0 ||
    stableJson(locks) !== stableJson(manifest.tables) ||
    stableJson(next.unmapped) !== stableJson(manifest.unmapped ?? []);
  if (changed) await commit(dir, next, staged, startedAt, fx);

  const downloadedBytes =
    outcomes.reduce((n, t) => n + t.downloadedBytes, 0) + unmapped.reduce((n, u) => n + u.downloadedBytes, 0);
  const result = finish('done', {
    tables: outcomes,
    unmapped,
    downloadedBytes,
    committed: changed,
    snapshotDate: changed ? next.snapshotDate : manifest.snapshotDate,
  });
  for (const line of summary(result, options.strict ?? false)) fx.out(line);
  return result;
}

const LATER = 'relancez « npm run fetch » plus tard';
const STRICT_HINT = ' Avec --strict, ce code serait 2.';

interface TableContext {
  dir: string;
  manifest: Manifest;
  dataset: UdataDataset;
  policy: HttpPolicy;
  fx: Effects;
  now: string;
}

interface TableUpdate {
  outcome: TableOutcome;
  /** The table's new lock, when it changes. */
  lock?: TableLock;
  /** The file staged for replacement. */
  stagedFile?: string;
}

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
      `${name} : ÉCHEC, ${where}${explanation.what} ; ${path} gardé tel quel. ${capitalise(explanation.todo)}.`,
      more,
    );

  if (mapping.kind === 'ambiguous') {
    return {
      outcome: failure('', {
        what: mapping.reason,
        todo: 'aucune ressource n’est téléchargée pour cette table tant que ce n’est pas clair',
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
          todo: 'publiez la table en CSV, ou désignez une autre ressource dans data/sources.ts',
        },
        { resource: record },
      ),
    };
  }

  const expected = resource.filesize ?? lock?.bytes ?? 0;
  const download = await httpGet(
    downloadUrl(resource),
    { maxBytes: Math.max(SIZE_CAP_FACTOR * expected, SIZE_CAP_FLOOR), onRetry: retryLogger(name, context.policy, fx) },
    context.policy,
    fx,
  );
  if (!download.ok)
    return { outcome: failure(`${label} : `, explainHttp(download.failure, download.attempts), { resource: record }) };

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
    return {
      outcome: outcome(
        'unchanged',
        `${name} : téléchargée, contenu identique au fichier actuel : ${formatBytes(bytes.byteLength)}, ${details}.`,
        more,
      ),
      lock: newLock,
    };
  }
  let before: Uint8Array = new Uint8Array();
  try {
    before = await fx.fs.readFile(path);
  } catch {
    // A table without a file yet.
  }
  await stage(dir, spec.file, bytes, fx);
  return {
    outcome: outcome(
      'updated',
      `${name} : mise à jour depuis « ${resource.title} » : ${formatBytes(before.byteLength)} → ${formatBytes(bytes.byteLength)}, ${details}.`,
      { ...more, change: { path, before, after: bytes, previous: lock ?? null, lock: newLock } },
    ),
    lock: newLock,
    stagedFile: spec.file,
  };
}

async function keepAside(
  resource: UdataResource,
  previous: ResourceRecord[] | undefined,
  context: TableContext,
): Promise<UnmappedOutcome> {
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
  const download = await httpGet(
    downloadUrl(resource),
    { maxBytes: Math.max(SIZE_CAP_FACTOR * (resource.filesize ?? 0), SIZE_CAP_FLOOR) },
    context.policy,
    fx,
  );
  if (!download.ok) {
    const { what } = explainHttp(download.failure, download.attempts);
    return {
      resource: record,
      keptAs: null,
      downloadedBytes: 0,
      message: `${intro} notée dans ${manifestPathOf(context.dir)}, mais pas gardée : ${what} ; ${advice}.`,
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
      todo: 'vérifiez le slug du jeu de données dans data/sources.ts',
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

function summary(result: FetchResult, strict: boolean): string[] {
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
  const lines = [
    `Bilan : ${[
      count('updated', 'table mise à jour', 'tables mises à jour'),
      count('unchanged', 'inchangée', 'inchangées'),
      count('failed', 'en échec', 'en échec'),
      count('disappeared', 'ressource disparue', 'ressources disparues'),
      count('absent', 'sans ressource sur data.gouv.fr', 'sans ressource sur data.gouv.fr'),
    ].join(
      ', ',
    )} ; ${unmapped} ; ${formatBytes(result.downloadedBytes)} téléchargé${result.downloadedBytes > 1 ? 's' : ''}.`,
  ];
  const problems = result.tables.some((t) => t.status === 'failed' || t.status === 'disappeared');
  lines.push(exitMeaning(result.exitCode, result.snapshotDate) + (problems && !strict ? STRICT_HINT : ''));
  return lines;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
