/**
 * The outside world, passed as a parameter: scripts take `Partial<Effects>` and fall back on the real ones,
 * so tests run them against temporary folders, a local HTTP server and a fixed clock.
 */
import * as fs from 'node:fs/promises';

export interface Effects {
  fetch: typeof globalThis.fetch;
  fs: Pick<typeof fs, 'readFile' | 'writeFile' | 'rename' | 'mkdir' | 'rm' | 'readdir' | 'stat' | 'open' | 'copyFile'>;
  now: () => Date;
  /** Progress and errors, one line each (stderr). */
  log: (line: string) => void;
  /** Results (stdout). */
  out: (line: string) => void;
  env: Record<string, string | undefined>;
  sleep: (ms: number) => Promise<void>;
}

export const realEffects: Effects = {
  fetch: globalThis.fetch,
  fs,
  now: () => new Date(),
  log: (line) => process.stderr.write(line + '\n'),
  out: (line) => process.stdout.write(line + '\n'),
  env: process.env,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function withEffects(partial: Partial<Effects> = {}): Effects {
  return { ...realEffects, ...partial };
}
