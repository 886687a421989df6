/**
 * `npm run data:lock [-- DOSSIER]`: records in the folder's manifest.json (data/ by default) the fingerprint of
 * every snapshot file, after a deliberate edit by hand, with its history entry (../update/relock.ts).
 */
import { withEffects, type Effects } from '../effects.ts';
import type { Manifest } from '../lib/manifest.ts';
import { dataDir } from '../load/paths.ts';
import { relockFolder } from '../update/relock.ts';

export const USAGE = 'usage : npm run data:lock [-- DOSSIER] (data/ par défaut)';

export function parseLockArgs(args: string[], env: Record<string, string | undefined>): string {
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) throw new Error(`option inconnue « ${unknown} » (${USAGE})`);
  if (args.length > 1) throw new Error(`un seul dossier, ${args.length} donnés (${USAGE})`);
  return args[0] ?? dataDir(env);
}

export async function lockCommand(args: string[], effects: Partial<Effects> = {}): Promise<number> {
  const fx = withEffects(effects);
  await relockFolder(parseLockArgs(args, fx.env), fx);
  return 0;
}

/** Locks `dir` again (for tests and scripts that edit a data folder). */
export async function lockData(dir = dataDir(), effects: Partial<Effects> = {}): Promise<Manifest> {
  return relockFolder(dir, withEffects(effects));
}
