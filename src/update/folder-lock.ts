/**
 * One writer at a time per data folder. Fetch, data:lock, data:diff (in the folder it writes), data:ack and
 * data:check (which may finish an interrupted update) take the folder's lock before touching anything: two
 * writers interleaving their staged files and manifests is how two fetches once left a snapshot that neither
 * wrote. The lock is a small file naming its holder (pid, host, start time, command); it is created in one
 * step (a hard link of a complete file, which fails if the name exists), so no one ever reads half a lock.
 *
 * A lock left by a process that no longer runs (killed, machine restarted) is taken over, and said so. So is a
 * lock whose holder is a zombie (killed, not yet reaped by its parent: `kill(pid, 0)` still succeeds, and in a
 * container whose first process never reaps, it would for ever), or whose pid now belongs to another process
 * (the lock records its holder's start time, field 22 of /proc/<pid>/stat). A second writer never waits in
 * silence: it stops at once with a line naming the holder.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Effects } from '../effects.ts';
import { namingFile } from './journal.ts';

export interface LockHolder {
  command: string;
  pid: number;
  host: string;
  startedAt: string;
  token: string;
  /** When the holder started, in clock ticks since the machine's start (/proc/<pid>/stat); absent without /proc. */
  processStart?: string;
}

export const writeLockPathOf = (dir: string) => join(dir, '.ecriture-en-cours.json');

type Fx = Pick<Effects, 'fs' | 'now' | 'log' | 'process'>;

/** Takes the lock of `dir` for `command`; returns the function that releases it. Throws when someone holds it. */
export async function lockFolder(dir: string, command: string, fx: Fx): Promise<() => Promise<void>> {
  const path = writeLockPathOf(dir);
  const holder: LockHolder = {
    command,
    pid: fx.process.pid,
    host: fx.process.host,
    startedAt: fx.now().toISOString(),
    token: randomUUID(),
  };
  const processStart = procStat(fx.process.stat(fx.process.pid))?.start;
  if (processStart) holder.processStart = processStart;
  const temp = join(dir, `.ecriture-en-cours.${holder.token}.tmp`);
  try {
    await namingFile(temp, () => fx.fs.writeFile(temp, JSON.stringify(holder, null, 2) + '\n'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${dir} : dossier de données introuvable`, { cause: error });
    throw error;
  }
  try {
    await acquire(dir, temp, fx);
  } finally {
    await fx.fs.rm(temp, { force: true });
  }
  return async () => {
    const current = await readHolder(path, fx);
    if (typeof current === 'object' && current.token === holder.token) await fx.fs.rm(path, { force: true });
  };
}

/** Links the complete lock file `temp` as the lock of `dir`, taking over a stale lock at most twice. */
async function acquire(dir: string, temp: string, fx: Fx): Promise<void> {
  const path = writeLockPathOf(dir);
  for (let attempt = 1; ; attempt++) {
    try {
      await fx.fs.link(temp, path);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = await readHolder(path, fx);
    if (current === 'gone' && attempt < 3) continue;
    const stale = typeof current === 'object' ? staleness(current, fx) : null;
    if (typeof current !== 'object' || !stale || attempt >= 3) throw new Error(heldMessage(dir, path, current));
    await takeOver(dir, path, current, fx);
    fx.log(
      `${path} : verrou laissé par « ${current.command} » (pid ${current.pid}, lancé le ${current.startedAt}), ${stale} ; verrou repris.`,
    );
  }
}

/**
 * Runs `work` holding the lock of `dir`. When the work failed, a lock that cannot be removed (a folder turned
 * read-only) does not hide why: it is left, and the next command takes it over (its holder no longer runs).
 */
export async function withFolderLock<T>(dir: string, command: string, fx: Fx, work: () => Promise<T>): Promise<T> {
  const release = await lockFolder(dir, command, fx);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await release().catch(() => {});
    throw error;
  }
  await release();
  return result;
}

async function readHolder(path: string, fx: Fx): Promise<LockHolder | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await fx.fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const holder = JSON.parse(text) as Partial<LockHolder>;
    if (typeof holder.pid === 'number' && typeof holder.token === 'string' && typeof holder.startedAt === 'string')
      return holder as LockHolder;
  } catch {
    // Falls through: not a lock this code wrote.
  }
  return 'unreadable';
}

/** Why the holder no longer runs, or null when it may still be running. */
function staleness(holder: LockHolder, fx: Fx): string | null {
  // Another machine's process cannot be checked from here.
  if (holder.host !== fx.process.host) return null;
  if (Date.parse(holder.startedAt) < fx.process.bootedAt().getTime()) return 'la machine a redémarré depuis';
  if (!fx.process.alive(holder.pid)) return 'ce processus ne tourne plus';
  const stat = procStat(fx.process.stat(holder.pid));
  // Without /proc, kill(pid, 0) is all there is to go by.
  if (!stat) return null;
  if (stat.state === 'Z' || stat.state === 'X') return 'ce processus est terminé (zombie, pas encore récupéré)';
  if (holder.processStart && stat.start !== holder.processStart) {
    return 'ce processus ne tourne plus (son pid est maintenant celui d’un autre processus)';
  }
  return null;
}

/**
 * The state (R, S, Z…) and start time (field 22) in a line of /proc/<pid>/stat. The command name, field 2, is
 * in parentheses and may hold spaces and parentheses itself: the fields are counted after its last one.
 */
export function procStat(line: string | null): { state: string; start: string } | null {
  if (line === null) return null;
  const fields = line
    .slice(line.lastIndexOf(')') + 1)
    .trim()
    .split(/\s+/u);
  const [state, start] = [fields[0], fields[19]];
  return state && start && /^\d+$/u.test(start) ? { state, start } : null;
}

/**
 * Moves the stale lock aside in one step, then checks that what was moved is the stale lock and not a fresh one
 * that another process took over in between (which is put back).
 */
async function takeOver(dir: string, path: string, stale: LockHolder, fx: Fx): Promise<void> {
  const aside = join(dir, `.ecriture-en-cours.${randomUUID()}.tmp`);
  try {
    await fx.fs.rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readHolder(aside, fx);
  if (typeof moved === 'object' && moved.token !== stale.token) {
    await fx.fs.link(aside, path).catch(() => {});
    await fx.fs.rm(aside, { force: true });
    throw new Error(heldMessage(dir, path, moved));
  }
  await fx.fs.rm(aside, { force: true });
}

function heldMessage(dir: string, path: string, holder: LockHolder | 'unreadable' | 'gone'): string {
  if (typeof holder !== 'object')
    return `${dir} est verrouillé par ${path}, illisible : si aucune mise à jour ne tourne, supprimez ce fichier et relancez ; rien n’a été modifié`;
  return `${dir} est déjà en cours d’écriture par « ${holder.command} » (pid ${holder.pid}, machine ${holder.host}, lancé le ${holder.startedAt}) : attendez qu’il se termine, puis relancez ; rien n’a été modifié (si ce processus n’existe plus, supprimez ${path})`;
}
