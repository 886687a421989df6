/**
 * The update report of a data folder as stored (`rapport-mise-a-jour.json` beside its snapshot), and whether its
 * « à vérifier » points still await a maintainer's acknowledgement (../report/review.ts).
 */
import { join } from 'node:path';
import { formatDate, formatNumber } from '../lib/format.ts';
import type { UpdateReport } from '../report/report.ts';
import { pendingFlags } from '../report/review.ts';
import type { Effects } from './effects.ts';
import { plural } from '../lib/text.ts';

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

/** The report of `dir` awaiting acknowledgement, if any, with the line that says so. */
export async function pendingReview(
  dir: string,
  fx: Pick<Effects, 'fs'>,
): Promise<{ count: number; message: string } | null> {
  const report = await readReport(dir, fx);
  const count = report ? pendingFlags(report).length : 0;
  if (!report || count === 0) return null;
  const target = dir === 'data' ? '' : ` ${dir}`;
  return {
    count,
    message: `${formatNumber(count)} ${plural(count, 'point')} « à vérifier » dans ${reportPathsOf(dir).markdown} (rapport du ${formatDate(report.generatedAt)}) pas encore ${plural(count, 'validé')} : relisez le rapport, puis validez-le avec « npm run data:ack -- <code>${target} » (le code est à la fin du rapport).`,
  };
}
