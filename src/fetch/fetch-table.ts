/**
 * One table of a fetch: skipped when its resource is the one recorded, else downloaded, verified (./verify.ts)
 * and staged in the update (../update/transaction.ts); or kept as it is, with the line that says why.
 */
import { join } from 'node:path';
import type { TableSpec } from '../lib/csv/schema.ts';
import { LIMITS, LIMITS_HINT, limitText } from '../lib/limits.ts';
import type { TableLock } from '../lib/manifest.ts';
import { sha256 } from '../lib/snapshot.ts';
import { tables, type TableName } from '../lib/tables.ts';
import { capitalise } from '../lib/text.ts';
import { snapshotDirOf } from '../load/paths.ts';
import { isRunOver, retryLogger, type FetchRun } from './fetch-run.ts';
import { httpGet } from './http.ts';
import { isCsvLike, type TableMapping } from './mapping.ts';
import { explainHttp, explainProblem, formatBytes, TOO_LARGE_ADVICE, type Explanation } from './messages.ts';
import type { TableOutcome, TableStatus } from './outcomes.ts';
import { downloadUrl, recordOf, sameAsRecorded, type UdataDataset, type UdataResource } from './udata.ts';
import { verifyDownload, type Verification } from './verify.ts';

export interface TableUpdate {
  outcome: TableOutcome;
  /** The table's new lock, when it changes. */
  lock?: TableLock;
  /** The whole run's deadline passed during this table. */
  runOver?: boolean;
}

/** What the messages about one table need. */
interface TableAt {
  name: TableName;
  spec: TableSpec;
  /** The table's file in the data folder. */
  path: string;
  /** Its lock in the manifest before the run. */
  lock: TableLock | undefined;
}

export async function fetchTable(
  name: TableName,
  mapping: TableMapping,
  dataset: UdataDataset,
  run: FetchRun,
): Promise<TableUpdate> {
  const spec = tables[name] as TableSpec;
  const table: TableAt = {
    name,
    spec,
    path: join(snapshotDirOf(run.update.dir), spec.file),
    lock: run.manifest.tables[name] as TableLock | undefined,
  };
  if (mapping.kind === 'ambiguous') {
    const advice = 'aucune ressource n’est téléchargée pour cette table tant que ce n’est pas clair';
    return { outcome: failure(table, '', { what: mapping.reason, advice }) };
  }
  if (mapping.kind === 'none') return { outcome: withoutResource(table) };
  return fromResource(table, mapping.resource, dataset, run);
}

function outcome(table: TableAt, status: TableStatus, message: string, more: Partial<TableOutcome> = {}): TableOutcome {
  return { table: table.name, status, message, resource: null, downloadedBytes: 0, extraColumns: [], ...more };
}

function failure(
  table: TableAt,
  where: string,
  explanation: Explanation,
  more: Partial<TableOutcome> = {},
): TableOutcome {
  return outcome(
    table,
    'failed',
    `${table.name} : ÉCHEC, ${where}${explanation.what} ; ${table.path} gardé tel quel. ${capitalise(explanation.advice)}.`,
    more,
  );
}

/** No resource maps the table: the one recorded vanished, or there never was one. */
function withoutResource(table: TableAt): TableOutcome {
  const { name, path, lock } = table;
  if (lock?.resource) {
    const gone = lock.resource;
    return outcome(
      table,
      'disappeared',
      `${name} : la ressource « ${gone.title} » (${gone.id}) n’est plus dans le jeu de données ; ${path} gardé tel quel. Vérifiez sur data.gouv.fr si elle a été renommée ou remplacée, et adaptez data/sources.ts.`,
      { resource: gone },
    );
  }
  return outcome(
    table,
    'absent',
    `${name} : aucune ressource du jeu de données ne correspond (motif « ${table.spec.resource.titlePattern} ») ; ${path} gardé (${lock?.origin === 'data.gouv.fr' ? 'téléchargé auparavant' : 'compilé à partir des publications'}).`,
  );
}

async function fromResource(
  table: TableAt,
  resource: UdataResource,
  dataset: UdataDataset,
  run: FetchRun,
): Promise<TableUpdate> {
  const record = recordOf(resource);
  const label = `ressource « ${resource.title} » (${resource.url})`;
  if (sameAsRecorded(resource, table.lock?.resource)) {
    const message = `${table.name} : inchangée (ressource « ${resource.title} » identique à celle du manifeste), 0 octet téléchargé.`;
    return { outcome: outcome(table, 'unchanged', message, { resource: record }) };
  }
  const refused = refusedUnread(resource);
  if (refused) return { outcome: failure(table, `${label} : `, refused, { resource: record }) };

  const download = await downloadTable(table, resource, run);
  if (!download.ok) {
    const explanation = explainHttp(download.failure, download.attempts);
    return {
      outcome: failure(table, `${label} : `, explanation, { resource: record }),
      runOver: isRunOver(download.failure),
    };
  }
  const bytes = download.response.bytes;
  const verified = verifyDownload(bytes, download.response.contentType, resource, table.spec, label);
  if (!verified.ok) {
    // A reader error already names the resource, its line and column.
    const where = verified.problem.kind === 'unreadable' ? '' : `${label} : `;
    const more = { resource: record, downloadedBytes: bytes.byteLength };
    return { outcome: failure(table, where, explainProblem(verified.problem), more) };
  }
  return accept(table, resource, bytes, verified, dataset, run);
}

function downloadTable(table: TableAt, resource: UdataResource, run: FetchRun) {
  const { policy, update } = run;
  const onRetry = retryLogger(table.name, policy, update.fx);
  const options = {
    maxBytes: LIMITS.bytesPerTable,
    expectedBytes: resource.filesize,
    run: run.deadline,
    onRetry,
    rule: run.rule,
  };
  return httpGet(downloadUrl(resource), options, policy, update.fx);
}

/** Why the resource is not even downloaded (not CSV, announced too large), or null. */
function refusedUnread(resource: UdataResource): Explanation | null {
  if (!isCsvLike(resource)) {
    return {
      what: `format « ${resource.format} », or seul le CSV est lu`,
      advice: 'publiez la table en CSV, ou désignez une autre ressource dans data/sources.ts',
    };
  }
  if (resource.filesize !== null && resource.filesize > LIMITS.bytesPerTable) {
    return {
      what: `${formatBytes(resource.filesize)} annoncés par data.gouv.fr, au-delà de ${limitText(LIMITS.bytesPerTable)} par table (${LIMITS_HINT}) : rien n’est téléchargé`,
      advice: TOO_LARGE_ADVICE,
    };
  }
  return null;
}

/** A verified download: the same bytes as the file in place, or the table's new file, staged. */
async function accept(
  table: TableAt,
  resource: UdataResource,
  bytes: Uint8Array,
  verified: Extract<Verification<TableSpec>, { ok: true }>,
  dataset: UdataDataset,
  run: FetchRun,
): Promise<TableUpdate> {
  const { name, lock } = table;
  const { read } = verified;
  const newLock = lockOf(table, resource, bytes, verified, dataset, run.update.startedAt);
  const sameBytes = newLock.sha256 === lock?.sha256;
  const details = downloadDetails(resource, verified);
  const more = { resource: newLock.resource, downloadedBytes: bytes.byteLength, extraColumns: read.extraColumns };

  if (sameBytes) {
    // Same bytes from the same resource is no update, whatever its date says: nothing to record.
    const sameResource = lock?.resource?.id === resource.id;
    const message = `${name} : téléchargée, contenu identique au fichier actuel : ${formatBytes(bytes.byteLength)}, ${details}${sameResource ? '' : ' ; ressource notée dans le manifeste'}.`;
    return { outcome: outcome(table, 'unchanged', message, more), lock: sameResource ? undefined : newLock };
  }
  const before = await currentFile(table, run);
  await run.update.stageTable(name, bytes);
  const message = `${name} : mise à jour depuis « ${resource.title} » : ${formatBytes(before.byteLength)} → ${formatBytes(bytes.byteLength)}, ${details}.`;
  const change = { path: table.path, before, after: bytes, previous: lock ?? null, lock: newLock };
  return { outcome: outcome(table, 'updated', message, { ...more, change }), lock: newLock };
}

/** The table's lock once `bytes` are its file, downloaded now from `resource`. */
function lockOf(
  table: TableAt,
  resource: UdataResource,
  bytes: Uint8Array,
  { read }: Extract<Verification<TableSpec>, { ok: true }>,
  dataset: UdataDataset,
  now: string,
): TableLock {
  const hash = sha256(bytes);
  const { lock } = table;
  return {
    file: table.spec.file,
    origin: 'data.gouv.fr',
    originNote: `Téléchargé depuis data.gouv.fr : ressource « ${resource.title} » du jeu de données « ${dataset.title ?? dataset.slug} »${dataset.page ? ` (${dataset.page})` : ''}.`,
    resource: recordOf(resource),
    fetchedAt: now,
    // Same bytes is no update, whatever the resource's date says: the content's date stays.
    updatedAt: lock?.sha256 === hash ? lock.updatedAt : now,
    rows: read.rows.length,
    bytes: bytes.byteLength,
    sha256: hash,
    columns: (Object.values(read.headers) as string[]).concat(read.extraColumns),
  };
}

async function currentFile(table: TableAt, run: FetchRun): Promise<Uint8Array> {
  try {
    return await run.update.fx.fs.readFile(table.path);
  } catch {
    // A table without a file yet.
    return new Uint8Array();
  }
}

/** « 12 lignes ; séparateur « ; », gardé tel que publié ; somme de contrôle sha256 vérifiée ». */
function downloadDetails(resource: UdataResource, verified: Extract<Verification<TableSpec>, { ok: true }>): string {
  const { read, checksum } = verified;
  const extra = read.extraColumns;
  const notes = [
    describeDialect(read.dialect),
    checksum === 'verified' ? `somme de contrôle ${resource.checksum!.type} vérifiée` : null,
    typeof checksum === 'object'
      ? `somme de contrôle ${checksum.notVerified} non vérifiée (type non vérifiable)`
      : null,
    renamedColumns(read.headers),
    extra.length > 0
      ? `colonne${extra.length > 1 ? 's' : ''} en plus, acceptée${extra.length > 1 ? 's' : ''} mais non lue${extra.length > 1 ? 's' : ''} : ${extra.map((c) => `« ${c} »`).join(', ')}`
      : null,
  ].filter((n): n is string => n !== null);
  return [`${read.rows.length} ligne${read.rows.length > 1 ? 's' : ''}`, ...notes].join(' ; ');
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
