/**
 * `npm run data:check`: reads and validates the whole snapshot (every file typed, every fingerprint as in the
 * manifest). Exit code 1 when the snapshot cannot be published; the build runs it first.
 */
import { withEffects, type Effects } from './effects.ts';
import { dataDir, loadSnapshot } from './snapshot-io.ts';

export async function checkData(_args: string[] = [], effects: Partial<Effects> = {}): Promise<number> {
  const fx = withEffects(effects);
  const dir = dataDir(fx.env);
  const result = await loadSnapshot(dir, fx);
  if (!result.ok) {
    for (const error of result.errors) fx.log(error.message);
    fx.log(`Instantané ${dir}/ invalide : ${result.errors.length} erreur${result.errors.length > 1 ? 's' : ''}. Le site n’est pas construit.`);
    return 1;
  }
  const { snapshot } = result;
  const rows = Object.values(snapshot.tables).reduce((n, t) => n + t.length, 0);
  fx.log(`Instantané du ${snapshot.manifest.snapshotDate} valide : ${Object.keys(snapshot.tables).length} tables, ${rows} lignes.`);
  return 0;
}
