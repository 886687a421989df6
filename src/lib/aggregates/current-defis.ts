/**
 * The défis of the programme's current website (table defis-2017-2023): every promotion from EIG 1 to EIG 7 and
 * the designers (DIG), one per row; counted by promotion, theme, expertise and host body; team sizes.
 * The website gives no year: a défi has the year the 2022 website gives it (see websites.ts), or none.
 */
import { refOf, type Figure, type RowRef } from '../figures.ts';
import { byPromotion } from '../promotion-names.ts';
import type { Row } from '../tables.ts';
import { uniqueSlugs } from '../text.ts';
import type { Count } from './defis.ts';
import { bodiesOf, bodyLabel, type Body, type BodyStatus, type BodyTable } from './host-bodies.ts';
import type { WebsitePairs } from './websites.ts';

type CurrentRow = Row<'defis-2017-2023'>;

export interface CurrentDefi {
  slug: string;
  /** The slug made an address segment (ASCII, unique): /defis/<pageSlug>/. */
  pageSlug: string;
  title: string;
  /** The défi in one or two sentences, as its page on the website writes it. */
  description: string | null;
  promotion: string;
  /** The website's own wording (« Promotion 3 - DIG »). */
  promotionSource: string;
  /** As written on the website. */
  administration: string;
  /** The bodies it names, as the table organismes maps them (« EPNAK + CNAM » names two). */
  bodies: readonly Body[];
  /** As written on the website. */
  town: string | null;
  themes: string[];
  expertises: string[];
  eig: number;
  mentors: number;
  code: string | null;
  /** Its page as a public digital service (most often on beta.gouv.fr), as the website gives it. */
  startupPage: string | null;
  /** The website's file it was read from (« site/content/defis/a-just.md@<commit> »). */
  sourceFile: string;
  /** The year of the défi on the 2022 website, with the row it comes from; null when no publication gives one. */
  year: { value: number; from: RowRef } | null;
  ref: RowRef;
}

export function currentDefiList(rows: readonly CurrentRow[], pairs: WebsitePairs, bodies: BodyTable): CurrentDefi[] {
  const yearOf = new Map(
    pairs.pairs.flatMap((p) =>
      p.previous.year === null ? [] : [[p.current, { value: p.previous.year, from: p.previous.ref }]],
    ),
  );
  const pageSlugs = uniqueSlugs(rows.map((r) => r.slug));
  return [...rows].sort(byPromotion((r) => r.promotion)).map((row) => {
    const ref = refOf('defis-2017-2023', row);
    // A year written in the table itself comes first; the website has none today.
    const year = row.annee === null ? (yearOf.get(row.slug) ?? null) : { value: row.annee, from: ref };
    return {
      slug: row.slug,
      pageSlug: pageSlugs.get(row.slug)!,
      title: row.titre,
      description: row.description,
      promotion: row.promotion,
      promotionSource: row.promotion_source,
      administration: row.administration,
      bodies: bodiesOf(bodies, row.administration),
      town: row.ville,
      themes: row.thematiques ?? [],
      expertises: row.expertises ?? [],
      eig: row.nb_eig,
      mentors: row.nb_mentors,
      code: row.lien_code,
      startupPage: row.page_startup,
      sourceFile: row.source_fichier,
      year,
      ref,
    };
  });
}

export interface BodyCount extends Count {
  /** The body, or the name that designates none (ambiguous, or missing from the table). */
  body: Body;
  status: BodyStatus;
  /** A body's address segment (ASCII, unique: its acronym, or its name): /administrations/<pageSlug>/; none for a name apart. */
  pageSlug: string | null;
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
 * Défis per host body, as the table organismes maps the names (a défi hosted by two bodies counts for each), the
 * largest first; names that designate no body (ambiguous, or missing from the table) each count apart, last.
 */
export function currentByBody(defis: readonly CurrentDefi[]): BodyCount[] {
  const found = new Map<string, { body: Body; spellings: Map<string, number> }>();
  for (const d of defis) {
    for (const body of d.bodies) {
      const entry = found.get(body.key) ?? found.set(body.key, { body, spellings: new Map() }).get(body.key)!;
      entry.spellings.set(d.administration, (entry.spellings.get(d.administration) ?? 0) + 1);
    }
  }
  const apart = (c: Pick<BodyCount, 'status'>) => (c.status === 'organisme' ? 0 : 1);
  const slugs = uniqueSlugs(
    [...found.values()].filter((f) => f.body.status === 'organisme').map((f) => f.body.key),
    (key) => found.get(key)!.body.acronym ?? found.get(key)!.body.name,
  );
  return countBy(defis, (d) => d.bodies.map((b) => b.key))
    .map((count): BodyCount => {
      const { body, spellings } = found.get(count.key)!;
      return {
        ...count,
        label: bodyLabel(body),
        // Counted from the défis' rows, grouped by the table's rows that name the body.
        figure: { ...count.figure, from: [...count.figure.from, ...body.refs] },
        body,
        status: body.status,
        pageSlug: slugs.get(body.key) ?? null,
        spellings: [...spellings].sort((a, b) => b[1] - a[1]).map(([text, n]) => ({ text, defis: n })),
      };
    })
    .sort((a, b) => apart(a) - apart(b) || b.figure.value - a.figure.value || a.label.localeCompare(b.label, 'fr'));
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
