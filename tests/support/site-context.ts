/** A snapshot folder (the real one of data/ by default) loaded, modelled and published as the build does. */
import type { Chart } from '../../src/charts/types.ts';
import { buildModel, type Model } from '../../src/lib/model.ts';
import { loadGazetteer } from '../../src/load/gazetteer.ts';
import { load } from '../../src/load/load-folder.ts';
import { publish, type PublishedChart } from '../../src/publish/publish.ts';

export async function loadContext(dir = 'data'): Promise<Model> {
  const result = await load(dir);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  // As the build does: the défis' towns are placed with the GeoNames gazetteer.
  return buildModel({ ...result.data.snapshot, gazetteer: await loadGazetteer() });
}

/** One chart as the site publishes it (rows, reading, notes, sources, addresses). */
export function publishedChart(chart: Chart, model: Model): PublishedChart {
  return publish(model, [chart]).charts[0]!;
}
