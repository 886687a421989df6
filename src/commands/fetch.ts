/**
 * `npm run fetch`: brings data/ up to date with data.gouv.fr (../fetch/fetch-data.ts), an update written with its
 * report and history entry. Options: `--strict`, `--timeout <seconds>` (inactivity), `--download-deadline
 * <seconds>` (one download, all its tries), `--deadline <seconds>` (the whole run).
 */
import type { Effects } from '../effects.ts';
import { fetchData } from '../fetch/fetch-data.ts';
import type { FetchOptions } from '../fetch/fetch-run.ts';

export const USAGE =
  'usage : npm run fetch [-- --strict] [--timeout <secondes>] [--download-deadline <secondes>] [--deadline <secondes>]';

const SECONDS = { '--timeout': 'timeoutMs', '--download-deadline': 'deadlineMs', '--deadline': 'runMs' } as const;

export function parseFetchArgs(args: string[]): FetchOptions {
  const options: FetchOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--strict') {
      options.strict = true;
      continue;
    }
    const name = Object.keys(SECONDS).find((o) => arg === o || arg.startsWith(`${o}=`)) as
      keyof typeof SECONDS | undefined;
    if (!name) throw new Error(`option inconnue « ${arg} » (${USAGE})`);
    const value = arg === name ? args[++i] : arg.slice(name.length + 1);
    const seconds = Number(value);
    if (!value || !Number.isFinite(seconds) || seconds <= 0)
      throw new Error(`${name} attend un nombre de secondes positif (${USAGE})`);
    const field = SECONDS[name];
    if (field === 'runMs') options.deadlineMs = seconds * 1000;
    else options.policy = { ...options.policy, [field]: seconds * 1000 };
  }
  return options;
}

export async function fetchCommand(args: string[], effects: Partial<Effects> = {}): Promise<number> {
  const result = await fetchData({ ...parseFetchArgs(args), record: true }, effects);
  return result.exitCode;
}
