/**
 * `npm run data:diff OLD NEW [--strict]`: compares two data folders (each with snapshot/ and manifest.json),
 * prints the update report and writes it in NEW (see ./update-report.ts). Exit code 0 when the report is
 * written, 4 with --strict when something is « à vérifier », 1 when a folder cannot be read.
 */
import { withEffects, type Effects } from '../load/effects.ts';
import { compareSnapshots, EXIT_FLAGGED, flaggedMeaning, loadForDiff, publishReport } from './update-report.ts';

export const USAGE =
  'usage : npm run data:diff -- ANCIEN NOUVEAU [--strict] (deux dossiers de données, chacun avec snapshot/ et manifest.json)';

export function parseDiffArgs(args: string[]): { before: string; after: string; strict: boolean } {
  const unknown = args.find((a) => a.startsWith('-') && a !== '--strict');
  if (unknown) throw new Error(`option inconnue « ${unknown} » (${USAGE})`);
  const folders = args.filter((a) => !a.startsWith('-'));
  if (folders.length !== 2)
    throw new Error(`il faut deux dossiers, ${folders.length} donné${folders.length > 1 ? 's' : ''} (${USAGE})`);
  return { before: folders[0]!, after: folders[1]!, strict: args.includes('--strict') };
}

export async function diffCommand(args: string[], effects: Partial<Effects> = {}): Promise<number> {
  const fx = withEffects(effects);
  const { before, after, strict } = parseDiffArgs(args);
  const report = compareSnapshots(
    { snapshot: await loadForDiff(before, fx), label: before },
    { snapshot: await loadForDiff(after, fx), label: after },
    fx,
  );
  await publishReport(report, after, fx);
  const flagged = flaggedMeaning(report, strict);
  if (flagged) fx.out(flagged);
  return flagged && strict ? EXIT_FLAGGED : 0;
}
