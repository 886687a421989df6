import * as Plot from '@observablehq/plot';
import type { Figure } from '../lib/figures.ts';
import { formatNumber } from '../lib/format.ts';
import { label, PROFILE_LABELS } from '../lib/labels.ts';
import { profileCategory, roleCategory } from '../lib/aggregates/community-categories.ts';
import type { CommunityCount } from '../lib/aggregates/profiles.ts';
import { isEigPromotion } from '../lib/promotion-names.ts';
import { listFr } from '../lib/text.ts';
import { groupsOf } from './helpers/bands.ts';
import { barList, barListFrame } from './helpers/bar-list.ts';
import { datedTag } from './helpers/sources.ts';
import { defineChart, type ChartContext, type ChartRow } from './types.ts';

type Row = {
  site: string;
  promotion: string | null;
  /** The 2022 list's programme (EIG or DIG), as written. */
  programme: string | null;
  /** The current website's role, as written (participant, agent-public…). */
  role: string | null;
  categorie: string;
  /** The 2022 list's profile, or the current website's expertise. */
  profil: string | null;
  effectif: number;
  /** The people of the row's bar (its promotion, category and website), added up in the model: not a column. */
  total: number;
};

const NO_PROMOTION = 'Sans promotion';

/** The model's categories (COMMUNITY_CATEGORIES) in the legend's words; a role no category maps is shown as is. */
const CATEGORY_LABELS: Record<string, string> = {
  participants: 'Participants',
  mentors: 'Mentors',
  equipe: 'Équipe du programme',
  ecosysteme: 'Écosystème',
};

/** Profiles in the order of the other profile charts, then mentors and the programme's team. */
const PROFILE_ORDER = ['developpement', 'data science', 'design', 'data engineering', 'mentor', 'equipe du programme'];
const profileRank = (profile: string) => {
  const rank = PROFILE_ORDER.indexOf(profile);
  return rank < 0 ? PROFILE_ORDER.length : rank;
};
const nativeProgramme = (promotion: string) => (isEigPromotion(promotion) ? 'EIG' : promotion);

const group = (r: Row) => r.promotion ?? NO_PROMOTION;
const barKey = (promotion: string | null, category: string, source: string) =>
  JSON.stringify([promotion, category, source]);

/** The current website's people of a promotion in a category (the roles it groups), as the model adds them up. */
const currentCount = ({ profils }: ChartContext['aggregates']) => {
  const source = profils.data.people.list[0]?.figure.from[0]?.source;
  return (promotion: string, category: string) =>
    profils.data.communityByCategory.find(
      (c) => c.source === source && c.promotion === promotion && c.category === category,
    )?.figure.value ?? 0;
};

export default defineChart({
  slug: 'communaute',
  title: 'La communauté du programme par promotion, rôle et expertise',
  theme: 'profils',
  order: 2,
  description:
    'Personnes de chaque promotion d’après le site actuel du programme (par rôle et expertise : participants, mentors et sponsors, équipe du programme, écosystème), à côté de la liste de la communauté du site de 2022 (par programme et profil).',
  rows: ({ aggregates, publications }) => {
    const { community, people, communityByCategory } = aggregates.profils.data;
    const tag = (figure: Figure) => datedTag(publications, figure.from[0]?.source ?? '');
    // Each row under its bar, in the model's order of the bars: promotion by promotion (people without a promotion
    // last), category by category, the current website first.
    const bars = new Map(
      communityByCategory.map((c, index) => [barKey(c.promotion, c.category, c.source), { index, c }]),
    );
    const barOf = (promotion: string | null, category: string, figure: Figure) =>
      bars.get(barKey(promotion, category, figure.from[0]?.source ?? ''))!;
    const current = people.list.map((p) => {
      const bar = barOf(p.promotion, roleCategory(p.role), p.figure);
      const row: ChartRow<Row> = {
        site: tag(p.figure),
        promotion: p.promotion,
        programme: null,
        role: p.role,
        categorie: label(CATEGORY_LABELS, bar.c.category),
        profil: p.expertise,
        effectif: p.figure.value,
        total: bar.c.figure.value,
        _from: p.figure.from,
      };
      return { row, bar: bar.index };
    });
    const previous = [...community]
      .sort(
        (a, b) =>
          Number(a.programme !== nativeProgramme(a.promotion)) - Number(b.programme !== nativeProgramme(b.promotion)) ||
          profileRank(a.profile) - profileRank(b.profile),
      )
      .map((c) => {
        const bar = barOf(c.promotion, profileCategory(c.profile), c.figure);
        const row: ChartRow<Row> = {
          site: tag(c.figure),
          promotion: c.promotion,
          programme: c.programme,
          role: null,
          categorie: label(CATEGORY_LABELS, bar.c.category),
          profil: label(PROFILE_LABELS, c.profile),
          effectif: c.figure.value,
          total: bar.c.figure.value,
          _from: c.figure.from,
        };
        return { row, bar: bar.index };
      });
    return [...current, ...previous].sort((a, b) => a.bar - b.bar).map((r) => r.row);
  },
  columns: [
    { key: 'site', label: 'Source', kind: 'texte' },
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'categorie', label: 'Catégorie', kind: 'texte' },
    { key: 'role', label: 'Rôle (site actuel)', kind: 'texte' },
    { key: 'programme', label: 'Programme (site de 2022)', kind: 'texte' },
    { key: 'profil', label: 'Expertise ou profil', kind: 'texte' },
    { key: 'effectif', label: 'Personnes', kind: 'nombre' },
  ],
  reading: (rows, { aggregates }) => {
    const site = rows.find((r) => r.role !== null)?.site;
    const current = rows.filter((r) => r.site === site);
    const promotions = [...new Set(current.map((r) => r.promotion))].filter(
      (p): p is string => p !== null && isEigPromotion(p),
    );
    const counted = currentCount(aggregates);
    const describe = (promotion: string) =>
      `la promotion ${promotion} compte ${formatNumber(counted(promotion, 'participants'))} participants et ` +
      `${formatNumber(counted(promotion, 'mentors'))} mentors ou sponsors`;
    const first = promotions[0];
    const last = promotions.at(-1);
    if (!first || !last) return 'La liste de la communauté ne compte aucune promotion d’EIG.';
    return `D’après le site actuel du programme, ${describe(first)} ; ${describe(last)}.`;
  },
  notes: (rows, { aggregates }) => {
    const notes: string[] = [];
    const site = rows.find((r) => r.role !== null)?.site;
    const previous = rows.filter((r) => r.programme !== null);
    const current = rows.filter((r) => r.site === site);
    const { communityCounts } = aggregates.profils.data;
    const published = (promotion: string, indicator: string): Figure | undefined =>
      aggregates.programme.data.promotions.find((p) => p.promotion === promotion && p.indicator === indicator)?.figure;
    // A promotion of the list without a member of the kind counts none.
    const listedIn = (counts: readonly CommunityCount[], promotion: string) =>
      counts.find((c) => c.promotion === promotion)?.figure.value ?? 0;
    const promotions = [...new Set(previous.map((r) => r.promotion))].filter(
      (p): p is string => p !== null && isEigPromotion(p),
    );
    for (const [indicator, counts, word] of [
      ['eig', communityCounts.eig, 'EIG'],
      ['mentors', communityCounts.mentors, 'mentors'],
    ] as const) {
      const compared = promotions
        .map((p) => ({ p, listed: listedIn(counts, p), figure: published(p, indicator) }))
        .filter((c) => c.figure);
      const differ = compared.filter((c) => c.listed !== c.figure!.value);
      const agree = compared.filter((c) => c.listed === c.figure!.value);
      if (differ.length > 0) {
        notes.push(
          `${word === 'EIG' ? 'EIG' : 'Mentors'} : la liste du site de 2022 compte ` +
            listFr(differ.map((c) => `${formatNumber(c.listed)} ${word} pour ${c.p}`)) +
            ', quand les publications du programme en donnent ' +
            listFr(differ.map((c) => formatNumber(c.figure!.value))) +
            (word === 'mentors' ? ' (sur le site, un même mentor peut apparaître dans plusieurs promotions).' : '.') +
            (agree.length > 0
              ? ` Pour ${listFr(agree.map((c) => c.p))}, la liste et les publications concordent.`
              : ''),
        );
      }
    }
    for (const item of aggregates.profils.data.composition) {
      if (!item.count) continue;
      const profile = label(PROFILE_LABELS, item.profile);
      const listed = listedIn(
        communityCounts.byProfile.filter((c) => c.profile === item.profile),
        item.promotion,
      );
      if (listed !== item.count.value) {
        notes.push(
          `${item.promotion}, ${profile.toLowerCase()} : ${formatNumber(listed)} dans la liste de 2022, ` +
            `${formatNumber(item.count.value)} dans le billet d’avril 2021.`,
        );
      }
    }
    const elsewhere = previous.filter((r) => r.promotion && r.programme !== nativeProgramme(r.promotion));
    if (elsewhere.length > 0) {
      notes.push(
        'La liste de 2022 range certains membres sous un autre programme que leur promotion (' +
          listFr(
            elsewhere.map(
              (r) =>
                `${formatNumber(r.effectif)} membres « ${r.profil} » de la promotion ${r.promotion} sous le programme ${r.programme}`,
            ),
          ) +
          ') : ces libellés sont repris tels quels.',
      );
    }
    const { entries, byPromotion } = aggregates.profils.data.people;
    notes.push(
      `Site actuel : une personne de plusieurs promotions ou de plusieurs expertises compte dans chacune ; les ${formatNumber(entries.value)} lignes comptent des inscriptions, un peu plus que de personnes. ` +
        'Les rôles sont ceux du site : participant (EIG ou designer), agent-public (porteurs de projet, mentors, sponsors), équipe du programme, écosystème.',
    );
    const counted = currentCount(aggregates);
    const withoutMentors = [...new Set(current.map((r) => r.promotion))].filter(
      (p): p is string => p !== null && isEigPromotion(p) && counted(p, 'mentors') === 0,
    );
    if (withoutMentors.length > 0) {
      notes.push(
        `${listFr(withoutMentors)} : le site actuel n’a aucune page de mentor ; ce n’est pas dire qu’il n’y en eut aucun.`,
      );
    }
    const none = byPromotion.find((c) => c.key === null)?.figure.value ?? 0;
    if (none > 0) {
      notes.push(
        `${formatNumber(none)} inscriptions du site actuel n’ont pas de promotion (équipe du programme, écosystème, mentors sans promotion indiquée) : elles sont regroupées à la fin.`,
      );
    }
    notes.push(
      'Le site ne dit pas le genre des personnes, et les intitulés de poste ne permettent pas de le déduire : il n’est pas compté ici.',
    );
    return notes;
  },
  plot: (rows, { narrow, width, palette }) => {
    // One bar per (promotion, category, website), under the promotion's title; each website's bar stacks its
    // expertises or profiles. The current website's bars are filled, the 2022 list's outlined (as their legend
    // swatches are): the two are told apart without their colours.
    const sites = [...new Set(rows.map((r) => r.site))];
    type Entry = { promotion: string; categorie: string; site: string; rows: Row[]; total: number };
    const entries: Entry[] = [];
    for (const r of rows) {
      const last = entries.at(-1);
      if (last && last.promotion === group(r) && last.categorie === r.categorie && last.site === r.site) {
        last.rows.push(r);
      } else entries.push({ promotion: group(r), categorie: r.categorie, site: r.site, rows: [r], total: r.total });
    }
    const groups = groupsOf(entries, (e) => e.promotion).map((g) => ({ heading: g.group, rows: g.rows }));
    const max = Math.max(...entries.map((e) => e.total));
    const list = barList(groups, (e) => e.categorie, {
      narrow,
      width,
      valueWidth: 24,
      values: { text: (e) => formatNumber(e.total), at: (e) => e.total, max },
    });
    const segments = list.bars.flatMap((bar) => {
      let x = 0;
      return bar.row.rows.map((r) => ({ ...bar, r, x1: x, x2: (x += r.effectif) }));
    });
    type Segment = (typeof segments)[number];
    const tip = (d: Segment) =>
      `${group(d.r)} — ${d.r.categorie}${d.r.profil ? `, ${d.r.profil}` : ''} (${d.r.site}) : ${formatNumber(d.r.effectif)}`;
    const segment = { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', title: tip } as const;
    const frame = barListFrame(list, 11);
    return {
      ...frame.options,
      x: { grid: true, label: 'Personnes', labelArrow: 'none', labelAnchor: 'right', ticks: narrow ? 4 : 8 },
      color: { domain: sites, range: palette },
      marks: [
        ...frame.marks,
        // A hairline between the stacked expertises of one bar.
        Plot.rectX(
          segments.filter((d) => d.r.site === sites[0]),
          { ...segment, fill: (d: Segment) => d.r.site, insetLeft: 0.5 },
        ),
        Plot.rectX(
          segments.filter((d) => d.r.site !== sites[0]),
          { ...segment, fill: 'none', stroke: (d: Segment) => d.r.site, strokeWidth: 1.5, inset: 0.75 },
        ),
      ],
    };
  },
});
