/**
 * The history of the snapshot: one small JSON file per update in data/history/ (`<date>-<n>.json`), committed
 * with the data and shown on the page « Historique des données ». Each entry says when, how (compiled by hand,
 * fetched from data.gouv.fr, edited by hand and re-locked, imported from the programme's website), which file
 * each table had then (resource, checksum, sha256, rows) and, when an update report was made, what moved.
 */
import { z } from 'zod';
import type { ResourceRecord } from './manifest.ts';
import { VALUE_KINDS } from './values.ts';

export const HISTORY_KINDS = {
  initial: 'Premier instantané',
  fetch: 'Mise à jour depuis data.gouv.fr',
  lock: 'Modification à la main',
  /** `npm run data:import-site`: the tables read from a checkout of the programme's website. */
  import: 'Import du site du programme',
} as const;
export type HistoryKind = keyof typeof HISTORY_KINDS;

const checksumSchema = z.object({ type: z.string(), value: z.string() });
const resourceSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  checksum: checksumSchema.nullable(),
  last_modified: z.string().nullable(),
});
const tableSchema = z.object({
  file: z.string(),
  origin: z.enum(['publications', 'data.gouv.fr']),
  resource: resourceSchema.nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u, 'empreinte SHA-256 attendue'),
  rows: z.number().int().nonnegative(),
  /** Whether this entry changed the table's file. */
  changed: z.boolean(),
});
const moveSchema = z.object({
  chart: z.string(),
  title: z.string(),
  row: z.string(),
  column: z.string(),
  columnLabel: z.string(),
  kind: z.enum(VALUE_KINDS),
  before: z.number().nullable(),
  after: z.number().nullable(),
  change: z.number().nullable(),
  relative: z.number().nullable(),
  flag: z.string().nullable(),
});
const summarySchema = z.object({
  /** The « à vérifier » lines of the update report. */
  flags: z.array(z.string()),
  moved: z.array(moveSchema),
  tables: z.array(
    z.object({
      table: z.string(),
      file: z.string(),
      rowsBefore: z.number().int(),
      rowsAfter: z.number().int(),
      added: z.number().int(),
      removed: z.number().int(),
      changed: z.number().int(),
      /** Header changes, in French: « en-tête « effectif » devenu « nombre » ». */
      columns: z.array(z.string()),
    }),
  ),
  resources: z.array(z.object({ kind: z.string(), table: z.string().nullable(), resource: resourceSchema })),
});
export const historyEntrySchema = z.object({
  /** When the update was made (ISO 8601). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}T/u, 'date ISO 8601 attendue'),
  kind: z.enum(Object.keys(HISTORY_KINDS) as [HistoryKind, ...HistoryKind[]]),
  /** One or two French sentences: what was done, and how honest the figures are. */
  note: z.string(),
  snapshotDate: z.string(),
  tables: z.record(z.string(), tableSchema),
  /** Resources of the dataset that no table maps, at that date. */
  unmapped: z.array(resourceSchema),
  /** What moved, when an update report compared the snapshot with the one before (null otherwise). */
  summary: summarySchema.nullable(),
});

export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type HistoryResource = z.infer<typeof resourceSchema>;
export type HistoryMove = z.infer<typeof moveSchema>;
/** An entry as read from data/history/, with its file name without `.json` (e.g. « 2026-11-22-1 »). */
export type StoredHistoryEntry = HistoryEntry & { id: string };

const FILE_NAME = /^(\d{4}-\d{2}-\d{2})-(\d+)\.json$/u;

export function isHistoryFile(name: string): boolean {
  return FILE_NAME.test(name);
}

/** `<day of the update>-<n>.json`, n counting that day's entries from 1. */
export function historyFileName(date: string, existing: readonly string[]): string {
  const day = date.slice(0, 10);
  const taken = existing
    .map((name) => FILE_NAME.exec(name))
    .filter((m) => m?.[1] === day)
    .map((m) => Number(m![2]));
  return `${day}-${Math.max(0, ...taken) + 1}.json`;
}

/** Reads one history file; a bad one gets a one-line error naming the file and the field. */
export function parseHistoryEntry(text: string, file: string): HistoryEntry {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} : JSON illisible (${(error as Error).message})`, { cause: error });
  }
  const parsed = historyEntrySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `${file} : entrée d’historique invalide (champ ${issue.path.join('.') || 'racine'} : ${issue.message})`,
    );
  }
  return parsed.data;
}

/** Newest first: by file name, whose day and number order the entries. */
export function newestFirst(entries: readonly StoredHistoryEntry[]): StoredHistoryEntry[] {
  const order = (id: string) => {
    const m = FILE_NAME.exec(`${id}.json`);
    return m ? ([m[1]!, Number(m[2])] as const) : ([id, 0] as const);
  };
  return [...entries].sort((a, b) => {
    const [da, na] = order(a.id);
    const [db, nb] = order(b.id);
    return db.localeCompare(da) || nb - na;
  });
}

export function historyResource(resource: ResourceRecord): HistoryResource {
  return {
    id: resource.id,
    title: resource.title,
    url: resource.url,
    checksum: resource.checksum ? { type: resource.checksum.type, value: resource.checksum.value } : null,
    last_modified: resource.last_modified,
  };
}
