/**
 * `npm run fetch`: brings data/ up to date with data.gouv.fr (../fetch/fetch-data.ts), an update written with its
 * report and history entry. Options: `--strict`, `--timeout <seconds>` (inactivity), `--download-deadline
 * <seconds>` (one download, all its tries), `--deadline <seconds>` (the whole run), `--keep <id>` (a resource no
 * table maps, kept aside in data/unmapped/; `--keep all`: every one), repeatable.
 */
import { withEffects, type Effects } from '../effects.ts';
import { fetchData } from '../fetch/fetch-data.ts';
import type { FetchOptions } from '../fetch/fetch-run.ts';
import { dataDir } from '../load/paths.ts';
import { EXIT } from '../update/exit-codes.ts';
import { explainWriteFailure } from '../update/write-failure.ts';

export const USAGE =
  'usage : npm run fetch [-- --strict] [--timeout <secondes>] [--download-deadline <secondes>] [--deadline <secondes>] [--keep <id de ressource>|all]';

const SECONDS = { '--timeout': 'timeoutMs', '--download-deadline': 'deadlineMs', '--deadline': 'runMs' } as const;

export function parseFetchArgs(args: string[]): FetchOptions {
  const options: FetchOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--strict') {
      options.strict = true;
      continue;
    }
    if (arg === '--keep' || arg.startsWith('--keep=')) {
      const id = arg === '--keep' ? args[++i] : arg.slice('--keep='.length);
      if (!id || id.startsWith('-'))
        throw new Error(`--keep attend l’id d’une ressource non reconnue, ou « all » (${USAGE})`);
      options.keep = [...(options.keep ?? []), id];
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

/**
 * Runs the fetch, and ends, whatever happens, with the line « Code de sortie N : … »: a run stopped by an error
 * (the folder locked by another writer, a disk full, a read-only folder…) says it there, with the file and what
 * to do, and exits with code 1.
 */
export async function fetchCommand(args: string[], effects: Partial<Effects> = {}): Promise<number> {
  const fx = withEffects(effects);
  try {
    return (await fetchData({ ...parseFetchArgs(args), record: true }, fx)).exitCode;
  } catch (error) {
    const dir = dataDir(fx.env);
    const message =
      (await explainWriteFailure(error, dir, fx)) ?? (error instanceof Error ? error.message : String(error));
    fx.out(`Code de sortie ${EXIT.error} : ${message.replace(/[.\s]+$/u, '')}.`);
    return EXIT.error;
  }
}
