/**
 * The command line of `npm run fetch`: `--strict`, `--timeout <seconds>`. After a fetch that changed the
 * snapshot, prints and writes the update report and appends the update to the history (../update-report.ts).
 */
import { withEffects, type Effects } from '../load/effects.ts';
import { dataDir } from '../load/snapshot-io.ts';
import { EXIT_FLAGGED, flaggedMeaning, reportFetch } from '../commands/update-report.ts';
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
    const timeout =
      arg === '--timeout' ? args[++i] : arg.startsWith('--timeout=') ? arg.slice('--timeout='.length) : undefined;
    if (timeout !== undefined || arg === '--timeout') {
      const seconds = Number(timeout);
      if (!timeout || !Number.isFinite(seconds) || seconds <= 0)
        throw new Error(`--timeout attend un nombre de secondes positif (${USAGE})`);
      options.policy = { ...options.policy, timeoutMs: seconds * 1000 };
      continue;
    }
    throw new Error(`option inconnue « ${arg} » (${USAGE})`);
  }
  return options;
}

export async function fetchCommand(args: string[], effects: Partial<Effects> = {}): Promise<number> {
  const options = parseFetchArgs(args);
  const fx = withEffects(effects);
  const result = await fetchData(options, fx);
  const report = await reportFetch(result, options.dir ?? dataDir(fx.env), fx);
  const flagged = report && flaggedMeaning(report, options.strict ?? false);
  if (flagged) fx.out(flagged);
  // A failed table (2) says more than a flagged figure: it is kept as the exit code.
  return result.exitCode === 0 && flagged && options.strict ? EXIT_FLAGGED : result.exitCode;
}
