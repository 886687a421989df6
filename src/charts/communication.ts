import * as Plot from '@observablehq/plot';
import { formatNumber } from '../lib/format.ts';
import { byPromotion } from '../lib/promotions.ts';
import { FORECAST_STATUS, forecastKeyNotes, isForecast } from './helpers/budget.ts';
import { of, listFr } from '../lib/text.ts';
import {
  formatMixed,
  MIXED_COLUMNS,
  fromBudget,
  fromKeyFigures,
  groupOf,
  withGroups,
  type MixedRow,
} from './helpers/mixed.ts';
import { defineChart, type ChartRow } from './types.ts';

const BUDGET = 'Budget de communication';
const ARTICLES = ['articles_presse_depuis_2017', 'articles_blog_etalab', 'articles_blog_site_eig'] as const;

type Row = ChartRow<MixedRow>;

const isArticles = (r: MixedRow) => r.unite === 'articles';

/** Budget lines are written, not drawn: their unit is not the articles' one. */
function budgetLine(r: Row): string {
  return `${groupOf(r)} : ${formatMixed(r)}${isForecast(r) ? ` (${FORECAST_STATUS})` : ''}`;
}

export default defineChart({
  slug: 'communication',
  title: 'La communication du programme : articles et budget',
  theme: 'programme',
  order: 5,
  description:
    'Articles de presse et billets de blog consacrés au programme jusqu’en mai 2019, et budget de communication de chaque promotion de 2017 à 2019.',
  legacyAnchors: ['communication'],
  rows: (model) => {
    const { aggregates } = model;
    const articles = fromKeyFigures(aggregates, ARTICLES);
    const order = byPromotion((r: Row) => r.promotion);
    const budget = [
      ...aggregates.budget.data.lines.filter((l) => l.line === 'communication').map((l) => fromBudget(l, BUDGET)),
      ...fromKeyFigures(aggregates, ['communication_par_an']),
    ].sort((a, b) => order(a, b));
    return withGroups([...articles, ...budget], model);
  },
  columns: MIXED_COLUMNS,
  reading: (rows) => {
    const articles = rows.filter(isArticles);
    const press = articles[0];
    if (!press) return 'Le nombre d’articles consacrés au programme n’est pas publié.';
    const blogs = articles
      .slice(1)
      .map((r) => `${formatNumber(r.valeur)} ${r.indicateur.replace(/^Articles /u, '').replace(/^sur le/u, 'sur le')}`);
    return `Le programme a fait l’objet de ${formatNumber(press.valeur)} ${press.indicateur.toLowerCase()}${blogs.length > 0 ? `, et de ${blogs.join(' et ')}` : ''} (billet de mai 2019).`;
  },
  keyNotes: (rows) => forecastKeyNotes(rows, { drawn: false }),
  notes: (rows) => {
    const notes = [
      'Les articles sont comptés jusqu’au billet de mai 2019 : presse depuis 2017, blog d’Etalab « depuis 3 ans », blog du site EIG depuis sa création en février 2018.',
      'Le budget est en euros et les articles en nombre : le budget est donc écrit, pas dessiné sur l’échelle des articles.',
    ];
    const forecast = rows.filter((r) => isForecast(r));
    if (forecast.length > 0)
      notes.push(`Le budget ${of(listFr(forecast.map((r) => r.promotion)))} est prévisionnel (rapport de juin 2019).`);
    return notes;
  },
  plot: (rows, { narrow, palette }) => {
    const articles = rows.filter(isArticles);
    const budget = rows.filter((r) => !isArticles(r));
    const ARTICLE_SERIES = 'Articles';
    const label_ = (r: Row) => `${r.indicateur}\u0001texte`;
    const bar = (r: Row) => `${r.indicateur}\u0001barre`;
    const budgetHeading = `${BUDGET}\u0001titre`;
    const domain = [
      'Articles\u0001titre',
      ...articles.flatMap((r) => [label_(r), bar(r)]),
      `${BUDGET}\u0001espace`,
      budgetHeading,
      ...budget.map((r) => `${r.promotion}\u0001${r.indicateur}`),
    ];
    const headings = [
      { key: 'Articles\u0001titre', text: 'Articles sur le programme, jusqu’en mai 2019' },
      { key: budgetHeading, text: `${BUDGET} (euros)` },
    ];
    const tip = (r: Row) => `${r.indicateur} : ${formatMixed(r)}`;
    return {
      height: domain.length * 22 + 14,
      marginLeft: 8,
      marginRight: narrow ? 40 : 60,
      marginBottom: 8,
      y: { domain, axis: null, padding: 0.12 },
      // Every bar carries its value: no axis, which would also seem to apply to the budget written below.
      x: { axis: null },
      color: { domain: [ARTICLE_SERIES], range: palette },
      marks: [
        Plot.text(headings, {
          y: 'key',
          text: 'text',
          frameAnchor: 'left',
          textAnchor: 'start',
          fontWeight: 'bold',
          fontSize: 12,
        }),
        Plot.text(articles, {
          y: label_,
          text: 'indicateur',
          frameAnchor: 'left',
          textAnchor: 'start',
          lineAnchor: 'bottom',
          dy: 9,
          fontSize: 11,
        }),
        Plot.barX(articles, { y: bar, x: 'valeur', fill: () => ARTICLE_SERIES, title: tip }),
        Plot.text(articles, {
          y: bar,
          x: 'valeur',
          text: (r: Row) => formatNumber(r.valeur),
          textAnchor: 'start',
          dx: 4,
          fill: () => ARTICLE_SERIES,
          fontSize: 11,
        }),
        Plot.text(budget, {
          y: (r: Row) => `${r.promotion}\u0001${r.indicateur}`,
          text: budgetLine,
          frameAnchor: 'left',
          textAnchor: 'start',
          dx: 10,
          fontSize: 11,
          title: tip,
        }),
      ],
    };
  },
});
