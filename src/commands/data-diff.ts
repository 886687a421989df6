/**
 * `npm run data:diff -- OLD NEW [--strict]`: compares two data folders (each with snapshot/ and, normally,
 * manifest.json), prints the update report and writes it in NEW (../update/compare-folders.ts). Exit code 0 when
 * the report is written, 4 with --strict while something is « à vérifier » and not acknowledged, 1 when a folder
 * cannot be read.
 */
import { withEffects, type Effects } from '../effects.ts';
import { plural } from '../lib/text.ts';
import { compareFolders } from '../update/compare-folders.ts';

export const USAGE =
  'usage : npm run data:diff -- ANCIEN NOUVEAU [--strict] (deux dossiers de données, chacun avec snapshot/ et manifest.json)';

export function parseDiffArgs(args: string[]): { before: string; after: string; strict: boolean } {
  const unknown = args.find((a) => a.startsWith('-') && a !== '--strict');
  if (unknown) throw new Error(`option inconnue « ${unknown} » (${USAGE})`);
  const folders = args.filter((a) => !a.startsWith('-'));
  if (folders.length !== 2)
    throw new Error(`il faut deux dossiers, ${folders.length} ${plural(folders.length, 'donné')} (${USAGE})`);
  return { before: folders[0]!, after: folders[1]!, strict: args.includes('--strict') };
}

export async function diffCommand(args: string[], effects: Partial<Effects> = {}): Promise<number> {
  const { before, after, strict } = parseDiffArgs(args);
  return compareFolders(before, after, strict, withEffects(effects));
}
