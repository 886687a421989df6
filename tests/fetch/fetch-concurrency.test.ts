/**
 * Issue 14, item 1: two writers of one data folder. A fetch is held in the middle of a download while a second
 * fetch (in this process, then in another process, against a server serving other data), data:lock and
 * data:check try the same folder: each stops with one line naming the holder, and the folder ends exactly as
 * the first fetch alone makes it. A lock left by a process that no longer runs is taken over, and said so; a
 * journal whose staged copy vanished (what two interleaved fetches did) is refused instead of being declared
 * done.
 */
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkData } from '../../src/commands/check.ts';
import { lockData } from '../../src/commands/lock.ts';
import { fetchCommand } from '../../src/commands/fetch.ts';
import { fetchData } from '../../src/fetch/fetch-data.ts';
import { commit, completeInterruptedUpdate, journalPathOf, stage } from '../../src/update/journal.ts';
import { writeLockPathOf } from '../../src/update/folder-lock.ts';
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
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(): Promise<UdataServer> {
  const started = await startUdataServer();
  cleanups.push(() => started.close());
  return started;
}

async function data(): Promise<string> {
  const dir = await copyData();
  cleanups.push(() => removeData(dir));
  return dir;
}

/** Budget and défis republished with other bytes (CRLF, or a trailing blank line) and a new date. */
async function republish(on: UdataServer, dir: string, variant: 'crlf' | 'blank') {
  const served = await publishSnapshot(on, dir);
  const change = (text: string) => (variant === 'crlf' ? text.replace(/\n/gu, '\r\n') : `${text}\n`);
  const bodies = {
    budget: Buffer.from(change((await tableBytes(dir, 'budget')).toString('utf8'))),
    defis: Buffer.from(change((await tableBytes(dir, 'defis')).toString('utf8'))),
  };
  on.updateResource(served.budget.id, { body: bodies.budget, last_modified: '2027-01-10T00:00:00.000000+00:00' });
  on.updateResource(served.defis.id, { body: bodies.defis, last_modified: '2027-01-10T00:00:00.000000+00:00' });
  return { served, bodies };
}

const HELD =
  /^(.*) est déjà en cours d’écriture par « npm run fetch » \(pid (\d+), machine .+, lancé le 2027-01-15T09:30:00\.000Z\) : attendez qu’il se termine, puis relancez ; rien n’a été modifié \(si ce processus n’existe plus, supprimez .*\.ecriture-en-cours\.json\)$/u;

describe('two writers of one data folder', () => {
  it('a second fetch, data:lock and data:check stop with one line while a fetch runs; the folder ends as the first fetch alone makes it', async () => {
    const dir = await data();
    const first = await server();
    const other = await server();
    const { served, bodies } = await republish(first, dir, 'crlf');
    const otherBodies = (await republish(other, dir, 'blank')).bodies;
    const before = await fingerprint(dir);

    // The first fetch is held in the middle of its défis download until every other writer has been tried.
    let release!: () => void;
    first.misbehave(served.defis.id, { kind: 'hold', until: new Promise<void>((r) => (release = r)) }, 1);
    const io = capture();
    const downloading = first.waitForDownload(served.defis.id);
    const running = fetchCommand(['--strict'], io.effects(first, dir));
    await downloading;

    const second = capture();
    expect(await fetchCommand(['--strict'], second.effects(other, dir))).toBe(1);
    // The run closes with its exit line, which names the holder.
    expect(second.out).toHaveLength(1);
    expect(second.out[0]).toMatch(/^Code de sortie 1 : /u);
    const message = second.out[0]!.replace(/^Code de sortie 1 : /u, '').replace(/\.$/u, '');
    expect(message).toMatch(HELD);
    expect(HELD.exec(message)![1]).toBe(dir);
    expect(Number(HELD.exec(message)![2])).toBe(process.pid);
    expect(message).not.toMatch(/\n/u);
    // Nothing was even asked of the second server.
    expect(other.requests).toEqual([]);

    await expect(lockData(dir, { log: () => {} })).rejects.toThrow(HELD);
    await expect(checkData([], { env: { EIG_DATA_DIR: dir }, log: () => {} })).rejects.toThrow(HELD);

    // Another process: one line on stderr, exit code 1.
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'vite-node'), ['scripts/fetch.ts', '--', '--strict'], {
      cwd: ROOT,
      env: { ...process.env, EIG_API_BASE: other.base, EIG_DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^Code de sortie 1 : .* est déjà en cours d’écriture par/u),
    ]);
    expect(stdout).toContain(`(pid ${process.pid}, machine ${hostname()}, `);
    expect(other.requests).toEqual([]);
    // Until the first fetch commits, the folder is the old one.
    const meanwhile = await fingerprint(dir);
    expect(Object.fromEntries(Object.entries(meanwhile).filter(([n]) => !n.startsWith('snapshot/.')))).toEqual(before);

    release();
    expect(await running).toBe(0);
    expect(await tableBytes(dir, 'budget')).toEqual(bodies.budget);
    expect(await tableBytes(dir, 'defis')).toEqual(bodies.defis);
    expect(await tableBytes(dir, 'defis')).not.toEqual(otherBodies.defis);
    const manifest = await readManifest(dir);
    expect(manifest.tables.defis.resource!.url.startsWith(first.base)).toBe(true);
    expect(Object.values(manifest.tables).every((t) => !t.resource || t.resource.url.startsWith(first.base))).toBe(
      true,
    );
    const lines: string[] = [];
    expect(await checkData([], { env: { EIG_DATA_DIR: dir }, log: (l) => lines.push(l) })).toBe(0);
    // The lock is gone with its holder: the second fetch now runs, and brings its own data in whole.
    expect(await fetchCommand([], capture().effects(other, dir))).toBe(0);
    expect(await tableBytes(dir, 'defis')).toEqual(otherBodies.defis);
    expect(await tableBytes(dir, 'budget')).toEqual(otherBodies.budget);
    expect(await checkData([], { env: { EIG_DATA_DIR: dir }, log: () => {} })).toBe(0);
  }, 30_000);

  it('takes over the lock of a process that no longer runs, or that ran before the machine restarted, and says so', async () => {
    const dir = await data();
    const on = await server();
    await publishSnapshot(on, dir);
    const dead = spawn(process.execPath, ['-e', '0']);
    const pid = await new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid!)));
    const lock = (holder: object) => writeFile(writeLockPathOf(dir), JSON.stringify(holder));
    await lock({ command: 'npm run fetch', pid, host: hostname(), startedAt: '2027-01-15T08:00:00.000Z', token: 'a' });

    const io = capture();
    expect(await fetchCommand([], io.effects(on, dir))).toBe(0);
    expect(io.log[0]).toBe(
      `${writeLockPathOf(dir)} : verrou laissé par « npm run fetch » (pid ${pid}, lancé le 2027-01-15T08:00:00.000Z), ce processus ne tourne plus ; verrou repris.`,
    );
    await expect(readFile(writeLockPathOf(dir))).rejects.toThrow(/ENOENT/u);

    // This very process is alive, but the lock is older than the machine's last start.
    await lock({
      command: 'npm run data:lock',
      pid: process.pid,
      host: hostname(),
      startedAt: '1970-01-02T00:00:00.000Z',
      token: 'b',
    });
    const again = capture();
    expect(await fetchCommand([], again.effects(on, dir))).toBe(0);
    expect(again.log[0]).toMatch(
      /verrou laissé par « npm run data:lock » .*, la machine a redémarré depuis ; verrou repris\.$/u,
    );
  });

  it('never takes over a lock it cannot check: another machine’s, or an unreadable one', async () => {
    const dir = await data();
    const on = await server();
    await publishSnapshot(on, dir);
    const before = await fingerprint(dir);
    await writeFile(
      writeLockPathOf(dir),
      JSON.stringify({
        command: 'npm run fetch',
        pid: 1,
        host: 'autre-machine',
        startedAt: '2027-01-15T08:00:00.000Z',
        token: 'c',
      }),
    );
    const io = capture();
    expect(await fetchCommand([], io.effects(on, dir))).toBe(1);
    expect(io.out).toEqual([
      expect.stringContaining(
        `Code de sortie 1 : ${dir} est déjà en cours d’écriture par « npm run fetch » (pid 1, machine autre-machine, lancé le 2027-01-15T08:00:00.000Z)`,
      ),
    ]);
    await writeFile(writeLockPathOf(dir), 'pas du JSON');
    io.out.length = 0;
    expect(await fetchCommand([], io.effects(on, dir))).toBe(1);
    expect(io.out).toEqual([
      `Code de sortie 1 : ${dir} est verrouillé par ${writeLockPathOf(dir)}, illisible : si aucune mise à jour ne tourne, supprimez ce fichier et relancez ; rien n’a été modifié.`,
    ]);
    expect(on.requests).toEqual([]);
    await rm(writeLockPathOf(dir));
    expect(await fingerprint(dir)).toEqual(before);
  });

  it('refuses to complete a journal whose staged copy vanished, instead of declaring the old file new', async () => {
    const dir = await data();
    const old = await tableBytes(dir, 'budget');
    const manifest = await readManifest(dir);
    const entry = await stage(dir, 'snapshot/budget.csv', Buffer.from(old.toString('utf8').replace(/\n/gu, '\r\n')), {
      fs: await import('node:fs/promises'),
    });
    // What the second of two interleaved fetches did to the first one's staged file.
    await rm(join(dir, entry.staged));
    const next = structuredClone(manifest);
    next.tables.budget.sha256 = entry.sha256;
    const fs = { fs: await import('node:fs/promises') };
    const expected = `${join(dir, 'snapshot/budget.csv')} : la mise à jour en cours ne peut pas être terminée, sa copie préparée ${join(dir, entry.staged)} a disparu et le fichier en place n’est pas celui qu’elle a vérifié (une autre écriture dans ${dir} ?) ; revenez au dernier instantané committé (git checkout -- ${dir}), supprimez ${journalPathOf(dir)}, puis relancez « npm run fetch »`;
    await expect(commit(dir, next, [entry], '2027-01-15T09:30:00.000Z', fs)).rejects.toThrow(expected);
    // The manifest was not rewritten to vouch for a file it does not describe, and the next reader stops too.
    expect(await readManifest(dir)).toEqual(manifest);
    expect(await tableBytes(dir, 'budget')).toEqual(old);
    await expect(completeInterruptedUpdate(dir, fs)).rejects.toThrow(expected);
    await expect(fetchData({}, capture().effects('http://127.0.0.1:9', dir))).rejects.toThrow(expected);
  });
});
