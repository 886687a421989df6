import * as Plot from '@observablehq/plot';
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import type { Figure } from '../lib/figures.ts';
import { formatNumber } from '../lib/format.ts';
import { byPromotion, thePromotions } from '../lib/promotion-names.ts';
import { lowerFirst, textWidth, wrapToWidth } from '../lib/text.ts';
import { mergedRefs, percentAsPrinted, sameAs } from './helpers/original.ts';
import { panelTitles } from './helpers/panels.ts';
import { unpublishedFor } from './helpers/unpublished.ts';
import { defineChart, type ChartContext, type ChartRow } from './types.ts';
import { marginAfterBars, marginFor } from './helpers/margins.ts';

const ALL = 'Tous les EIG';
const APPLICATIONS = 'Candidatures';

/** Each group: the original site's share of women, its count of women, its headcount, its share among all EIG. */
const GROUPS = [
  { groupe: ALL, share: ORIGINAL.shareWomen, women: ORIGINAL.women, size: ORIGINAL.eig, ofEig: null },
  {
    groupe: 'Développeurs et développeuses',
    share: ORIGINAL.shareWomenDevelopers,
    women: ORIGINAL.womenDevelopers,
    size: ORIGINAL.developers,
    ofEig: ORIGINAL.shareWomenDevelopersOfEig,
  },
  {
    groupe: 'Data scientists',
    share: ORIGINAL.shareWomenDataScientists,
    women: ORIGINAL.womenDataScientists,
    size: ORIGINAL.dataScientists,
    ofEig: ORIGINAL.shareWomenDataScientistsOfEig,
  },
  {
    groupe: 'Designers',
    share: ORIGINAL.shareWomenDesigners,
    women: ORIGINAL.womenDesigners,
    size: ORIGINAL.designers,
    ofEig: ORIGINAL.shareWomenDesignersOfEig,
  },
] as const;

type Row = {
  promotion: string;
  groupe: string;
  /** Share of women in the group, in percent, as printed. */
  part: number;
  femmes: number | null;
  effectif: number | null;
  hommes: number | null;
  /** Women of this profile among all the promotion's EIG, in percent. */
  part_des_eig: number | null;
};

/** A share of an empty group (0 % of 0 designers, as the original prints it) means nothing. */
const meaningless = (r: Row) => r.effectif === 0;

const shareText = (r: Row) =>
  meaningless(r) ? `sans objet (${percentAsPrinted(r.part)} écrit pour 0 personne)` : percentAsPrinted(r.part);

const notPublished = (rows: readonly Row[], ctx: ChartContext) =>
  unpublishedFor(
    rows.map((r) => r.promotion),
    ctx,
    (them) => `Aucune part de femmes n’a été publiée pour ${them}.`,
  );

export default defineChart({
  slug: 'femmes',
  title: 'Les femmes parmi les EIG, par profil, et parmi les candidatures',
  story: 'qui',
  theme: 'profils',
  order: 3,
  description: (rows: ChartRow<Row>[]) =>
    `Pour ${thePromotions(rows.map((r) => r.promotion))}, la part et le nombre de femmes parmi tous les EIG, parmi les développeurs, les data scientists et les designers, et la part des candidatures féminines.`,
  legacyAnchors: ['genre', 'genres'],
  rows: ({ aggregates }) => {
    const original = aggregates.origine.data.figures;
    const blog = aggregates.profils.data.diversity;
    const blogOf = (indicator: string, promotion: string) =>
      blog.find((d) => d.indicator === indicator && d.promotion === promotion)?.figure ?? null;
    const rows: ChartRow<Row>[] = [];
    const promotions = [
      ...new Set([...original.promotions, ...blog.map((d) => d.promotion)].filter((p) => p.startsWith('EIG'))),
    ].sort(byPromotion((p: string) => p));
    for (const promotion of promotions) {
      for (const g of GROUPS) {
        const value = (name: string | null) => (name ? original.value(name, promotion) : null);
        const share = value(g.share);
        const blogShare = g.groupe === ALL ? blogOf('part_femmes_eig', promotion) : null;
        const shown: Figure | null = share ?? blogShare;
        if (!shown) continue;
        const women = value(g.women);
        const size = value(g.size);
        const men = g.groupe === ALL ? value(ORIGINAL.men) : null;
        const ofEig = value(g.ofEig);
        const sameBlog = blogShare && share ? sameAs(original.get(g.share, promotion), blogShare.value) : null;
        rows.push({
          promotion,
          groupe: g.groupe,
          part: shown.value,
          femmes: women?.value ?? null,
          effectif: size?.value ?? null,
          hommes: men?.value ?? null,
          part_des_eig: ofEig?.value ?? null,
          _from: mergedRefs(
            ...[shown, women, size, men, ofEig].map((f) => f?.from ?? []),
            sameBlog ? (blogShare?.from ?? []) : [],
          ),
        });
        if (blogShare && share && !sameBlog)
          rows.push({
            promotion,
            groupe: `${g.groupe} (billet de mai 2019)`,
            part: blogShare.value,
            femmes: null,
            effectif: null,
            hommes: null,
            part_des_eig: null,
            _from: blogShare.from,
          });
      }
      const applications = blogOf('part_candidatures_feminines', promotion);
      const originalApplications = original.value(ORIGINAL.femaleApplications, promotion);
      const shown = applications ?? originalApplications;
      if (shown) {
        const same = applications
          ? sameAs(original.get(ORIGINAL.femaleApplications, promotion), applications.value)
          : null;
        rows.push({
          promotion,
          groupe: APPLICATIONS,
          part: shown.value,
          femmes: null,
          effectif: null,
          hommes: null,
          part_des_eig: null,
          _from: mergedRefs(shown.from, same?.from ?? []),
        });
      }
    }
    return rows;
  },
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'groupe', label: 'Parmi', kind: 'texte' },
    { key: 'part', label: 'Part des femmes', kind: 'pourcent', format: shareText },
    { key: 'femmes', label: 'Femmes', kind: 'nombre' },
    { key: 'effectif', label: 'Effectif du groupe', kind: 'nombre' },
    { key: 'hommes', label: 'Hommes', kind: 'nombre' },
    { key: 'part_des_eig', label: 'Femmes de ce profil parmi tous les EIG', kind: 'pourcent' },
  ],
  reading: (rows) => {
    const all = rows.filter((r) => r.groupe === ALL);
    const last = all.at(-1);
    if (!last) return 'Aucune part de femmes n’est publiée.';
    const applications = rows.find((r) => r.promotion === last.promotion && r.groupe === APPLICATIONS);
    // The profiles' range in one clause: the chart and the table give each.
    const profiles = rows
      .filter((r) => r.promotion === last.promotion && r.groupe !== ALL && r.groupe !== APPLICATIONS && !meaningless(r))
      .sort((a, b) => a.part - b.part);
    const [low, high] = [profiles[0], profiles.at(-1)];
    const range =
      low && high && low !== high
        ? ` ; de ${percentAsPrinted(low.part)} des ${lowerFirst(low.groupe)} à ${percentAsPrinted(high.part)} des ${lowerFirst(high.groupe)}`
        : '';
    return (
      `Dans la promotion ${last.promotion}, ${percentAsPrinted(last.part)} des EIG sont des femmes` +
      (last.femmes !== null && last.effectif !== null
        ? ` (${formatNumber(last.femmes)} sur ${formatNumber(last.effectif)})`
        : '') +
      (applications ? `, pour ${percentAsPrinted(applications.part)} de candidatures féminines` : '') +
      `${range}.`
    );
  },
  keyNotes: notPublished,
  notes: (rows, ctx) => {
    const notes = [
      'Parts et effectifs du site d’origine data.eig-forever.org (mai 2019) ; les parts des femmes parmi tous les EIG et des candidatures féminines sont aussi celles du billet de mai 2019, en pourcentages entiers.',
      'La part des candidatures féminines porte sur les candidatures reçues l’année où chaque promotion a été recrutée.',
    ];
    for (const r of rows.filter(meaningless))
      notes.push(
        `${r.promotion} : le site d’origine écrit ${percentAsPrinted(r.part)} de femmes parmi les ${lowerFirst(r.groupe)}, alors que la promotion n’en compte aucun : la part est sans objet (aucune barre).`,
      );
    notes.push(...notPublished(rows, ctx));
    return notes;
  },
  plot: (rows, { narrow, palette, width }) => {
    const groups = [...new Set(rows.map((r) => r.groupe))];
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    const drawn = rows.filter((r) => !meaningless(r));
    // Group names on two lines where one would leave the bars too little room (the 288 px drawing).
    const twoLines = marginFor(groups) > width * 0.55;
    const groupLabel = (group: string) => (twoLines ? wrapToWidth(group, width * 0.4, 11).join('\n') : group);
    const marginLeft = marginFor(groups.map(groupLabel), { min: narrow ? 100 : 190 });
    // « aucun dans la promotion » starts at the axis; where it does not fit after the group names, « aucun ».
    const none =
      marginLeft + 4 + textWidth('aucun dans la promotion', 11) <= width ? 'aucun dans la promotion' : 'aucun';
    const label = (r: Row) =>
      meaningless(r)
        ? none
        : percentAsPrinted(r.part) +
          (r.femmes !== null && r.effectif !== null
            ? ` (${formatNumber(r.femmes)} sur ${formatNumber(r.effectif)})`
            : '');
    return {
      height: promotions.length * groups.length * (twoLines ? 30 : narrow ? 22 : 20) + promotions.length * 30 + 30,
      marginLeft,
      marginRight: marginAfterBars(
        rows.map((r) => ({ text: label(r), value: meaningless(r) ? 0 : r.part })),
        { width, marginLeft, max: 100, min: narrow ? 70 : 40 },
      ),
      marginTop: 22,
      marginBottom: 28,
      x: {
        domain: [0, 100],
        grid: true,
        label: null,
        tickFormat: (v: number) => percentAsPrinted(v),
        ticks: narrow ? [0, 50, 100] : 10,
      },
      y: { domain: groups, label: null, tickSize: 0, padding: 0.15, tickFormat: groupLabel },
      fy: { domain: promotions, axis: null, padding: 0.25 },
      color: { domain: groups, range: palette },
      marks: [
        Plot.barX(drawn, {
          fy: 'promotion',
          y: 'groupe',
          x: 'part',
          fill: 'groupe',
          title: (d: Row) =>
            `${d.promotion} — femmes parmi : ${lowerFirst(d.groupe)} : ${meaningless(d) ? 'aucun dans la promotion' : label(d)}`,
        }),
        Plot.text(rows, {
          fy: 'promotion',
          y: 'groupe',
          x: (d: Row) => (meaningless(d) ? 0 : d.part),
          text: label,
          textAnchor: 'start',
          dx: 4,
          fill: 'groupe',
          fontSize: 11,
        }),
        Plot.ruleX([0]),
        panelTitles(promotions, { marginLeft, narrow, width }),
      ],
    };
  },
});
