/**
 * What the build publishes: the snapshot of data/ (or EIG_DATA_DIR) loaded, modelled and published once per
 * build. Pages ask for it with `await getSite()`; a snapshot that cannot be published stops the build with every
 * problem, one per line. Tests build the same thing from fixture folders with load → buildModel → publish.
 */
import { buildModel } from '../lib/model.ts';
import { realEffects } from '../effects.ts';
import { loadGazetteer } from '../load/gazetteer.ts';
import { dataDir } from '../load/paths.ts';
import { load, type Loaded } from '../load/load-folder.ts';
import { publish, type Published } from '../publish/publish.ts';

export type Site = Published & Pick<Loaded, 'history' | 'files'>;

let site: Promise<Site> | undefined;

export function getSite(): Promise<Site> {
  site ??= build();
  return site;
}

async function build(): Promise<Site> {
  const result = await load(dataDir(process.env), realEffects);
  if (!result.ok) {
    throw new Error(`Instantané invalide, site non construit :\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  const { snapshot, history, files } = result.data;
  const gazetteer = await loadGazetteer(realEffects);
  return { ...publish(buildModel({ ...snapshot, gazetteer })), history, files };
}

/** The static paths of every route with one page or file per chart (their getStaticPaths). */
export async function chartPaths() {
  return (await getSite()).charts.map((chart) => ({ params: { slug: chart.slug }, props: { chart } }));
}
