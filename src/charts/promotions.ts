import * as Plot from '@observablehq/plot';
import { formatNumber } from '../lib/format.ts';
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import { INDICATOR_LABELS, label } from '../lib/labels.ts';
import { groupsOf } from './helpers/bands.ts';
import { barList, barListFrame } from './helpers/bar-list.ts';
import { promotionRange, promotionSpan } from '../lib/promotion-names.ts';
import { capitalise } from '../lib/text.ts';
import { unpublishedKeyNotes } from './helpers/unpublished.ts';
import { mergedRefs, sameAs } from './helpers/original.ts';
import { defineChart, type ChartContext, type ChartRow } from './types.ts';

/** The original site's indicator for each of the report's, where both count the same thing. */
const ORIGINAL_OF: Record<string, string> = { eig: ORIGINAL.eig, mentors: ORIGINAL.mentors, defis: ORIGINAL.defis };
const NEW_EIG = 'Nouveaux EIG';

type Row = { promotion: string; indicateur: string; valeur: number };

export default defineChart({
  slug: 'promotions',
  title: 'Les promotions EIG : entrepreneurs, mentors, défis et services',
  story: 'quand',
  theme: 'programme',
  order: 1,
  description: (rows: ChartRow<Row>[], { promotions }: ChartContext) =>
    `Nombre d’entrepreneurs d’intérêt général (EIG), de mentors, de défis et de services lauréats de chaque promotion, ${promotionRange(
      rows.map((r) => r.promotion),
      promotions,
    )}.`,
  legacyAnchors: ['promo'],
  rows: ({ aggregates }) => {
    const find = aggregates.origine.data.figures.get;
    const rows: ChartRow<Row>[] = [];
    for (const p of aggregates.programme.data.promotions) {
      // The original site prints the same EIG, mentors and défis: the row cites it too; a different figure would
      // be its own bar.
      const mine = ORIGINAL_OF[p.indicator] ? find(ORIGINAL_OF[p.indicator]!, p.promotion) : null;
      const same = sameAs(mine, p.figure.value);
      const indicateur = label(INDICATOR_LABELS, p.indicator);
      rows.push({
        promotion: p.promotion,
        indicateur,
        valeur: p.figure.value,
        _from: mergedRefs(p.figure.from, same?.from ?? []),
      });
      if (mine?.figure && !same)
        rows.push({
          promotion: p.promotion,
          indicateur: `${indicateur} (site d’origine)`,
          valeur: mine.figure.value,
          _from: mine.figure.from,
        });
      if (p.indicator === 'eig') {
        const fresh = find(ORIGINAL.newEig, p.promotion)?.figure;
        if (fresh) rows.push({ promotion: p.promotion, indicateur: NEW_EIG, valeur: fresh.value, _from: fresh.from });
      }
    }
    return rows;
  },
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
  notes: (rows, { publications }) => {
    // Which publications give each promotion's figures: promotions citing the same ones are named together.
    const counted = rows.filter((r) => r.indicateur !== NEW_EIG);
    const cited = new Map<string, string[]>();
    for (const promotion of new Set(counted.map((r) => r.promotion))) {
      const ids = [
        ...new Set(counted.filter((r) => r.promotion === promotion).flatMap((r) => r._from.map((f) => f.source))),
      ];
      const names = [...new Set(ids.map((id) => publications.shortLabel(id)))].join(', ');
      cited.set(names, [...(cited.get(names) ?? []), promotion]);
    }
    const fresh = [...new Set(rows.filter((r) => r.indicateur === NEW_EIG).map((r) => r.promotion))];
    return [
      ...(cited.size > 1
        ? [
            `${[...cited].map(([names, promotions]) => `${capitalise(promotionSpan(promotions))} : ${names}`).join('. ')}.`,
          ]
        : []),
      ...(fresh.length > 0
        ? [
            `Nouveaux EIG : parmi les EIG d’une promotion, ceux qui n’étaient pas dans la précédente, selon le site d’origine (${promotionSpan(fresh)} seulement).`,
          ]
        : []),
    ];
  },
  plot: (rows, { narrow, width, palette }) => {
    // One group of bars per promotion, each bar named on its left: the indicator is read without its colour.
    const indicators = [...new Set(rows.map((r) => r.indicateur))];
    const groups = groupsOf(rows, (r) => r.promotion).map((g) => ({ heading: g.group, rows: g.rows }));
    const max = Math.max(...rows.map((r) => r.valeur));
    const list = barList(groups, (r) => r.indicateur, {
      narrow,
      width,
      valueWidth: 24,
      values: { text: (r) => formatNumber(r.valeur), at: (r) => r.valeur, max },
    });
    type Bar = (typeof list.bars)[number];
    const frame = barListFrame(list, 11);
    return {
      ...frame.options,
      x: { domain: [0, max], grid: true, label: 'Nombre', labelArrow: 'none', ticks: narrow ? 4 : 8 },
      color: { domain: indicators, range: palette },
      marks: [
        ...frame.marks,
        Plot.rectX(list.bars, {
          x1: 0,
          x2: (b: Bar) => b.row.valeur,
          y1: 'y1',
          y2: 'y2',
          fill: (b: Bar) => b.row.indicateur,
          title: (b: Bar) => `${b.row.promotion} — ${b.row.indicateur} : ${formatNumber(b.row.valeur)}`,
        }),
      ],
    };
  },
});
