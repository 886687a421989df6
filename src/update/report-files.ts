/**
 * The update report on disk and on screen: written beside the new snapshot, as `<folder>/rapport-mise-a-jour.md`
 * (for people) and `<folder>/rapport-mise-a-jour.json` (for scripts), and printed on stdout. An update writes it
 * with its snapshot, in the same transaction (./record.ts); `npm run data:diff` writes it alone. Its « à vérifier »
 * points make `--strict` exit with code 4 until a maintainer acknowledges them (./acknowledge.ts, and
 * ../report/review.ts for the rule).
 */
import { join } from 'node:path';
import { charts } from '../charts/registry.ts';
import type { Effects } from '../effects.ts';
import { formatDate, formatNumber } from '../lib/format.ts';
import { loadGazetteer } from '../load/gazetteer.ts';
import type { Snapshot } from '../lib/snapshot.ts';
import { plural } from '../lib/text.ts';
import { reportMarkdown } from '../report/markdown.ts';
import { diffSnapshots, type UpdateReport } from '../report/report.ts';
import { carryOver, pendingFlags } from '../report/review.ts';
import { stableJson } from './journal.ts';

export const REPORT_NAME = 'rapport-mise-a-jour';

export function reportPathsOf(dir: string): { markdown: string; json: string } {
  return { markdown: join(dir, `${REPORT_NAME}.md`), json: join(dir, `${REPORT_NAME}.json`) };
}

/** The report last written in `dir`, null when there is none. */
export async function readReport(dir: string, fx: Pick<Effects, 'fs'>): Promise<UpdateReport | null> {
  const path = reportPathsOf(dir).json;
  let text: string;
  try {
    text = await fx.fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return JSON.parse(text) as UpdateReport;
  } catch (error) {
    throw new Error(`${path} : JSON illisible (${(error as Error).message}) ; supprimez-le ou refaites le rapport`, {
      cause: error,
    });
  }
}

/** A report whose « à vérifier » points no one has acknowledged yet. */
export interface PendingReview {
  count: number;
  /** The line that says so, and what to do. */
  message: string;
}

/** The report of `dir` awaiting acknowledgement, if any, with the line that says so. */
export async function pendingReview(dir: string, fx: Pick<Effects, 'fs'>): Promise<PendingReview | null> {
  const report = await readReport(dir, fx);
  const count = report ? pendingFlags(report).length : 0;
  if (!report || count === 0) return null;
  const target = dir === 'data' ? '' : ` ${dir}`;
  return {
    count,
    message: `${formatNumber(count)} ${plural(count, 'point')} « à vérifier » dans ${reportPathsOf(dir).markdown} (rapport du ${formatDate(report.generatedAt)}) pas encore ${plural(count, 'validé')} : relisez le rapport, puis validez-le avec « npm run data:ack -- <code>${target} » (le code est à la fin du rapport).`,
  };
}

/** What changed from `before` to `after`, in every table and every chart of the site. */
export async function compareSnapshots(
  before: { snapshot: Snapshot; label: string },
  after: { snapshot: Snapshot; label: string },
  fx: Pick<Effects, 'now' | 'fs'>,
): Promise<UpdateReport> {
  // With the gazetteer, as the build: the report sees the model the site shows.
  return diffSnapshots(before, after, charts, fx.now().toISOString(), await loadGazetteer(fx));
}

/** The report's two files, carrying the points of the report it replaces that no one acknowledged. */
export async function reportFiles(report: UpdateReport, dir: string, fx: Pick<Effects, 'fs'>) {
  const full = carryOver(report, await readReport(dir, fx));
  const markdown = reportMarkdown(full, dir);
  return { report: full, markdown, json: stableJson(full) };
}

/** The report as printed, and where it is written. */
export function reportLines(markdown: string, dir: string): string[] {
  const paths = reportPathsOf(dir);
  return ['', ...markdown.trimEnd().split('\n'), '', `Rapport écrit dans ${paths.markdown} (et ${paths.json}).`];
}

/** One line for a snapshot that cannot be read: its first error, and how many others. */
export function unreadable(dir: string, errors: readonly Error[]): string {
  const more =
    errors.length > 1
      ? ` (et ${errors.length - 1} autre${errors.length > 2 ? 's' : ''} erreur${errors.length > 2 ? 's' : ''})`
      : '';
  return `instantané ${dir} illisible : ${errors[0]?.message ?? 'erreur inconnue'}${more}`;
}
