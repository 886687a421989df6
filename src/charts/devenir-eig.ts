import * as Plot from '@observablehq/plot';
import { CAREER_INDICATORS } from '../lib/aggregates/careers.ts';
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import { formatNumber } from '../lib/format.ts';
import { ofThePromotions } from '../lib/promotion-names.ts';
import { NOT_YET_KNOWN } from './helpers/original.ts';
import { joinParts, partText, stackList } from './helpers/stack-list.ts';
import { defineChart, type ChartRow } from './types.ts';

/** The original's careers (CAREER_INDICATORS) in the legend's words. */
const CAREERS: Record<(typeof CAREER_INDICATORS)[number], string> = {
  [ORIGINAL.civilService]: 'Restés dans la fonction publique',
  [ORIGINAL.phd]: 'Partis en thèse',
  [ORIGINAL.privateSector]: 'Partis dans le privé',
  [ORIGINAL.freelance]: 'Freelance ou indépendants',
  [ORIGINAL.otherCareers]: 'Autres',
};
const parcoursOf = (indicator: string) => CAREERS[indicator as (typeof CAREER_INDICATORS)[number]];

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
  rows: ({ aggregates }) =>
    aggregates.origine.data.careers.flatMap(({ promotion, careers }) =>
      careers.map((entry): ChartRow<Row> => ({
        promotion,
        parcours: parcoursOf(entry.indicator),
        effectif: entry.figure?.value ?? null,
        precision: entry.figure ? null : entry.note,
        _from: [entry.ref],
      })),
    ),
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
  reading: (rows, { aggregates }) => {
    const stayed = rows.filter((r) => r.parcours === parcoursOf(CAREER_INDICATORS[0]) && known(r));
    if (stayed.length === 0) return 'Le devenir des EIG n’est pas publié.';
    const total = (p: string) => aggregates.origine.data.careers.find((c) => c.promotion === p)?.total?.value ?? 0;
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
    // Each promotion's bar, followed by its counts in the legend's words: the careers are read without their
    // colours. A promotion whose careers were not known yet has its reason written instead of a bar.
    const careers = CAREER_INDICATORS.map(parcoursOf);
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    const drawn = (p: string) => rows.filter((r) => r.promotion === p && known(r));
    const list = stackList(
      promotions.map((promotion) => ({
        heading: promotion,
        bars: [
          drawn(promotion).length > 0
            ? {
                parts: drawn(promotion),
                below: joinParts(drawn(promotion).map((r) => partText(r.parcours, formatNumber(r.effectif!)))),
              }
            : { parts: [], below: '', instead: `Devenir ${NOT_YET_KNOWN} (promotion en cours en mai 2019)` },
        ],
      })),
      { narrow, width, value: (r) => r.effectif ?? 0 },
    );
    type Part = (typeof list.parts)[number];
    return {
      ...list.options,
      x: { domain: [0, list.max], label: 'EIG', labelArrow: 'none', grid: true, ticks: narrow ? 4 : 8 },
      color: { domain: careers, range: palette },
      marks: [
        ...list.marks,
        Plot.rectX(list.parts, {
          x1: 'x1',
          x2: 'x2',
          y1: 'y1',
          y2: 'y2',
          fill: (d: Part) => d.row.parcours,
          title: (d: Part) => `${d.row.promotion} — ${d.row.parcours} : ${formatNumber(d.row.effectif!)} EIG`,
          insetLeft: 0.5,
        }),
      ],
    };
  },
});
