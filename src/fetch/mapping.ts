/**
 * Which resource of the dataset feeds which table. A table names its resource by id (in data/sources.ts, or the
 * one recorded in the manifest at the last fetch), else by a pattern on the resource's title. Anything unclear
 * (a resource that two tables could claim, a table that two resources could feed) is refused and explained,
 * never guessed: a wrong guess would publish one table's figures under another's name.
 */
import type { UdataResource } from './udata.ts';

export interface TableRule {
  table: string;
  /** The resource id the table is bound to (data/sources.ts, else the manifest); unknown ids fall back on the title. */
  id: string | null;
  /** Regular expression source, applied case-insensitively to the resource's title. */
  titlePattern: string;
}

export type TableMapping =
  | { kind: 'mapped'; resource: UdataResource; by: 'id' | 'title' }
  | { kind: 'none' }
  | { kind: 'ambiguous'; reason: string };

export interface Mapping {
  tables: Record<string, TableMapping>;
  /** Resources no table maps (ambiguous ones included): recorded and kept aside, never dropped. */
  unmapped: UdataResource[];
}

/** Formats a title pattern may pick: a table is read as CSV, so a PDF or a spreadsheet of the same name is not it. */
const CSV_LIKE = new Set(['csv', 'tsv', 'txt', '']);

export function isCsvLike(resource: UdataResource): boolean {
  return CSV_LIKE.has((resource.format ?? '').toLowerCase().replace(/^\./u, ''));
}

const quote = (r: UdataResource) => `« ${r.title} » (${r.id})`;

export function mapResources(resources: readonly UdataResource[], rules: readonly TableRule[]): Mapping {
  const tables: Record<string, TableMapping> = {};

  const byId = new Map<string, UdataResource>();
  const idClaims = new Map<string, string[]>();
  for (const rule of rules) {
    const resource = rule.id === null ? undefined : resources.find((r) => r.id === rule.id);
    if (!resource) continue;
    byId.set(rule.table, resource);
    idClaims.set(resource.id, [...(idClaims.get(resource.id) ?? []), rule.table]);
  }

  const patternCandidates = new Map<string, UdataResource[]>();
  const patternClaims = new Map<string, string[]>();
  for (const rule of rules) {
    if (byId.has(rule.table)) continue;
    const pattern = new RegExp(rule.titlePattern, 'iu');
    const candidates = resources.filter(
      (r) => !idClaims.has(r.id) && isCsvLike(r) && pattern.test(r.title.normalize('NFC')),
    );
    patternCandidates.set(rule.table, candidates);
    for (const r of candidates) patternClaims.set(r.id, [...(patternClaims.get(r.id) ?? []), rule.table]);
  }

  for (const rule of rules) {
    const resource = byId.get(rule.table);
    if (resource) {
      const claimants = idClaims.get(resource.id)!;
      tables[rule.table] =
        claimants.length > 1
          ? {
              kind: 'ambiguous',
              reason: `la ressource ${quote(resource)} est attribuée par son id à plusieurs tables (${claimants.join(', ')}) ; corrigez resource.id dans data/sources.ts`,
            }
          : { kind: 'mapped', resource, by: 'id' };
      continue;
    }
    const candidates = patternCandidates.get(rule.table) ?? [];
    if (candidates.length === 0) {
      tables[rule.table] = { kind: 'none' };
    } else if (candidates.length > 1) {
      tables[rule.table] = {
        kind: 'ambiguous',
        reason: `plusieurs ressources correspondent au motif « ${rule.titlePattern} » : ${candidates.map(quote).join(', ')} ; indiquez la bonne avec resource.id dans data/sources.ts`,
      };
    } else {
      const only = candidates[0]!;
      const claimants = patternClaims.get(only.id)!;
      tables[rule.table] =
        claimants.length > 1
          ? {
              kind: 'ambiguous',
              reason: `la ressource ${quote(only)} correspond aux motifs de plusieurs tables (${claimants.join(', ')}) ; précisez resource.id ou les motifs dans data/sources.ts`,
            }
          : { kind: 'mapped', resource: only, by: 'title' };
    }
  }

  const mappedIds = new Set(Object.values(tables).flatMap((m) => (m.kind === 'mapped' ? [m.resource.id] : [])));
  return { tables, unmapped: resources.filter((r) => !mappedIds.has(r.id)) };
}
