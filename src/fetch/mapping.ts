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
  const byId = claimsById(resources, rules);
  const byTitle = claimsByTitle(resources, rules, byId);
  const tables: Record<string, TableMapping> = {};
  for (const rule of rules) {
    const resource = byId.resources.get(rule.table);
    tables[rule.table] = resource
      ? mappedById(resource, byId.claims.get(resource.id)!)
      : mappedByTitle(rule, byTitle.resources.get(rule.table) ?? [], byTitle.claims);
  }
  const mappedIds = new Set(Object.values(tables).flatMap((m) => (m.kind === 'mapped' ? [m.resource.id] : [])));
  return { tables, unmapped: resources.filter((r) => !mappedIds.has(r.id)) };
}

/** Resources claimed by each table (`resources`), and tables claiming each resource by its id (`claims`). */
interface Claims<R> {
  resources: Map<string, R>;
  claims: Map<string, string[]>;
}

/** The resource each table names by its id, when the dataset has it. */
function claimsById(resources: readonly UdataResource[], rules: readonly TableRule[]): Claims<UdataResource> {
  const byId: Claims<UdataResource> = { resources: new Map(), claims: new Map() };
  for (const rule of rules) {
    const resource = rule.id === null ? undefined : resources.find((r) => r.id === rule.id);
    if (!resource) continue;
    byId.resources.set(rule.table, resource);
    byId.claims.set(resource.id, [...(byId.claims.get(resource.id) ?? []), rule.table]);
  }
  return byId;
}

/** For each table without a resource by id: the CSV resources no id claims whose title matches its pattern. */
function claimsByTitle(
  resources: readonly UdataResource[],
  rules: readonly TableRule[],
  byId: Claims<UdataResource>,
): Claims<UdataResource[]> {
  const byTitle: Claims<UdataResource[]> = { resources: new Map(), claims: new Map() };
  for (const rule of rules) {
    if (byId.resources.has(rule.table)) continue;
    const pattern = new RegExp(rule.titlePattern, 'iu');
    const candidates = resources.filter(
      (r) => !byId.claims.has(r.id) && isCsvLike(r) && pattern.test(r.title.normalize('NFC')),
    );
    byTitle.resources.set(rule.table, candidates);
    for (const r of candidates) byTitle.claims.set(r.id, [...(byTitle.claims.get(r.id) ?? []), rule.table]);
  }
  return byTitle;
}

function mappedById(resource: UdataResource, claimants: readonly string[]): TableMapping {
  if (claimants.length === 1) return { kind: 'mapped', resource, by: 'id' };
  return {
    kind: 'ambiguous',
    reason: `la ressource ${quote(resource)} est attribuée par son id à plusieurs tables (${claimants.join(', ')}) ; corrigez resource.id dans data/sources.ts`,
  };
}

function mappedByTitle(
  rule: TableRule,
  candidates: readonly UdataResource[],
  claims: ReadonlyMap<string, string[]>,
): TableMapping {
  if (candidates.length === 0) return { kind: 'none' };
  if (candidates.length > 1) {
    return {
      kind: 'ambiguous',
      reason: `plusieurs ressources correspondent au motif « ${rule.titlePattern} » : ${candidates.map(quote).join(', ')} ; indiquez la bonne avec resource.id dans data/sources.ts`,
    };
  }
  const only = candidates[0]!;
  const claimants = claims.get(only.id)!;
  if (claimants.length === 1) return { kind: 'mapped', resource: only, by: 'title' };
  return {
    kind: 'ambiguous',
    reason: `la ressource ${quote(only)} correspond aux motifs de plusieurs tables (${claimants.join(', ')}) ; précisez resource.id ou les motifs dans data/sources.ts`,
  };
}
