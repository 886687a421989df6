import { formatNumber } from '../lib/format.ts';
import { stackPlot, stackRows } from './helpers/promotion-grid.ts';
import { defineChart } from './types.ts';

export default defineChart({
  slug: 'thematiques-defis',
  title: 'Les thématiques des défis, par promotion',
  theme: 'defis',
  order: 3,
  description:
    'Nombre de défis de chaque thématique, par promotion, d’après le site actuel du programme. Un défi compte une fois pour chacune de ses thématiques.',
  rows: ({ aggregates }) => stackRows(aggregates.defis.data.current.byThemeAndPromotion),
  columns: [
    { key: 'categorie', label: 'Thématique', kind: 'texte' },
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'defis', label: 'Défis de la promotion', kind: 'nombre' },
    { key: 'defis_categorie', label: 'Défis, toutes promotions', kind: 'nombre' },
  ],
  reading: (_rows, { aggregates }) => {
    const themes = aggregates.defis.data.current.byThemeAndPromotion;
    const top = themes[0];
    if (!top) return 'Aucun défi n’a de thématique.';
    return (
      `Les défis du site du programme se rangent sous ${formatNumber(themes.length)} thématiques ; la plus fréquente, « ${top.label} », ` +
      `compte ${formatNumber(top.figure.value)} défis de ${formatNumber(top.byPromotion.length)} promotions.`
    );
  },
  notes: (_rows, { aggregates }) => {
    const once = aggregates.defis.data.current.byTheme.filter((t) => t.figure.value === 1).map((t) => t.label);
    return [
      'Un défi qui a plusieurs thématiques compte une fois pour chacune : les barres s’additionnent à plus que le nombre de défis.',
      'Thématiques telles que le site les écrit : proches parfois (« Ecologie », « Environnement », « Santé-Environnement »), elles ne sont pas regroupées.',
      ...(once.length > 0
        ? [
            `${formatNumber(once.length)} thématiques ne comptent qu’un défi : ${once.map((t) => `« ${t} »`).join(', ')}.`,
          ]
        : []),
    ];
  },
  plot: (rows, context) => stackPlot(rows, context),
});
