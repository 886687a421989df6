import * as Plot from '@observablehq/plot';
import { formatEurosRounded, formatNumber } from '../lib/format.ts';
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
import { barList, barListFrame } from './helpers/bar-list.ts';
import { factTable } from './helpers/fact-table.ts';
import { mergedRefs, sameAs } from './helpers/original.ts';
import { defineChart, type ChartContext, type ChartRow } from './types.ts';

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
  plot: (rows, { narrow, width, palette }) => {
    // The articles and videos as bars, outlet by outlet; the visitors and the budget, of other units, as a small
    // table under them, one column per promotion.
    const counted = rows.filter((r) => COUNTED.has(r.unite));
    const written = rows.filter((r) => !COUNTED.has(r.unite));
    const ARTICLE_SERIES = 'Articles et vidéos';
    const item = (r: Row) => (isTotal(r.promotion) ? 'Total (billet de mai 2019)' : groupOf(r));
    const tip = (r: Row) => `${r.indicateur}, ${item(r)} : ${formatMixed(r)}`;
    const groups = [...new Set(counted.map((r) => r.indicateur))].map((outlet) => ({
      heading: outlet,
      rows: counted.filter((r) => r.indicateur === outlet),
    }));
    const max = Math.max(...counted.map((r) => r.valeur));
    const list = barList(groups, item, {
      narrow,
      width,
      valueWidth: 24,
      values: { text: (r) => formatNumber(r.valeur), at: (r) => r.valeur, max },
    });
    type Bar = (typeof list.bars)[number];
    const fontSize = 11;
    const table = factTable(written, {
      width,
      top: list.height + 16,
      fontSize,
      marginLeft: list.marginLeft,
      line: (r) => (r.unite === 'euros' ? `${r.indicateur} (euros)` : r.indicateur),
      cell: (r) =>
        r.unite === 'euros'
          ? `${r.qualificatif ? `${r.qualificatif} ` : ''}${formatEurosRounded(r.valeur)}${isForecast(r) ? ` (${FORECAST_STATUS})` : ''}`
          : formatNumber(r.valeur),
    });
    const frame = barListFrame(list, fontSize);
    const marginTop = 4;
    const marginBottom = 8;
    return {
      ...frame.options,
      height: table.bottom + marginTop + marginBottom,
      marginTop,
      marginBottom,
      y: { domain: [0, table.bottom], range: [marginTop, marginTop + table.bottom], axis: null },
      // Every bar carries its value: no axis, which would also seem to apply to the table under them.
      x: { domain: [0, max], axis: null },
      color: { domain: [ARTICLE_SERIES], range: palette },
      marks: [
        ...frame.marks,
        Plot.rectX(list.bars, {
          x1: 0,
          x2: (b: Bar) => b.row.valeur,
          y1: 'y1',
          y2: 'y2',
          fill: () => ARTICLE_SERIES,
          title: (b: Bar) => tip(b.row),
        }),
        ...table.marks(tip),
      ],
    };
  },
});
