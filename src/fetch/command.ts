/**
 * The command line of `npm run fetch`: `--strict`, `--timeout <seconds>` (inactivity), `--download-deadline
 * <seconds>` (one download, all its tries), `--deadline <seconds>` (the whole run). An update is written with
 * its report and history entry (../commands/update-report.ts).
 */
import type { Effects } from '../load/effects.ts';
import { fetchRecorder } from '../commands/update-report.ts';
import { fetchData, type FetchOptions } from './fetch-data.ts';

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
  const options = parseFetchArgs(args);
  const result = await fetchData({ ...options, recorder: fetchRecorder }, effects);
  return result.exitCode;
}
