/**
 * The manifest (data/manifest.json) is the snapshot's lock: for each table, where its file came from and the
 * fingerprint of the file committed. `npm run fetch` compares it with data.gouv.fr to skip what did not change;
 * the build checks every file against it, so a snapshot edited by mistake cannot be published unnoticed.
 */
import type { TableName } from './tables.ts';

export interface Checksum {
  type: 'sha1' | 'sha2' | 'sha256' | 'md5' | 'crc' | string;
  value: string;
}

/** A resource of the data.gouv.fr dataset, as recorded when its file was downloaded. */
export interface ResourceRecord {
  id: string;
  title: string;
  url: string;
  latest?: string | null;
  format?: string | null;
  mime?: string | null;
  checksum: Checksum | null;
  filesize: number | null;
  last_modified: string | null;
}

export type Origin = 'publications' | 'data.gouv.fr';

export interface TableLock {
  file: string;
  /** `publications`: compiled by hand from the programme's publications; `data.gouv.fr`: downloaded. */
  origin: Origin;
  /** Plain French sentence saying where the figures come from. */
  originNote: string;
  /** The data.gouv.fr resource the file was downloaded from, when it was. */
  resource: ResourceRecord | null;
  /** When the file was last downloaded (ISO 8601), null when never. */
  fetchedAt: string | null;
  /** When the file's content last changed (ISO 8601). */
  updatedAt: string;
  rows: number;
  bytes: number;
  sha256: string;
  /** The header of the file, as written in it. */
  columns: string[];
}

export interface Manifest {
  dataset: {
    slug: string;
    id: string | null;
    title: string | null;
    page: string | null;
    license: string | null;
    last_modified: string | null;
  };
  /** Date of the snapshot shown on the site: the latest `updatedAt` of its tables (YYYY-MM-DD). */
  snapshotDate: string;
  tables: Record<TableName, TableLock>;
  /** Resources of the dataset that no table maps: recorded here, never silently dropped. */
  unmapped: ResourceRecord[];
}

/** The snapshot date is the day the most recently changed table changed. */
export function snapshotDateOf(tables: Record<string, Pick<TableLock, 'updatedAt'>>): string {
  const latest = Object.values(tables)
    .map((t) => t.updatedAt)
    .sort()
    .at(-1);
  return (latest ?? new Date(0).toISOString()).slice(0, 10);
}
