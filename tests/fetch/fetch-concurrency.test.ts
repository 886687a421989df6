/**
 * Issue 14, item 1: two writers of one data folder. A fetch is held in the middle of a download while a second
 * fetch (in this process, then in another process, against a server serving other data), data:lock and
 * data:check try the same folder: each stops with one line naming the holder, and the folder ends exactly as
 * the first fetch alone makes it. A lock left by a process that no longer runs is taken over, and said so; a
 * journal whose staged copy vanished (what two interleaved fetches did) is refused instead of being declared
 * done.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkData } from '../../src/commands/check.ts';
import { lockData } from '../../src/commands/lock.ts';
import { fetchCommand } from '../../src/commands/fetch.ts';
import { fetchData } from '../../src/fetch/fetch-data.ts';
import { commit, completeInterruptedUpdate, journalPathOf, stage } from '../../src/update/journal.ts';
import { lockFolder, procStat, writeLockPathOf, type LockHolder } from '../../src/update/folder-lock.ts';
import { withEffects } from '../../src/effects.ts';
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

  it('records its holder’s start time, and takes over a lock whose pid now belongs to another process', async () => {
    const dir = await data();
    const on = await server();
    await publishSnapshot(on, dir);
    const release = await lockFolder(dir, 'npm run fetch', withEffects({ log: () => {} }));
    const holder = JSON.parse(await readFile(writeLockPathOf(dir), 'utf8')) as LockHolder;
    const ownStart = readFileSync('/proc/self/stat', 'utf8');
    expect(holder.processStart).toBe(procStat(readFileSync(`/proc/${process.pid}/stat`, 'utf8'))!.start);
    expect(procStat(ownStart)?.state).toMatch(/^[RS]$/u);
    await release();

    // This very process runs, but it is not the one that took the lock: that one started at another time.
    await writeFile(
      writeLockPathOf(dir),
      JSON.stringify({ ...holder, startedAt: '2027-01-15T08:00:00.000Z', processStart: '1', token: 'd' }),
    );
    const io = capture();
    expect(await fetchCommand([], io.effects(on, dir))).toBe(0);
    expect(io.log[0]).toBe(
      `${writeLockPathOf(dir)} : verrou laissé par « npm run fetch » (pid ${process.pid}, lancé le 2027-01-15T08:00:00.000Z), ce processus ne tourne plus (son pid est maintenant celui d’un autre processus) ; verrou repris.`,
    );
    // The same process, with its own start time, holds the lock still.
    await writeFile(writeLockPathOf(dir), JSON.stringify({ ...holder, token: 'e' }));
    expect(await fetchCommand([], capture().effects(on, dir))).toBe(1);
    await rm(writeLockPathOf(dir));
  });

  it.skipIf(!existsSync('/proc/self/stat'))(
    'takes over the lock of a zombie: a real process killed and not reaped by its parent',
    async () => {
      const dir = await data();
      const on = await server();
      await publishSnapshot(on, dir);
      // The shell starts a background sleep, prints its pid and becomes a sleep itself, which never reaps it.
      const parent = spawn('sh', ['-c', 'sleep 60 & echo $!; exec sleep 60'], { stdio: ['ignore', 'pipe', 'ignore'] });
      cleanups.push(async () => {
        parent.kill('SIGKILL');
      });
      const pid = Number(
        await new Promise<string>((resolve) => parent.stdout.once('data', (chunk: Buffer) => resolve(String(chunk)))),
      );
      const start = procStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))!.start;
      // Once the shell has become a sleep, nothing will reap the child: kill it then.
      const becameSleep = async () => (await readFile(`/proc/${parent.pid}/stat`, 'utf8')).includes('(sleep)');
      for (let i = 0; i < 100 && !(await becameSleep()); i++) await new Promise((r) => setTimeout(r, 20));
      expect(await becameSleep()).toBe(true);
      process.kill(pid, 'SIGKILL');
      const state = async () => procStat(await readFile(`/proc/${pid}/stat`, 'utf8'))!.state;
      for (let i = 0; i < 50 && (await state()) !== 'Z'; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await state()).toBe('Z');
      // kill(pid, 0) still succeeds on a zombie: what made the next command refuse « déjà en cours d’écriture ».
      expect(() => process.kill(pid, 0)).not.toThrow();

      const lock = {
        command: 'npm run fetch',
        pid,
        host: hostname(),
        startedAt: new Date().toISOString(),
        token: 'z',
        processStart: start,
      };
      await writeFile(writeLockPathOf(dir), JSON.stringify(lock));
      const lines: string[] = [];
      expect(await checkData([], { env: { EIG_DATA_DIR: dir }, log: (l) => lines.push(l) })).toBe(0);
      expect(lines[0]).toBe(
        `${writeLockPathOf(dir)} : verrou laissé par « npm run fetch » (pid ${pid}, lancé le ${lock.startedAt}), ce processus est terminé (zombie, pas encore récupéré) ; verrou repris.`,
      );
      await expect(readFile(writeLockPathOf(dir))).rejects.toThrow(/ENOENT/u);
    },
  );

  it('a zombie or a reused pid seen through the process effects, where /proc is given by the test', async () => {
    const dir = await data();
    const on = await server();
    await publishSnapshot(on, dir);
    const lock = (processStart: string) =>
      writeFile(
        writeLockPathOf(dir),
        JSON.stringify({
          command: 'npm run data:lock',
          pid: 4242,
          host: hostname(),
          startedAt: '2027-01-15T09:00:00.000Z',
          token: 't',
          processStart,
        }),
      );
    const fakeProc = (line: string | null) => ({
      pid: process.pid,
      host: hostname(),
      bootedAt: () => new Date('2027-01-01T00:00:00.000Z'),
      alive: (pid: number) => pid === 4242,
      // A command name with spaces and parentheses, as /proc shows it.
      stat: (pid: number) => (pid === 4242 ? line : null),
    });
    const stat = (state: string, start: string) =>
      `4242 (vite-node (a) b) ${state} 1 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 ${start} 0 0`;
    for (const [line, stale] of [
      [stat('Z', '777'), 'ce processus est terminé (zombie, pas encore récupéré)'],
      [stat('S', '778'), 'ce processus ne tourne plus (son pid est maintenant celui d’un autre processus)'],
    ] as const) {
      await lock('777');
      const io = capture();
      expect(await fetchCommand([], { ...io.effects(on, dir), process: fakeProc(line) })).toBe(0);
      expect(io.log[0]).toMatch(
        new RegExp(
          `\\(pid 4242, lancé le 2027-01-15T09:00:00\\.000Z\\), ${stale.replace(/[()]/gu, '\\$&')} ; verrou repris\\.$`,
          'u',
        ),
      );
    }
    // Running, same start time: held. Without /proc: kill(pid, 0) decides, as before.
    for (const line of [stat('S', '777'), null]) {
      await lock('777');
      const io = capture();
      expect(await fetchCommand([], { ...io.effects(on, dir), process: fakeProc(line) })).toBe(1);
      expect(io.out).toEqual([
        expect.stringMatching(
          /^Code de sortie 1 : .* est déjà en cours d’écriture par « npm run data:lock » \(pid 4242, /u,
        ),
      ]);
    }
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
