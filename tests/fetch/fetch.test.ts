/**
 * `npm run fetch` against the udata test server: the normal path (first fetch, nothing changed, an update), then
 * every fault of issue 5. Each fault asserts the one line printed, the exit code (with and without --strict),
 * that the data folder is byte-identical afterwards, and that data:check still passes on it.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkData } from '../../src/commands/check.ts';
import { fetchCommand } from '../../src/commands/fetch.ts';
import { fetchData } from '../../src/fetch/fetch-data.ts';
import type { FetchResult } from '../../src/fetch/outcomes.ts';
import { loadSnapshot, readManifest } from '../../src/load/snapshot-io.ts';
import { tableNames, tables, type TableName } from '../../src/lib/tables.ts';
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
import type { ResourceInit, ServedResource, UdataServer } from '../support/udata-server.ts';

let dir: string;
let server: UdataServer;
let served: Record<TableName, ServedResource>;
let io: Captured;

/**
 * Waits between tries are recorded, not slept: the deadlines, which count real time, are set far enough not to
 * cut the tries short (tests/fetch/fetch-limits.test.ts tests them). The timeout test shortens the timeout.
 */
const run = (
  options: { strict?: boolean; base?: string; timeoutMs?: number; keep?: string[] } = {},
): Promise<FetchResult> =>
  fetchData(
    {
      strict: options.strict,
      keep: options.keep,
      policy: { timeoutMs: options.timeoutMs ?? 5000, deadlineMs: 600_000 },
      deadlineMs: 600_000,
    },
    io.effects(options.base ?? server.base, dir),
  );
const LONG_DEADLINES = ['--download-deadline', '600', '--deadline', '600'];

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
async function expectRefused(table: TableName, expected: RegExp, timeoutMs = 5000): Promise<string> {
  const before = await fingerprint(dir);
  const result = await run({ timeoutMs });
  const line = failureLine(table);
  expect(line).toMatch(expected);
  expect(line).toContain(`${join(dir, 'snapshot', tables[table].file)} gardé tel quel`);
  expect(result.exitCode).toBe(0);
  expect(result.tables.find((t) => t.table === table)?.status).toBe('failed');
  expect(io.out.at(-1)).toMatch(/^Code de sortie 0 .* Avec --strict, ce code serait 2\.$/u);
  expect(await fingerprint(dir)).toEqual(before);
  await checkPasses();

  io.log.length = 0;
  // Through the command line this time.
  const strict = await fetchCommand(
    ['--strict', '--timeout', String(timeoutMs / 1000), ...LONG_DEADLINES],
    io.effects(server, dir),
  );
  expect(strict).toBe(2);
  expect(failureLine(table)).toMatch(expected);
  expect(io.out.at(-1)).toMatch(/^Code de sortie 2 \(--strict\)/u);
  expect(await fingerprint(dir)).toEqual(before);
  return line;
}

/** Fetches once from a server publishing the snapshot's own files, so the manifest records data.gouv.fr resources. */
async function baseline(): Promise<void> {
  const result = await run();
  expect(result.tables.map((t) => t.status)).toEqual(Array(tableNames.length).fill('unchanged'));
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
    expect(server.requests.filter((r) => r.path.startsWith('/api/1/datasets/r/')).map((r) => r.status)).toEqual(
      Array(tableNames.length).fill(302),
    );
    await checkPasses();
  });

  it('downloads nothing at all when nothing changed since the lock', async () => {
    await baseline();
    const before = await fingerprint(dir);
    const result = await run();

    expect(result.tables.map((t) => t.status)).toEqual(Array(tableNames.length).fill('unchanged'));
    expect(result.downloadedBytes).toBe(0);
    expect(result.committed).toBe(false);
    expect(server.fileRequests()).toEqual([]);
    expect(server.fileBytesSent()).toBe(0);
    expect(server.requests.map((r) => r.path)).toEqual(['/api/1/datasets/programme-entrepreneurs-dinteret-general/']);
    expect(await fingerprint(dir)).toEqual(before);
    expect(io.log.filter((l) => /inchangée .*0 octet téléchargé/u.test(l))).toHaveLength(tableNames.length);
    expect(io.out[0]).toMatch(
      new RegExp(
        `^Bilan : 0 table mise à jour, ${tableNames.length} inchangées, 0 en échec.* ; 0 octet téléchargé\\.$`,
        'u',
      ),
    );
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
      'budget : mise à jour depuis « Budget par promotion » : 1 539 octets → 1 564 octets, 24 lignes ; somme de contrôle sha256 vérifiée.',
    );
    expect(Buffer.from(budget.change!.before)).toEqual(old);
    expect(Buffer.from(budget.change!.after)).toEqual(crlf);
    expect(result.tables.filter((t) => t.table !== 'budget').map((t) => t.status)).toEqual(
      Array(tableNames.length - 1).fill('unchanged'),
    );
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
    expect(manifest.tables.budget.originNote).toMatch(
      /^Téléchargé depuis data\.gouv\.fr : ressource « Budget par promotion »/u,
    );
    expect(manifest.tables.budget.resource!.last_modified).toBe('2024-05-02T08:00:00.000000+00:00');
    expect(manifest.snapshotDate).toBe('2027-01-15');
    expect(io.out).toEqual([
      `Bilan : 1 table mise à jour (budget), ${tableNames.length - 1} inchangées, 0 en échec, 0 ressource disparue, 0 sans ressource sur data.gouv.fr ; aucune ressource non reconnue ; 1 564 octets téléchargés.`,
      'Code de sortie 0 : instantané du 2027-01-15 cohérent, le site peut être construit.',
    ]);
    await checkPasses();
  });
});

/** The budget table as published again: same figures, other bytes (CRLF line endings), a new date. */
async function republishBudget(change: Partial<ResourceInit> = {}): Promise<Uint8Array> {
  const body = Buffer.from((await tableBytes(dir, 'budget')).toString('utf8').replace(/\n/gu, '\r\n'));
  return server.updateResource(served.budget.id, { body, last_modified: '2024-06-01T00:00:00.000000+00:00', ...change })
    .body;
}

const budgetText = async () => (await tableBytes(dir, 'budget')).toString('utf8');

describe('fault injection: network', () => {
  it('no network (connection refused): one line, exit 0, 3 with --strict, nothing touched', async () => {
    await baseline();
    const gone = await startUdataServer();
    await gone.close();
    const { snapshotDate } = await readManifest(dir);
    const before = await fingerprint(dir);

    const result = await run({ base: gone.base });
    expect(result.outcome).toBe('unreachable');
    expect(result.exitCode).toBe(0);
    // Issue 26, item 3: offline too, the run closes with its exit line.
    expect([...io.log, ...io.out]).toEqual([
      `Pas de réseau : 127.0.0.1:${gone.port} injoignable (connexion refusée) ; l’instantané du ${snapshotDate} est gardé tel quel, le site peut être construit. Relancez « npm run fetch » une fois connecté.`,
      `Code de sortie 0 : instantané du ${snapshotDate} cohérent, le site peut être construit. Avec --strict, ce code serait 3.`,
    ]);
    expect(io.sleeps).toEqual([]);

    io.log.length = 0;
    io.out.length = 0;
    expect(await fetchCommand(['--strict'], io.effects(gone.base, dir))).toBe(3);
    expect(io.log).toHaveLength(1);
    expect(io.log[0]).toMatch(/^Pas de réseau : .* \(--strict : code de sortie 3\)\. Relancez/u);
    expect(io.out).toEqual([
      `Code de sortie 3 (--strict) : data.gouv.fr injoignable ; l’instantané du ${snapshotDate} est intact.`,
    ]);
    expect(await fingerprint(dir)).toEqual(before);
    await checkPasses();
  });

  it('DNS failure: one line naming the host, exit 0, 3 with --strict', async () => {
    await baseline();
    const before = await fingerprint(dir);
    const result = await run({ base: 'http://nonexistent.invalid' });
    expect(result.exitCode).toBe(0);
    expect(io.log).toHaveLength(1);
    expect(io.log[0]).toMatch(
      /^Pas de réseau : nonexistent\.invalid injoignable \((nom de domaine introuvable, DNS|DNS indisponible)\) ; /u,
    );
    expect(await fetchCommand(['--strict'], io.effects('http://nonexistent.invalid', dir))).toBe(3);
    expect(await fingerprint(dir)).toEqual(before);
    await checkPasses();
  });

  it('timeout: a file that never comes is given up after the bounded tries', async () => {
    await baseline();
    await republishBudget();
    server.misbehave(served.budget.id, { kind: 'delay', ms: 10_000 });
    await expectRefused(
      'budget',
      /^budget : ÉCHEC, ressource « Budget par promotion » \(http:.*\/budget\.csv\) : aucune réponse pendant 0,2 s \(4 essais\) ; .* Relancez « npm run fetch » plus tard, ou allongez le délai avec --timeout <secondes>\.$/u,
      200,
    );
    expect(io.sleeps).toEqual([1000, 2000, 4000, 1000, 2000, 4000]);
  });

  it('404: not retried', async () => {
    await baseline();
    await republishBudget();
    server.misbehave(served.budget.id, { kind: 'status', status: 404 });
    await expectRefused(
      'budget',
      /: HTTP 404 : introuvable ; .* La ressource a été supprimée ou déplacée : vérifiez la page du jeu de données sur data\.gouv\.fr\.$/u,
    );
    expect(io.sleeps).toEqual([]);
  });

  it('500: retried with exponential backoff, then given up', async () => {
    await baseline();
    await republishBudget();
    server.misbehave(served.budget.id, { kind: 'status', status: 500 });
    await expectRefused(
      'budget',
      /: HTTP 500 : erreur du serveur \(4 essais\) ; .* Data\.gouv\.fr est en difficulté : relancez « npm run fetch » plus tard\.$/u,
    );
    expect(io.sleeps).toEqual([1000, 2000, 4000, 1000, 2000, 4000]);
    expect(io.log.filter((l) => l.includes('nouvel essai'))).toEqual([
      'budget : HTTP 500 : erreur du serveur ; nouvel essai (2/4) dans 1 s.',
      expect.stringMatching(/nouvel essai \(3\/4\) dans 2 s\.$/u),
      expect.stringMatching(/nouvel essai \(4\/4\) dans 4 s\.$/u),
    ]);
  });

  it('500 then success: updated after one retry', async () => {
    await baseline();
    const body = await republishBudget();
    server.misbehave(served.budget.id, { kind: 'status', status: 500 }, 1);
    const result = await run();
    expect(result.tables.find((t) => t.table === 'budget')?.status).toBe('updated');
    expect(io.sleeps).toEqual([1000]);
    expect(await tableBytes(dir, 'budget')).toEqual(body);
    await checkPasses();
  });

  it('503 with Retry-After (seconds, then an HTTP date) then success: waits what the server asks', async () => {
    await baseline();
    const body = await republishBudget();
    server.misbehave(served.budget.id, { kind: 'status', status: 503, headers: { 'Retry-After': '7' } }, 1);
    server.misbehave(
      served.budget.id,
      { kind: 'status', status: 503, headers: { 'Retry-After': new Date(NOW.getTime() + 30_000).toUTCString() } },
      1,
    );
    const result = await run();
    expect(result.tables.find((t) => t.table === 'budget')?.status).toBe('updated');
    expect(io.sleeps).toEqual([7000, 30_000]);
    expect(io.log.filter((l) => l.includes('nouvel essai'))).toEqual([
      expect.stringMatching(
        /HTTP 503 : erreur du serveur, le serveur demande d’attendre 7 s ; nouvel essai \(2\/4\) dans 7 s\.$/u,
      ),
      expect.stringMatching(
        /HTTP 503 : erreur du serveur, le serveur demande d’attendre 30 s ; nouvel essai \(3\/4\) dans 30 s\.$/u,
      ),
    ]);
    expect(await tableBytes(dir, 'budget')).toEqual(body);
    await checkPasses();
  });

  it('429: retried as asked, then given up; a Retry-After of an hour is not waited for', async () => {
    await baseline();
    await republishBudget();
    server.misbehave(served.budget.id, { kind: 'status', status: 429, headers: { 'Retry-After': '2' } });
    await expectRefused(
      'budget',
      /: HTTP 429 : trop de requêtes, le serveur demande d’attendre 2 s \(4 essais\) ; .* Relancez « npm run fetch » plus tard\.$/u,
    );
    expect(io.sleeps).toEqual([2000, 2000, 2000, 2000, 2000, 2000]);

    io.sleeps.length = 0;
    io.log.length = 0;
    server.misbehave(served.defis.id, { kind: 'status', status: 429, headers: { 'Retry-After': '3600' } });
    const defis = (await tableBytes(dir, 'defis')).toString('utf8').replace(/\n/gu, '\r\n');
    server.updateResource(served.defis.id, { body: defis, last_modified: '2024-06-02T00:00:00.000000+00:00' });
    const result = await run();
    expect(result.tables.find((t) => t.table === 'defis')?.message).toMatch(
      /HTTP 429 : trop de requêtes, le serveur demande d’attendre 3.600 s ;/u,
    );
    expect(io.sleeps).toEqual([2000, 2000, 2000]); // budget's tries only
  });

  it('truncated body: Content-Length larger than what arrives', async () => {
    await baseline();
    await republishBudget();
    server.misbehave(served.budget.id, { kind: 'truncate', bytes: 100 });
    await expectRefused(
      'budget',
      /: téléchargement tronqué : 100 octets reçus sur 1 564 octets annoncés \(4 essais\) ; .* Connexion instable : relancez « npm run fetch » plus tard\.$/u,
    );
  });

  it('redirect loop', async () => {
    await baseline();
    await republishBudget();
    server.misbehave(`r/${served.budget.id}`, { kind: 'redirect-loop' });
    await expectRefused(
      'budget',
      /: boucle de redirections \(http:\/\/127\.0\.0\.1:\d+\/api\/1\/datasets\/r\/[-0-9a-f]+ renvoie vers une adresse déjà visitée\) ; .* L’adresse de la ressource est cassée : signalez-le au producteur du jeu de données sur data\.gouv\.fr\.$/u,
    );
  });

  it('a response larger than a table may be is cut off at the size cap (the site’s limit)', async () => {
    await baseline();
    await republishBudget();
    server.misbehave(served.budget.id, { kind: 'huge', bytes: 30_000_000 });
    await expectRefused(
      'budget',
      /: réponse trop grosse \(plus de 1,0 Mo reçus, limite 1,0 Mo\) : téléchargement interrompu ; .* Ce n’est sans doute pas le bon fichier : vérifiez la ressource sur data\.gouv\.fr ; si c’est bien elle, la limite du site \(src\/lib\/limits\.ts\) est à revoir, construction du site comprise\.$/u,
    );
    // The download was aborted, not read to the end (twice: with and without --strict).
    expect(server.fileBytesSent()).toBeLessThan(2 * 10_000_000);
  });

  it('a Content-Length larger than a table may be is refused before reading the body', async () => {
    await baseline();
    await republishBudget();
    server.misbehave(served.budget.id, { kind: 'huge', bytes: 25_000_000, contentLength: true });
    await expectRefused(
      'budget',
      /: réponse trop grosse \(25,0 Mo annoncés, limite 1,0 Mo\) : téléchargement interrompu ; /u,
    );
  });
});

describe('fault injection: the dataset', () => {
  it('a dataset answer that is not JSON', async () => {
    await baseline();
    const before = await fingerprint(dir);
    server.misbehave('dataset', {
      kind: 'body',
      body: '<html><body>Maintenance en cours</body></html>',
      contentType: 'text/html',
    });
    const result = await run();
    expect(result.outcome).toBe('dataset-failed');
    expect(result.exitCode).toBe(0);
    expect(io.log).toEqual([
      `Échec : impossible de lister les ressources du jeu de données (${server.base}/api/1/datasets/programme-entrepreneurs-dinteret-general/) : la réponse n’est pas du JSON (elle commence par « <html><body>Maintenance en cours</body></html> ») ; l’instantané du ${(await readManifest(dir)).snapshotDate} est gardé tel quel. Ce n’est pas la réponse de l’API de data.gouv.fr : vérifiez EIG_API_BASE et l’adresse ${server.base}, ou relancez « npm run fetch » plus tard.`,
    ]);
    expect(io.out).toEqual([
      `Code de sortie 0 : instantané du ${(await readManifest(dir)).snapshotDate} cohérent, le site peut être construit. Avec --strict, ce code serait 2.`,
    ]);
    expect(await fetchCommand(['--strict'], io.effects(server, dir))).toBe(2);
    expect(io.out.at(-1)).toMatch(
      /^Code de sortie 2 \(--strict\) : mise à jour incomplète ; ce qui a échoué est gardé tel quel, l’instantané du .* est cohérent\.$/u,
    );
    expect(await fingerprint(dir)).toEqual(before);
    await checkPasses();
  });

  it('JSON of another shape is refused with the field at fault', async () => {
    server.misbehave('dataset', {
      kind: 'body',
      body: JSON.stringify({ id: 'x', slug: 'y', resources: [{ id: 'r1' }] }),
      contentType: 'application/json',
    });
    const before = await fingerprint(dir);
    await run();
    expect(io.log[0]).toMatch(
      /la réponse JSON n’a pas la forme d’un jeu de données udata \(champ resources\.0\.url : /u,
    );
    expect(await fingerprint(dir)).toEqual(before);
  });

  it('an unknown dataset (404)', async () => {
    server.dataset.slug = 'autre-jeu';
    const result = await run();
    expect(result.outcome).toBe('dataset-failed');
    expect(io.log[0]).toMatch(
      /: HTTP 404 : jeu de données introuvable ; .* Vérifiez le slug du jeu de données dans data\/sources\.ts\.$/u,
    );
  });

  it('an old slug answering 308 is followed, and the new slug reported', async () => {
    server.dataset.slug = 'entrepreneurs-d-interet-general';
    server.dataset.oldSlugs.push('programme-entrepreneurs-dinteret-general');
    const result = await run();
    expect(result.outcome).toBe('done');
    expect(io.log).toContain(
      'Le jeu de données a changé d’adresse : « programme-entrepreneurs-dinteret-general » est devenu « entrepreneurs-d-interet-general » ; mettez à jour data/sources.ts.',
    );
    expect((await readManifest(dir)).dataset.slug).toBe('entrepreneurs-d-interet-general');
  });

  it('a resource that disappeared from the dataset: reported, file kept', async () => {
    await baseline();
    const before = await fingerprint(dir);
    server.removeResource(served.budget.id);
    const result = await run();
    const budget = result.tables.find((t) => t.table === 'budget')!;
    expect(budget.status).toBe('disappeared');
    expect(io.log).toContain(
      `budget : la ressource « Budget par promotion » (${served.budget.id}) n’est plus dans le jeu de données ; ${join(dir, 'snapshot', 'budget.csv')} gardé tel quel. Vérifiez sur data.gouv.fr si elle a été renommée ou remplacée, et adaptez data/sources.ts.`,
    );
    expect(result.exitCode).toBe(0);
    expect(io.out[0]).toMatch(/1 ressource disparue \(budget\)/u);
    expect(await fetchCommand(['--strict'], io.effects(server, dir))).toBe(2);
    expect(await fingerprint(dir)).toEqual(before);
    await checkPasses();
  });

  it('a new unmapped resource is recorded in the manifest and listed, not downloaded; kept aside once when asked', async () => {
    await baseline();
    const before = await fingerprint(dir);
    const doc = server.addResource({
      title: 'Documentation du jeu de données',
      format: 'pdf',
      mime: 'application/pdf',
      body: '%PDF-1.4 notice',
      type: 'documentation',
    });
    const noted = await run();
    expect(noted.exitCode).toBe(0);
    expect(server.fileRequests()).toEqual([]);
    expect(noted.unmapped.map((u) => [u.resource.id, u.keptAs, u.downloadedBytes])).toEqual([[doc.id, null, 0]]);
    expect(io.log).toContain(
      `ressource non reconnue : « Documentation du jeu de données » (pdf, ${doc.id}, adresse ${server.base}/api/1/datasets/r/${doc.id}) notée dans ${join(dir, 'manifest.json')}, pas téléchargée ; si elle doit alimenter une table, ajoutez son motif ou son id dans data/sources.ts ; pour l’examiner, gardez-la à part dans ${join(dir, 'unmapped')}/ avec « npm run fetch -- --keep ${doc.id} ».`,
    );
    expect(io.out[0]).toMatch(/ ; 1 ressource non reconnue \(notée dans le manifeste, pas téléchargée\) ; /u);
    expect(await readdir(join(dir, 'unmapped')).catch(() => [])).toEqual([]);
    const manifest = await readManifest(dir);
    expect(manifest.unmapped).toEqual([
      expect.objectContaining({ id: doc.id, title: 'Documentation du jeu de données', format: 'pdf', filesize: 15 }),
    ]);
    // The snapshot's files are untouched; only the manifest gained the unmapped resource.
    const after = await fingerprint(dir);
    expect({ ...after, 'manifest.json': '' }).toEqual({ ...before, 'manifest.json': '' });
    await checkPasses();

    io.log.length = 0;
    io.out.length = 0;
    const kept = await run({ keep: [doc.id] });
    const keptAs = join(dir, 'unmapped', `${doc.id}.pdf`);
    expect(kept.unmapped[0]!.keptAs).toBe(keptAs);
    expect(await readFile(keptAs, 'utf8')).toBe('%PDF-1.4 notice');
    expect(io.log).toContain(
      `ressource non reconnue : « Documentation du jeu de données » (pdf, ${doc.id}, adresse ${server.base}/api/1/datasets/r/${doc.id}) gardée dans ${keptAs} pour inspection (15 octets) ; si elle doit alimenter une table, ajoutez son motif ou son id dans data/sources.ts.`,
    );
    expect(io.out[0]).toMatch(/ ; 1 ressource non reconnue \(notée dans le manifeste, 1 gardée pour inspection\) ; /u);
    expect(await fingerprint(dir)).toEqual(after);
    await checkPasses();

    server.requests.length = 0;
    const again = await run({ keep: ['all'] });
    expect(again.downloadedBytes).toBe(0);
    expect(server.fileBytesSent()).toBe(0);
    expect(await fingerprint(dir)).toEqual(after);
  });

  it('a resource two tables could claim is refused for both, never guessed', async () => {
    const both = server.addResource({ title: 'Budget et chiffres clés 2024', body: await tableBytes(dir, 'budget') });
    const result = await run();
    const failed = result.tables.filter((t) => t.status === 'failed').map((t) => t.table);
    expect(failed).toEqual(['chiffres-cles', 'budget']);
    expect(io.log.find((l) => l.startsWith('budget : ÉCHEC'))).toMatch(
      /^budget : ÉCHEC, plusieurs ressources correspondent au motif « budget\|d\[ée\]penses\|financement » : « Budget par promotion » \(.*\), « Budget et chiffres clés 2024 » \(.*\) ; indiquez la bonne avec resource\.id dans data\/sources\.ts ; .* gardé tel quel\./u,
    );
    expect(result.unmapped.map((u) => u.resource.id)).toContain(both.id);
  });
});

describe('fault injection: the file', () => {
  beforeEach(baseline);

  it('checksum mismatch', async () => {
    // The new file announced with the checksum of other bytes.
    await republishBudget({
      checksum: { type: 'sha256', value: createHash('sha256').update('autre chose').digest('hex') },
    });
    await expectRefused(
      'budget',
      /: somme de contrôle sha256 différente de celle annoncée par data\.gouv\.fr \([0-9a-f]{12}… attendu, [0-9a-f]{12}… obtenu\) ; .* Fichier abîmé en route ou métadonnées périmées : relancez « npm run fetch » plus tard ; si cela persiste, signalez-le au producteur du jeu de données sur data\.gouv\.fr\.$/u,
    );
  });

  it('filesize mismatch', async () => {
    await republishBudget({ filesize: 1600 });
    await expectRefused('budget', /: taille de 1 564 octets au lieu des 1 600 octets annoncés par data\.gouv\.fr ; /u);
  });

  it('an HTML page served with status 200 instead of the file', async () => {
    await republishBudget();
    server.misbehave(served.budget.id, {
      kind: 'body',
      body: '<!doctype html><html><title>Erreur</title></html>',
      contentType: 'text/html; charset=utf-8',
    });
    await expectRefused(
      'budget',
      /: le serveur a renvoyé une page HTML au lieu du fichier CSV \(page d’erreur \?\) ; /u,
    );
  });

  it('an HTML page published as the CSV itself (right checksum, CSV content type)', async () => {
    await republishBudget({ body: '\n  <!DOCTYPE html>\n<html><body>Page introuvable</body></html>\n' });
    // The reader's own words: only what matters to the maintainer is asserted.
    await expectRefused(
      'budget',
      /^budget : ÉCHEC, ressource « Budget par promotion » \(http:[^ ]*\/budget\.csv\)(, ligne 1)? : [^;]*page HTML[^;]* ; /u,
    );
  });

  it('empty file', async () => {
    await republishBudget({ body: '' });
    await expectRefused(
      'budget',
      /: fichier vide \(0 octet\) ; .* Le fichier publié est vide : signalez-le au producteur du jeu de données sur data\.gouv\.fr\.$/u,
    );
  });

  it('header-only file', async () => {
    await republishBudget({ body: 'promotion,annee,poste,montant_eur,statut,source\r\n' });
    await expectRefused('budget', /: aucune ligne de données, seulement l’en-tête ; /u);
  });

  it('missing column', async () => {
    const text = (await budgetText())
      .split('\n')
      .map((line) =>
        line
          .split(',')
          .filter((_, i) => i !== 4)
          .join(','),
      )
      .join('\n');
    await republishBudget({ body: text });
    await expectRefused(
      'budget',
      /^budget : ÉCHEC, ressource « Budget par promotion » \(http:[^ ]*\/budget\.csv\), ligne 1 : colonne manquante : « statut ».* gardé tel quel\. Corrigez le fichier sur data\.gouv\.fr, ou adaptez data\/sources\.ts \(colonnes, alias\) si le changement est voulu\.$/u,
    );
  });

  it('duplicate rows', async () => {
    const lines = (await budgetText()).split('\n');
    await republishBudget({ body: [...lines.slice(0, 3), lines[2], ...lines.slice(3)].join('\n') });
    await expectRefused(
      'budget',
      /\(http:[^ ]*\/budget\.csv\), ligne 4 : ligne en double : .*EIG 2.*enveloppe_pia.* ligne 3 ; /u,
    );
  });

  it('Windows-1252 with accents: accepted, stored as published, read back with the same text', async () => {
    const original = await loadSnapshot(dir);
    if (!original.ok) throw new Error('snapshot');
    const latin = encodeWindows1252((await tableBytes(dir, 'defis')).toString('utf8'));
    expect([latin.includes(0xe7), latin.includes(0x92)]).toEqual([true, true]); // ç and ’, one byte each
    server.updateResource(served.defis.id, { body: latin, last_modified: '2024-06-01T00:00:00.000000+00:00' });
    const result = await run();
    expect(result.tables.find((t) => t.table === 'defis')?.status).toBe('updated');
    expect(io.log.find((l) => l.startsWith('defis : mise à jour'))).toMatch(
      / ; encodage windows-1252, gardé tel que publié ; /u,
    );
    expect(await tableBytes(dir, 'defis')).toEqual(latin);
    const reread = await loadSnapshot(dir);
    if (!reread.ok) throw new Error(reread.errors.map((e) => e.message).join('\n'));
    expect(reread.snapshot.tables.defis).toEqual(original.snapshot.tables.defis);
    expect(reread.snapshot.tables.defis.map((d) => d.administration)).toContain('Ministère de l’Intérieur');
    await checkPasses();
  });

  it('`;` separator with decimal commas: accepted, stored as published, same figures', async () => {
    const original = await loadSnapshot(dir);
    if (!original.ok) throw new Error('snapshot');
    const french = (await budgetText())
      .split('\n')
      .map((line, i) => {
        const cells = line.split(',');
        if (i > 0 && cells[3])
          cells[3] = new Intl.NumberFormat('fr-FR', { useGrouping: true })
            .format(Number(cells[3]))
            .replace(/\u202f/gu, ' ');
        return cells.join(';');
      })
      .join('\n');
    expect(french).toContain('756 553,38');
    const body = await republishBudget({ body: french });
    const result = await run();
    expect(result.tables.find((t) => t.table === 'budget')?.status).toBe('updated');
    expect(io.log.find((l) => l.startsWith('budget : mise à jour'))).toMatch(
      / ; séparateur « ; », virgule décimale, gardé tel que publié ; /u,
    );
    expect(await tableBytes(dir, 'budget')).toEqual(body);
    const reread = await loadSnapshot(dir);
    if (!reread.ok) throw new Error(reread.errors.map((e) => e.message).join('\n'));
    expect(reread.snapshot.tables.budget).toEqual(original.snapshot.tables.budget);
    await checkPasses();
  });

  it('renamed columns are accepted through their aliases, and said so', async () => {
    const [header, ...rest] = (await budgetText()).split('\n');
    expect(header).toBe('promotion,annee,poste,montant_eur,statut,source');
    await republishBudget({ body: ['Promo,Année,Poste,Montant (€),Statut,Source', ...rest].join('\n') });
    const result = await run();
    expect(result.tables.find((t) => t.table === 'budget')?.status).toBe('updated');
    expect(io.log.find((l) => l.startsWith('budget : mise à jour'))).toMatch(
      /colonnes lues par alias : « Promo » → promotion, « Année » → annee, « Poste » → poste, « Montant \(€\) » → montant_eur, « Statut » → statut, « Source » → source/u,
    );
    await checkPasses();
  });

  it('an extra column is accepted and reported', async () => {
    const text = (await budgetText())
      .split('\n')
      .map((line, i) => (line === '' ? line : `${line},${i === 0 ? 'commentaire' : 'vu'}`))
      .join('\n');
    await republishBudget({ body: text });
    const result = await run();
    const budget = result.tables.find((t) => t.table === 'budget')!;
    expect(budget.status).toBe('updated');
    expect(budget.extraColumns).toEqual(['commentaire']);
    expect(io.log.find((l) => l.startsWith('budget : mise à jour'))).toMatch(
      / ; colonne en plus, acceptée mais non lue : « commentaire »\.$/u,
    );
    expect((await readManifest(dir)).tables.budget.columns).toContain('commentaire');
    await checkPasses();
  });
});
