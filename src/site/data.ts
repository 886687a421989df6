/**
 * The snapshot and its aggregates, loaded once per build (module state) from data/ or EIG_DATA_DIR. A snapshot
 * that cannot be published stops the build with every problem, one per line.
 */
import { dataDir, loadValidatedSnapshot, type Publication } from '../load/snapshot-io.ts';
import { buildAggregates, type Aggregates } from '../lib/aggregates/index.ts';
import type { Snapshot } from '../lib/snapshot.ts';
import type { ChartContext } from '../charts/types.ts';

export interface SiteData extends ChartContext {
  snapshot: Snapshot;
  publications: Publication[];
  aggregates: Aggregates;
}

async function load(): Promise<SiteData> {
  const result = await loadValidatedSnapshot(dataDir());
  if (!result.ok) {
    throw new Error(`Instantané invalide, site non construit :\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  const { snapshot, publications } = result;
  return {
    snapshot,
    publications,
    tables: snapshot.tables,
    aggregates: buildAggregates(snapshot.tables),
    snapshotDate: snapshot.manifest.snapshotDate,
  };
}

export const site: SiteData = await load();

export function publication(id: string): Publication | undefined {
  return site.publications.find((p) => p.id === id);
}
