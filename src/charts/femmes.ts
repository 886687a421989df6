import * as Plot from '@observablehq/plot';
import { formatPercent } from '../lib/format.ts';
import { INDICATOR_LABELS, label } from '../lib/labels.ts';
import { defineChart } from './types.ts';
import { panelTitles } from './helpers/panels.ts';

const WOMEN = 'part_femmes_eig';
const APPLICATIONS = 'part_candidatures_feminines';

const NOT_PUBLISHED =
  'Aucune part de femmes n’a été publiée pour la promotion 4 ni pour les designers d’intérêt général.';

export default defineChart({
  slug: 'femmes',
  title: 'Part des femmes parmi les EIG et parmi les candidatures',
  theme: 'profils',
  order: 3,
  description:
    'Pour chacune des trois premières promotions, la part des femmes parmi les EIG sélectionnés et la part des candidatures féminines reçues.',
  legacyAnchors: ['genre', 'genres'],
  rows: ({ aggregates }) =>
    aggregates.profils.data.diversity
      .filter((d) => d.indicator === WOMEN || d.indicator === APPLICATIONS)
      .map((d) => ({
        promotion: d.promotion,
        indicateur: label(INDICATOR_LABELS, d.indicator),
        part: d.figure.value,
        _from: d.figure.from,
      })),
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'indicateur', label: 'Indicateur', kind: 'texte' },
    { key: 'part', label: 'Part', kind: 'pourcent' },
  ],
  reading: (rows) => {
    const women = rows.filter((r) => r.indicateur === label(INDICATOR_LABELS, WOMEN));
    const last = women.at(-1);
    const applications = rows.find(
      (r) => r.promotion === last?.promotion && r.indicateur === label(INDICATOR_LABELS, APPLICATIONS),
    );
    if (!last) return 'Aucune part de femmes n’est publiée.';
    return (
      `Dans la promotion ${last.promotion}, ${formatPercent(last.part)} des EIG sont des femmes` +
      (applications ? `, pour ${formatPercent(applications.part)} de candidatures féminines.` : '.')
    );
  },
  keyNotes: () => [NOT_PUBLISHED],
  notes: (rows, { promotions: known }) => {
    const year = (p: string) => known.find((k) => k.name === p)?.year ?? '?';
    const promotions = [
      ...new Set(rows.filter((r) => r.indicateur === label(INDICATOR_LABELS, APPLICATIONS)).map((r) => r.promotion)),
    ];
    return [
      'Parts publiées en pourcentages entiers par le billet de mai 2019, sans les effectifs dont elles sont tirées.',
      `Le billet donne les candidatures féminines par année (${promotions
        .map((p) => `${year(p)} pour ${p}`)
        .join(', ')}), l’année où chaque promotion a été recrutée.`,
      NOT_PUBLISHED,
    ];
  },
  plot: (rows, { narrow, palette }) => {
    const indicators = [...new Set(rows.map((r) => r.indicateur))];
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    const marginLeft = narrow ? 132 : 150;
    return {
      height: narrow ? 290 : 270,
      marginLeft,
      marginRight: 40,
      marginTop: 22,
      marginBottom: 28,
      x: {
        domain: [0, Math.max(...rows.map((r) => r.part), 1)],
        nice: true,
        grid: true,
        label: null,
        tickFormat: (v: number) => formatPercent(v),
        ticks: narrow ? 4 : 6,
      },
      y: { domain: indicators, label: null, tickSize: 0, padding: 0.15 },
      fy: { domain: promotions, axis: null, padding: 0.3 },
      color: { domain: indicators, range: palette },
      marks: [
        Plot.barX(rows, {
          fy: 'promotion',
          y: 'indicateur',
          x: 'part',
          fill: 'indicateur',
          title: (d) => `${d.promotion} — ${d.indicateur} : ${formatPercent(d.part)}`,
        }),
        Plot.text(rows, {
          fy: 'promotion',
          y: 'indicateur',
          x: 'part',
          text: (d) => formatPercent(d.part),
          textAnchor: 'start',
          dx: 4,
          fill: 'indicateur',
          fontSize: narrow ? 10 : 11,
        }),
        Plot.ruleX([0]),
        panelTitles(promotions, { marginLeft, narrow }),
      ],
    };
  },
});
