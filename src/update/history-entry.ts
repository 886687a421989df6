/**
 * History entries written with an update: every table's file as it is now and, when an update report was made,
 * the part of it worth keeping forever (see ../lib/history.ts for the entries' format).
 */
import { join } from 'node:path';
import type { Effects } from '../effects.ts';
import {
  historyFileName,
  historyResource,
  type HistoryEntry,
  type HistoryKind,
  type HistoryMove,
} from '../lib/history.ts';
import type { Manifest } from '../lib/manifest.ts';
import { tableNames } from '../lib/tables.ts';
import type { FigureMove } from '../report/chart-changes.ts';
import type { UpdateReport } from '../report/report.ts';
import { historyDirOf } from '../load/paths.ts';

/** Where the entry of an update made on `date` goes in the history of `dir` (relative to `dir`). */
export async function newHistoryPath(dir: string, date: string, fx: Pick<Effects, 'fs'>): Promise<string> {
  let existing: string[] = [];
  try {
    existing = await fx.fs.readdir(historyDirOf(dir));
  } catch {
    // No history yet.
  }
  return join('history', historyFileName(date, existing));
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
function summaryOf(report: UpdateReport): NonNullable<HistoryEntry['summary']> {
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
