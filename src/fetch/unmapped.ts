/**
 * Resources of the dataset that no table maps: recorded in the manifest, never silently dropped, and kept in
 * data/unmapped/ for inspection when small enough.
 */
import { join } from 'node:path';
import { LIMITS, LIMITS_HINT, limitText } from '../lib/limits.ts';
import type { ResourceRecord } from '../lib/manifest.ts';
import { manifestPathOf } from '../load/paths.ts';
import { writeAtomically } from '../update/journal.ts';
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

export async function keepAside(
  resource: UdataResource,
  run: FetchRun,
): Promise<UnmappedOutcome & { runOver?: boolean }> {
  const { dir, fx } = run.update;
  const path = keptPathOf(resource, dir);
  const intro = `ressource non reconnue : « ${resource.title} » (${resource.format ?? 'format inconnu'}, ${resource.id})`;
  const kept = (downloadedBytes: number, how: string) => ({
    resource: recordOf(resource),
    keptAs: path,
    downloadedBytes,
    message: `${intro} ${how} ; ${ADVICE}.`,
  });
  const notKept = (what: string) => ({
    resource: recordOf(resource),
    keptAs: null,
    downloadedBytes: 0,
    message: `${intro} notée dans ${manifestPathOf(dir)}, mais pas gardée : ${what} ; ${ADVICE}.`,
  });
  const recorded = run.manifest.unmapped?.find((p: ResourceRecord) => p.id === resource.id);
  if ((await exists(path, run)) && sameAsRecorded(resource, recorded))
    return kept(0, `déjà gardée dans ${path}, inchangée`);
  // Kept for inspection only, and no larger than a table could be: a 200 MB file has no business in data/.
  if (resource.filesize !== null && resource.filesize > LIMITS.bytesPerTable) {
    return notKept(
      `${formatBytes(resource.filesize)} annoncés, au-delà de ${limitText(LIMITS.bytesPerTable)} (${LIMITS_HINT}), rien n’est téléchargé`,
    );
  }
  const options = { maxBytes: LIMITS.bytesPerTable, expectedBytes: resource.filesize, run: run.deadline };
  const download = await httpGet(downloadUrl(resource), options, run.policy, fx);
  if (!download.ok) {
    const what = explainHttp(download.failure, download.attempts).what;
    return { ...notKept(what), runOver: isRunOver(download.failure) };
  }
  const bytes = download.response.bytes;
  await fx.fs.mkdir(unmappedDirOf(dir), { recursive: true });
  await writeAtomically(path, bytes, fx);
  return kept(bytes.byteLength, `gardée dans ${path} pour inspection (${formatBytes(bytes.byteLength)})`);
}

/** `data/unmapped/<id>.<format>`, both made safe as a file name. */
function keptPathOf(resource: UdataResource, dir: string): string {
  const extension =
    (resource.format ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]/gu, '')
      .slice(0, 8) || 'bin';
  return join(unmappedDirOf(dir), `${resource.id.replace(/[^A-Za-z0-9_-]/gu, '_')}.${extension}`);
}

async function exists(path: string, run: FetchRun): Promise<boolean> {
  try {
    await run.update.fx.fs.stat(path);
    return true;
  } catch {
    return false;
  }
}
