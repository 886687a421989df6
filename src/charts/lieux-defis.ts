import * as Plot from '@observablehq/plot';
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import type { PlaceKind } from '../lib/aggregates/defi-places.ts';
import { formatNumber } from '../lib/format.ts';
import { byPromotion, ofThePromotions, thePromotions } from '../lib/promotion-names.ts';
import { plural } from '../lib/text.ts';
import { joinParts, partText, stackList } from './helpers/stack-list.ts';
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
  plot: (rows, { narrow, width, palette }) => {
    // Each promotion's bars, one per source, each followed by its counts in the legend's words (« Paris 9 · Petite
    // couronne (92, 93, 94) 8 »): the places are read without their colours.
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    const of = (p: string, selon: string) => rows.filter((r) => r.promotion === p && r.selon === selon);
    const list = stackList(
      promotions.map((promotion) => ({
        heading: promotion,
        bars: [CURRENT, ORIGINAL_SITE]
          .filter((selon) => of(promotion, selon).length > 0)
          .map((selon) => ({
            label: selon,
            parts: of(promotion, selon),
            below: joinParts(of(promotion, selon).map((r) => partText(r.lieu, formatNumber(r.defis)))),
          })),
      })),
      { narrow, width, value: (r) => r.defis },
    );
    type Part = (typeof list.parts)[number];
    const tip = (d: Part) =>
      `${d.row.promotion} — ${d.row.lieu} : ${formatNumber(d.row.defis)} ${plural(d.row.defis, 'défi')} (${d.row.selon})`;
    return {
      ...list.options,
      x: { domain: [0, list.max], label: 'Défis', labelArrow: 'none', grid: true, ticks: narrow ? 4 : 8 },
      color: { domain: SERIES, range: palette },
      marks: [
        ...list.marks,
        Plot.rectX(list.parts, {
          x1: 'x1',
          x2: 'x2',
          y1: 'y1',
          y2: 'y2',
          fill: (d: Part) => d.row.lieu,
          title: tip,
          insetLeft: 0.5,
        }),
      ],
    };
  },
});
