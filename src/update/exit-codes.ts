/** Exit codes of the commands that update a data folder, the same for each (README « Mettre à jour les données »). */
export const EXIT = {
  ok: 0,
  /** Whatever else stopped the command (the folder locked by another writer, a disk full…): said in its last line. */
  error: 1,
  /** With --strict: a table could not be updated (what failed is kept as it was). */
  failed: 2,
  /** With --strict: the source could not be reached at all. */
  unreachable: 3,
  /** With --strict: a report's « à vérifier » points await a maintainer's acknowledgement (npm run data:ack). */
  flagged: 4,
} as const;
