/**
 * The outside world, passed as a parameter: scripts take `Partial<Effects>` and fall back on the real ones,
 * so tests run them against temporary folders, a local HTTP server and a fixed clock.
 */
import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { lookup } from 'node:dns/promises';
import { hostname, uptime } from 'node:os';
import { printable } from './lib/printable.ts';

export interface Effects {
  fetch: typeof globalThis.fetch;
  /** The IP addresses of a host name (what a download may reach is checked on them: ./fetch/addresses.ts). */
  lookup: (host: string) => Promise<string[]>;
  fs: Pick<
    typeof fs,
    'readFile' | 'writeFile' | 'rename' | 'mkdir' | 'rm' | 'readdir' | 'stat' | 'open' | 'copyFile' | 'link'
  >;
  now: () => Date;
  /** Progress and errors, one line each (stderr). */
  log: (line: string) => void;
  /** Results (stdout). */
  out: (line: string) => void;
  env: Record<string, string | undefined>;
  sleep: (ms: number) => Promise<void>;
  /** This process, and whether another one still runs: what the lock of a data folder needs (./update/folder-lock.ts). */
  process: {
    pid: number;
    host: string;
    bootedAt: () => Date;
    alive: (pid: number) => boolean;
    /** The line of /proc/<pid>/stat (its state, its start time), or null when it cannot be read (no /proc). */
    stat: (pid: number) => string | null;
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function stat(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
}

export const realEffects: Effects = {
  fetch: globalThis.fetch,
  lookup: async (host) => (await lookup(host, { all: true })).map((a) => a.address),
  fs,
  now: () => new Date(),
  log: (line) => process.stderr.write(line + '\n'),
  out: (line) => process.stdout.write(line + '\n'),
  env: process.env,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  process: {
    pid: process.pid,
    host: hostname(),
    bootedAt: () => new Date(Date.now() - uptime() * 1000),
    alive,
    stat,
  },
};

/**
 * The effects `partial` gives, the real ones for the rest. Every line printed goes through {@link printable}:
 * titles, addresses and file names from data.gouv.fr are in them, and a control character there (an ESC
 * sequence, a line break forging a line of its own) must be shown, never obeyed by the maintainer's terminal.
 */
export function withEffects(partial: Partial<Effects> = {}): Effects {
  const fx = { ...realEffects, ...partial };
  const log = fx.log;
  const out = fx.out;
  return { ...fx, log: (line) => log(printable(line)), out: (line) => out(printable(line)) };
}
