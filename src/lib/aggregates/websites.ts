/**
 * The programme's two websites side by side: the 2022 list of défis (table defis) and the current website's
 * (defis-2017-2023) name the same défis of promotions 1 to 4 and DIG. Paired by title, as the comparison of
 * tests/reference/defis-comparaison.md did, then compared field by field: where they disagree, both are shown.
 */
import type { RowRef } from '../figures.ts';
import type { Row } from '../tables.ts';
import { SKILL_LABELS, type Defi } from './defis.ts';

type CurrentRow = Row<'defis-2017-2023'>;

export interface WebsitePair {
  /** The défi on the 2022 website. */
  previous: Defi;
  /** Its slug on the current website. */
  current: string;
  currentRef: RowRef;
  /**
   * `titre`: the same title (case and spaces aside); `titre-sans-numero`: the same title once the digits are
   * removed, within one promotion (« EIG Link » of EIG 2 is « EIG2 Link »).
   */
  match: 'titre' | 'titre-sans-numero';
}

export interface WebsitePairs {
  pairs: WebsitePair[];
  /** Défis of the 2022 website found on the current one under no title. */
  unmatched: Defi[];
}

const titleKey = (title: string) => title.replace(/\s+/gu, ' ').trim().toLowerCase();
const withoutDigits = (title: string) => titleKey(title.replace(/\d+/gu, ' '));

/** Groups items by a key, keeping only keys one item has (an ambiguous title pairs nothing). */
function unique<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const found = new Map<string, T | null>();
  for (const item of items) {
    const key = keyOf(item);
    found.set(key, found.has(key) ? null : item);
  }
  return new Map([...found].filter((entry): entry is [string, T] => entry[1] !== null));
}

export function pairWebsites(
  previous: readonly Defi[],
  current: readonly CurrentRow[],
  refOf: (row: CurrentRow) => RowRef,
): WebsitePairs {
  const pairs: WebsitePair[] = [];
  const taken = new Set<CurrentRow>();
  const byTitle = unique(current, (r) => titleKey(r.titre));
  const previousByTitle = unique(previous, (d) => titleKey(d.name));
  const left: Defi[] = [];
  for (const defi of previous) {
    const row = previousByTitle.get(titleKey(defi.name)) === defi ? byTitle.get(titleKey(defi.name)) : undefined;
    if (row) {
      taken.add(row);
      pairs.push({ previous: defi, current: row.slug, currentRef: refOf(row), match: 'titre' });
    } else left.push(defi);
  }
  // What is left: titles that differ by a number (the promotion's, written in the title), within one promotion.
  const key = (title: string, promotion: string) => `${promotion}\u0000${withoutDigits(title)}`;
  const rest = unique(
    current.filter((r) => !taken.has(r)),
    (r) => key(r.titre, r.promotion),
  );
  const restPrevious = unique(left, (d) => key(d.name, d.promotion));
  const unmatched: Defi[] = [];
  for (const defi of left) {
    const k = key(defi.name, defi.promotion);
    const row = restPrevious.has(k) ? rest.get(k) : undefined;
    if (row) {
      taken.add(row);
      pairs.push({ previous: defi, current: row.slug, currentRef: refOf(row), match: 'titre-sans-numero' });
    } else unmatched.push(defi);
  }
  return { pairs, unmatched };
}

export type WebsiteField = 'promotion' | 'administration' | 'competences' | 'eig' | 'mentors';

export interface FieldComparison {
  field: WebsiteField;
  /** The pairs where both websites give the field. */
  compared: WebsitePair[];
  /** Those where they differ, with each website's value as written (lists as sets: order aside). */
  differ: { pair: WebsitePair; previous: string | number | string[]; current: string | number | string[] }[];
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));

/** What the current website says of a défi, as compared (a défi of current-defis.ts). */
export interface CurrentFields {
  slug: string;
  promotion: string;
  administration: string;
  expertises: readonly string[];
  eig: number;
  mentors: number;
}

/**
 * Each field both websites give, compared on every pair: texts trimmed, skills as sets, counts as numbers;
 * `current` gives the current website's défis.
 */
export function compareWebsites({ pairs }: WebsitePairs, current: readonly CurrentFields[]): FieldComparison[] {
  const bySlug = new Map(current.map((d) => [d.slug, d]));
  const now = (p: WebsitePair) => bySlug.get(p.current)!;
  const fields: {
    field: WebsiteField;
    values: (p: WebsitePair) => [string | number | string[] | null, string | number | string[] | null];
    equal: (a: never, b: never) => boolean;
  }[] = [
    {
      field: 'promotion',
      values: (p) => [p.previous.promotion, now(p).promotion],
      equal: (a: string, b: string) => a === b,
    },
    {
      field: 'administration',
      values: (p) => [p.previous.administration.trim(), now(p).administration.trim()],
      equal: (a: string, b: string) => a === b,
    },
    {
      field: 'competences',
      values: (p) => [p.previous.skills.map((s) => SKILL_LABELS[s] ?? s), [...now(p).expertises]],
      equal: sameSet,
    },
    { field: 'eig', values: (p) => [p.previous.eig, now(p).eig], equal: (a: number, b: number) => a === b },
    {
      field: 'mentors',
      values: (p) => [p.previous.mentors, now(p).mentors],
      equal: (a: number, b: number) => a === b,
    },
  ];
  return fields.map(({ field, values, equal }) => {
    const compared: WebsitePair[] = [];
    const differ: FieldComparison['differ'] = [];
    for (const pair of pairs) {
      const [previous, current] = values(pair);
      if (previous === null || current === null) continue;
      compared.push(pair);
      if (!equal(previous as never, current as never)) differ.push({ pair, previous, current });
    }
    return { field, compared, differ };
  });
}
