/** The command line of `npm run fetch`: `--strict`, `--timeout <seconds>`. */
import type { Effects } from '../effects.ts';
import { fetchData, type FetchOptions } from './fetch-data.ts';

export const USAGE = 'usage : npm run fetch [-- --strict] [--timeout <secondes>]';

export function parseFetchArgs(args: string[]): FetchOptions {
  const options: FetchOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--strict') {
      options.strict = true;
      continue;
    }
    const timeout = arg === '--timeout' ? args[++i] : arg.startsWith('--timeout=') ? arg.slice('--timeout='.length) : undefined;
    if (timeout !== undefined || arg === '--timeout') {
      const seconds = Number(timeout);
      if (!timeout || !Number.isFinite(seconds) || seconds <= 0) throw new Error(`--timeout attend un nombre de secondes positif (${USAGE})`);
      options.policy = { ...options.policy, timeoutMs: seconds * 1000 };
      continue;
    }
    throw new Error(`option inconnue « ${arg} » (${USAGE})`);
  }
  return options;
}

export async function fetchCommand(args: string[], effects: Partial<Effects> = {}): Promise<number> {
  const result = await fetchData(parseFetchArgs(args), effects);
  return result.exitCode;
}
