/**
 * How the data.gouv.fr resources behind the snapshot changed, read from the two manifests: a table now read
 * from a resource (or no longer), from another resource, or from a new version of the same one; resources that
 * no table maps appearing or vanishing.
 */
import type { Manifest, ResourceRecord } from '../lib/manifest.ts';
import { tableNames, type TableName } from '../lib/tables.ts';

export type ResourceChangeKind =
  /** The table is now read from a data.gouv.fr resource, and was not. */
  | 'associee'
  /** The table was read from a resource, and no longer is (compiled by hand again, or resource gone). */
  | 'dissociee'
  /** The table is read from another resource (other id). */
  | 'remplacee'
  /** Same resource, new version (checksum, address or date changed). */
  | 'nouvelle-version'
  /** A resource that no table maps appeared in the dataset. */
  | 'non-reconnue-apparue'
  /** A resource that no table mapped is gone from the dataset. */
  | 'non-reconnue-disparue';

export interface ResourceChange {
  kind: ResourceChangeKind;
  /** The table concerned, null for resources no table maps. */
  table: TableName | null;
  before: ResourceRecord | null;
  after: ResourceRecord | null;
}

export function diffResources(before: Manifest, after: Manifest): ResourceChange[] {
  const changes: ResourceChange[] = [];
  for (const table of tableNames) {
    const b = before.tables[table]?.resource ?? null;
    const a = after.tables[table]?.resource ?? null;
    if (!b && !a) continue;
    if (!b) changes.push({ kind: 'associee', table, before: null, after: a });
    else if (!a) changes.push({ kind: 'dissociee', table, before: b, after: null });
    else if (a.id !== b.id) changes.push({ kind: 'remplacee', table, before: b, after: a });
    else if (!sameVersion(a, b)) changes.push({ kind: 'nouvelle-version', table, before: b, after: a });
  }
  const oldUnmapped = new Map((before.unmapped ?? []).map((r) => [r.id, r]));
  const newUnmapped = new Map((after.unmapped ?? []).map((r) => [r.id, r]));
  for (const [id, resource] of newUnmapped) {
    if (!oldUnmapped.has(id))
      changes.push({ kind: 'non-reconnue-apparue', table: null, before: null, after: resource });
  }
  for (const [id, resource] of oldUnmapped) {
    if (!newUnmapped.has(id))
      changes.push({ kind: 'non-reconnue-disparue', table: null, before: resource, after: null });
  }
  return changes;
}

function sameVersion(a: ResourceRecord, b: ResourceRecord): boolean {
  return (
    a.url === b.url &&
    a.last_modified === b.last_modified &&
    a.checksum?.type === b.checksum?.type &&
    a.checksum?.value === b.checksum?.value
  );
}

export const RESOURCE_CHANGE_LABELS: Record<ResourceChangeKind, string> = {
  associee: 'désormais lue depuis data.gouv.fr',
  dissociee: 'n’est plus lue depuis data.gouv.fr',
  remplacee: 'lue depuis une autre ressource',
  'nouvelle-version': 'nouvelle version de la ressource',
  'non-reconnue-apparue': 'nouvelle ressource non reconnue',
  'non-reconnue-disparue': 'ressource non reconnue disparue',
};
