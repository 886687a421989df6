import * as Plot from '@observablehq/plot';
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import { formatNumber } from '../lib/format.ts';
import { ofThePromotions } from '../lib/promotion-names.ts';
import { wrapToWidth } from '../lib/text.ts';
import { bandKey } from './helpers/bands.ts';
import { NOT_YET_KNOWN } from './helpers/original.ts';
import { defineChart, type ChartRow } from './types.ts';

const CAREERS = [
  { key: ORIGINAL.civilService, parcours: 'Restés dans la fonction publique' },
  { key: ORIGINAL.phd, parcours: 'Partis en thèse' },
  { key: ORIGINAL.privateSector, parcours: 'Partis dans le privé' },
  { key: ORIGINAL.freelance, parcours: 'Freelance ou indépendants' },
  { key: ORIGINAL.otherCareers, parcours: 'Autres' },
] as const;

type Row = {
  promotion: string;
  parcours: string;
  /** Null where the original wrote 0 for a promotion still running (see precision). */
  effectif: number | null;
  precision: string | null;
};

const known = (r: Row) => r.effectif !== null;

export default defineChart({
  slug: 'devenir-eig',
  title: 'Ce que sont devenus les premiers EIG',
  story: 'devenir',
  theme: 'profils',
  order: 5,
  description: (rows: ChartRow<Row>[]) => {
    const promotionsWhere = (test: (r: Row) => boolean) => [...new Set(rows.filter(test).map((r) => r.promotion))];
    const unknown = promotionsWhere((r) => !known(r));
    return (
      `Ce qu’ont fait les EIG ${ofThePromotions(promotionsWhere(known))} après le programme, promotion par promotion : restés dans la fonction publique, partis en thèse, dans le privé, en freelance, autres, selon le site d’origine (mai 2019).` +
      (unknown.length > 0 ? ` Le devenir ${ofThePromotions(unknown)}, alors en cours, n’était pas encore connu.` : '')
    );
  },
  legacyAnchors: ['parcours'],
  rows: ({ aggregates }) => {
    const original = aggregates.origine.data.figures;
    const rows: ChartRow<Row>[] = [];
    for (const promotion of original.promotions) {
      for (const career of CAREERS) {
        const entry = original.get(career.key, promotion);
        if (!entry) continue;
        rows.push({
          promotion,
          parcours: career.parcours,
          effectif: entry.figure?.value ?? null,
          precision: entry.figure ? null : entry.note,
          _from: [entry.ref],
        });
      }
    }
    return rows;
  },
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'parcours', label: 'Après le programme', kind: 'texte' },
    {
      key: 'effectif',
      label: 'EIG',
      kind: 'nombre',
      format: (r) => (r.effectif === null ? NOT_YET_KNOWN : formatNumber(r.effectif)),
    },
    { key: 'precision', label: 'Précision', kind: 'texte' },
  ],
  reading: (rows) => {
    const stayed = rows.filter((r) => r.parcours === CAREERS[0].parcours && known(r));
    if (stayed.length === 0) return 'Le devenir des EIG n’est pas publié.';
    const total = (p: string) => rows.filter((r) => r.promotion === p && known(r)).reduce((s, r) => s + r.effectif!, 0);
    return `${stayed.map((r) => `${formatNumber(r.effectif!)} EIG sur ${formatNumber(total(r.promotion))} de la promotion ${r.promotion}`).join(' et ')} sont restés dans la fonction publique.`;
  },
  notes: (rows) => {
    const unknown = [...new Set(rows.filter((r) => !known(r)).map((r) => r.promotion))];
    return [
      'Chiffres du site d’origine data.eig-forever.org (mai 2019), sans date de mesure ni définition des catégories.',
      ...(unknown.length > 0
        ? [
            `${unknown.join(', ')} : le site d’origine écrivait 0 dans chaque catégorie alors que la promotion était en cours ; ce n’est pas zéro personne, c’est un devenir ${NOT_YET_KNOWN} : aucune barre, « ${NOT_YET_KNOWN} » dans le tableau.`,
          ]
        : []),
      'Les questionnaires sur les parcours des EIG sont sur le graphique « Que deviennent les EIG après le programme ? ».',
    ];
  },
  plot: (rows, { narrow, palette, width }) => {
    const careers = CAREERS.map((c) => c.parcours);
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    const head = (p: string) => bandKey(p, '');
    const bar = (p: string) => bandKey(p, 'barre');
    const detail = (p: string) => bandKey(p, 'détail');
    const drawn = rows.filter(known);
    const unknown = promotions.filter((p) => !rows.some((r) => r.promotion === p && known(r)));
    const stack = { y: (r: Row) => bar(r.promotion), x: 'effectif', z: 'parcours', order: careers } as const;
    // Phone layouts wrap the counts to the drawing's width in the widest usual font, and make room for each line
    // beyond two (three lines on the 288 px drawing).
    const countsText = (p: string) =>
      drawn
        .filter((r) => r.promotion === p)
        // A no-break space keeps each count with its career when lines wrap.
        .map((r) => `${r.parcours.toLowerCase()}\u00a0${formatNumber(r.effectif!)}`)
        .join(' · ');
    const counts = (p: string) => (narrow ? wrapToWidth(countsText(p), width - 16, 11) : [countsText(p)]);
    const extraLines = narrow ? Math.max(0, ...promotions.map((p) => counts(p).length - 2)) : 0;
    return {
      height: promotions.length * (narrow ? 96 + 14 * extraLines : 72) + 40,
      marginLeft: 8,
      marginRight: narrow ? 16 : 40,
      marginBottom: 30,
      y: { domain: promotions.flatMap((p) => [head(p), bar(p), detail(p)]), axis: null, padding: 0.1 },
      x: { label: 'EIG', labelArrow: 'none', grid: true, ticks: narrow ? 4 : 8 },
      color: { domain: careers, range: palette },
      marks: [
        Plot.text(promotions, {
          y: head,
          text: (p: string) => p,
          frameAnchor: 'left',
          textAnchor: 'start',
          lineAnchor: 'bottom',
          dy: 8,
          fontWeight: 'bold',
          fontSize: 12,
        }),
        Plot.barX(
          drawn,
          Plot.stackX({
            ...stack,
            fill: 'parcours',
            title: (r: Row) => `${r.promotion} — ${r.parcours} : ${formatNumber(r.effectif!)} EIG`,
          }),
        ),
        // Counts written under the bar (text on the coloured segments would not be readable in both themes).
        Plot.text(
          promotions.filter((p) => !unknown.includes(p)),
          {
            y: detail,
            text: (p: string) => counts(p).join('\n'),
            frameAnchor: 'left',
            textAnchor: 'start',
            lineAnchor: 'top',
            dy: -6,
            fontSize: 11,
            lineWidth: narrow ? Infinity : 86,
          },
        ),
        Plot.text(unknown, {
          y: bar,
          x: 0,
          text: () =>
            wrapToWidth(`Devenir ${NOT_YET_KNOWN} (promotion en cours en mai 2019)`, width - 24, 11).join('\n'),
          textAnchor: 'start',
          fontStyle: 'italic',
          fontSize: 11,
        }),
        Plot.ruleX([0]),
      ],
    };
  },
});
