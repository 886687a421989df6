import * as Plot from '@observablehq/plot';
import { PARTITION_INDICATORS, type FollowUpFigure } from '../lib/aggregates/follow-up.ts';
import { formatMonth, formatNumber } from '../lib/format.ts';
import { FOLLOW_UP_LABELS, label } from '../lib/labels.ts';
import { barList, barListFrame } from './helpers/bar-list.ts';
import { groupsOf } from './helpers/bands.ts';
import { defineChart, type ChartRow } from './types.ts';
import { listFr, plural } from '../lib/text.ts';
import { promotionSpan } from '../lib/promotion-names.ts';

const PROMOTION = 'EIG 3';
const TOTAL = 'Total (somme des catégories)';
const PUBLISHED = 'publié';
const COMPUTED = 'calculé';

type Row = {
  indicateur: string;
  categorie: string;
  date: string;
  nombre: number;
  nature: string;
  /** For a computed total: the projects counted by state at the same date, which it should equal. */
  evalues: number | null;
  precision: string | null;
  /** The publication's tag, for headings (not a column: the table's source column cites it). */
  _publication?: string;
  /** The month of `date`, « 2019-11 », for ordering and short labels (not a column: `date` writes it in words). */
  _month: string;
};

/** A computed total that does not equal the number of projects assessed at the same date. */
const isGap = (r: Row) => r.nature === COMPUTED && r.evalues !== null && r.evalues !== r.nombre;
const isPartition = (indicator: string) => (PARTITION_INDICATORS as readonly string[]).includes(indicator);

export default defineChart<Row>({
  slug: 'suivi-promotion-3',
  title: 'Que sont devenus les projets de la promotion 3 ?',
  theme: 'suivi',
  order: 1,
  description: (rows) => {
    const assessed = rows.find((r) => r.evalues !== null)?.evalues;
    const dates = [
      ...new Set(rows.filter((r) => r.indicateur === label(FOLLOW_UP_LABELS, 'etat')).map((r) => r._month)),
    ].sort();
    const when = listFr(dates.map((month) => `en ${formatMonth(month)}`));
    return `État, portage et maintenance des ${assessed ? `${formatNumber(assessed)} ` : ''}projets de la ${promotionSpan([PROMOTION])} évalués ${when}${assessed ? ' (EIG Link exclu)' : ''}, et ce que la fin de promotion disait de leur ouverture et de leur pérennisation.`;
  },
  rows: ({ aggregates, publications }) => {
    const figures = aggregates.suivi.data.figures.filter((f) => f.promotion === PROMOTION);
    const partitions = aggregates.suivi.data.partitions.filter((p) => p.promotion === PROMOTION);
    const toRow = (f: FollowUpFigure): ChartRow<Row> => ({
      indicateur: label(FOLLOW_UP_LABELS, f.indicator),
      categorie: label(FOLLOW_UP_LABELS, f.category),
      date: formatMonth(f.date),
      nombre: f.figure.value,
      nature: PUBLISHED,
      evalues: null,
      precision: f.figure.note ?? null,
      _publication: publications.tag(f.figure.from[0]?.source ?? ''),
      _month: f.date,
      _from: f.figure.from,
    });
    const indicators = [...new Set(figures.map((f) => f.indicator))];
    return indicators.flatMap((indicator) => {
      const ofIndicator = figures.filter((f) => f.indicator === indicator);
      // Categories first, each with its dates in order; the computed totals last.
      const categories = [...new Set(ofIndicator.map((f) => f.category))];
      const rows = categories.flatMap((c) =>
        ofIndicator
          .filter((f) => f.category === c)
          .sort((a, b) => a.date.localeCompare(b.date))
          .map(toRow),
      );
      if (!isPartition(indicator)) return rows;
      const totals = partitions
        .filter((p) => p.indicator === indicator)
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((p): ChartRow<Row> => {
          const expected = p.assessed?.value ?? null;
          const gap = expected !== null && expected !== p.total.value;
          return {
            indicateur: label(FOLLOW_UP_LABELS, indicator),
            categorie: TOTAL,
            date: formatMonth(p.date),
            nombre: p.total.value,
            nature: COMPUTED,
            evalues: expected,
            precision: gap
              ? `somme des catégories différente des ${formatNumber(expected)} projets comptés par état à la même date`
              : 'somme des catégories',
            _month: p.date,
            _from: p.total.from,
          };
        });
      return [...rows, ...totals];
    });
  },
  columns: [
    { key: 'indicateur', label: 'Indicateur', kind: 'texte' },
    { key: 'categorie', label: 'Catégorie', kind: 'texte' },
    { key: 'date', label: 'Date', kind: 'texte' },
    { key: 'nombre', label: 'Projets', kind: 'nombre' },
    { key: 'nature', label: 'Nature', kind: 'texte' },
    { key: 'evalues', label: 'Projets évalués à cette date', kind: 'nombre' },
    { key: 'precision', label: 'Précision', kind: 'texte' },
  ],
  reading: (rows) => {
    const state = rows.filter((r) => r.indicateur === label(FOLLOW_UP_LABELS, 'etat'));
    const production = state.filter((r) => r.categorie === label(FOLLOW_UP_LABELS, 'en_production'));
    const total = state.find((r) => r.categorie === TOTAL);
    const [before, after] = [production[0], production.at(-1)];
    if (!before || !after || before === after || !total)
      return 'L’état des projets de la promotion 3 n’est pas publié à deux dates.';
    return `Sur les ${formatNumber(total.nombre)} projets de la promotion 3 évalués, ${formatNumber(after.nombre)} étaient en production en ${after.date}, contre ${formatNumber(before.nombre)} en ${before.date}.`;
  },
  notes: (rows) => {
    const notes: string[] = [];
    for (const r of rows.filter(isGap)) {
      const parts = rows.filter((o) => o.indicateur === r.indicateur && o.date === r.date && o.categorie !== TOTAL);
      notes.push(
        `Incohérence de la publication : « ${r.indicateur} » en ${r.date}, les catégories publiées (${parts.map((p) => formatNumber(p.nombre)).join(' + ')}) font ${formatNumber(r.nombre)} projets, alors que le même billet en évalue ${formatNumber(r.evalues!)} à cette date. Le billet ne dit pas où est l’écart ; la barre « Total » le montre en pointillé.`,
      );
    }
    const assessed = rows.find((r) => r.evalues !== null)?.evalues;
    if (assessed)
      notes.push(`Les ${formatNumber(assessed)} projets évalués en 2021 excluent EIG Link (billet d’avril 2021).`);
    for (const r of rows.filter((row) => /^sur \d+$/u.test(row.precision ?? ''))) {
      notes.push(
        `« ${r.categorie} », ${r.date} : ${formatNumber(r.nombre)} ${r.precision} (${(r._publication ?? '').toLowerCase()}) : les chiffres de fin de promotion portent sur tous les défis de la promotion, pas sur les ${formatNumber(assessed ?? 0)} projets évalués en 2021.`,
      );
    }
    notes.push(
      'Ces catégories d’ouverture et de pérennisation se recoupent : un projet peut en cumuler plusieurs, elles ne s’additionnent pas.',
    );
    return notes;
  },
  plot: (rows, { narrow, width, palette }) => {
    // ISO months sort as text, in time order.
    // Each bar ends with its figure and its date, in the legend's words (« nov. 2019 »): its colour needs no decoding.
    const dates = [...new Set(rows.map((r) => r._month))].sort().map((month) => formatMonth(month, { short: true }));
    const groups = groupsOf(rows, (r) => r.indicateur).map((g) => {
      const groupDates = [...new Set(g.rows.map((r) => r.date))];
      const sources = [
        ...new Set(g.rows.filter((r) => r.nature === PUBLISHED).map((r) => (r._publication ?? '').toLowerCase())),
      ];
      const when = groupDates.length === 1 ? groupDates[0]! : `${groupDates[0]} et ${groupDates.at(-1)}`;
      return { heading: `${g.group}, ${when} (${sources.join(', ')})`, rows: g.rows };
    });
    const max = Math.max(15, ...rows.map((r) => r.nombre));
    const valueText = (r: (typeof rows)[number]) =>
      `${formatNumber(r.nombre)} · ${formatMonth(r._month, { short: true })}${isGap(r) ? ` ≠ ${formatNumber(r.evalues!)} évalués` : ''}`;
    const list = barList(groups, (r) => r.categorie, {
      narrow,
      width,
      valueWidth: 40,
      values: { text: valueText, at: (r) => r.nombre, max },
      labelWidth: 250,
    });
    type Bar = (typeof list.bars)[number];
    const published = list.bars.filter((b) => b.row.nature === PUBLISHED);
    const totals = list.bars.filter((b) => b.row.nature === COMPUTED);
    const consistent = totals.filter((b) => !isGap(b.row));
    const inconsistent = totals.filter((b) => isGap(b.row));
    const when = (b: Bar) => formatMonth(b.row._month, { short: true });
    const tip = (b: Bar) =>
      `${b.row.indicateur} — ${b.row.categorie}, ${b.row.date} : ${formatNumber(b.row.nombre)} ${plural(b.row.nombre, 'projet')}${b.row.nature === COMPUTED ? ' (calculé)' : ''}${b.row.nature === COMPUTED && b.row.precision ? ` ; ${b.row.precision}` : ''}`;
    const frame = barListFrame(list, narrow ? 10 : 11);
    const bar = (data: Bar[], extra: Record<string, unknown>) =>
      Plot.rectX(data, { x1: 0, x2: (b: Bar) => b.row.nombre, y1: 'y1', y2: 'y2', title: tip, ...extra });
    return {
      ...frame.options,
      x: {
        domain: [0, max],
        label: narrow ? null : 'Nombre de projets',
        labelArrow: 'none',
        ticks: narrow ? 3 : 5,
        tickFormat: formatNumber,
      },
      color: { domain: dates, range: palette },
      marks: [
        ...frame.marks,
        bar(published, { fill: when }),
        // Computed totals: outlined, so they never read as a category; a total that does not add up, dashed.
        bar(consistent, { fill: 'none', stroke: when, strokeWidth: 1.5 }),
        bar(inconsistent, { fill: 'none', stroke: when, strokeWidth: 2, strokeDasharray: '4,3' }),
      ],
    };
  },
});
