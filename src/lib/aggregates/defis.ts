/** Défis: one per row of defis.csv; counted by promotion, administration, skill and place; team sizes. */
import { refOf, roundCents, type Figure, type RowRef } from '../figures.ts';
import { byPromotion } from '../promotion-names.ts';
import { stripAccents } from '../text.ts';
import type { Row } from '../tables.ts';

type DefiRow = Row<'defis'>;

export const SKILL_LABELS: Record<string, string> = {
  dev: 'Développement',
  datascience: 'Data science',
  design: 'Design',
  dataengineering: 'Data engineering',
  geomatique: 'Géomatique',
};

export interface Defi {
  name: string;
  promotion: string;
  year: number | null;
  administration: string;
  /** The administration's name compared without case, accents, apostrophes or punctuation. */
  administrationKey: string;
  town: string | null;
  postcode: string | null;
  skills: string[];
  eig: number;
  mentors: number | null;
  months: number | null;
  code: { url: string; wellFormed: boolean } | null;
  ref: RowRef;
}

/**
 * The website spells one administration several ways (« Cour de cassation », « Cour de Cassation »;
 * ’ or '): they are the same structure once case, accents, apostrophes and punctuation are ignored.
 */
export function administrationKey(name: string): string {
  return stripAccents(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();
}

/** A link is well formed when it is http(s) and its host has a domain (« https://scossin/x » has none). */
export function isWellFormedUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && /\.[a-z]{2,}$/iu.test(parsed.hostname);
  } catch {
    return false;
  }
}

export function defiList(rows: readonly DefiRow[]): Defi[] {
  // Many défis share an administration: one key string per name, not one per défi.
  const keys = new Map<string, string>();
  const keyOf = (name: string) => keys.get(name) ?? keys.set(name, administrationKey(name)).get(name)!;
  return [...rows].sort(byPromotion((r) => r.promotion)).map((row) => ({
    name: row.defi,
    promotion: row.promotion,
    year: row.annee,
    administration: row.administration,
    administrationKey: keyOf(row.administration),
    town: row.commune,
    postcode: row.code_postal,
    skills: row.competences ?? [],
    eig: row.nb_eig,
    mentors: row.nb_mentors,
    months: row.duree_mois,
    code: row.code_source ? { url: row.code_source, wellFormed: isWellFormedUrl(row.code_source) } : null,
    ref: refOf('defis', row),
  }));
}

export interface Count {
  key: string;
  label: string;
  figure: Figure;
}

/** Counts défis by a key (one défi may fall under several keys, e.g. its skills). */
function countDefis(
  defis: readonly Defi[],
  keysOf: (d: Defi) => readonly string[],
  labelOf: (key: string, defis: readonly Defi[]) => string = (key) => key,
): Count[] {
  const groups = new Map<string, Defi[]>();
  for (const defi of defis) {
    for (const key of keysOf(defi)) {
      const members = groups.get(key);
      if (members) members.push(defi);
      else groups.set(key, [defi]);
    }
  }
  return [...groups]
    .map(([key, members]) => ({
      key,
      label: labelOf(key, members),
      figure: { value: members.length, unit: 'défis' as const, from: members.map((d) => d.ref), computed: true },
    }))
    .sort((a, b) => b.figure.value - a.figure.value || a.label.localeCompare(b.label, 'fr'));
}

/** The most frequent spelling of an administration among its défis (ties: the first in file order). */
function usualSpelling(defis: readonly Defi[]): string {
  const counts = new Map<string, number>();
  for (const d of defis) counts.set(d.administration, (counts.get(d.administration) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

export const byAdministration = (defis: readonly Defi[]) =>
  countDefis(
    defis,
    (d) => [d.administrationKey],
    (_key, members) => usualSpelling(members),
  );
export const bySkill = (defis: readonly Defi[]) =>
  countDefis(
    defis,
    (d) => d.skills,
    (key) => SKILL_LABELS[key] ?? key,
  );
export const byPromotionCount = (defis: readonly Defi[]) =>
  countDefis(defis, (d) => [d.promotion]).sort(byPromotion((c) => c.key));
export const byTown = (defis: readonly Defi[]) => countDefis(defis, (d) => (d.town ? [d.town] : []));

/** EIG per promotion obtained by adding up the défis' team sizes. */
/** A promotion's défis' teams added up: their EIG, and their mentors when every défi gives its own. */
export interface TeamSize {
  promotion: string;
  figure: Figure;
  mentors: Figure | null;
}

const teamSum = (members: readonly Defi[], of: (d: Defi) => number): Figure => ({
  value: roundCents(members.reduce((total, d) => total + of(d), 0)),
  unit: 'personnes',
  from: members.map((d) => d.ref),
  computed: true,
});

export function teamSizes(defis: readonly Defi[]): TeamSize[] {
  // Grouped in one pass: a filter per promotion is quadratic.
  const groups = new Map<string, Defi[]>();
  for (const d of defis) {
    const list = groups.get(d.promotion);
    if (list) list.push(d);
    else groups.set(d.promotion, [d]);
  }
  return [...groups].map(([promotion, members]) => ({
    promotion,
    figure: teamSum(members, (d) => d.eig),
    mentors: members.some((d) => d.mentors === null) ? null : teamSum(members, (d) => d.mentors ?? 0),
  }));
}

/** Administrations written more than one way: each spelling with the défis that use it. */
export function spellingVariants(
  defis: readonly Defi[],
): { key: string; spellings: { text: string; defis: Defi[] }[] }[] {
  const groups = new Map<string, Map<string, Defi[]>>();
  for (const d of defis) {
    const spellings = groups.get(d.administrationKey) ?? new Map<string, Defi[]>();
    const list = spellings.get(d.administration);
    if (list) list.push(d);
    else spellings.set(d.administration, [d]);
    groups.set(d.administrationKey, spellings);
  }
  return [...groups]
    .filter(([, spellings]) => spellings.size > 1)
    .map(([key, spellings]) => ({ key, spellings: [...spellings].map(([text, list]) => ({ text, defis: list })) }));
}
