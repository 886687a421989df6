/**
 * `npm run data:import-site -- DOSSIER [--commit <sha>] [--strict]`: the current website's two tables read from a
 * checkout of its repository (../website/website-import.ts), an update written with its report and history entry.
 */
import type { Effects } from '../effects.ts';
import { importSite, type ImportOptions } from '../website/website-import.ts';

export const USAGE =
  'usage : npm run data:import-site -- DOSSIER [--commit <sha>] [--strict] (DOSSIER : le dépôt du site, son dossier site/content, ou une copie de ses dossiers defis/, personnes/ et promos/)';

export function parseImportArgs(args: string[]): ImportOptions {
  const options: Partial<ImportOptions> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--strict') options.strict = true;
    else if (arg === '--commit' || arg.startsWith('--commit=')) {
      const value = arg === '--commit' ? args[++i] : arg.slice('--commit='.length);
      if (!value || !/^[0-9a-f]{40}$/iu.test(value))
        throw new Error(`--commit attend les 40 chiffres hexadécimaux d’un commit (${USAGE})`);
      options.commit = value.toLowerCase();
    } else if (arg.startsWith('-')) throw new Error(`option inconnue « ${arg} » (${USAGE})`);
    else if (options.folder !== undefined)
      throw new Error(`un seul dossier, « ${options.folder} » et « ${arg} » donnés (${USAGE})`);
    else options.folder = arg;
  }
  if (options.folder === undefined) throw new Error(`il manque le dossier du site (${USAGE})`);
  return options as ImportOptions;
}

export async function importSiteCommand(args: string[], effects: Partial<Effects> = {}): Promise<number> {
  return importSite(parseImportArgs(args), effects);
}
