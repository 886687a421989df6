/**
 * `npm run fetch` against the udata test server: the normal path (first fetch, nothing changed, an update), then
 * every fault of issue 5. Each fault asserts the one line printed, the exit code (with and without --strict),
 * that the data folder is byte-identical afterwards, and that data:check still passes on it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkData } from '../../scripts/lib/check.ts';
import { fetchCommand } from '../../scripts/lib/fetch/command.ts';
import { fetchData, type FetchResult } from '../../scripts/lib/fetch/fetch-data.ts';
import { loadSnapshot, readManifest } from '../../scripts/lib/snapshot-io.ts';
import type { TableName } from '../../src/lib/tables.ts';
import {
  capture,
  copyData,
  encodeWindows1252,
  fingerprint,
  NOW,
  publishSnapshot,
  removeData,
  startUdataServer,
  tableBytes,
  TITLES,
  type Captured,
} from '../support/fetch-harness.ts';
import type { ServedResource, UdataServer } from '../support/udata-server.ts';

let dir: string;
let server: UdataServer;
let served: Record<TableName, ServedResource>;
let io: Captured;

/** Short timeout so a stalled server costs a fraction of a second; waits between tries are recorded, not slept. */
const policy = { timeoutMs: 250 };

const run = (options: { strict?: boolean; base?: string } = {}): Promise<FetchResult> =>
  fetchData({ strict: options.strict, policy }, io.effects(options.base ?? server.base, dir));

async function checkPasses(): Promise<void> {
  const lines: string[] = [];
  const code = await checkData([], { env: { EIG_DATA_DIR: dir }, log: (l) => lines.push(l) });
  expect(code, lines.join('\n')).toBe(0);
}

/** The lines that report a failed table: there must be exactly one, naming the table. */
function failureLine(table: TableName): string {
  const lines = io.log.filter((l) => l.includes('ÉCHEC'));
  expect(lines, io.log.join('\n')).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^${table} : ÉCHEC`, 'u'));
  expect(lines[0]).not.toMatch(/\n/u);
  return lines[0]!;
}

/**
 * Runs fetch without and with --strict against a fault that persists: the table fails with a line matching
 * `expected`, the data folder is untouched, data:check passes.
 */
async function expectRefused(table: TableName, expected: RegExp): Promise<string> {
  const before = await fingerprint(dir);
  const result = await run();
  const line = failureLine(table);
  expect(line).toMatch(expected);
  expect(line).toContain(`data/snapshot/${table}.csv gardé tel quel`.replace('data/', ''));
  expect(result.exitCode).toBe(0);
  expect(result.tables.find((t) => t.table === table)?.status).toBe('failed');
  expect(io.out.at(-1)).toMatch(/^Code de sortie 0 .* Avec --strict, ce code serait 2\.$/u);
  expect(await fingerprint(dir)).toEqual(before);
  await checkPasses();

  io.log.length = 0;
  const strict = await run({ strict: true });
  expect(strict.exitCode).toBe(2);
  expect(failureLine(table)).toMatch(expected);
  expect(io.out.at(-1)).toMatch(/^Code de sortie 2 \(--strict\)/u);
  expect(await fingerprint(dir)).toEqual(before);
  return line;
}

/** Fetches once from a server publishing the snapshot's own files, so the manifest records data.gouv.fr resources. */
async function baseline(): Promise<void> {
  const result = await run();
  expect(result.tables.map((t) => t.status)).toEqual(Array(6).fill('unchanged'));
  io.log.length = 0;
  io.out.length = 0;
  io.sleeps.length = 0;
  server.requests.length = 0;
}

beforeEach(async () => {
  dir = await copyData();
  server = await startUdataServer();
  served = await publishSnapshot(server, dir);
  io = capture();
});

afterEach(async () => {
  await server.close();
  await removeData(dir);
});

describe('normal path', () => {
  it('records the resources on a first fetch of identical files, without touching a single file', async () => {
    const files = await fingerprint(dir);
    const before = await readManifest(dir);
    const result = await run();

    expect(result.exitCode).toBe(0);
    expect(result.tables.map((t) => [t.table, t.status])).toEqual(Object.keys(TITLES).map((t) => [t, 'unchanged']));
    for (const name of Object.keys(files).filter((f) => f.startsWith('snapshot/'))) {
      expect((await fingerprint(dir))[name]).toBe(files[name]);
    }
    const manifest = await readManifest(dir);
    const budget = manifest.tables.budget;
    expect(budget.origin).toBe('data.gouv.fr');
    expect(budget.resource).toMatchObject({
      id: served.budget.id,
      title: 'Budget par promotion',
      url: `${server.base}/files/${served.budget.id}/budget.csv`,
      latest: `${server.base}/api/1/datasets/r/${served.budget.id}`,
      format: 'csv',
      filesize: served.budget.body.byteLength,
      last_modified: served.budget.last_modified,
    });
    expect(budget.resource!.checksum).toEqual({ type: 'sha256', value: budget.sha256 });
    expect(budget.fetchedAt).toBe(NOW.toISOString());
    // Same bytes: the content did not change, so neither does its date nor the snapshot's.
    expect(budget.updatedAt).toBe(before.tables.budget.updatedAt);
    expect(manifest.snapshotDate).toBe(before.snapshotDate);
    expect(manifest.dataset).toEqual({
      slug: 'programme-entrepreneurs-dinteret-general',
      id: server.dataset.id,
      title: server.dataset.title,
      page: `${server.base}/fr/datasets/programme-entrepreneurs-dinteret-general/`,
      license: 'lov2',
      last_modified: server.dataset.last_modified,
    });
    expect(manifest.unmapped).toEqual([]);
    // Downloads go through the stable `latest` address and its 302.
    expect(server.requests.filter((r) => r.path.startsWith('/api/1/datasets/r/')).map((r) => r.status)).toEqual(Array(6).fill(302));
    await checkPasses();
  });

  it('downloads nothing at all when nothing changed since the lock', async () => {
    await baseline();
    const before = await fingerprint(dir);
    const result = await run();

    expect(result.tables.map((t) => t.status)).toEqual(Array(6).fill('unchanged'));
    expect(result.downloadedBytes).toBe(0);
    expect(result.committed).toBe(false);
    expect(server.fileRequests()).toEqual([]);
    expect(server.fileBytesSent()).toBe(0);
    expect(server.requests.map((r) => r.path)).toEqual(['/api/1/datasets/programme-entrepreneurs-dinteret-general/']);
    expect(await fingerprint(dir)).toEqual(before);
    expect(io.log.filter((l) => /inchangée .*0 octet téléchargé/u.test(l))).toHaveLength(6);
    expect(io.out[0]).toMatch(/^Bilan : 0 table mise à jour, 6 inchangées, 0 en échec.* ; 0 octet téléchargé\.$/u);
  });

  it('replaces a changed table, records it, and hands back both versions', async () => {
    await baseline();
    const old = await tableBytes(dir, 'budget');
    const crlf = Buffer.from(old.toString('utf8').replace(/\n/gu, '\r\n'));
    server.updateResource(served.budget.id, { body: crlf, last_modified: '2024-05-02T08:00:00.000000+00:00' });
    const result = await run();

    const budget = result.tables.find((t) => t.table === 'budget')!;
    expect(budget.status).toBe('updated');
    expect(io.log).toContain(
      'budget : mise à jour depuis « Budget par promotion » (1 539 octets → 1 564 octets, 24 lignes ; somme de contrôle sha256 vérifiée).',
    );
    expect(Buffer.from(budget.change!.before)).toEqual(old);
    expect(Buffer.from(budget.change!.after)).toEqual(crlf);
    expect(result.tables.filter((t) => t.table !== 'budget').map((t) => t.status)).toEqual(Array(5).fill('unchanged'));
    expect(result.downloadedBytes).toBe(crlf.byteLength);
    expect(await tableBytes(dir, 'budget')).toEqual(crlf);

    const manifest = await readManifest(dir);
    expect(manifest.tables.budget).toMatchObject({
      origin: 'data.gouv.fr',
      updatedAt: NOW.toISOString(),
      fetchedAt: NOW.toISOString(),
      bytes: crlf.byteLength,
      rows: 24,
    });
    expect(manifest.tables.budget.originNote).toMatch(/^Téléchargé depuis data\.gouv\.fr : ressource « Budget par promotion »/u);
    expect(manifest.tables.budget.resource!.last_modified).toBe('2024-05-02T08:00:00.000000+00:00');
    expect(manifest.snapshotDate).toBe('2027-01-15');
    expect(io.out).toEqual([
      'Bilan : 1 table mise à jour (budget), 5 inchangées, 0 en échec, 0 ressource disparue, 0 sans ressource sur data.gouv.fr ; aucune ressource non reconnue ; 1 564 octets téléchargés.',
      'Code de sortie 0 : instantané du 2027-01-15 cohérent, le site peut être construit.',
    ]);
    await checkPasses();
  });
});
