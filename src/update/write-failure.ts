/**
 * A write refused by the system (disk full, read-only file system, no permission) said as a maintainer can act
 * on it: which file, why, what state the data folder is in, and what to do. Node's own message for a full disk,
 * « ENOSPC: no space left on device, write », names no file: the writes of an update name theirs
 * (`namingFile`, ./journal.ts).
 */
import type { Effects } from '../effects.ts';
import { capitalise } from '../lib/text.ts';
import { journalPathOf } from './journal.ts';

type ErrnoError = NodeJS.ErrnoException & { dest?: string };

const CAUSES: Record<string, { what: string; advice: (dir: string) => string }> = {
  ENOSPC: {
    what: 'disque plein',
    advice: (dir) => `libérez de la place sur le disque de ${dir}, puis relancez`,
  },
  EDQUOT: {
    what: 'quota de disque atteint',
    advice: (dir) => `libérez de la place dans le quota de ${dir}, puis relancez`,
  },
  EROFS: {
    what: 'système de fichiers en lecture seule',
    advice: (dir) =>
      `rendez ${dir} accessible en écriture, ou lancez la commande sur une copie accessible en écriture (EIG_DATA_DIR), puis relancez`,
  },
  EACCES: {
    what: 'permission refusée',
    advice: (dir) =>
      `donnez le droit d’écrire dans ${dir} (et ses sous-dossiers) à l’utilisateur qui lance la commande, puis relancez`,
  },
  EPERM: {
    what: 'opération non permise',
    advice: (dir) =>
      `donnez le droit d’écrire dans ${dir} (et ses sous-dossiers) à l’utilisateur qui lance la commande, puis relancez`,
  },
};

/**
 * The sentence for a write the system refused while updating `dir`, or null for any other error: « écriture
 * impossible dans data/snapshot/.budget.csv.next (disque plein, ENOSPC) ; rien n’est remplacé … ; libérez… ».
 */
export async function explainWriteFailure(
  error: unknown,
  dir: string,
  fx: Pick<Effects, 'fs'>,
): Promise<string | null> {
  const e = error as ErrnoError | null;
  const cause = e && typeof e === 'object' && typeof e.code === 'string' ? CAUSES[e.code] : undefined;
  if (!cause) return null;
  const file = e!.path ?? e!.dest ?? dir;
  // Past the commit point, the journal completes the update; before it, the folder was not touched.
  const state = (await exists(journalPathOf(dir), fx))
    ? `la mise à jour est validée mais pas entièrement mise en place : la prochaine commande qui ouvre ${dir} (npm run fetch, npm run data:check, donc la construction) la terminera`
    : `rien n’est remplacé dans ${dir}, les fichiers préparés qui resteraient sont supprimés au prochain lancement`;
  return `écriture impossible dans ${file} (${cause.what}, ${e!.code}) ; ${state}. ${capitalise(cause.advice(dir))}`;
}

async function exists(path: string, fx: Pick<Effects, 'fs'>): Promise<boolean> {
  try {
    await fx.fs.stat(path);
    return true;
  } catch {
    return false;
  }
}
