/**
 * Issue 23, item 8: a disk that fills up, turns read-only or refuses permission in the middle of an update. The
 * run ends with its closing line « Code de sortie 1 : … », which names the file and says what to do; data/ is
 * the old snapshot or, past the commit point, is completed by the next command; and what the failed run left
 * (staged copies, a half-written journal, its lock) is cleaned up by the next run. The system's errors are
 * shaped as Node's own: a full disk's names no file.
 */
import * as realFs from 'node:fs/promises';
import { hostname } from 'node:os';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkData } from '../../src/commands/check.ts';
import { fetchCommand } from '../../src/commands/fetch.ts';
import type { Effects } from '../../src/effects.ts';
import { journalPathOf } from '../../src/update/journal.ts';
import {
  allFiles,
  capture,
  copyData,
  publishSnapshot,
  removeData,
  startUdataServer,
  tableBytes,
} from '../support/fetch-harness.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A data copy whose resources are recorded, with budget and défis republished with new bytes. */
async function setUp() {
  const dir = await copyData({ history: true });
  const server = await startUdataServer();
  cleanups.push(
    () => server.close(),
    () => removeData(dir),
  );
  const served = await publishSnapshot(server, dir);
  const io = capture();
  expect(await fetchCommand([], io.effects(server, dir))).toBe(0);
  const fresh = {
    budget: Buffer.from((await tableBytes(dir, 'budget')).toString('utf8').replace(/\n/gu, '\r\n')),
    defis: Buffer.from((await tableBytes(dir, 'defis')).toString('utf8').replace(/\n/gu, '\r\n')),
  };
  server.updateResource(served.budget.id, { body: fresh.budget });
  server.updateResource(served.defis.id, { body: fresh.defis });
  io.log.length = 0;
  io.out.length = 0;
  return { dir, server, io, fresh, before: await allFiles(dir) };
}

/** An error as Node gives it: `ENOSPC: no space left on device, write` names no file; the others do. */
function systemError(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  const text: Record<string, string> = {
    ENOSPC: 'no space left on device',
    EROFS: 'read-only file system',
    EACCES: 'permission denied',
  };
  const error: NodeJS.ErrnoException = new Error(`${code}: ${text[code]}, ${syscall}${path ? ` '${path}'` : ''}`);
  return Object.assign(error, { code, syscall, ...(path ? { path } : {}) });
}

/**
 * The real file system, once `failing(path)` says so for a write: writing a file's content fails with ENOSPC
 * (the file is created empty, as on a full disk), or every write, rename, link and removal fails with `code`.
 */
function brokenFs(code: 'ENOSPC' | 'EROFS' | 'EACCES', failing: (path: string) => boolean): Effects['fs'] {
  const refuse = (syscall: string, path: string) => systemError(code, syscall, path);
  if (code === 'ENOSPC') {
    return {
      ...realFs,
      open: async (path: string, flags?: string) => {
        const handle = await realFs.open(path, flags);
        if (flags !== 'w' || !failing(path)) return handle;
        return {
          writeFile: async () => {
            throw systemError('ENOSPC', 'write');
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        } as unknown as FileHandle;
      },
    } as Effects['fs'];
  }
  const guard =
    <A extends [unknown, ...unknown[]], R>(syscall: string, operation: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const path = String(args[0]);
      if (failing(path)) throw refuse(syscall, path);
      return operation(...args);
    };
  return {
    ...realFs,
    open: async (path: string, flags?: string) => {
      if (flags === 'w' && failing(path)) throw refuse('open', path);
      return realFs.open(path, flags);
    },
    writeFile: guard('open', realFs.writeFile),
    rename: guard('rename', realFs.rename),
    link: guard('link', realFs.link),
    rm: guard('rm', realFs.rm),
    mkdir: guard('mkdir', realFs.mkdir),
  } as Effects['fs'];
}

/** Hidden files a run leaves in the data folder: staged copies, temporary files, a journal, a lock. */
async function leftovers(dir: string): Promise<string[]> {
  const files = Object.keys(await allFiles(dir));
  return files.filter((f) => f.split('/').some((part) => part.startsWith('.'))).sort();
}

async function checkPasses(dir: string): Promise<void> {
  const lines: string[] = [];
  expect(await checkData([], { env: { EIG_DATA_DIR: dir }, log: (l) => lines.push(l) }), lines.join('\n')).toBe(0);
}

/** The next run, on a working disk: the update completes, nothing is left behind. */
async function nextRunCompletes(setup: Awaited<ReturnType<typeof setUp>>): Promise<void> {
  const { dir, server, fresh } = setup;
  const io = capture();
  expect(await fetchCommand(['--strict'], io.effects(server, dir))).toBe(0);
  expect(await tableBytes(dir, 'budget')).toEqual(fresh.budget);
  expect(await tableBytes(dir, 'defis')).toEqual(fresh.defis);
  expect(await leftovers(dir)).toEqual([]);
  await checkPasses(dir);
}

const visible = (files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).filter(([f]) => !f.split('/').some((part) => part.startsWith('.'))));

describe('a disk that fails during an update', () => {
  it('full (ENOSPC) while staging: the closing line names the staged file and the advice; data/ as it was', async () => {
    const setup = await setUp();
    const { dir, server, io, before } = setup;
    const fs = brokenFs('ENOSPC', (path) => path.endsWith('.defis.csv.next'));
    expect(await fetchCommand(['--strict'], { ...io.effects(server, dir), fs })).toBe(1);
    expect(io.out.at(-1)).toBe(
      `Code de sortie 1 : écriture impossible dans ${join(dir, 'snapshot', '.defis.csv.next')} (disque plein, ENOSPC) ; rien n’est remplacé dans ${dir}, les fichiers préparés qui resteraient sont supprimés au prochain lancement. Libérez de la place sur le disque de ${dir}, puis relancez.`,
    );
    expect(io.out.filter((l) => l.startsWith('Code de sortie'))).toHaveLength(1);
    expect(visible(await allFiles(dir))).toEqual(visible(before));
    // What it had staged (budget), and the empty file the full disk left, are gone with it.
    expect(await leftovers(dir)).toEqual([]);
    await checkPasses(dir);
    await nextRunCompletes(setup);
  });

  it('full (ENOSPC) while writing the journal: the half-written journal is cleaned by the next run', async () => {
    const setup = await setUp();
    const { dir, server, io, before } = setup;
    const fs = brokenFs('ENOSPC', (path) => path.endsWith('.fetch-journal.json.tmp'));
    expect(await fetchCommand([], { ...io.effects(server, dir), fs })).toBe(1);
    expect(io.out.at(-1)).toMatch(
      new RegExp(
        `^Code de sortie 1 : écriture impossible dans ${dir}/\\.\\.fetch-journal\\.json\\.tmp \\(disque plein, ENOSPC\\) ; rien n’est remplacé dans `,
        'u',
      ),
    );
    expect(visible(await allFiles(dir))).toEqual(visible(before));
    expect(await leftovers(dir)).toEqual(['..fetch-journal.json.tmp']);
    await checkPasses(dir);
    await nextRunCompletes(setup);
  });

  it('read-only (EROFS) from the first staged file on: nothing can even be cleaned; the next run cleans it all', async () => {
    const setup = await setUp();
    const { dir, server, io, before } = setup;
    let readOnly = false;
    const fs = brokenFs('EROFS', (path) => {
      readOnly ||= path.endsWith('.next');
      return readOnly;
    });
    expect(await fetchCommand([], { ...io.effects(server, dir), fs })).toBe(1);
    expect(io.out.at(-1)).toBe(
      `Code de sortie 1 : écriture impossible dans ${join(dir, 'snapshot', '.budget.csv.next')} (système de fichiers en lecture seule, EROFS) ; rien n’est remplacé dans ${dir}, les fichiers préparés qui resteraient sont supprimés au prochain lancement. Rendez ${dir} accessible en écriture, ou lancez la commande sur une copie accessible en écriture (EIG_DATA_DIR), puis relancez.`,
    );
    expect(visible(await allFiles(dir))).toEqual(visible(before));
    // Its lock could not be removed: the next run takes it over (its holder is gone), and says so.
    expect(await leftovers(dir)).toEqual(['.ecriture-en-cours.json']);
    const held = JSON.parse(await realFs.readFile(join(dir, '.ecriture-en-cours.json'), 'utf8')) as { pid: number };
    const io2 = capture();
    const gone = { ...io2.effects(server, dir), process: { ...fakeGone(held.pid) } };
    expect(await fetchCommand([], gone)).toBe(0);
    expect(io2.log[0]).toMatch(
      /\.ecriture-en-cours\.json : verrou laissé par « npm run fetch » .*, ce processus ne tourne plus ; verrou repris\.$/u,
    );
    expect(await leftovers(dir)).toEqual([]);
    await nextRunCompletes(setup);
  });

  it('permission refused (EACCES) past the commit point: the line says the next command completes it, and it does', async () => {
    const setup = await setUp();
    const { dir, server, io, fresh } = setup;
    const fs = brokenFs('EACCES', (path) => path === join(dir, 'snapshot', '.defis.csv.next'));
    expect(
      await fetchCommand([], { ...io.effects(server, dir), fs: { ...fs, open: realFs.open } as Effects['fs'] }),
    ).toBe(1);
    expect(io.out.at(-1)).toBe(
      `Code de sortie 1 : écriture impossible dans ${join(dir, 'snapshot', '.defis.csv.next')} (permission refusée, EACCES) ; la mise à jour est validée mais pas entièrement mise en place : la prochaine commande qui ouvre ${dir} (npm run fetch, npm run data:check, donc la construction) la terminera. Donnez le droit d’écrire dans ${dir} (et ses sous-dossiers) à l’utilisateur qui lance la commande, puis relancez.`,
    );
    expect(await realFs.stat(journalPathOf(dir))).toBeTruthy();
    // data:check, as the build runs it, completes the update.
    const lines: string[] = [];
    expect(await checkData([], { env: { EIG_DATA_DIR: dir }, log: (l) => lines.push(l) })).toBe(0);
    expect(lines[0]).toMatch(/^Mise à jour interrompue \(lancée le .*\) terminée : /u);
    expect(await tableBytes(dir, 'defis')).toEqual(fresh.defis);
    expect(await leftovers(dir)).toEqual([]);
  });
});

/** This process's effects, except that `pid` is said not to run (the failed run's, which is this process). */
function fakeGone(pid: number) {
  return {
    pid: process.pid + 1_000_000,
    host: hostname(),
    bootedAt: () => new Date(0),
    alive: (other: number) => other !== pid,
    stat: () => null,
  };
}
