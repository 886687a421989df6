import * as Plot from '@observablehq/plot';
import { disagree } from '../lib/aggregates/source-comparisons.ts';
import type { Figure } from '../lib/figures.ts';
import { formatNumber } from '../lib/format.ts';
import { isEigPromotion, ofThePromotions } from '../lib/promotion-names.ts';
import { datedTag, PUBLISHED_FIGURE } from './helpers/sources.ts';
import { defineChart, type ChartRow } from './types.ts';

const PUBLISHED = PUBLISHED_FIGURE;

type Row = { promotion: string; liste: string; defis: number; nature: string };

export default defineChart({
  slug: 'defis-promotions',
  title: 'Les défis de chaque promotion',
  theme: 'defis',
  order: 2,
  description:
    'Nombre de défis de chaque promotion et des designers d’intérêt général d’après le site actuel du programme, à côté de la liste du site de 2022 et des chiffres publiés par le programme, là où ils existent.',
  rows: ({ aggregates, publications }) => {
    const row = (promotion: string, liste: string, figure: Figure): ChartRow<Row> => ({
      promotion,
      liste,
      defis: figure.value,
      nature: figure.computed ? 'compté dans la liste' : 'publié',
      _from: figure.from,
    });
    const tag = (figure: Figure) => datedTag(publications, figure.from[0]?.source ?? '');
    return aggregates.defis.data.bySource.defis.flatMap((c) => [
      ...[c.current, c.previous].filter((f): f is Figure => f !== null).map((f) => row(c.promotion, tag(f), f)),
      ...(c.published ? [row(c.promotion, PUBLISHED, c.published)] : []),
    ]);
  },
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'liste', label: 'Source', kind: 'texte' },
    { key: 'defis', label: 'Défis', kind: 'nombre' },
    { key: 'nature', label: 'Nature', kind: 'texte' },
  ],
  reading: (rows, { headline }) => {
    const lists = [...new Set(rows.map((r) => r.liste))];
    const current = rows.filter((r) => r.liste === lists[0]);
    const total = headline.defis.value;
    const eig = current.filter((r) => isEigPromotion(r.promotion));
    const first = eig[0];
    const last = eig.at(-1);
    if (!first || !last) return 'Aucun défi n’est listé.';
    const others = current.filter((r) => !isEigPromotion(r.promotion));
    return (
      `Le site actuel du programme compte ${formatNumber(total)} défis : ${formatNumber(first.defis)} pour la promotion ${first.promotion}, ` +
      `${formatNumber(last.defis)} pour la promotion ${last.promotion}` +
      others.map((o) => `, ${formatNumber(o.defis)} pour les ${o.promotion}`).join('') +
      '.'
    );
  },
  notes: (rows, { aggregates, promotions }) => {
    const notes: string[] = [];
    const bySource = aggregates.defis.data.bySource.defis;
    for (const { promotion } of bySource.filter(disagree)) {
      const values = rows.filter((r) => r.promotion === promotion);
      notes.push(`${promotion} : ${values.map((v) => `${formatNumber(v.defis)} (${v.liste})`).join(', ')}.`);
    }
    const alone = bySource.filter((c) => c.previous === null && c.published === null).map((c) => c.promotion);
    if (alone.length > 0) {
      notes.push(
        `${alone.join(', ')} : seul le site actuel du programme liste ces défis ; ni le site de 2022 ni les publications retenues ne les comptent.`,
      );
    }
    // The designers' programme ran beside the EIG promotion of its year.
    const dig = promotions.find((p) => p.name === 'DIG' && rows.some((r) => r.promotion === p.name));
    if (dig) {
      const beside = promotions.filter((p) => isEigPromotion(p.name) && dig.year !== null && p.year === dig.year);
      notes.push(
        `DIG : les défis du programme « Designers d’intérêt général »${beside.length > 0 ? `, mené ${dig.year ? `en ${dig.year} ` : ''}à côté ${ofThePromotions(beside.map((p) => p.name))}` : ''}.`,
      );
    }
    return notes;
  },
  plot: (rows, { narrow, palette }) => {
    const lists = [...new Set(rows.map((r) => r.liste))];
    // Each source drawn its own way, as its legend swatch shows: the current website's count a filled bar, the 2022
    // list's an outlined one, the programme's published figure a dot: they are told apart without their colours.
    const current = lists[0];
    const counted = (r: Row) => r.nature !== 'publié';
    const tip = (d: Row) => `${d.promotion} — ${d.liste} : ${formatNumber(d.defis)} défis`;
    const filled = rows.filter((r) => r.liste === current);
    const outlined = rows.filter((r) => r.liste !== current && counted(r));
    const printed = rows.filter((r) => !counted(r));
    const common = { fx: 'promotion', x: 'liste', y: 'defis', title: tip } as const;
    return {
      height: narrow ? 300 : 320,
      marginBottom: 36,
      x: { axis: null, domain: lists },
      fx: {
        label: null,
        domain: [...new Set(rows.map((r) => r.promotion))],
        tickFormat: (p: string) => (narrow ? p.replace('EIG ', '') : p),
      },
      y: { grid: true, label: 'Défis', labelArrow: 'none' },
      color: { domain: lists, range: palette },
      marks: [
        Plot.barY(filled, { ...common, fill: 'liste' }),
        Plot.barY(outlined, { ...common, fill: 'none', stroke: 'liste', strokeWidth: 2, inset: 1 }),
        Plot.dot(printed, { ...common, fill: 'liste', r: narrow ? 3.5 : 4.5 }),
        Plot.text(rows, {
          fx: 'promotion',
          x: 'liste',
          y: 'defis',
          text: (d) => formatNumber(d.defis),
          // Side by side on a phone, three bars of a promotion are too narrow for their labels: written upwards.
          ...(narrow ? { rotate: -90, textAnchor: 'start', dx: 4 } : { dy: -9 }),
          fontSize: 11,
        }),
        Plot.ruleY([0]),
      ],
    };
  },
});
