import * as Plot from '@observablehq/plot';
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import type { PlaceKind } from '../lib/aggregates/defi-places.ts';
import { formatNumber } from '../lib/format.ts';
import { byPromotion, ofThePromotions, thePromotions } from '../lib/promotion-names.ts';
import { plural } from '../lib/text.ts';
import { bandKey } from './helpers/bands.ts';
import { defineChart, type ChartRow } from './types.ts';

const KIND_LABELS: Record<PlaceKind, string> = {
  paris: 'Paris',
  'petite-couronne': 'Petite couronne (92, 93, 94)',
  ailleurs: 'Ailleurs en France',
  plusieurs: 'Sur plusieurs types de lieux',
  inconnu: 'Lieu non déterminé',
};
const OUTSIDE_PARIS = 'Hors de Paris (site d’origine)';
const CURRENT = 'site actuel du programme';
const ORIGINAL_SITE = 'site d’origine (2019)';
const SERIES = [...Object.values(KIND_LABELS), OUTSIDE_PARIS];

// `selon`, not `source`: the CSV adds its own « source » column (the publications cited).
type Row = { promotion: string; selon: string; lieu: string; defis: number };

export default defineChart({
  slug: 'lieux-defis',
  title: 'Où sont les défis : Paris, petite couronne ou ailleurs ?',
  theme: 'defis',
  order: 22,
  description: (rows: ChartRow<Row>[]) => {
    const by = (selon: string) => [...new Set(rows.filter((r) => r.selon === selon).map((r) => r.promotion))];
    const original = by(ORIGINAL_SITE);
    return (
      `Les défis ${ofThePromotions(by(CURRENT))} selon la commune écrite sur le site actuel du programme : à Paris, en petite couronne (Hauts-de-Seine, Seine-Saint-Denis, Val-de-Marne), ailleurs` +
      (original.length > 0
        ? ` ; et, pour ${thePromotions(original)}, les défis à Paris et hors de Paris selon le site d’origine data.eig-forever.org.`
        : '.')
    );
  },
  rows: ({ aggregates }) => {
    const { places, figures: original } = aggregates.origine.data;
    const rows: ChartRow<Row>[] = places.byKind.map((k) => ({
      promotion: k.promotion,
      selon: CURRENT,
      lieu: KIND_LABELS[k.kind],
      defis: k.figure.value,
      _from: k.figure.from,
    }));
    for (const promotion of original.promotions) {
      for (const [name, lieu] of [
        [ORIGINAL.defisParis, KIND_LABELS.paris],
        [ORIGINAL.defisOutsideParis, OUTSIDE_PARIS],
      ] as const) {
        const figure = original.value(name, promotion);
        if (figure) rows.push({ promotion, selon: ORIGINAL_SITE, lieu, defis: figure.value, _from: figure.from });
      }
    }
    const order = byPromotion((r: Row) => r.promotion);
    return rows.sort((a, b) => order(a, b) || (a.selon === b.selon ? 0 : a.selon === CURRENT ? -1 : 1));
  },
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'selon', label: 'Selon', kind: 'texte' },
    { key: 'lieu', label: 'Lieu', kind: 'texte' },
    { key: 'defis', label: 'Défis', kind: 'nombre' },
  ],
  reading: (_rows, { aggregates }) => {
    const { defis, kindTotals } = aggregates.origine.data.places;
    const total = defis.length;
    const ofKind = (kind: PlaceKind) => kindTotals.find((k) => k.kind === kind)?.figure.value ?? 0;
    const [paris, suburbs] = [ofKind('paris'), ofKind('petite-couronne')];
    if (total === 0) return 'Les communes des défis ne sont pas publiées.';
    const promotions = [...new Set(defis.map((d) => d.promotion))];
    return `Sur les ${formatNumber(total)} défis ${ofThePromotions(promotions)}, ${formatNumber(paris)} sont à Paris et ${formatNumber(suburbs)} en petite couronne, selon les communes du site actuel du programme.`;
  },
  notes: (rows, { aggregates }) => {
    const notes = [
      'Site actuel du programme : chaque défi est compté une fois, d’après la commune écrite (son département est celui écrit ou celui du code postal, sinon celui de la commune dans le répertoire GeoNames) ; un défi sur deux sites de types différents (Paris et Évry…) est « sur plusieurs types de lieux ».',
      'Site d’origine : défis à Paris et hors de Paris de chaque promotion (mai 2019), sans dire ce qu’il compte comme Paris ; les deux décomptes ne concordent pas pour toutes les promotions (voir ci-dessous).',
    ];
    const unknown = aggregates.origine.data.places.defis.filter((d) => d.kind === 'inconnu');
    if (unknown.length > 0)
      notes.push(
        `Lieu non déterminé : ${unknown.map((d) => `« ${d.titre} » (${d.promotion}, « ${d.ville} »)`).join(', ')} : la commune écrite ne suffit pas à savoir laquelle c’est ; elle n’est pas devinée.`,
      );
    return notes;
  },
  plot: (rows, { narrow, palette }) => {
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    const sources = (p: string) =>
      [CURRENT, ORIGINAL_SITE].filter((s) => rows.some((r) => r.promotion === p && r.selon === s));
    const head = (p: string) => bandKey(p, '');
    const bar = (r: { promotion: string; selon: string }) => bandKey(r.promotion, r.selon);
    const domain = promotions.flatMap((p) => [head(p), ...sources(p).map((s) => bandKey(p, s))]);
    const tip = (r: Row) =>
      `${r.promotion} — ${r.lieu} : ${formatNumber(r.defis)} ${plural(r.defis, 'défi')} (${r.selon})`;
    const stack = { y: bar, x: 'defis', z: 'lieu', order: SERIES } as const;
    return {
      height: domain.length * (narrow ? 22 : 20) + 40,
      marginLeft: narrow ? 96 : 170,
      marginRight: narrow ? 24 : 305,
      marginBottom: 30,
      y: {
        domain,
        axis: 'left',
        label: null,
        tickSize: 0,
        padding: 0.15,
        tickFormat: (key: string) =>
          key.endsWith('\u0001')
            ? ''
            : key.includes(CURRENT)
              ? narrow
                ? 'site actuel'
                : CURRENT
              : narrow
                ? 'site d’origine'
                : ORIGINAL_SITE,
      },
      x: { label: 'Défis', labelArrow: 'none', grid: true, ticks: narrow ? 4 : 8 },
      color: { domain: SERIES, range: palette },
      marks: [
        Plot.text(promotions, {
          y: head,
          text: (p: string) => p,
          frameAnchor: 'left',
          textAnchor: 'start',
          dx: narrow ? -92 : -166,
          fontWeight: 'bold',
          fontSize: 12,
        }),
        Plot.barX(rows, Plot.stackX({ ...stack, fill: 'lieu', title: tip })),
        // Counts after the bar (text on the coloured segments would not be readable in both themes).
        Plot.text(
          promotions.flatMap((p) => sources(p).map((selon) => ({ promotion: p, selon }))),
          {
            y: bar,
            x: (d: { promotion: string; selon: string }) =>
              rows.filter((r) => r.promotion === d.promotion && r.selon === d.selon).reduce((s, r) => s + r.defis, 0),
            text: (d: { promotion: string; selon: string }) => {
              const own = rows.filter((r) => r.promotion === d.promotion && r.selon === d.selon);
              return narrow
                ? formatNumber(own.reduce((s, r) => s + r.defis, 0))
                : own
                    .map((r) => `${r.lieu.replace(/ \(.*\)$/u, '').toLowerCase()} ${formatNumber(r.defis)}`)
                    .join(', ');
            },
            textAnchor: 'start',
            dx: 4,
            fontSize: 11,
          },
        ),
        Plot.ruleX([0]),
      ],
    };
  },
});
