import * as Plot from '@observablehq/plot';
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import { formatNumber } from '../lib/format.ts';
import { thePromotions } from '../lib/promotion-names.ts';
import { unpublishedFor } from './helpers/unpublished.ts';
import { mergedRefs, percentAsPrinted, sameAs } from './helpers/original.ts';
import { marginAfterBars } from './helpers/margins.ts';
import { panelTitles } from './helpers/panels.ts';
import { wrapToWidth } from '../lib/text.ts';
import { defineChart, type ChartRow } from './types.ts';

/** The three stages of the original's #selection view, with the share of candidates it printed for each. */
const STAGES = [
  { etape: 'Candidatures', count: ORIGINAL.candidates, share: null },
  { etape: 'Passages devant un jury', count: ORIGINAL.jury, share: ORIGINAL.shareJury },
  { etape: 'Lauréats', count: ORIGINAL.laureates, share: ORIGINAL.selectivity },
] as const;

type Row = {
  promotion: string;
  etape: string;
  nombre: number;
  /** The share of candidates the original printed for this stage (whole percent). */
  part_des_candidats: number | null;
};

const label = (r: Row) =>
  `${formatNumber(r.nombre)}${r.part_des_candidats !== null ? ` (${percentAsPrinted(r.part_des_candidats)} des candidatures)` : ''}`;

export default defineChart({
  slug: 'selection',
  title: 'La sélection des EIG : candidatures, jurys, lauréats',
  theme: 'selection',
  order: 0,
  description: (rows: ChartRow<Row>[]) =>
    `Pour ${thePromotions(rows.map((r) => r.promotion))}, les candidatures reçues, les candidats passés devant un jury et les lauréats, avec la part des candidatures qu’ils représentent.`,
  legacyAnchors: ['selection'],
  rows: ({ aggregates }) => {
    const original = aggregates.origine.data.figures;
    const report = aggregates.programme.data.selection.filter((s) => s.indicator === 'candidats_eig');
    const rows: ChartRow<Row>[] = [];
    for (const promotion of original.promotions) {
      for (const stage of STAGES) {
        const count = original.value(stage.count, promotion);
        if (!count) continue;
        const share = stage.share ? original.value(stage.share, promotion) : null;
        // The report prints the same number of applications: the row cites it too.
        const printed = stage.share === null ? report.find((r) => r.promotion === promotion)?.figure : undefined;
        const same = printed ? sameAs(original.get(stage.count, promotion), printed.value) : null;
        rows.push({
          promotion,
          etape: stage.etape,
          nombre: count.value,
          part_des_candidats: share?.value ?? null,
          _from: mergedRefs(count.from, share?.from ?? [], same ? printed!.from : []),
        });
      }
    }
    return rows;
  },
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'etape', label: 'Étape', kind: 'texte' },
    { key: 'nombre', label: 'Nombre', kind: 'nombre' },
    { key: 'part_des_candidats', label: 'Part des candidatures', kind: 'pourcent' },
  ],
  reading: (rows) => {
    const laureates = rows.filter((r) => r.etape === 'Lauréats');
    const [first, last] = [laureates[0], laureates.at(-1)];
    if (!first || !last || first === last) return 'Les étapes de la sélection ne sont publiées que pour une promotion.';
    const applications = (p: string) => rows.find((r) => r.promotion === p && r.etape === 'Candidatures');
    return `${first.promotion} : ${formatNumber(first.nombre)} lauréats pour ${formatNumber(applications(first.promotion)?.nombre ?? 0)} candidatures (${percentAsPrinted(first.part_des_candidats ?? 0)}) ; ${last.promotion} : ${formatNumber(last.nombre)} pour ${formatNumber(applications(last.promotion)?.nombre ?? 0)} (${percentAsPrinted(last.part_des_candidats ?? 0)}).`;
  },
  notes: (rows, ctx) => [
    'Chiffres du site d’origine data.eig-forever.org (mai 2019) ; le rapport d’Etalab de juin 2019 imprime les mêmes candidatures. Les parts sont celles que le site d’origine imprimait, en pourcentages entiers ; les lauréats sont les EIG de chaque promotion.',
    'Les défis proposés par les administrations et les totaux des candidatures sont sur le graphique « Candidatures d’EIG et défis proposés par les administrations ».',
    ...unpublishedFor(
      rows.map((r) => r.promotion),
      ctx,
      (them) => `Les étapes de la sélection n’ont pas été publiées pour ${them}.`,
    ),
  ],
  plot: (rows, { narrow, width, palette }) => {
    const stages = [...new Set(rows.map((r) => r.etape))];
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    // Each step named beside its bar, on two lines on phones: the bars' colours need no decoding.
    const marginLeft = narrow ? 130 : 160;
    const barText = (d: Row) =>
      narrow
        ? `${formatNumber(d.nombre)}${d.part_des_candidats !== null ? ` (${percentAsPrinted(d.part_des_candidats)})` : ''}`
        : label(d);
    const max = Math.max(...rows.map((r) => r.nombre));
    return {
      height: promotions.length * stages.length * 24 + promotions.length * 30 + 30,
      marginLeft,
      marginRight: marginAfterBars(
        rows.map((r) => ({ text: barText(r), value: r.nombre })),
        { width, marginLeft, max, min: 24 },
      ),
      marginTop: 22,
      marginBottom: 28,
      x: { grid: true, label: 'Personnes', labelArrow: 'none', ticks: narrow ? 2 : 6 },
      y: {
        domain: stages,
        label: null,
        tickSize: 0,
        padding: 0.15,
        tickFormat: (stage: string) => wrapToWidth(stage, marginLeft - 10, 11).join('\n'),
      },
      fy: { domain: promotions, axis: null, padding: 0.25 },
      color: { domain: stages, range: palette },
      marks: [
        Plot.barX(rows, {
          fy: 'promotion',
          y: 'etape',
          x: 'nombre',
          fill: 'etape',
          title: (d: Row) => `${d.promotion} — ${d.etape} : ${label(d)}`,
        }),
        Plot.text(rows, {
          fy: 'promotion',
          y: 'etape',
          x: 'nombre',
          text: barText,
          textAnchor: 'start',
          dx: 4,
          fill: 'etape',
          fontSize: 11,
        }),
        Plot.ruleX([0]),
        panelTitles(promotions, { marginLeft, narrow, width }),
      ],
    };
  },
});
