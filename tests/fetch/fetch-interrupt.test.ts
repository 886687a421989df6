/**
 * Interrupting `npm run fetch` must leave a snapshot that data:check accepts, each file being either its old or
 * its new version as the manifest says: killed during a download (a real child process, SIGKILL), and stopped
 * dead at every write or rename of the commit (the instants between replacing files and writing the manifest).
 */
import { spawn } from 'node:child_process';
import * as realFs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkData } from '../../src/commands/check.ts';
import type { Effects } from '../../src/effects.ts';
import { fetchData } from '../../src/fetch/fetch-data.ts';
import { journalPathOf } from '../../src/update/journal.ts';
import { readManifest } from '../../src/load/snapshot-io.ts';
import {
  capture,
  copyData,
  fingerprint,
  publishSnapshot,
  removeData,
  startUdataServer,
  tableBytes,
} from '../support/fetch-harness.ts';
import type { UdataServer } from '../support/udata-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A data copy whose manifest already records the server's resources, and two tables republished with new bytes. */
async function setUp() {
  const dir = await copyData();
  const server = await startUdataServer();
  cleanups.push(
    () => server.close(),
    () => removeData(dir),
  );
  const served = await publishSnapshot(server, dir);
  const io = capture();
  await fetchData({}, io.effects(server, dir));
  const old = { budget: await tableBytes(dir, 'budget'), defis: await tableBytes(dir, 'defis') };
  const fresh = {
    budget: Buffer.from(old.budget.toString('utf8').replace(/\n/gu, '\r\n')),
    defis: Buffer.from(old.defis.toString('utf8').replace(/\n/gu, '\r\n')),
  };
  server.updateResource(served.budget.id, { body: fresh.budget, last_modified: '2024-06-01T00:00:00.000000+00:00' });
  server.updateResource(served.defis.id, { body: fresh.defis, last_modified: '2024-06-01T00:00:00.000000+00:00' });
  return { dir, server, served, io, old, fresh, before: await fingerprint(dir) };
}

async function checkPasses(dir: string): Promise<string[]> {
  const lines: string[] = [];
  const code = await checkData([], { env: { EIG_DATA_DIR: dir }, log: (l) => lines.push(l) });
  expect(code, lines.join('\n')).toBe(0);
  return lines;
}

const visible = (files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).filter(([name]) => !name.startsWith('snapshot/.')));

function runChild(server: UdataServer, dir: string) {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'vite-node'), ['scripts/fetch.ts', '--'], {
    cwd: ROOT,
    env: { ...process.env, EIG_API_BASE: server.base, EIG_DATA_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  return { child, exited, stderr: () => stderr };
}

describe('interrupting fetch', () => {
  it('killed (SIGKILL) during a slow download: the snapshot stays the old one, valid; the next fetch completes', async () => {
    const { dir, server, served, io, fresh, before } = await setUp();
    // budget is downloaded and staged first; defis then trickles in, 200 bytes every 100 ms.
    server.misbehave(served.defis.id, { kind: 'slow', chunkBytes: 200, intervalMs: 100 }, 1);
    const started = server.waitForDownload(served.defis.id);
    const { child, exited, stderr } = runChild(server, dir);
    await started;
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(stderr()).toMatch(/budget : mise à jour/u);
    const after = await fingerprint(dir);
    // The staged budget was left behind, but nothing that is read changed.
    expect(Object.keys(after)).toContain('snapshot/.budget.csv.next');
    expect(visible(after)).toEqual(visible(before));
    await checkPasses(dir);

    const result = await fetchData({}, io.effects(server, dir));
    expect(result.tables.filter((t) => t.status === 'updated').map((t) => t.table)).toEqual(['budget', 'defis']);
    expect(await tableBytes(dir, 'budget')).toEqual(fresh.budget);
    expect(await tableBytes(dir, 'defis')).toEqual(fresh.defis);
    expect(Object.keys(await fingerprint(dir)).filter((f) => f.startsWith('snapshot/.'))).toEqual([]);
    await checkPasses(dir);
  }, 30_000);

  it('stopped dead at every write and rename of the commit: old or new snapshot, never a mix', async () => {
    // Count the file operations of an uninterrupted run, then stop a fresh run at each one in turn.
    const counting = await setUp();
    let operations = 0;
    await fetchData(
      {},
      { ...counting.io.effects(counting.server, counting.dir), fs: crashingFs(() => ++operations > Infinity) },
    );
    expect(operations).toBeGreaterThanOrEqual(6);

    const outcomes: string[] = [];
    for (let crashAt = 1; crashAt <= operations; crashAt++) {
      const { dir, server, io, old, fresh, before } = await setUp();
      let count = 0;
      await expect(
        fetchData({}, { ...io.effects(server, dir), fs: crashingFs(() => ++count === crashAt) }),
      ).rejects.toThrow('arrêt simulé');
      const journalPending = await exists(journalPathOf(dir));

      const lines = await checkPasses(dir);
      const budget = await tableBytes(dir, 'budget');
      const defis = await tableBytes(dir, 'defis');
      const manifest = await readManifest(dir);
      if (journalPending) {
        // After the commit point: data:check finished the update.
        expect(lines[0]).toMatch(
          /^Mise à jour interrompue \(lancée le .*\) terminée : budget\.csv, defis\.csv et .*manifest\.json mis en place\.$/u,
        );
        expect([budget, defis]).toEqual([fresh.budget, fresh.defis]);
        expect(manifest.tables.budget.resource?.last_modified).toBe('2024-06-01T00:00:00.000000+00:00');
        outcomes.push('new');
      } else {
        expect([budget, defis]).toEqual([old.budget, old.defis]);
        expect(visible(await fingerprint(dir))).toEqual(visible(before));
        outcomes.push('old');
      }
      // Whatever happened, the next fetch ends with the new version and no leftovers.
      await fetchData({}, io.effects(server, dir));
      expect([await tableBytes(dir, 'budget'), await tableBytes(dir, 'defis')]).toEqual([fresh.budget, fresh.defis]);
      expect(Object.keys(await fingerprint(dir)).filter((f) => f.startsWith('snapshot/.'))).toEqual([]);
      expect(await exists(journalPathOf(dir))).toBe(false);
      await checkPasses(dir);
    }
    // Both sides of the commit point were exercised.
    expect(outcomes).toContain('old');
    expect(outcomes).toContain('new');
    expect(outcomes.indexOf('new')).toBe(outcomes.lastIndexOf('old') + 1);
  }, 30_000);

  it('an unreadable journal stops with a line saying what to remove', async () => {
    const { dir } = await setUp();
    await realFs.writeFile(journalPathOf(dir), '{ "startedAt": ');
    const lines: string[] = [];
    await expect(checkData([], { env: { EIG_DATA_DIR: dir }, log: (l) => lines.push(l) })).rejects.toThrow(
      /\.fetch-journal\.json illisible : la mise à jour interrompue ne peut pas être terminée ; supprimez ce fichier et les fichiers \.\*\.next de \/tmp\/eig-fetch-\w+\/, puis relancez « npm run fetch »$/u,
    );
  });
});

/** The real file system, except that the operation for which `stop` says yes throws, as if the process died. */
function crashingFs(stop: () => boolean): Effects['fs'] {
  const guard =
    <A extends unknown[], R>(operation: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (stop()) throw new Error('arrêt simulé');
      return operation(...args);
    };
  return { ...realFs, open: guard(realFs.open), rename: guard(realFs.rename) } as Effects['fs'];
}

async function exists(path: string): Promise<boolean> {
  try {
    await realFs.stat(path);
    return true;
  } catch {
    return false;
  }
}
