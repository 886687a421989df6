import * as Plot from '@observablehq/plot';
import type { Figure } from '../lib/figures.ts';
import { formatFigure, formatNumber } from '../lib/format.ts';
import { INDICATOR_LABELS, label } from '../lib/labels.ts';
import { isTotal, thePromotions } from '../lib/promotion-names.ts';
import { capitalise } from '../lib/text.ts';
import { unpublishedFor } from './helpers/unpublished.ts';
import { defineChart, type ChartContext, type ChartRow } from './types.ts';
import { panelTitles } from './helpers/panels.ts';
import { marginAfterBars, wrappedTicks } from './helpers/margins.ts';

/** What a bar is: one promotion's figure, or one of the three ways the publications give the total. */
const MEASURES = {
  promotion: 'par promotion',
  printed: 'total publié',
  sum: 'somme des promotions',
  post: 'billet de mai 2019',
} as const;

/** The May 2019 post's own totals of the same two things (« près de 500 candidatures », « 94 défis déposés »). */
const POST_INDICATOR: Record<string, string> = {
  candidats_eig: 'candidatures_recues',
  defis_proposes: 'defis_deposes',
};

type Row = {
  groupe: string;
  indicateur: string;
  mesure: string;
  valeur: number;
  nature: string;
  /** How the publication phrased it (« environ 500 »), for the table and the labels. */
  texte: string;
};

const row = (groupe: string, indicateur: string, mesure: string, figure: Figure): ChartRow<Row> => ({
  groupe,
  indicateur: label(INDICATOR_LABELS, indicateur),
  mesure,
  valeur: figure.value,
  nature: figure.computed ? 'calculé' : 'publié',
  texte: formatFigure(figure),
  _from: figure.from,
});

/** Name of a bar within its panel: the promotions, then the three totals (« Total publié », « Somme des promotions »…). */
const barLabel = (r: Row) => (r.groupe === 'Total' ? r.mesure.charAt(0).toUpperCase() + r.mesure.slice(1) : r.groupe);

/** The promotions with figures of their own (the totals aside). */
const promotionsOf = ({ aggregates }: ChartContext) => aggregates.programme.data.selectionPromotions;

const notPublished = (_rows: readonly Row[], ctx: ChartContext) =>
  unpublishedFor(promotionsOf(ctx), ctx, (them) => `Les chiffres de sélection n’ont pas été publiés pour ${them}.`);

export default defineChart({
  slug: 'candidatures',
  title: 'Candidatures d’EIG et défis proposés par les administrations',
  theme: 'selection',
  order: 1,
  description: (_rows: Row[], ctx: ChartContext) =>
    `Candidatures reçues et défis proposés par les administrations pour ${thePromotions(promotionsOf(ctx))}, avec les totaux tels que publiés et tels qu’ils se recalculent.`,
  rows: ({ aggregates }) => {
    const { selection, totals, allFigures } = aggregates.programme.data;
    const rows: ChartRow<Row>[] = [];
    for (const indicator of Object.keys(POST_INDICATOR)) {
      for (const s of selection.filter((f) => f.indicator === indicator && !isTotal(f.promotion))) {
        rows.push(row(s.promotion, indicator, MEASURES.promotion, s.figure));
      }
      const check = totals.find((t) => t.indicator === indicator);
      if (check) {
        rows.push(row('Total', indicator, MEASURES.printed, check.printed));
        rows.push(row('Total', indicator, MEASURES.sum, check.computed));
      }
      const post = allFigures.find((f) => isTotal(f.promotion) && f.indicator === POST_INDICATOR[indicator]);
      if (post) rows.push(row('Total', indicator, MEASURES.post, post.figure));
    }
    return rows;
  },
  columns: [
    { key: 'groupe', label: 'Promotion', kind: 'texte' },
    { key: 'indicateur', label: 'Indicateur', kind: 'texte' },
    { key: 'mesure', label: 'Chiffre', kind: 'texte' },
    { key: 'valeur', label: 'Nombre', kind: 'nombre', format: (r) => r.texte },
    { key: 'nature', label: 'Nature', kind: 'texte' },
  ],
  reading: (rows, ctx) => {
    const defis = label(INDICATOR_LABELS, 'defis_proposes');
    const candidatures = label(INDICATOR_LABELS, 'candidats_eig');
    const find = (indicateur: string, mesure: string) =>
      rows.find((r) => r.indicateur === indicateur && r.mesure === mesure);
    const applications = find(candidatures, MEASURES.sum);
    const printed = find(defis, MEASURES.printed);
    const sum = find(defis, MEASURES.sum);
    if (!applications || !printed || !sum)
      return 'Les totaux des candidatures et des défis proposés ne sont pas tous publiés.';
    const promotions = promotionsOf(ctx);
    return (
      `${capitalise(thePromotions(promotions))} ${promotions.length > 1 ? 'ont' : 'a'} reçu ${formatNumber(applications.valeur)} candidatures d’EIG ; ` +
      `les administrations ont proposé ${formatNumber(sum.valeur)} défis selon la somme des promotions, ` +
      `mais le total imprimé du rapport en annonce ${formatNumber(printed.valeur)}.`
    );
  },
  keyNotes: notPublished,
  notes: (rows, ctx) => {
    const notes: string[] = [];
    const defis = rows.filter(
      (r) => r.indicateur === label(INDICATOR_LABELS, 'defis_proposes') && r.groupe === 'Total',
    );
    const printed = defis.find((r) => r.mesure === MEASURES.printed);
    const sum = defis.find((r) => r.mesure === MEASURES.sum);
    const post = defis.find((r) => r.mesure === MEASURES.post);
    // The model compares the printed total with its rows' sum (programme totals).
    const check = ctx.aggregates.programme.data.totals.find((t) => t.indicator === 'defis_proposes');
    if (printed && sum && check && check.difference !== 0) {
      notes.push(
        `Défis proposés : le tableau du rapport d’Etalab (juin 2019) imprime un total de ${formatNumber(printed.valeur)}, ` +
          `alors que ses lignes, une par promotion, s’additionnent à ${formatNumber(sum.valeur)}` +
          (post ? ` ; le billet de mai 2019 parle de ${formatNumber(post.valeur)} défis déposés.` : '.') +
          ' Les deux chiffres sont montrés tels quels.',
      );
    }
    const applications = rows.filter(
      (r) => r.indicateur === label(INDICATOR_LABELS, 'candidats_eig') && r.groupe === 'Total',
    );
    const appSum = applications.find((r) => r.mesure === MEASURES.sum);
    const appPost = applications.find((r) => r.mesure === MEASURES.post);
    if (appSum && appPost) {
      notes.push(
        `Candidatures : le billet de mai 2019 arrondit à « près de ${formatNumber(appPost.valeur)} » (noté ${appPost.texte} dans les données) ` +
          `les candidatures que les lignes du rapport totalisent à ${formatNumber(appSum.valeur)}.`,
      );
    }
    notes.push(...notPublished(rows, ctx));
    return notes;
  },
  plot: (rows, { narrow, width, palette }) => {
    // Applications (hundreds) and défis (tens) have their own panel and their own scale: each bar is drawn as a
    // share of its panel's largest value and labelled with its figure, so the 85 vs 94 gap stays visible.
    const max = new Map<string, number>();
    for (const r of rows) max.set(r.indicateur, Math.max(max.get(r.indicateur) ?? 0, r.valeur));
    const scaled = rows.map((r) => ({ ...r, barre: barLabel(r), x: r.valeur / (max.get(r.indicateur) || 1) }));
    // Each promotion's own figure is drawn in the text's colour, lighter: the three totals, which the publications
    // disagree on, have a colour each, and every bar is named on its left, so no colour needs decoding.
    const measures = [...new Set(rows.filter((r) => r.mesure !== MEASURES.promotion).map((r) => r.mesure))];
    const panels = [...new Set(rows.map((r) => r.indicateur))];
    const ticks = wrappedTicks(new Set(scaled.map((r) => r.barre)), { max: narrow ? 110 : 200 });
    const marginLeft = ticks.margin;
    const own = scaled.filter((r) => r.mesure === MEASURES.promotion);
    const totals = scaled.filter((r) => r.mesure !== MEASURES.promotion);
    const bar = {
      y: 'barre',
      x: 'x',
      fy: 'indicateur',
      title: (d: (typeof scaled)[number]) => `${d.indicateur} — ${d.barre} : ${d.texte} (${d.nature})`,
    } as const;
    return {
      height: narrow ? 420 : 340,
      marginLeft,
      marginRight: marginAfterBars(
        scaled.map((r) => ({ text: r.texte, value: r.x })),
        { width, marginLeft, max: 1, min: 40 },
      ),
      marginTop: 24,
      x: { axis: null, domain: [0, 1] },
      y: {
        label: null,
        domain: [...new Set(scaled.map((r) => r.barre))],
        tickSize: 0,
        padding: 0.2,
        tickFormat: ticks.tickFormat,
      },
      fy: { axis: null, domain: panels, padding: 0.2 },
      color: { domain: measures, range: palette },
      marks: [
        Plot.barX(own, { ...bar, fill: 'currentColor', fillOpacity: 0.55 }),
        Plot.barX(totals, { ...bar, fill: 'mesure' }),
        Plot.text(scaled, {
          y: 'barre',
          x: 'x',
          fy: 'indicateur',
          text: 'texte',
          textAnchor: 'start',
          dx: 4,
          fontSize: 11,
        }),
        Plot.ruleX([0]),
        panelTitles(panels, { marginLeft, narrow, width, dy: -14 }),
      ],
    };
  },
});
