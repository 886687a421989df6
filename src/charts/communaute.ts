import * as Plot from '@observablehq/plot';
import type { Figure } from '../lib/figures.ts';
import { formatNumber } from '../lib/format.ts';
import { label, PROFILE_LABELS } from '../lib/labels.ts';
import { isEigProfile } from '../lib/aggregates/profiles.ts';
import { isEigPromotion, promotionRank } from '../lib/promotions.ts';
import { defineChart, type ChartRow } from './types.ts';

type Row = {
  groupe: string;
  promotion: string;
  programme: string;
  categorie: string;
  profil: string;
  effectif: number;
};

/** Profiles in the order of the other profile charts (same colours), then mentors and the programme's team. */
const PROFILE_ORDER = ['developpement', 'data science', 'design', 'data engineering', 'mentor', 'equipe du programme'];
const profileRank = (profile: string) => {
  const rank = PROFILE_ORDER.indexOf(profile);
  return rank < 0 ? PROFILE_ORDER.length : rank;
};
const nativeProgramme = (promotion: string) => (isEigPromotion(promotion) ? 'EIG' : promotion);

const category = (profile: string) =>
  isEigProfile(profile) ? 'EIG' : profile === 'mentor' ? 'Mentors' : 'Équipe du programme';

/** « EIG 2 », or « DIG, programme EIG » where the list files a promotion under another programme. */
const groupOf = (promotion: string, programme: string) =>
  programme === nativeProgramme(promotion) ? promotion : `${promotion}, programme ${programme}`;

const sumWhere = (rows: ChartRow<Row>[], promotion: string, test: (r: Row) => boolean) =>
  rows.filter((r) => r.promotion === promotion && r.programme === 'EIG' && test(r)).reduce((s, r) => s + r.effectif, 0);

const list = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;

export default defineChart({
  slug: 'communaute',
  title: 'La communauté du programme par promotion et par profil',
  theme: 'profils',
  order: 2,
  description:
    'Membres de la communauté listés sur le site du programme, par promotion et par profil : EIG (par compétence), designers d’intérêt général (DIG), mentors et équipe du programme.',
  rows: ({ aggregates }) =>
    [...aggregates.profils.data.community]
      .sort(
        (a, b) =>
          promotionRank(a.promotion) - promotionRank(b.promotion) ||
          Number(a.programme !== nativeProgramme(a.promotion)) - Number(b.programme !== nativeProgramme(b.promotion)) ||
          profileRank(a.profile) - profileRank(b.profile),
      )
      .map((c) => ({
        groupe: groupOf(c.promotion, c.programme),
        promotion: c.promotion,
        programme: c.programme,
        categorie: category(c.profile),
        profil: label(PROFILE_LABELS, c.profile),
        effectif: c.figure.value,
        _from: c.figure.from,
      })),
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'programme', label: 'Programme', kind: 'texte' },
    { key: 'categorie', label: 'Catégorie', kind: 'texte' },
    { key: 'profil', label: 'Profil', kind: 'texte' },
    { key: 'effectif', label: 'Membres listés', kind: 'nombre' },
  ],
  reading: (rows) => {
    const promotions = [...new Set(rows.map((r) => r.promotion))].filter(isEigPromotion);
    const describe = (promotion: string) =>
      `la promotion ${promotion} y compte ${formatNumber(sumWhere(rows, promotion, (r) => r.categorie === 'EIG'))} EIG et ` +
      `${formatNumber(sumWhere(rows, promotion, (r) => r.categorie === 'Mentors'))} mentors`;
    const first = promotions[0];
    const last = promotions.at(-1);
    if (!first || !last) return 'La liste de la communauté ne compte aucune promotion d’EIG.';
    return `D’après la liste de la communauté du site du programme, ${describe(last)} ; ${describe(first)}.`;
  },
  notes: (rows, { aggregates }) => {
    const notes: string[] = [];
    const published = (promotion: string, indicator: string): Figure | undefined =>
      aggregates.programme.data.promotions.find((p) => p.promotion === promotion && p.indicator === indicator)?.figure;
    const promotions = [...new Set(rows.map((r) => r.promotion))].filter(isEigPromotion);
    for (const [indicator, category, word] of [
      ['eig', 'EIG', 'EIG'],
      ['mentors', 'Mentors', 'mentors'],
    ] as const) {
      const compared = promotions
        .map((p) => ({
          p,
          listed: sumWhere(rows, p, (r) => r.categorie === category),
          figure: published(p, indicator),
        }))
        .filter((c) => c.figure);
      const differ = compared.filter((c) => c.listed !== c.figure!.value);
      const agree = compared.filter((c) => c.listed === c.figure!.value);
      if (differ.length > 0) {
        notes.push(
          `${word === 'EIG' ? 'EIG' : 'Mentors'} : la liste du site compte ` +
            list(differ.map((c) => `${formatNumber(c.listed)} ${word} pour ${c.p}`)) +
            ', quand les publications du programme en donnent ' +
            list(differ.map((c) => formatNumber(c.figure!.value))) +
            (category === 'Mentors'
              ? ' (sur le site, un même mentor peut apparaître dans plusieurs promotions).'
              : '.') +
            (agree.length > 0 ? ` Pour ${list(agree.map((c) => c.p))}, la liste et les publications concordent.` : ''),
        );
      }
    }
    // Profiles counted by the posts of April 2021 against the list.
    for (const item of aggregates.profils.data.composition) {
      if (!item.count) continue;
      const listed = sumWhere(rows, item.promotion, (r) => r.profil === label(PROFILE_LABELS, item.profile));
      if (listed !== item.count.value) {
        notes.push(
          `${item.promotion}, ${label(PROFILE_LABELS, item.profile).toLowerCase()} : ${formatNumber(listed)} dans la liste, ` +
            `${formatNumber(item.count.value)} dans le billet d’avril 2021.`,
        );
      }
    }
    const engineering = rows.filter((r) => r.profil === label(PROFILE_LABELS, 'data engineering'));
    for (const r of engineering) {
      notes.push(
        `${r.promotion} : la liste compte ${formatNumber(r.effectif)} profil data engineering, que les publications ne comptent pas à part.`,
      );
    }
    const elsewhere = rows.filter((r) => r.programme !== nativeProgramme(r.promotion));
    if (elsewhere.length > 0) {
      notes.push(
        'La liste range certains membres sous un autre programme que leur promotion (' +
          list(
            elsewhere.map(
              (r) =>
                `${formatNumber(r.effectif)} membres « ${r.profil} » de la promotion ${r.promotion} sous le programme ${r.programme}`,
            ),
          ) +
          ') : ces libellés sont repris tels quels.',
      );
    }
    return notes;
  },
  plot: (rows, { narrow, palette }) => {
    // One band per (group, profile), preceded by a band for the group's title: a single y scale, no empty rows.
    const groups = [...new Set(rows.map((r) => r.groupe))];
    // Colours in a fixed order, the same as the other profile charts (development first, then data science…).
    const present = new Set(rows.map((r) => r.profil));
    const profiles = [
      ...PROFILE_ORDER.map((p) => label(PROFILE_LABELS, p)).filter((p) => present.has(p)),
      ...[...present].filter((p) => !PROFILE_ORDER.some((o) => label(PROFILE_LABELS, o) === p)),
    ];
    const key = (r: Row) => `${r.groupe}\u0000${r.profil}`;
    const domain = groups.flatMap((g) => [`${g}\u0000`, ...rows.filter((r) => r.groupe === g).map(key)]);
    const marginLeft = narrow ? 128 : 150;
    return {
      height: Math.max(300, domain.length * (narrow ? 14.5 : 12.5) + 40),
      marginLeft,
      marginRight: 36,
      marginTop: 4,
      marginBottom: 28,
      x: { grid: true, label: 'Membres listés', labelArrow: 'none', labelAnchor: 'right', ticks: narrow ? 4 : 8 },
      y: {
        domain,
        label: null,
        tickSize: 0,
        padding: 0.18,
        tickFormat: (k: string) => k.split('\u0000')[1] ?? '',
      },
      color: { domain: profiles, range: palette },
      marks: [
        Plot.barX(rows, {
          y: key,
          x: 'effectif',
          fill: 'profil',
          title: (d) => `${d.groupe} — ${d.profil} : ${formatNumber(d.effectif)}`,
        }),
        Plot.text(rows, {
          y: key,
          x: 'effectif',
          text: (d) => formatNumber(d.effectif),
          fill: 'profil',
          textAnchor: 'start',
          dx: 4,
          fontSize: narrow ? 10 : 11,
        }),
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
