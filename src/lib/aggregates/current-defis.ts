/**
 * The défis of the programme's current website (table defis-2017-2023): every promotion from EIG 1 to EIG 7 and
 * the designers (DIG), one per row; counted by promotion, theme, expertise and host administration; team sizes.
 * The website gives no year: a défi has the year the 2022 website gives it (see websites.ts), or none.
 */
import { refOf, type Figure, type RowRef } from '../figures.ts';
import { byPromotion } from '../promotion-names.ts';
import type { Row } from '../tables.ts';
import { administrationKey, type Count } from './defis.ts';
import type { WebsitePairs } from './websites.ts';

type CurrentRow = Row<'defis-2017-2023'>;

/** One body a défi's host administration names, as counted: the raw text is the défi's `administration`. */
export interface HostName {
  /** The name cleaned of what is not a name (a label before it, a trailing comma), spelling kept. */
  name: string;
  /** The name compared without case, accents, apostrophes or punctuation. */
  key: string;
}

export interface CurrentDefi {
  slug: string;
  title: string;
  promotion: string;
  /** The website's own wording (« Promotion 3 - DIG »). */
  promotionSource: string;
  /** As written on the website. */
  administration: string;
  /** The bodies it names, for counting (« EPNAK + CNAM » names two). */
  hosts: HostName[];
  /** As written on the website. */
  town: string | null;
  themes: string[];
  expertises: string[];
  eig: number;
  mentors: number;
  code: string | null;
  /** The year of the défi on the 2022 website, with the row it comes from; null when no publication gives one. */
  year: { value: number; from: RowRef } | null;
  ref: RowRef;
}

// « Administration de rattachement :Ministère de l’Action… »: the form's label left in the value.
const LABEL_PREFIX = /^administration de rattachement\s*:\s*/iu;
// « Etablissement … (EPNAK) + Caisse nationale d’assurance maladie (CNAM) »: two bodies hosting one défi.
const BODY_SEPARATOR = /\s+\+\s+/u;

/** The bodies a host administration's text names, cleaned for counting; the text itself is kept by the caller. */
function hostNames(text: string): HostName[] {
  return text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(LABEL_PREFIX, '')
    .split(BODY_SEPARATOR)
    .map((part) => part.replace(/[\s,;]+$/u, '').trim())
    .filter((name) => name !== '')
    .map((name) => ({ name, key: administrationKey(name) }));
}

export function currentDefiList(rows: readonly CurrentRow[], pairs: WebsitePairs): CurrentDefi[] {
  const yearOf = new Map(
    pairs.pairs.flatMap((p) =>
      p.previous.year === null ? [] : [[p.current, { value: p.previous.year, from: p.previous.ref }]],
    ),
  );
  return [...rows].sort(byPromotion((r) => r.promotion)).map((row) => {
    const ref = refOf('defis-2017-2023', row);
    // A year written in the table itself comes first; the website has none today.
    const year = row.annee === null ? (yearOf.get(row.slug) ?? null) : { value: row.annee, from: ref };
    return {
      slug: row.slug,
      title: row.titre,
      promotion: row.promotion,
      promotionSource: row.promotion_source,
      administration: row.administration,
      hosts: hostNames(row.administration),
      town: row.ville,
      themes: row.thematiques ?? [],
      expertises: row.expertises ?? [],
      eig: row.nb_eig,
      mentors: row.nb_mentors,
      code: row.lien_code,
      year,
      ref,
    };
  });
}

/** The most frequent of the spellings (ties: the first met). */
function mostFrequent(spellings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of spellings) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

export interface HostCount extends Count {
  /** Every way the website writes it, as written, with its défis (the most frequent first). */
  spellings: { text: string; defis: number }[];
}

/** Counts défis by keys (a défi may fall under several: its themes, its expertises), the largest first. */
function countBy(
  defis: readonly CurrentDefi[],
  keysOf: (d: CurrentDefi) => readonly string[],
  order: (a: Count, b: Count) => number = (a, b) =>
    b.figure.value - a.figure.value || a.label.localeCompare(b.label, 'fr'),
): Count[] {
  const groups = new Map<string, CurrentDefi[]>();
  for (const d of defis) {
    for (const key of new Set(keysOf(d))) {
      const members = groups.get(key);
      if (members) members.push(d);
      else groups.set(key, [d]);
    }
  }
  return [...groups].map(([key, members]) => ({ key, label: key, figure: countFigure(members) })).sort(order);
}

const countFigure = (members: readonly CurrentDefi[]): Figure => ({
  value: members.length,
  unit: 'défis',
  from: members.map((d) => d.ref),
  computed: true,
});

export const currentByPromotion = (defis: readonly CurrentDefi[]) =>
  countBy(
    defis,
    (d) => [d.promotion],
    byPromotion((c) => c.key),
  );
export const currentByTheme = (defis: readonly CurrentDefi[]) => countBy(defis, (d) => d.themes);
export const currentByExpertise = (defis: readonly CurrentDefi[]) => countBy(defis, (d) => d.expertises);

/**
 * Défis per host administration, names compared without case, accents, apostrophes, punctuation, a label before
 * them or a trailing comma; a défi hosted by two bodies counts for each. Shown under the most frequent spelling.
 */
export function currentByHost(defis: readonly CurrentDefi[]): HostCount[] {
  const spellings = new Map<string, { names: string[]; raw: Map<string, number> }>();
  for (const d of defis) {
    for (const host of d.hosts) {
      const entry = spellings.get(host.key) ?? spellings.set(host.key, { names: [], raw: new Map() }).get(host.key)!;
      entry.names.push(host.name);
      entry.raw.set(d.administration, (entry.raw.get(d.administration) ?? 0) + 1);
    }
  }
  return countBy(defis, (d) => d.hosts.map((h) => h.key)).map((count) => {
    const entry = spellings.get(count.key)!;
    return {
      ...count,
      label: mostFrequent(entry.names),
      spellings: [...entry.raw].sort((a, b) => b[1] - a[1]).map(([text, n]) => ({ text, defis: n })),
    };
  });
}

/** EIG and mentors of a promotion's défis added up (the website counts them from the people's pages). */
export interface CurrentTeams {
  promotion: string;
  eig: Figure;
  mentors: Figure;
}

export function currentTeamSizes(defis: readonly CurrentDefi[]): CurrentTeams[] {
  const groups = new Map<string, CurrentDefi[]>();
  for (const d of defis) {
    const list = groups.get(d.promotion);
    if (list) list.push(d);
    else groups.set(d.promotion, [d]);
  }
  const sum = (members: CurrentDefi[], of: (d: CurrentDefi) => number): Figure => ({
    value: members.reduce((total, d) => total + of(d), 0),
    unit: 'personnes',
    from: members.map((d) => d.ref),
    computed: true,
  });
  return [...groups].sort(byPromotion(([p]) => p)).map(([promotion, members]) => ({
    promotion,
    eig: sum(members, (d) => d.eig),
    mentors: sum(members, (d) => d.mentors),
  }));
}
