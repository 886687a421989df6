/**
 * Resources of the dataset that no table maps: recorded in the manifest and listed (title, format, address,
 * shown as inert text), never silently dropped, and not downloaded. The dataset's answer decides their
 * addresses: one pointing at another service of the machine once had its answer saved in data/unmapped/, which
 * maintainers commit. Keeping one for inspection is asked by its id (`npm run fetch -- --keep <id>`, or
 * `--keep all`): it is then downloaded only from the API's own origin or one declared in data/sources.ts
 * (redirects included; ./addresses.ts), held to the size of a table, and staged with the update, within the one
 * cap on what an update writes (../update/transaction.ts).
 */
import { join } from 'node:path';
import { sources } from '../../data/sources.ts';
import { LIMITS, LIMITS_HINT, limitText } from '../lib/limits.ts';
import type { ResourceRecord } from '../lib/manifest.ts';
import { manifestPathOf } from '../load/paths.ts';
import type { AddressRule } from './addresses.ts';
import { isRunOver, type FetchRun } from './fetch-run.ts';
import { httpGet } from './http.ts';
import { explainHttp, formatBytes } from './messages.ts';
import type { UnmappedOutcome } from './outcomes.ts';
import { downloadUrl, recordOf, sameAsRecorded, type UdataResource } from './udata.ts';

export function unmappedDirOf(dir: string): string {
  return join(dir, 'unmapped');
}

/** What to do about a resource no table maps. */
const ADVICE = 'si elle doit alimenter une table, ajoutez son motif ou son id dans data/sources.ts';

export type KeptOutcome = UnmappedOutcome & { runOver?: boolean };

/** Whether the run was asked to keep `resource` aside. */
export const askedToKeep = (resource: UdataResource, run: FetchRun) => run.keep === 'all' || run.keep.has(resource.id);

/**
 * Notes `resource`, and keeps it aside when asked to, in at most `room` bytes (what is left under the cap on
 * what the update writes).
 */
export async function keepAside(resource: UdataResource, run: FetchRun, room: number): Promise<KeptOutcome> {
  const { dir } = run.update;
  const relative = keptPathOf(resource);
  const path = join(dir, relative);
  const intro = `ressource non reconnue : « ${resource.title} » (${resource.format ?? 'format inconnu'}, ${resource.id}, adresse ${downloadUrl(resource)})`;
  const kept = (downloadedBytes: number, how: string): KeptOutcome => ({
    resource: recordOf(resource),
    keptAs: path,
    downloadedBytes,
    message: `${intro} ${how} ; ${ADVICE}.`,
  });
  const notKept = (what: string, more: Partial<KeptOutcome> = {}): KeptOutcome => ({
    resource: recordOf(resource),
    keptAs: null,
    downloadedBytes: 0,
    message: `${intro} notée dans ${manifestPathOf(dir)}, mais pas gardée : ${what} ; ${ADVICE}.`,
    ...more,
  });
  const recorded = run.manifest.unmapped?.find((p: ResourceRecord) => p.id === resource.id);
  if ((await exists(path, run)) && sameAsRecorded(resource, recorded))
    return kept(0, `déjà gardée dans ${path}, inchangée`);
  if (!askedToKeep(resource, run)) {
    return {
      resource: recordOf(resource),
      keptAs: null,
      downloadedBytes: 0,
      message: `${intro} notée dans ${manifestPathOf(dir)}, pas téléchargée ; ${ADVICE} ; pour l’examiner, gardez-la à part dans ${unmappedDirOf(dir)}/ avec « npm run fetch -- --keep ${resource.id} ».`,
    };
  }
  // Kept for inspection only, and no larger than a table could be: a 200 MB file has no business in data/.
  const maxBytes = Math.min(LIMITS.bytesPerTable, room);
  if (resource.filesize !== null && resource.filesize > maxBytes) {
    return notKept(`${formatBytes(resource.filesize)} annoncés, ${beyond(maxBytes)}, rien n’est téléchargé`);
  }
  if (maxBytes <= 0) return notKept(`${beyond(maxBytes)}, rien n’est téléchargé`);
  const options = { maxBytes, expectedBytes: resource.filesize, run: run.deadline, rule: keptRule(run) };
  const download = await httpGet(downloadUrl(resource), options, run.policy, run.update.fx);
  if (!download.ok) {
    const what = explainHttp(download.failure, download.attempts).what;
    return notKept(what, { runOver: isRunOver(download.failure) });
  }
  const bytes = download.response.bytes;
  await run.update.stageKept(relative, bytes);
  return kept(bytes.byteLength, `gardée dans ${path} pour inspection (${formatBytes(bytes.byteLength)})`);
}

/** « au-delà de 1 Mo (…) », or, when less is left under the cap, what is left. */
function beyond(maxBytes: number): string {
  return maxBytes >= LIMITS.bytesPerTable
    ? `au-delà de ${limitText(LIMITS.bytesPerTable)} (${LIMITS_HINT})`
    : `au-delà de la place qui reste sous la limite de ${limitText(LIMITS.bytesPerSnapshot)} pour les tables et les fichiers gardés d’une mise à jour (${formatBytes(Math.max(0, maxBytes))} ; ${LIMITS_HINT})`;
}

/** A resource kept aside comes from the API's own origin or one data/sources.ts declares, redirects included. */
function keptRule(run: FetchRun): AddressRule {
  const origins = new Set<string>();
  for (const address of [run.base, ...sources.downloadOrigins]) {
    try {
      origins.add(new URL(address).origin);
    } catch {
      // Not an address: no origin to allow.
    }
  }
  return { reachable: run.rule.reachable, origins };
}

/** `unmapped/<id>.<format>` in the data folder, both made safe as a file name. */
function keptPathOf(resource: UdataResource): string {
  const extension =
    (resource.format ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]/gu, '')
      .slice(0, 8) || 'bin';
  return join('unmapped', `${resource.id.replace(/[^A-Za-z0-9_-]/gu, '_').slice(0, 100)}.${extension}`);
}

async function exists(path: string, run: FetchRun): Promise<boolean> {
  try {
    await run.update.fx.fs.stat(path);
    return true;
  } catch {
    return false;
  }
}
