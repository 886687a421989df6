import * as Plot from '@observablehq/plot';
import type { Figure } from '../lib/figures.ts';
import { formatNumber } from '../lib/format.ts';
import { isEigPromotion } from '../lib/promotions.ts';
import { defineChart, type ChartRow } from './types.ts';
import { panelTitles } from './helpers/panels.ts';

const SUM = 'Somme des équipes des défis';
const PUBLISHED = 'EIG publiés par le programme';

type Row = { promotion: string; mesure: string; eig: number; nature: string };

const row = (promotion: string, mesure: string, figure: Figure): ChartRow<Row> => ({
  promotion,
  mesure,
  eig: figure.value,
  nature: figure.computed ? 'calculé' : 'publié',
  _from: figure.from,
});

/** « le rapport d’analyse … (Etalab, 2019) »: the publication a figure cites. */

const list = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;

export default defineChart({
  slug: 'taille-equipes',
  title: 'Les EIG de chaque promotion, d’après les équipes des défis et d’après le programme',
  theme: 'defis',
  order: 3,
  description:
    'Nombre d’EIG de chaque promotion obtenu en additionnant les équipes de ses défis (liste du site du programme), à côté du nombre d’EIG publié par le programme.',
  rows: ({ aggregates }) => {
    const published = aggregates.programme.data.promotions.filter((p) => p.indicator === 'eig');
    return aggregates.defis.data.teamSizes
      .filter((t) => isEigPromotion(t.promotion))
      .flatMap((t) => {
        const p = published.find((f) => f.promotion === t.promotion);
        return [row(t.promotion, SUM, t.figure), ...(p ? [row(t.promotion, PUBLISHED, p.figure)] : [])];
      });
  },
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'mesure', label: 'Chiffre', kind: 'texte' },
    { key: 'eig', label: 'EIG', kind: 'nombre' },
    { key: 'nature', label: 'Nature', kind: 'texte' },
  ],
  reading: (rows) => {
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    const pairs = promotions.map((p) => ({
      p,
      sum: rows.find((r) => r.promotion === p && r.mesure === SUM),
      published: rows.find((r) => r.promotion === p && r.mesure === PUBLISHED),
    }));
    const differ = pairs.filter((x) => x.sum && x.published && x.sum.eig !== x.published.eig);
    const agree = pairs.filter((x) => x.sum && x.published && x.sum.eig === x.published.eig);
    const parts = differ.map(
      (x) =>
        `les équipes des défis de la promotion ${x.p} totalisent ${formatNumber(x.sum!.eig)} EIG, quand le programme en publie ${formatNumber(x.published!.eig)}`,
    );
    if (agree.length > 0) parts.push(`pour ${list(agree.map((x) => x.p))}, la somme égale le chiffre publié`);
    const sentence = parts.join(' ; ');
    return sentence ? `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` : 'Aucun effectif publié à comparer.';
  },
  notes: (rows, { aggregates, publications }) => {
    const sourceOf = (from: { source: string }[]) => publications.shortLabel(from[0]?.source ?? '');
    const notes: string[] = [];
    for (const p of [...new Set(rows.map((r) => r.promotion))]) {
      const sum = rows.find((r) => r.promotion === p && r.mesure === SUM);
      const published = rows.find((r) => r.promotion === p && r.mesure === PUBLISHED);
      if (sum && published && sum.eig !== published.eig) {
        notes.push(
          `${p} : les équipes de la liste des défis du site totalisent ${formatNumber(sum.eig)} EIG ; le ${sourceOf(published._from)} en compte ${formatNumber(published.eig)}. ` +
            'L’écart n’est pas expliqué : les deux chiffres sont montrés tels quels.',
        );
      }
    }
    const listed = aggregates.defis.data.byPromotion;
    const publishedDefis = aggregates.programme.data.promotions.filter((p) => p.indicator === 'defis');
    for (const d of publishedDefis) {
      const count = listed.find((c) => c.key === d.promotion);
      if (count && count.figure.value !== d.figure.value) {
        notes.push(
          `${d.promotion} : la liste du site compte ${formatNumber(count.figure.value)} défis ; le ${sourceOf(d.figure.from)} en annonce ${formatNumber(d.figure.value)}.`,
        );
      }
    }
    const other = aggregates.defis.data.teamSizes.filter((t) => !isEigPromotion(t.promotion));
    if (other.length > 0) {
      notes.push(
        `Les équipes des défis ${list(other.map((t) => t.promotion))} (designers d’intérêt général) ne sont pas des EIG et ne sont pas comptées ici.`,
      );
    }
    return notes;
  },
  plot: (rows, { narrow, palette }) => {
    const measures = [...new Set(rows.map((r) => r.mesure))];
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    const marginLeft = narrow ? 112 : 180;
    // Shorter axis labels on phones; the table and the tooltips keep the full wording.
    const short: Record<string, string> = { [SUM]: 'Somme des équipes', [PUBLISHED]: 'Chiffre publié' };
    const gaps = promotions.flatMap((p) => {
      const sum = rows.find((r) => r.promotion === p && r.mesure === SUM);
      const published = rows.find((r) => r.promotion === p && r.mesure === PUBLISHED);
      return sum && published && sum.eig !== published.eig
        ? [
            {
              promotion: p,
              x: Math.max(sum.eig, published.eig),
              text: `écart de ${formatNumber(Math.abs(sum.eig - published.eig))} EIG`,
            },
          ]
        : [];
    });
    return {
      height: narrow ? 330 : 320,
      marginLeft,
      marginRight: 36,
      marginTop: 22,
      marginBottom: 28,
      x: { grid: true, label: 'EIG', labelArrow: 'none', labelAnchor: 'right', ticks: narrow ? 4 : 8 },
      y: {
        domain: measures,
        label: null,
        tickSize: 0,
        padding: 0.15,
        tickFormat: (m: string) => (narrow ? (short[m] ?? m) : m),
      },
      fy: { domain: promotions, axis: null, padding: 0.3 },
      color: { domain: measures, range: palette },
      marks: [
        Plot.barX(rows, {
          fy: 'promotion',
          y: 'mesure',
          x: 'eig',
          fill: 'mesure',
          title: (d) => `${d.promotion} — ${d.mesure} : ${formatNumber(d.eig)} EIG (${d.nature})`,
        }),
        Plot.text(rows, {
          fy: 'promotion',
          y: 'mesure',
          x: 'eig',
          text: (d) => formatNumber(d.eig),
          fill: 'mesure',
          textAnchor: 'start',
          dx: 4,
          fontSize: narrow ? 10 : 11,
        }),
        Plot.ruleX([0]),
        panelTitles(promotions, {
          marginLeft,
          narrow,
          text: (p) => {
            const gap = gaps.find((g) => g.promotion === p);
            return gap ? `${p} (${gap.text})` : p;
          },
        }),
      ],
    };
  },
});
