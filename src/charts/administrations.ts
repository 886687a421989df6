import * as Plot from '@observablehq/plot';
import { administrationKey } from '../lib/aggregates/defis.ts';
import { formatFigure, formatNumber } from '../lib/format.ts';
import { coveredPromotions } from '../lib/aggregates/programme.ts';
import { byPromotion, promotionSpan } from '../lib/promotion-names.ts';
import { wrap } from './helpers/bar-list.ts';
import { defineChart, type ChartRow } from './types.ts';
import { plural, wrapToWidth } from '../lib/text.ts';

type Row = {
  administration: string;
  promotion: string;
  defis: number;
  /** Défis of the administration, all promotions together. */
  total: number;
  /** The other ways the website writes the same name (case, accents, punctuation), when there are any. */
  graphies: string;
};

/** Names that only differ by an acronym in brackets (« … numérique » and « … numérique (DINUM) »): not merged. */
function acronymTwins(names: readonly string[]): string[][] {
  const bare = (name: string) => administrationKey(name.replace(/\([^)]*\)/gu, ' '));
  const groups = new Map<string, string[]>();
  for (const name of names) groups.set(bare(name), [...(groups.get(bare(name)) ?? []), name]);
  return [...groups.values()].filter((g) => g.length > 1);
}

export default defineChart({
  slug: 'administrations',
  title: 'Les administrations d’accueil des défis',
  theme: 'programme',
  order: 2,
  description:
    'Chaque administration qui a accueilli des défis, de la première promotion à la dernière, avec le nombre de défis par promotion, d’après le site actuel du programme (noms regroupés sans tenir compte de la casse, des accents, de la ponctuation, d’un intitulé « Administration de rattachement : » ni d’une virgule finale ; un défi accueilli par deux organismes, « … + … », compte pour chacun).',
  rows: ({ aggregates }) => {
    const { list, byAdministration } = aggregates.defis.data.current;
    const rows: ChartRow<Row>[] = [];
    for (const count of byAdministration) {
      const defis = list.filter((d) => d.hosts.some((h) => h.key === count.key));
      const others = count.spellings.map((s) => s.text).filter((text) => text !== count.label);
      const promotions = [...new Set(defis.map((d) => d.promotion))].sort(byPromotion((p) => p));
      for (const promotion of promotions) {
        const ofPromotion = defis.filter((d) => d.promotion === promotion);
        rows.push({
          administration: count.label,
          promotion,
          defis: ofPromotion.length,
          total: count.figure.value,
          graphies: others.map((s) => `« ${s} »`).join(', '),
          _from: ofPromotion.map((d) => d.ref),
        });
      }
    }
    return rows;
  },
  columns: [
    { key: 'administration', label: 'Administration (graphie la plus fréquente)', kind: 'texte' },
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'defis', label: 'Défis', kind: 'nombre' },
    { key: 'total', label: 'Défis, toutes promotions', kind: 'nombre' },
    {
      key: 'graphies',
      label: 'Graphies sur le site, telles qu’écrites',
      kind: 'texte',
      format: (r) => r.graphies || '—',
    },
  ],
  reading: (rows) => {
    const administrations = [...new Set(rows.map((r) => r.administration))];
    // A défi hosted by two bodies is in two rows: défis are counted by the rows they come from.
    const defis = new Set(rows.flatMap((r) => r._from.map((ref) => `${ref.table}:${ref.line}`))).size;
    const top = rows[0];
    const several = new Set(rows.filter((r) => r.total > 1).map((r) => r.administration)).size;
    if (!top) return 'Aucun défi n’est listé.';
    return (
      `Les ${formatNumber(defis)} défis listés ont été accueillis par ${formatNumber(administrations.length)} administrations aux noms différents ; ` +
      `${formatNumber(several)} en ont accueilli plusieurs, dont « ${top.administration} » (${formatNumber(top.total)} défis).`
    );
  },
  notes: (rows, { aggregates }) => {
    const notes: string[] = [];
    const figure = (indicator: string) =>
      aggregates.programme.data.allFigures.find((f) => f.promotion === 'Total' && f.indicator === indicator)?.figure;
    const structures = figure('structures_publiques_accueil');
    const services = figure('services_ou_directions');
    // The blog post counted the promotions of the 2019 report: those its total of EIG adds up.
    const covered = coveredPromotions(aggregates.programme.data.allFigures, 'eig');
    const firstThree = rows.filter((r) => covered.includes(r.promotion));
    const names = new Set(firstThree.map((r) => r.administration));
    const spellings = new Set(
      aggregates.defis.data.current.list.filter((d) => covered.includes(d.promotion)).map((d) => d.administration),
    );
    if (structures && services) {
      notes.push(
        `Pour les ${promotionSpan(covered)}, le billet de mai 2019 compte ${formatFigure(structures)} structures publiques et ` +
          `${formatFigure(services)} services ou directions ; la liste des défis du site porte pour ces promotions ` +
          `${formatNumber(names.size)} noms d’administration différents (${formatNumber(spellings.size)} graphies), qui mêlent ministères, directions et services : ` +
          'ni l’un ni l’autre chiffre du billet ne peut s’en déduire.',
      );
    }
    const variants = rows.filter((r) => r.graphies);
    if (variants.length > 0) {
      notes.push(
        `Le site écrit la même administration de plusieurs façons (${formatNumber(new Set(variants.map((r) => r.administration)).size)} cas : casse, accents, apostrophes, ponctuation, intitulé « Administration de rattachement : », virgule finale, deux organismes joints par « + ») : ` +
          'ces graphies sont regroupées ici sous la plus fréquente, et listées telles qu’écrites dans le tableau.',
      );
    }
    const shared =
      rows.reduce((s, r) => s + r.defis, 0) - new Set(rows.flatMap((r) => r._from.map((ref) => ref.line))).size;
    if (shared > 0) {
      notes.push(
        `${formatNumber(shared)} ${plural(shared, 'défi')} accueilli par deux organismes (« … + … ») compte pour chacun : le graphique a une case de plus par défi partagé.`,
      );
    }
    const twins = acronymTwins([...new Set(rows.map((r) => r.administration))]);
    if (twins.length > 0) {
      notes.push(
        'Des noms qui ne diffèrent que par un sigle entre parenthèses restent séparés, faute de pouvoir affirmer qu’il s’agit du même service : ' +
          twins.map((g) => g.map((n) => `« ${n} »`).join(' et ')).join(' ; ') +
          '.',
      );
    }
    notes.push('Les villes des défis, telles que le site les écrit, sont dans l’explorateur des défis.');
    return notes;
  },
  plot: (rows, { width, narrow, palette }) => {
    // A list of administrations, each with one marker per défi (like the original map's markers), marked with
    // its promotion; two columns on wide screens so that the chart stays short. Long names wrap onto several
    // lines (an image file must not cut them), and their row is as high as they need.
    const promotions = [...new Set(rows.map((r) => r.promotion))].sort(byPromotion((p) => p));
    const administrations = [...new Set(rows.map((r) => r.administration))];
    const columns = narrow ? 1 : 2;
    const rowHeight = narrow ? 16 : 15;
    const marginX = 4;
    const columnWidth = (width - 2 * marginX) / columns;
    const marker = rowHeight - 2;
    const maxDefis = Math.max(...rows.map((r) => r.total));
    const gutter = narrow ? 0 : 16;
    // Horizontal positions in pixels within a column: the name ends where the markers begin.
    const markersStart = columnWidth - gutter - maxDefis * (marker + 2);
    const fontSize = 11;
    const lineHeight = Math.round(fontSize * 1.2);
    const wrapped = administrations.map((name) => wrap(name, markersStart - 6, fontSize));
    const heights = wrapped.map((text) => Math.max(rowHeight, text.split('\n').length * lineHeight + 2));
    // Columns of about the same height, names kept in order: a column ends once it reaches its share.
    const share = heights.reduce((sum, h) => sum + h, 0) / columns;
    const placed = new Map<string, { column: number; top: number; height: number }>();
    let column = 0;
    let top = 0;
    administrations.forEach((name, i) => {
      if (top > 0 && top + heights[i]! / 2 > share && column < columns - 1) {
        column += 1;
        top = 0;
      }
      placed.set(name, { column, top, height: heights[i]! });
      top += heights[i]!;
    });
    const frameHeight = Math.max(...[...placed.values()].map((p) => p.top + p.height));
    const place = (name: string) => placed.get(name) ?? { column: 0, top: 0, height: rowHeight };
    const middle = (name: string) => place(name).top + place(name).height / 2;
    // Rows come grouped by administration, promotions in order: markers follow each other along the row.
    const drawn = new Map<string, number>();
    const units = rows.flatMap((row) => {
      const before = drawn.get(row.administration) ?? 0;
      drawn.set(row.administration, before + row.defis);
      return Array.from({ length: row.defis }, (_, k) => ({
        ...row,
        column: place(row.administration).column,
        y: middle(row.administration),
        x: markersStart + (before + k) * (marker + 2),
      }));
    });
    const totals = new Map(rows.map((r) => [r.administration, r.total]));
    const names = administrations.map((name, i) => ({
      name,
      column: place(name).column,
      y: middle(name),
      text: wrapped[i]!,
      total: totals.get(name) ?? 0,
    }));
    // Marker text: the promotion's number, « D » for the designers' programme (DIG).
    const short = (promotion: string) => /^EIG\s*(\d+)$/u.exec(promotion)?.[1] ?? promotion.slice(0, 1);
    // The key, written in the chart so that a downloaded image explains its markers too.
    const key = `Chaque case est un défi, marquée de sa promotion : ${promotions.map((p) => `${short(p)} = ${p}`).join(', ')}.`;
    const keyLines = wrapToWidth(key, width - 2 * marginX, 11);
    const keyHeight = keyLines.length * 14 + 8;
    const marginTop = 4;
    return {
      width,
      height: frameHeight + marginTop + keyHeight + 4,
      marginTop,
      marginBottom: keyHeight,
      marginLeft: marginX,
      marginRight: marginX,
      fx: { domain: Array.from({ length: columns }, (_, i) => i), axis: null, padding: 0 },
      y: { domain: [0, frameHeight + 4], range: [marginTop, marginTop + frameHeight + 4], axis: null },
      x: { domain: [0, columnWidth], axis: null },
      color: { domain: promotions, range: palette },
      marks: [
        Plot.text(names, {
          fx: 'column',
          y: 'y',
          x: markersStart - 6,
          text: 'text',
          textAnchor: 'end',
          lineAnchor: 'middle',
          lineHeight: 1.2,
          fontSize,
          title: (d) => `${d.name} : ${formatNumber(d.total)} ${plural(d.total, 'défi')}`,
        }),
        Plot.rect(units, {
          fx: 'column',
          y1: (d) => d.y - marker / 2,
          y2: (d) => d.y + marker / 2,
          x1: 'x',
          x2: (d) => d.x + marker,
          fill: 'promotion',
          fillOpacity: 0.25,
          stroke: 'promotion',
          strokeWidth: 1.5,
          title: (d) =>
            `${d.administration} — ${d.promotion} : ${formatNumber(d.defis)} ${plural(d.defis, 'défi')}` +
            (d.total > d.defis ? ` (${formatNumber(d.total)} en tout)` : ''),
        }),
        Plot.text(units, {
          fx: 'column',
          y: 'y',
          x: (d) => d.x + marker / 2,
          text: (d) => short(d.promotion),
          fontSize: 11,
          fontWeight: 'bold',
        }),
        Plot.text([key], {
          fx: 0,
          frameAnchor: 'bottom-left',
          // Wrapped to the drawing's width in the widest usual font, as the other charts' notes.
          text: () => keyLines.join('\n'),
          dy: keyHeight - 4,
          lineHeight: 14 / 11,
          lineAnchor: 'bottom',
          textAnchor: 'start',
          fontSize: 11,
        }),
      ],
    };
  },
});
