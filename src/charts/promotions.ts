import * as Plot from '@observablehq/plot';
import { formatNumber } from '../lib/format.ts';
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import { INDICATOR_LABELS, label } from '../lib/labels.ts';
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
  plot: (rows, { narrow, palette }) => ({
    height: narrow ? 300 : 340,
    marginBottom: 36,
    x: { axis: null, domain: [...new Set(rows.map((r) => r.indicateur))] },
    fx: { label: null, domain: [...new Set(rows.map((r) => r.promotion))] },
    y: { grid: true, label: 'Nombre', labelArrow: 'none' },
    color: { domain: [...new Set(rows.map((r) => r.indicateur))], range: palette },
    marks: [
      Plot.barY(rows, {
        fx: 'promotion',
        x: 'indicateur',
        y: 'valeur',
        fill: 'indicateur',
        title: (d) => `${d.promotion} — ${d.indicateur} : ${formatNumber(d.valeur)}`,
      }),
      Plot.text(rows, {
        fx: 'promotion',
        x: 'indicateur',
        y: 'valeur',
        text: (d) => formatNumber(d.valeur),
        // Side by side on a phone, five bars of a promotion are too narrow for their labels: written upwards.
        ...(narrow ? { rotate: -90, textAnchor: 'start', dx: 4 } : { dy: -7 }),
        fill: 'indicateur',
        fontSize: 11,
      }),
      Plot.ruleY([0]),
    ],
  }),
});
