/**
 * `npm run data:ack -- CODE [DOSSIER]`: a maintainer's acknowledgement that the « à vérifier » points of the
 * folder's update report (data/ by default) have been read and checked (../update/acknowledge.ts). CODE is
 * printed at the end of the report. Until then, `npm run fetch -- --strict` and `npm run data:diff -- … --strict`
 * exit with code 4.
 */
import { withEffects, type Effects } from '../effects.ts';
import { dataDir } from '../load/paths.ts';
import { acknowledgeReport } from '../update/acknowledge.ts';

export const USAGE = 'usage : npm run data:ack -- CODE [DOSSIER] (CODE : celui imprimé à la fin du rapport)';

export function parseAckArgs(args: string[], env: Record<string, string | undefined>) {
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) throw new Error(`option inconnue « ${unknown} » (${USAGE})`);
  if (args.length > 2) throw new Error(`trop d’arguments (${USAGE})`);
  return { code: args[0] ?? null, dir: args[1] ?? dataDir(env) };
}

export async function ackCommand(args: string[], effects: Partial<Effects> = {}): Promise<number> {
  const fx = withEffects(effects);
  const { code, dir } = parseAckArgs(args, fx.env);
  await acknowledgeReport(dir, code, USAGE, fx);
  return 0;
}
