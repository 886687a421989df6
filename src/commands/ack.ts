/**
 * `npm run data:ack -- CODE [DOSSIER]`: a maintainer's acknowledgement that the « à vérifier » points of the
 * folder's update report (data/ by default) have been read and checked. CODE is printed at the end of the
 * report: it is the report's fingerprint, so the acknowledgement applies to the report that was read and to
 * no newer one. Until then, `npm run fetch -- --strict` and `npm run data:diff -- … --strict` exit with code 4
 * (see ../report/review.ts).
 */
import { formatDate, formatNumber } from '../lib/format.ts';
import { reportMarkdown } from '../report/markdown.ts';
import { acknowledge, pendingFlags, reviewCode } from '../report/review.ts';
import { withDataLock } from '../load/data-lock.ts';
import { withEffects, type Effects } from '../load/effects.ts';
import { dataDir, stableJson } from '../load/snapshot-io.ts';
import { writeAtomically } from '../fetch/journal.ts';
import { readReport, reportPathsOf } from '../load/report-io.ts';
import { plural } from '../lib/text.ts';

export const USAGE = 'usage : npm run data:ack -- CODE [DOSSIER] (CODE : celui imprimé à la fin du rapport)';

export function parseAckArgs(args: string[], env: Record<string, string | undefined>) {
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) throw new Error(`option inconnue « ${unknown} » (${USAGE})`);
  if (args.length > 2) throw new Error(`trop d’arguments (${USAGE})`);
  return { code: args[0] ?? null, dir: args[1] ?? dataDir(env) };
}

export async function ackCommand(args: string[], effects: Partial<Effects> = {}): Promise<number> {
  const fx = withEffects(effects);
  const { code, dir } = parseAckArgs(args, fx.env);
  return withDataLock(dir, 'npm run data:ack', fx, async () => {
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
      return 0;
    }
    if (code === null) throw new Error(`il manque le code du rapport, imprimé à sa fin (${USAGE})`);
    if (code.toLowerCase() !== reviewCode(report)) {
      throw new Error(
        `« ${code} » n’est pas le code du rapport actuel (${paths.markdown}, établi le ${formatDate(report.generatedAt)}) : il a peut-être changé depuis votre lecture ; relisez-le, son code est à sa fin. Rien n’est validé`,
      );
    }
    const acknowledged = acknowledge(report, fx.now().toISOString());
    await writeAtomically(paths.json, stableJson(acknowledged), fx);
    await writeAtomically(paths.markdown, reportMarkdown(acknowledged, dir), fx);
    fx.out(
      `Rapport du ${formatDate(report.generatedAt)} validé : ${formatNumber(pending.length)} ${plural(pending.length, 'point')} « à vérifier » ${plural(pending.length, 'relu')} (${paths.markdown}). « npm run fetch -- --strict » ne s’arrêtera plus sur ${plural(pending.length, 'lui', 'eux')}.`,
    );
    return 0;
  });
}
