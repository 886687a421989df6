/**
 * The outside world, passed as a parameter: scripts take `Partial<Effects>` and fall back on the real ones,
 * so tests run them against temporary folders, a local HTTP server and a fixed clock.
 */
import * as fs from 'node:fs/promises';
import { hostname, uptime } from 'node:os';

export interface Effects {
  fetch: typeof globalThis.fetch;
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
  process: { pid: number; host: string; bootedAt: () => Date; alive: (pid: number) => boolean };
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

export const realEffects: Effects = {
  fetch: globalThis.fetch,
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
  },
};

export function withEffects(partial: Partial<Effects> = {}): Effects {
  return { ...realEffects, ...partial };
}
