import * as Plot from '@observablehq/plot';
import { shareOf } from '../lib/figures.ts';
import { formatMonth, formatNumber, formatPercent, formatPercentRounded } from '../lib/format.ts';
import { FOLLOW_UP_LABELS, label } from '../lib/labels.ts';
import { barList, barListFrame } from './helpers/bar-list.ts';
import { groupsOf } from './helpers/bands.ts';
import { promotionSpan } from '../lib/promotion-names.ts';
import { defineChart } from './types.ts';

const PROMOTION = 'EIG 4';

type Row = {
  theme: string;
  indicateur: string;
  date: string;
  nombre: number;
  /** The promotion's number of défis, as published: the denominator of the share. */
  sur: number;
  /** nombre / sur, computed here. */
  part: number;
  precision: string | null;
};

export default defineChart<Row>({
  slug: 'promotion-4-sept-mois',
  title: 'La promotion 4, sept mois après son lancement',
  theme: 'suivi',
  order: 2,
  description: (rows, { publications }) => {
    const first = rows[0];
    const when = first
      ? ` en ${first.date}, « sept mois après » leur arrivée selon ${publications.designation(first._from[0]?.source ?? '')}`
      : '';
    return `Ce que les équipes de la ${promotionSpan([PROMOTION])} avaient fait${when} : ouverture des données et du code, formations, projets annexes ; et les projets prolongés avec un cofinancement de la DINUM.`;
  },
  rows: ({ aggregates }) => {
    const defis = aggregates.programme.data.promotions.find(
      (p) => p.promotion === PROMOTION && p.indicator === 'defis',
    );
    if (!defis) return [];
    return aggregates.suivi.data.figures
      .filter((f) => f.promotion === PROMOTION)
      .map((f) => {
        const share = shareOf(f.figure, defis.figure);
        return {
          theme: label(FOLLOW_UP_LABELS, f.indicator),
          indicateur: label(FOLLOW_UP_LABELS, f.category),
          date: formatMonth(f.date),
          nombre: f.figure.value,
          sur: defis.figure.value,
          part: share.value,
          precision: f.figure.note ?? null,
          _from: share.from,
        };
      });
  },
  columns: [
    { key: 'theme', label: 'Thème', kind: 'texte' },
    { key: 'indicateur', label: 'Indicateur', kind: 'texte' },
    { key: 'date', label: 'Date', kind: 'texte' },
    { key: 'nombre', label: 'Projets (publié)', kind: 'nombre' },
    { key: 'sur', label: 'Défis de la promotion (publié)', kind: 'nombre' },
    { key: 'part', label: 'Part (calculée)', kind: 'pourcent', format: (r) => `${formatPercent(r.part)} (calculé)` },
    { key: 'precision', label: 'Précision publiée', kind: 'texte' },
  ],
  reading: (rows) => {
    const top = [...rows].sort((a, b) => b.nombre - a.nombre)[0];
    if (!top) return 'Aucun chiffre n’est publié sur la promotion 4 à sept mois.';
    return `Le chiffre le plus élevé publié sur la promotion 4 en ${top.date} : « ${top.indicateur} », ${formatNumber(top.nombre)} défis sur ${formatNumber(top.sur)} (${formatPercent(top.part)}, part calculée ici).`;
  },
  notes: (rows, { aggregates }) => {
    const notes: string[] = [];
    const sur = rows[0]?.sur;
    if (sur) {
      notes.push(
        `Les parts sont calculées ici sur les ${formatNumber(sur)} défis de la promotion publiés avec ces chiffres ; le billet ne publie que les nombres de projets.`,
      );
      const listed = aggregates.defis.data.byPromotion.find((c) => c.key === PROMOTION)?.figure.value;
      if (listed !== undefined && listed !== sur) {
        notes.push(
          `La liste des défis du site du programme compte ${formatNumber(listed)} défis pour la promotion 4, pas ${formatNumber(sur)} : rapportées à ${formatNumber(listed)}, les parts seraient un peu plus faibles.`,
        );
      }
    }
    const dates = [...new Set(rows.map((r) => r.date))];
    if (dates.length > 1)
      notes.push(
        `Les chiffres ne datent pas tous du même moment (${dates.join(', ')}) : chaque groupe de barres dit sa date.`,
      );
    notes.push(
      'Les projets peuvent figurer dans plusieurs lignes : les nombres ne s’additionnent pas. « Code ouvert » compte aussi les projets qui prévoyaient de l’ouvrir.',
    );
    return notes;
  },
  plot: (rows, { narrow, width, palette }) => {
    // A share of 16 défis in whole percents: a tenth of a percent is far less than one défi.
    const valueText = (r: (typeof rows)[number]) =>
      `${formatNumber(r.nombre)} sur ${formatNumber(r.sur)} · ${formatPercentRounded(r.part)} (calculé)`;
    // One colour: each group's heading says its date, which a colour per date would only repeat.
    const groups = groupsOf(rows, (r) => `${r.theme}, ${r.date}`).map((g) => ({ heading: g.group, rows: g.rows }));
    const list = barList(groups, (r) => r.indicateur, {
      narrow,
      width,
      valueWidth: 40,
      values: { text: (r) => valueText(r), at: (r) => r.sur, max: Math.max(...rows.map((x) => x.sur)) },
      labelWidth: 250,
    });
    type Bar = (typeof list.bars)[number];
    const frame = barListFrame(list, narrow ? 10 : 11);
    const max = Math.max(...rows.map((r) => r.sur));
    return {
      ...frame.options,
      x: {
        domain: [0, max],
        label: narrow ? null : 'Nombre de défis',
        labelArrow: 'none',
        ticks: narrow ? 4 : 8,
        tickFormat: formatNumber,
      },
      color: { domain: ['défis'], range: palette },
      marks: [
        ...frame.marks,
        // The whole promotion behind each bar, so « 5 sur 16 » reads at a glance.
        Plot.rectX(list.bars, {
          x1: 0,
          x2: (b: Bar) => b.row.sur,
          y1: 'y1',
          y2: 'y2',
          fill: 'currentColor',
          fillOpacity: 0.1,
        }),
        Plot.rectX(list.bars, {
          x1: 0,
          x2: (b: Bar) => b.row.nombre,
          y1: 'y1',
          y2: 'y2',
          fill: () => 'défis',
          title: (b: Bar) =>
            `${b.row.indicateur} (${b.row.date}) : ${formatNumber(b.row.nombre)} sur ${formatNumber(b.row.sur)} défis, soit ${formatPercent(b.row.part)} (part calculée)`,
        }),
      ],
    };
  },
});
