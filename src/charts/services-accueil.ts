import * as Plot from '@observablehq/plot';
import { MAP_YEARS, ORIGINAL } from '../lib/aggregates/original-site.ts';
import type { Figure } from '../lib/figures.ts';
import { formatNumber } from '../lib/format.ts';
import { thePromotions } from '../lib/promotion-names.ts';
import { panelTitles } from './helpers/panels.ts';
import { defineChart, type ChartRow } from './types.ts';
import { marginFor } from './helpers/margins.ts';

const ADMINISTRATIONS = 'Administrations d’accueil (site d’origine)';
const LAUREATES = 'Services lauréats (rapport 2019)';
const MAP_SERVICES = 'Services avec un défi (carte)';
const MINISTRIES = 'Ministères d’accueil (site d’origine)';
const MAP_TUTELLES = 'Tutelles avec un défi (carte)';

/** Words written after each bar on phones, where the long names have no room on the left. */
const SHORT: Record<string, string> = {
  [ADMINISTRATIONS]: 'administrations (site d’origine)',
  [LAUREATES]: 'services lauréats (rapport)',
  [MAP_SERVICES]: 'services (carte)',
  [MINISTRIES]: 'ministères (site d’origine)',
  [MAP_TUTELLES]: 'tutelles (carte)',
};

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
    const map = aggregates.origine.data.map;
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
      const hosting = map.filter((s) => MAP_YEARS.some((y) => y === year && s.defis[y].value > 0));
      const counted = (value: number): Figure => ({
        value,
        unit: 'structures',
        from: hosting.map((s) => s.ref),
        computed: true,
      });
      push(promotion, ADMINISTRATIONS, original.value(ORIGINAL.administrations, promotion));
      push(
        promotion,
        LAUREATES,
        aggregates.programme.data.promotions.find(
          (p) => p.promotion === promotion && p.indicator === 'services_laureats',
        )?.figure,
      );
      if (hosting.length > 0) push(promotion, MAP_SERVICES, counted(hosting.length));
      push(promotion, MINISTRIES, original.value(ORIGINAL.ministries, promotion));
      if (hosting.length > 0) push(promotion, MAP_TUTELLES, counted(new Set(hosting.map((s) => s.tutelle)).size));
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
    const map = aggregates.origine.data.map;
    const tutelles = new Set(map.map((s) => s.tutelle)).size;
    const structures = aggregates.programme.data.allFigures.find((f) => f.indicator === 'structures_publiques_accueil');
    const services = aggregates.programme.data.allFigures.find((f) => f.indicator === 'services_ou_directions');
    return [
      `Le site d’origine et le rapport ne disent pas ce qu’ils comptent comme administration ou service ; la carte du site d’origine place ${formatNumber(map.length)} services sous ${formatNumber(tutelles)} ministères ou organismes de tutelle (dont la Cour des comptes, un groupement d’intérêt public, des établissements publics)` +
        (structures && services
          ? `, que le billet de mai 2019 compte comme ${formatNumber(structures.figure.value)} structures publiques et ${formatNumber(services.figure.value)} services ou directions.`
          : '.'),
      'Les services et tutelles « recomptés sur la carte » sont ceux dont la carte du site d’origine donne au moins un défi cette année-là.',
      'Les administrations d’accueil des défis de toutes les promotions (site actuel du programme) sont sur le graphique des administrations.',
    ];
  },
  plot: (rows, { narrow, palette }) => {
    const measures = [...new Set(rows.map((r) => r.mesure))];
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    const marginLeft = narrow ? 8 : 330;
    const phoneLabel = (d: Row) => `${formatNumber(d.nombre)} ${SHORT[d.mesure] ?? d.mesure}`;
    return {
      height: promotions.length * measures.length * (narrow ? 34 : 21) + promotions.length * 30 + 30,
      marginLeft,
      marginRight: narrow ? marginFor(rows.map(phoneLabel), { gap: 8 }) : 40,
      marginTop: 22,
      marginBottom: 28,
      x: { grid: true, label: null, ticks: narrow ? 4 : 8 },
      y: { domain: measures, label: null, tickSize: 0, padding: 0.2, axis: narrow ? null : 'left' },
      fy: { domain: promotions, axis: null, padding: 0.2 },
      color: { domain: measures, range: palette },
      marks: [
        Plot.barX(rows, {
          fy: 'promotion',
          y: 'mesure',
          x: 'nombre',
          fill: 'mesure',
          title: (d: Row) => `${d.promotion} — ${d.mesure} : ${formatNumber(d.nombre)} (${d.nature})`,
        }),
        Plot.text(rows, {
          fy: 'promotion',
          y: 'mesure',
          x: 'nombre',
          text: (d: Row) => (narrow ? phoneLabel(d) : formatNumber(d.nombre)),
          textAnchor: 'start',
          dx: 4,
          fill: 'mesure',
          fontSize: 11,
        }),
        Plot.ruleX([0]),
        panelTitles(promotions, { marginLeft, narrow }),
      ],
    };
  },
});
