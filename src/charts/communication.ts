import * as Plot from '@observablehq/plot';
import { formatNumber } from '../lib/format.ts';
import { byPromotion, ofThePromotions, withYears } from '../lib/promotion-names.ts';
import { FORECAST_STATUS, forecastKeyNotes, isForecast } from './helpers/budget-rows.ts';
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
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import { isTotal } from '../lib/promotion-names.ts';
import { bandKey, groupedBands } from './helpers/bands.ts';
import { mergedRefs, sameAs } from './helpers/original.ts';
import { defineChart, type ChartContext, type ChartRow } from './types.ts';
import { marginFor } from './helpers/margins.ts';

/** The original site's yearly counts: each outlet's articles, the videos and the website's visitors. */
const OUTLETS = [
  {
    name: ORIGINAL.press,
    indicateur: 'Articles dans la presse',
    unite: 'articles',
    total: 'articles_presse_depuis_2017',
  },
  {
    name: ORIGINAL.relays,
    indicateur: 'Articles sur d’autres sites administratifs (numerique.gouv, modernisation.gouv…)',
    unite: 'articles',
    total: null,
  },
  {
    name: ORIGINAL.etalabBlog,
    indicateur: 'Articles sur le blog d’Etalab',
    unite: 'articles',
    total: 'articles_blog_etalab',
  },
  {
    name: ORIGINAL.eigBlog,
    indicateur: 'Articles sur le blog EIG',
    unite: 'articles',
    total: 'articles_blog_site_eig',
  },
  { name: ORIGINAL.videos, indicateur: 'Vidéos produites', unite: 'vidéos', total: null },
  { name: ORIGINAL.visitors, indicateur: 'Visiteurs uniques du site EIG', unite: 'visiteurs', total: null },
] as const;
const COUNTED = new Set(['articles', 'vidéos']);

const BUDGET = 'Budget de communication';

type Row = ChartRow<MixedRow>;

export default defineChart({
  slug: 'communication',
  title: 'La communication du programme : articles et budget',
  theme: 'programme',
  order: 5,
  description: (rows: Row[], { promotions }: ChartContext) => {
    const budget = [
      ...new Set(rows.filter((r) => r.indicateur === BUDGET && !isTotal(r.promotion)).map((r) => r.promotion)),
    ];
    return `Articles de presse et billets de blog consacrés au programme jusqu’en mai 2019, et budget de communication ${withYears(ofThePromotions(budget), budget, promotions)}.`;
  },
  legacyAnchors: ['communication'],
  rows: (model) => {
    const { aggregates } = model;
    const original = aggregates.origine.data.figures;
    const order = byPromotion((r: Row) => r.promotion);
    const yearly: Row[] = [];
    for (const outlet of OUTLETS) {
      for (const entry of original.series(outlet.name)) {
        if (!entry.figure) continue;
        yearly.push({
          promotion: entry.promotion,
          indicateur: outlet.indicateur,
          valeur: entry.figure.value,
          unite: outlet.unite,
          statut: 'publié',
          qualificatif: null,
          precision: null,
          _from: entry.figure.from,
        });
      }
      // The May 2019 post's total for the same outlet, drawn with its years.
      if (outlet.total)
        for (const total of fromKeyFigures(aggregates, [outlet.total]))
          yearly.push({ ...total, indicateur: outlet.indicateur });
    }
    // The budget's amounts are the original's « Communication » and « Coût total communication »: cited too.
    const budget = [
      ...aggregates.budget.data.lines
        .filter((l) => l.line === 'communication')
        .map((l) => {
          const row = fromBudget(l, BUDGET);
          const refs = [ORIGINAL.communication, ORIGINAL.communicationTotal].map(
            (name) => sameAs(original.get(name, l.promotion), l.figure.value)?.from ?? [],
          );
          return { ...row, _from: mergedRefs(row._from, ...refs) };
        }),
      ...fromKeyFigures(aggregates, ['communication_par_an']),
    ].sort((a, b) => order(a, b));
    return withGroups([...yearly, ...budget], model);
  },
  columns: MIXED_COLUMNS,
  reading: (rows) => {
    const press = rows.filter((r) => r.indicateur === OUTLETS[0].indicateur && !isTotal(r.promotion));
    const total = rows.find((r) => r.indicateur === OUTLETS[0].indicateur && isTotal(r.promotion));
    if (press.length === 0) return 'Le nombre d’articles consacrés au programme n’est pas publié.';
    return `Articles de presse sur le programme : ${press.map((r) => `${formatNumber(r.valeur)} (${groupOf(r)})`).join(', ')}${total ? `, ${formatNumber(total.valeur)} en tout selon le billet de mai 2019` : ''}.`;
  },
  keyNotes: (rows) => forecastKeyNotes(rows, { drawn: false }),
  notes: (rows, { aggregates }) => {
    const notes = [
      'Articles, vidéos et visiteurs par année : site d’origine data.eig-forever.org (mai 2019) ; totaux : billet de mai 2019, qui compte la presse depuis 2017, le blog d’Etalab « depuis 3 ans » et le blog du site EIG depuis sa création en février 2018.',
    ];
    const blogTotal = rows.find((r) => r.indicateur === OUTLETS[3].indicateur && isTotal(r.promotion));
    const yearly = aggregates.origine.data.figures.sum(OUTLETS[3].name)?.value ?? 0;
    if (blogTotal && blogTotal.valeur !== yearly)
      notes.push(
        `Blog EIG : le billet de mai 2019 compte ${formatNumber(blogTotal.valeur)} articles, les chiffres annuels du site d’origine en font ${formatNumber(yearly)} ; les deux sont montrés.`,
      );
    notes.push(
      'Le budget est en euros, les visiteurs se comptent en dizaines de milliers : ils sont écrits, pas dessinés sur l’échelle des articles.',
    );
    const forecast = rows.filter((r) => isForecast(r));
    if (forecast.length > 0)
      notes.push(`Le budget ${of(listFr(forecast.map((r) => r.promotion)))} est prévisionnel (rapport de juin 2019).`);
    return notes;
  },
  plot: (rows, { narrow, palette }) => {
    const counted = rows.filter((r) => COUNTED.has(r.unite));
    const written = rows.filter((r) => !COUNTED.has(r.unite));
    const ARTICLE_SERIES = 'Articles et vidéos';
    const outlets = [...new Set(counted.map((r) => r.indicateur))];
    const item = (r: Row) =>
      isTotal(r.promotion) ? (narrow ? 'Total (mai 2019)' : 'Total (billet de mai 2019)') : groupOf(r);
    const bands = groupedBands([
      ...outlets.map((o) => ({
        heading: o,
        items: counted.filter((r) => r.indicateur === o).map((r) => ({ id: item(r), text: item(r) })),
      })),
      ...[...new Set(written.map((r) => r.indicateur))].map((o) => ({
        heading: o === BUDGET ? `${BUDGET} (euros)` : o,
        items: written.filter((r) => r.indicateur === o).map((r) => ({ id: `${r.promotion}`, text: '' })),
      })),
    ]);
    const y = (r: Row) =>
      COUNTED.has(r.unite)
        ? bandKey(r.indicateur, item(r))
        : bandKey(r.indicateur === BUDGET ? `${BUDGET} (euros)` : r.indicateur, r.promotion);
    const tip = (r: Row) => `${r.indicateur}, ${item(r)} : ${formatMixed(r)}`;
    const marginLeft = marginFor(bands.domain.map(bands.tick), { min: narrow ? 100 : 170 });
    return {
      height: bands.domain.length * (narrow ? 20 : 19) + 30,
      marginLeft,
      marginRight: narrow ? 40 : 60,
      marginBottom: 8,
      y: { domain: bands.domain, tickFormat: bands.tick, axis: 'left', label: null, tickSize: 0, padding: 0.15 },
      // Every bar carries its value: no axis, which would also seem to apply to the figures written below.
      x: { axis: null },
      color: { domain: [ARTICLE_SERIES], range: palette },
      marks: [
        Plot.text(bands.headings, {
          y: 'key',
          // On a phone, an outlet without its examples (« (numerique.gouv, …) »): the table and tooltips keep them.
          text: (h: { text: string }) => (narrow ? h.text.replace(/ \(.*\)$/u, '') : h.text),
          frameAnchor: 'left',
          textAnchor: 'start',
          dx: -marginLeft + 4,
          fontWeight: 'bold',
          fontSize: 11.5,
          lineWidth: narrow ? 50 : 80,
        }),
        Plot.barX(counted, { y, x: 'valeur', fill: () => ARTICLE_SERIES, title: tip }),
        Plot.text(counted, {
          y,
          x: 'valeur',
          text: (r: Row) => formatNumber(r.valeur),
          textAnchor: 'start',
          dx: 4,
          fill: () => ARTICLE_SERIES,
          fontSize: 11,
        }),
        Plot.text(written, {
          y,
          text: (r: Row) => `${groupOf(r)} : ${formatMixed(r)}${isForecast(r) ? ` (${FORECAST_STATUS})` : ''}`,
          frameAnchor: 'left',
          textAnchor: 'start',
          // Written figures carry their own label: on a phone they start under the heading, not after the margin.
          dx: narrow ? 14 - marginLeft : 4,
          fontSize: 11,
          title: tip,
        }),
      ],
    };
  },
});
