/**
 * A maintainer's acknowledgement that the « à vérifier » points of a folder's update report have been read and
 * checked (`npm run data:ack`). It takes the code printed at the end of the report: the report's fingerprint, so
 * the acknowledgement applies to the report that was read and to no newer one. Until then, `--strict` exits
 * with code 4 (../report/review.ts). Both files of the report are rewritten in one transaction (./journal.ts).
 */
import { basename } from 'node:path';
import type { Effects } from '../effects.ts';
import { formatDate, formatNumber } from '../lib/format.ts';
import { plural } from '../lib/text.ts';
import { reportMarkdown } from '../report/markdown.ts';
import { acknowledge, pendingFlags, reviewCode } from '../report/review.ts';
import { stableJson } from './journal.ts';
import { readReport, reportPathsOf } from './report-files.ts';
import { runUpdate, type Update } from './transaction.ts';

/**
 * Acknowledges the report of `dir` whose code is `code`. `usage` is how to give the code, said when it is missing
 * while something awaits review.
 */
export async function acknowledgeReport(dir: string, code: string | null, usage: string, fx: Effects): Promise<void> {
  await runUpdate(dir, 'npm run data:ack', fx, (update) => acknowledgeIn(update, code, usage));
}

async function acknowledgeIn(update: Update, code: string | null, usage: string): Promise<void> {
  const { dir, fx } = update;
  const paths = reportPathsOf(dir);
  const report = await readReport(dir, fx);
  if (!report) throw new Error(`${paths.json} : pas de rapport de mise à jour à valider dans ${dir}`);
  const pending = pendingFlags(report);
  if (pending.length === 0) {
    fx.out(
      report.acknowledged
        ? `Rien à valider : le rapport du ${formatDate(report.generatedAt)} (${paths.markdown}) a été validé le ${formatDate(report.acknowledged.at)}.`
        : `Rien à valider : le rapport du ${formatDate(report.generatedAt)} (${paths.markdown}) n’a aucun point « à vérifier ».`,
    );
    return;
  }
  if (code === null) throw new Error(`il manque le code du rapport, imprimé à sa fin (${usage})`);
  if (code.toLowerCase() !== reviewCode(report)) {
    throw new Error(
      `« ${code} » n’est pas le code du rapport actuel (${paths.markdown}, établi le ${formatDate(report.generatedAt)}) : il a peut-être changé depuis votre lecture ; relisez-le, son code est à sa fin. Rien n’est validé`,
    );
  }
  const acknowledged = acknowledge(report, fx.now().toISOString());
  // Both files in one transaction: killed between two writes, the JSON said « validé » (so --strict let the site
  // be published) while the Markdown still listed the points awaiting review.
  await update.stageFile(basename(paths.json), stableJson(acknowledged));
  await update.stageFile(basename(paths.markdown), reportMarkdown(acknowledged, dir));
  await update.commit(null, null);
  fx.out(
    `Rapport du ${formatDate(report.generatedAt)} validé : ${formatNumber(pending.length)} ${plural(pending.length, 'point')} « à vérifier » ${plural(pending.length, 'relu')} (${paths.markdown}). « npm run fetch -- --strict » ne s’arrêtera plus sur ${plural(pending.length, 'lui', 'eux')}.`,
  );
}
