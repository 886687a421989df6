import * as Plot from '@observablehq/plot';
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import type { Figure } from '../lib/figures.ts';
import { formatNumber } from '../lib/format.ts';
import { thePromotions } from '../lib/promotion-names.ts';
import { groupsOf } from './helpers/bands.ts';
import { barList, barListFrame } from './helpers/bar-list.ts';
import { defineChart, type ChartRow } from './types.ts';

const ADMINISTRATIONS = 'Administrations d’accueil (site d’origine)';
const LAUREATES = 'Services lauréats (rapport 2019)';
const MAP_SERVICES = 'Services avec un défi (carte)';
const MINISTRIES = 'Ministères d’accueil (site d’origine)';
const MAP_TUTELLES = 'Tutelles avec un défi (carte)';

type Row = { promotion: string; mesure: string; nombre: number; nature: string };

export default defineChart({
  slug: 'services-accueil',
  title: 'Administrations d’accueil : trois comptes',
  theme: 'defis',
  order: 20,
  description: (rows: ChartRow<Row>[]) =>
    `Pour ${thePromotions(rows.map((r) => r.promotion))}, les administrations et les ministères d’accueil selon les chiffres du site d’origine data.eig-forever.org, les services lauréats selon le rapport d’Etalab de juin 2019, et les services et tutelles recomptés sur la carte du site d’origine.`,
  rows: ({ aggregates }) => {
    const original = aggregates.origine.data.figures;
    const { mapHosts } = aggregates.origine.data;
    const rows: ChartRow<Row>[] = [];
    const push = (promotion: string, mesure: string, figure: Figure | null | undefined) => {
      if (figure)
        rows.push({
          promotion,
          mesure,
          nombre: figure.value,
          nature: figure.computed ? 'recompté sur la carte' : 'publié',
          _from: figure.from,
        });
    };
    for (const promotion of original.promotions) {
      const year = original.get(ORIGINAL.eig, promotion)?.year;
      const hosting = mapHosts.byYear.find((y) => y.year === year);
      push(promotion, ADMINISTRATIONS, original.value(ORIGINAL.administrations, promotion));
      push(
        promotion,
        LAUREATES,
        aggregates.programme.data.promotions.find(
          (p) => p.promotion === promotion && p.indicator === 'services_laureats',
        )?.figure,
      );
      push(promotion, MAP_SERVICES, hosting?.services);
      push(promotion, MINISTRIES, original.value(ORIGINAL.ministries, promotion));
      push(promotion, MAP_TUTELLES, hosting?.tutelles);
    }
    return rows;
  },
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'mesure', label: 'Compté', kind: 'texte' },
    { key: 'nombre', label: 'Nombre', kind: 'nombre' },
    { key: 'nature', label: 'Nature', kind: 'texte' },
  ],
  reading: (rows) => {
    const last = rows.at(-1)?.promotion;
    const of = (mesure: string) => rows.find((r) => r.promotion === last && r.mesure === mesure)?.nombre;
    if (!last || of(ADMINISTRATIONS) === undefined) return 'Les administrations d’accueil ne sont pas publiées.';
    return `${last} : ${formatNumber(of(ADMINISTRATIONS)!)} administrations (site d’origine), ${formatNumber(of(LAUREATES) ?? 0)} services lauréats (rapport) ou ${formatNumber(of(MAP_SERVICES) ?? 0)} services (carte), selon la source.`;
  },
  notes: (_rows, { aggregates }) => {
    const { all } = aggregates.origine.data.mapHosts;
    const structures = aggregates.programme.data.allFigures.find((f) => f.indicator === 'structures_publiques_accueil');
    const services = aggregates.programme.data.allFigures.find((f) => f.indicator === 'services_ou_directions');
    return [
      `Le site d’origine et le rapport ne disent pas ce qu’ils comptent comme administration ou service ; la carte du site d’origine place ${formatNumber(all.services.value)} services sous ${formatNumber(all.tutelles.value)} ministères ou organismes de tutelle (dont la Cour des comptes, un groupement d’intérêt public, des établissements publics)` +
        (structures && services
          ? `, que le billet de mai 2019 compte comme ${formatNumber(structures.figure.value)} structures publiques et ${formatNumber(services.figure.value)} services ou directions.`
          : '.'),
      'Les services et tutelles « recomptés sur la carte » sont ceux dont la carte du site d’origine donne au moins un défi cette année-là.',
      'Les administrations d’accueil des défis de toutes les promotions (site actuel du programme) sont sur le graphique des administrations.',
    ];
  },
  plot: (rows, { narrow, width, palette }) => {
    // Each bar named on its left (above it on a phone) in the legend's words: the colours need no decoding.
    const measures = [...new Set(rows.map((r) => r.mesure))];
    const groups = groupsOf(rows, (r) => r.promotion).map((g) => ({ heading: g.group, rows: g.rows }));
    const max = Math.max(...rows.map((r) => r.nombre));
    const list = barList(groups, (r) => r.mesure, {
      narrow,
      width,
      valueWidth: 24,
      values: { text: (r) => formatNumber(r.nombre), at: (r) => r.nombre, max },
    });
    type Bar = (typeof list.bars)[number];
    const frame = barListFrame(list, 11);
    return {
      ...frame.options,
      x: { domain: [0, max], grid: true, label: null, ticks: narrow ? 4 : 8 },
      color: { domain: measures, range: palette },
      marks: [
        ...frame.marks,
        Plot.rectX(list.bars, {
          x1: 0,
          x2: (b: Bar) => b.row.nombre,
          y1: 'y1',
          y2: 'y2',
          fill: (b: Bar) => b.row.mesure,
          title: (b: Bar) => `${b.row.promotion} — ${b.row.mesure} : ${formatNumber(b.row.nombre)} (${b.row.nature})`,
        }),
      ],
    };
  },
});
