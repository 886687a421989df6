/**
 * The history of the snapshot: one small JSON file per update in data/history/ (`<date>-<n>.json`), committed
 * with the data and shown on the page « Historique des données ». Each entry says when, how (compiled by hand,
 * fetched from data.gouv.fr, edited by hand and re-locked), which file each table had then (resource, checksum,
 * sha256, rows) and, when an update report was made, what moved.
 */
import { z } from 'zod';
import type { FigureMove } from '../report/charts.ts';
import { describeMove } from '../report/flags.ts';
import type { UpdateReport } from '../report/report.ts';
import type { Manifest, ResourceRecord } from './manifest.ts';
import { tableNames } from './tables.ts';

export const HISTORY_KINDS = {
  initial: 'Premier instantané',
  fetch: 'Mise à jour depuis data.gouv.fr',
  lock: 'Modification à la main',
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
  kind: z.enum(['texte', 'nombre', 'euros', 'pourcent', 'annee']),
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

/** An entry describing `manifest`: every table's file as it is now, `changed` marking those this update changed. */
export function historyEntry(options: {
  kind: HistoryKind;
  date: string;
  note: string;
  manifest: Manifest;
  changed: readonly string[];
  report?: UpdateReport | null;
}): HistoryEntry {
  const { manifest } = options;
  const tables: HistoryEntry['tables'] = {};
  for (const name of tableNames) {
    const lock = manifest.tables[name];
    if (!lock) continue;
    tables[name] = {
      file: lock.file,
      origin: lock.origin,
      resource: lock.resource ? historyResource(lock.resource) : null,
      sha256: lock.sha256,
      rows: lock.rows,
      changed: options.changed.includes(name),
    };
  }
  return {
    date: options.date,
    kind: options.kind,
    note: options.note,
    snapshotDate: manifest.snapshotDate,
    tables,
    unmapped: (manifest.unmapped ?? []).map(historyResource),
    summary: options.report ? summaryOf(options.report) : null,
  };
}

/** The part of an update report worth keeping forever: no provenance lists, which the report itself has. */
export function summaryOf(report: UpdateReport): NonNullable<HistoryEntry['summary']> {
  return {
    flags: report.flags.map((f) => f.message),
    moved: report.charts.flatMap((chart) => chart.moved.map((move) => compactMove(move, chart.title))),
    tables: report.tables.map((t) => ({
      table: t.table,
      file: t.file,
      rowsBefore: t.rowsBefore,
      rowsAfter: t.rowsAfter,
      added: t.added.length,
      removed: t.removed.length,
      changed: t.changed.length,
      columns: [
        ...t.schema.added.map((c) => `colonne « ${c} » ajoutée`),
        ...t.schema.removed.map((c) => `colonne « ${c} » supprimée`),
        ...t.schema.renamed.map((r) => `en-tête « ${r.before} » devenu « ${r.after} » (colonne ${r.column})`),
      ],
    })),
    resources: report.resources.flatMap((r) => {
      const resource = r.after ?? r.before;
      return resource ? [{ kind: r.kind, table: r.table, resource: historyResource(resource) }] : [];
    }),
  };
}

function compactMove(move: FigureMove, title: string): HistoryMove {
  const { from: _from, ...rest } = move;
  return { ...rest, title };
}

/** « EIG 2 · Mentors — Nombre : 18 → 25 (+7, +38,9 %) », for a move kept in the history. */
export function describeHistoryMove(move: HistoryMove): string {
  return describeMove({ ...move, from: [] });
}
