import * as Plot from '@observablehq/plot';
import type { Figure } from '../lib/figures.ts';
import { formatNumber } from '../lib/format.ts';
import { label, PROFILE_LABELS } from '../lib/labels.ts';
import { isEigProfile } from '../lib/aggregates/profiles.ts';
import { isEigPromotion, promotionRank } from '../lib/promotion-names.ts';
import { listFr } from '../lib/text.ts';
import { datedTag } from './helpers/sources.ts';
import { defineChart, type ChartRow } from './types.ts';

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
};

export const PARTICIPANTS = 'Participants';
export const MENTORS = 'Mentors';
const NO_PROMOTION = 'Sans promotion';

/** Profiles in the order of the other profile charts, then mentors and the programme's team. */
const PROFILE_ORDER = ['developpement', 'data science', 'design', 'data engineering', 'mentor', 'equipe du programme'];
const profileRank = (profile: string) => {
  const rank = PROFILE_ORDER.indexOf(profile);
  return rank < 0 ? PROFILE_ORDER.length : rank;
};
const nativeProgramme = (promotion: string) => (isEigPromotion(promotion) ? 'EIG' : promotion);

const previousCategory = (profile: string) =>
  isEigProfile(profile) ? PARTICIPANTS : profile === 'mentor' ? MENTORS : 'Équipe du programme';
const CURRENT_CATEGORIES: Record<string, string> = {
  participant: PARTICIPANTS,
  'agent-public': MENTORS,
  'agent-programme': 'Équipe du programme',
  'agent-programme-alumni': 'Équipe du programme',
  'agent-ecosysteme': 'Écosystème',
};
const CATEGORY_ORDER = [PARTICIPANTS, MENTORS, 'Équipe du programme', 'Écosystème'];
const categoryRank = (c: string) => (CATEGORY_ORDER.includes(c) ? CATEGORY_ORDER.indexOf(c) : CATEGORY_ORDER.length);

const group = (r: Row) => r.promotion ?? NO_PROMOTION;
const sumWhere = (rows: readonly Row[], test: (r: Row) => boolean) =>
  rows.filter(test).reduce((s, r) => s + r.effectif, 0);

export default defineChart({
  slug: 'communaute',
  title: 'La communauté du programme par promotion, rôle et expertise',
  theme: 'profils',
  order: 2,
  description:
    'Personnes de chaque promotion d’après le site actuel du programme (par rôle et expertise : participants, mentors et sponsors, équipe du programme, écosystème), à côté de la liste de la communauté du site de 2022 (par programme et profil).',
  rows: ({ aggregates, publications }) => {
    const { community, people } = aggregates.profils.data;
    const tag = (figure: Figure) => datedTag(publications, figure.from[0]?.source ?? '');
    const current: ChartRow<Row>[] = people.list.map((p) => ({
      site: tag(p.figure),
      promotion: p.promotion,
      programme: null,
      role: p.role,
      categorie: CURRENT_CATEGORIES[p.role] ?? p.role,
      profil: p.expertise,
      effectif: p.figure.value,
      _from: p.figure.from,
    }));
    const previous: ChartRow<Row>[] = [...community]
      .sort(
        (a, b) =>
          promotionRank(a.promotion) - promotionRank(b.promotion) ||
          Number(a.programme !== nativeProgramme(a.promotion)) - Number(b.programme !== nativeProgramme(b.promotion)) ||
          profileRank(a.profile) - profileRank(b.profile),
      )
      .map((c) => ({
        site: tag(c.figure),
        promotion: c.promotion,
        programme: c.programme,
        role: null,
        categorie: previousCategory(c.profile),
        profil: label(PROFILE_LABELS, c.profile),
        effectif: c.figure.value,
        _from: c.figure.from,
      }));
    // Promotion by promotion, the current website first; people without a promotion last.
    const rank = (r: Row) => (r.promotion === null ? 10_000 : promotionRank(r.promotion));
    return [...current, ...previous].sort(
      (a, b) =>
        rank(a) - rank(b) ||
        categoryRank(a.categorie) - categoryRank(b.categorie) ||
        Number(a.site !== current[0]?.site) - Number(b.site !== current[0]?.site),
    );
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
  reading: (rows) => {
    const site = rows.find((r) => r.role !== null)?.site;
    const current = rows.filter((r) => r.site === site);
    const promotions = [...new Set(current.map((r) => r.promotion))].filter(
      (p): p is string => p !== null && isEigPromotion(p),
    );
    const describe = (promotion: string) =>
      `la promotion ${promotion} compte ${formatNumber(sumWhere(current, (r) => r.promotion === promotion && r.categorie === PARTICIPANTS))} participants et ` +
      `${formatNumber(sumWhere(current, (r) => r.promotion === promotion && r.categorie === MENTORS))} mentors ou sponsors`;
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
    const published = (promotion: string, indicator: string): Figure | undefined =>
      aggregates.programme.data.promotions.find((p) => p.promotion === promotion && p.indicator === indicator)?.figure;
    const inProgramme = (promotion: string, category: string) => (r: Row) =>
      r.promotion === promotion && r.programme === 'EIG' && r.categorie === category;
    const promotions = [...new Set(previous.map((r) => r.promotion))].filter(
      (p): p is string => p !== null && isEigPromotion(p),
    );
    for (const [indicator, category, word] of [
      ['eig', PARTICIPANTS, 'EIG'],
      ['mentors', MENTORS, 'mentors'],
    ] as const) {
      const compared = promotions
        .map((p) => ({ p, listed: sumWhere(previous, inProgramme(p, category)), figure: published(p, indicator) }))
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
      const listed = sumWhere(
        previous,
        (r) => r.promotion === item.promotion && r.programme === 'EIG' && r.profil === profile,
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
    const { entries } = aggregates.profils.data.people;
    notes.push(
      `Site actuel : une personne de plusieurs promotions ou de plusieurs expertises compte dans chacune ; les ${formatNumber(entries.value)} lignes comptent des inscriptions, un peu plus que de personnes. ` +
        'Les rôles sont ceux du site : participant (EIG ou designer), agent-public (porteurs de projet, mentors, sponsors), équipe du programme, écosystème.',
    );
    const withoutMentors = [...new Set(current.map((r) => r.promotion))].filter(
      (p): p is string =>
        p !== null && isEigPromotion(p) && sumWhere(current, (r) => r.promotion === p && r.categorie === MENTORS) === 0,
    );
    if (withoutMentors.length > 0) {
      notes.push(
        `${listFr(withoutMentors)} : le site actuel n’a aucune page de mentor ; ce n’est pas dire qu’il n’y en eut aucun.`,
      );
    }
    const none = sumWhere(current, (r) => r.promotion === null);
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
  plot: (rows, { narrow, palette }) => {
    // One band per (promotion, category, website), after a band for the promotion's title; each website's bar
    // stacks its expertises or profiles, in the website's colour.
    const sites = [...new Set(rows.map((r) => r.site))];
    const groups = [...new Set(rows.map(group))];
    const key = (r: Row) => `${group(r)}\u0000${r.categorie}\u0000${r.site}`;
    const domain = groups.flatMap((g) => [`${g}\u0000`, ...new Set(rows.filter((r) => group(r) === g).map(key))]);
    const marginLeft = narrow ? 136 : 150;
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(key(r), (totals.get(key(r)) ?? 0) + r.effectif);
    return {
      height: domain.length * (narrow ? 14.5 : 13) + 40,
      marginLeft,
      marginRight: 36,
      marginTop: 4,
      marginBottom: 28,
      x: { grid: true, label: 'Personnes', labelArrow: 'none', labelAnchor: 'right', ticks: narrow ? 4 : 8 },
      y: { domain, label: null, tickSize: 0, padding: 0.15, tickFormat: (k: string) => k.split('\u0000')[1] ?? '' },
      color: { domain: sites, range: palette },
      marks: [
        Plot.barX(rows, {
          y: key,
          x: 'effectif',
          fill: 'site',
          // A hairline between the stacked expertises of one bar.
          insetLeft: 0.5,
          title: (d) =>
            `${group(d)} — ${d.categorie}${d.profil ? `, ${d.profil}` : ''} (${d.site}) : ${formatNumber(d.effectif)}`,
        }),
        Plot.text(
          domain.filter((k) => k.split('\u0000')[2]),
          {
            y: (k: string) => k,
            x: (k: string) => totals.get(k),
            text: (k: string) => formatNumber(totals.get(k) ?? 0),
            textAnchor: 'start',
            dx: 4,
            fontSize: 11,
          },
        ),
        Plot.text(groups, {
          y: (g) => `${g}\u0000`,
          x: 0,
          text: (g) => g,
          textAnchor: 'start',
          dx: -marginLeft + 4,
          fontWeight: 'bold',
          fontSize: narrow ? 11 : 12,
        }),
        Plot.ruleX([0]),
      ],
    };
  },
});
