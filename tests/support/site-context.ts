/** The real snapshot of data/, loaded and aggregated as the build does, for tests of charts and pages. */
import { loadValidatedSnapshot } from '../../src/load/snapshot-io.ts';
import { buildAggregates } from '../../src/lib/aggregates/index.ts';
import type { ChartContext } from '../../src/charts/types.ts';

export async function loadContext(dir = 'data'): Promise<ChartContext> {
  const result = await loadValidatedSnapshot(dir);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const { tables, manifest } = result.snapshot;
  return { tables, aggregates: buildAggregates(tables), snapshotDate: manifest.snapshotDate };
}
