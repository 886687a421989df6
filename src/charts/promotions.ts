import * as Plot from '@observablehq/plot';
import { formatNumber } from '../lib/format.ts';
import { INDICATOR_LABELS, label } from '../lib/labels.ts';
import { unpublishedKeyNotes } from './helpers/unpublished.ts';
import { defineChart } from './types.ts';

export default defineChart({
  slug: 'promotions',
  title: 'Les promotions EIG : entrepreneurs, mentors, défis et services',
  theme: 'programme',
  order: 1,
  description:
    'Nombre d’entrepreneurs d’intérêt général (EIG), de mentors, de défis et de services lauréats de chaque promotion, de la première (2017) à la quatrième (2020).',
  legacyAnchors: ['promo'],
  rows: ({ aggregates }) =>
    aggregates.programme.data.promotions.map((p) => ({
      promotion: p.promotion,
      indicateur: label(INDICATOR_LABELS, p.indicator),
      valeur: p.figure.value,
      _from: p.figure.from,
    })),
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'indicateur', label: 'Indicateur', kind: 'texte' },
    { key: 'valeur', label: 'Nombre', kind: 'nombre' },
  ],
  reading: (rows) => {
    const eig = rows.filter((r) => r.indicateur === label(INDICATOR_LABELS, 'eig'));
    const first = eig[0];
    const last = eig.at(-1);
    return first && last
      ? `La promotion ${first.promotion} comptait ${formatNumber(first.valeur)} EIG ; la promotion ${last.promotion} en compte ${formatNumber(last.valeur)}.`
      : 'Aucun effectif d’EIG n’est publié.';
  },
  keyNotes: (rows) =>
    unpublishedKeyNotes(
      rows,
      (r) => r.promotion,
      (r) => r.indicateur,
    ),
  notes: (rows) =>
    rows.some((r) => r.promotion === 'EIG 4')
      ? [
          'Promotions 1 à 3 : rapport d’analyse d’Etalab (juin 2019). Promotion 4 : billet d’avril 2021, qui ne publie pas le nombre de services lauréats.',
        ]
      : [],
  plot: (rows, { narrow, palette }) => ({
    height: narrow ? 300 : 340,
    marginBottom: 36,
    x: { axis: null, domain: [...new Set(rows.map((r) => r.indicateur))] },
    fx: { label: null, domain: [...new Set(rows.map((r) => r.promotion))] },
    y: { grid: true, label: 'Nombre', labelArrow: 'none' },
    color: { domain: [...new Set(rows.map((r) => r.indicateur))], range: palette },
    marks: [
      Plot.barY(rows, {
        fx: 'promotion',
        x: 'indicateur',
        y: 'valeur',
        fill: 'indicateur',
        title: (d) => `${d.promotion} — ${d.indicateur} : ${formatNumber(d.valeur)}`,
      }),
      Plot.text(rows, {
        fx: 'promotion',
        x: 'indicateur',
        y: 'valeur',
        text: (d) => formatNumber(d.valeur),
        dy: -7,
        fill: 'indicateur',
        fontSize: narrow ? 9 : 11,
      }),
      Plot.ruleY([0]),
    ],
  }),
});
