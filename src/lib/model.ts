/**
 * The pure core: a loaded snapshot in, every aggregate and every quality check out. Aggregates come first; the
 * quality report consumes them. Nothing here reads a file or the clock, so tests feed it fixture snapshots.
 */
import { buildAggregates, readFigures } from './aggregates/index.ts';
import { citations } from './figures.ts';
import type { Gazetteer } from './geo/places.ts';
import { headline } from './headline.ts';
import type { Manifest } from './manifest.ts';
import { promotionsOf } from './promotion-names.ts';
import { indexPublications, type Publication } from './publications.ts';
import { qualityReport } from './quality/quality-report.ts';
import type { SnapshotTables } from './tables.ts';

export interface ModelInput {
  tables: SnapshotTables;
  manifest: Manifest;
  publications: readonly Publication[];
  /** French places (src/load/gazetteer.ts reads them at build time): without it, no défi's town is placed. */
  gazetteer?: Gazetteer | null;
}

export function buildModel(input: ModelInput) {
  const figures = readFigures(input.tables, input.gazetteer ?? null);
  const publications = indexPublications(input.publications);
  const promotions = promotionsOf(input.tables);
  const aggregates = buildAggregates(figures, promotions);
  const quality = qualityReport(figures, publications);
  return {
    snapshotDate: input.manifest.snapshotDate,
    manifest: input.manifest,
    tables: input.tables,
    publications,
    /** Every promotion the data names, in programme order, with its year where the data gives one. */
    promotions,
    aggregates,
    quality,
    /** The few figures the home page leads with. */
    headline: headline(aggregates, quality, promotions),
    /** A referenced row with its key columns (provenance shown on pages, in JSON files and reports). */
    cite: citations(input.tables),
  };
}

export type Model = ReturnType<typeof buildModel>;
