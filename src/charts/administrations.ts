import * as Plot from '@observablehq/plot';
import type { BodyCount } from '../lib/aggregates/current-defis.ts';
import { bodyTitle } from '../lib/aggregates/host-bodies.ts';
import { formatFigure, formatNumber } from '../lib/format.ts';
import { byPromotion, promotionSpan } from '../lib/promotion-names.ts';
import { wrap } from './helpers/bar-list.ts';
import { routes } from '../routes.ts';
import { defineChart, type ChartRow } from './types.ts';
import { plural, textWidth, wrapToWidth } from '../lib/text.ts';

type Row = {
  /** The body's name and acronym; a name that designates none, quoted and said so. */
  administration: string;
  ministere: string | null;
  /** Whether it is a body, or a name counted apart (ambiguous, or missing from the table organismes). */
  statut: BodyCount['status'];
  promotion: string;
  defis: number;
  /** Défis of the body, all promotions together. */
  total: number;
  /** Every way the website writes it, as written. */
  graphies: string;
  remarque: string | null;
  /** The body's page (not a column: the link of its name); none for a name apart. */
  page: string | null;
};

const quoteAll = (texts: readonly string[]) => texts.map((t) => `« ${t} »`).join(', ');

export default defineChart({
  slug: 'administrations',
  title: 'Les administrations d’accueil des défis',
  story: 'administrations',
  theme: 'programme',
  order: 2,
  description:
    'Chaque organisme qui a accueilli des défis, de la première promotion à la dernière, avec le nombre de défis par promotion, d’après le site actuel du programme ; les noms que le site écrit de plusieurs façons (casse, sigle, ministère ou direction ajoutés, ancien nom) sont rattachés à leur organisme par une correspondance relue, et un défi accueilli par deux organismes compte pour chacun.',
  rows: ({ aggregates }) => {
    const { byBody, byBodyAndPromotion } = aggregates.defis.data.current;
    const bodies = new Map(byBody.map((count) => [count.key, count]));
    return byBodyAndPromotion.map(({ key, promotion, figure }): ChartRow<Row> => {
      const count = bodies.get(key)!;
      return {
        administration: bodyTitle(count.body),
        ministere: count.body.ministry,
        statut: count.status,
        promotion,
        defis: figure.value,
        total: count.figure.value,
        graphies: quoteAll(count.spellings.map((s) => s.text)),
        remarque: count.body.note,
        page: count.pageSlug ? routes.body(count.pageSlug) : null,
        _from: figure.from,
      };
    });
  },
  columns: [
    { key: 'administration', label: 'Organisme d’accueil', kind: 'texte', href: (r) => r.page },
    { key: 'ministere', label: 'Ministère de rattachement', kind: 'texte', format: (r) => r.ministere ?? '—' },
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'defis', label: 'Défis', kind: 'nombre' },
    { key: 'total', label: 'Défis, toutes promotions', kind: 'nombre' },
    { key: 'graphies', label: 'Noms sur le site, tels qu’écrits', kind: 'texte' },
    { key: 'remarque', label: 'Remarque', kind: 'texte', format: (r) => r.remarque ?? '—' },
  ],
  reading: (rows, { aggregates }) => {
    const { all } = aggregates.defis.data.current.hosts;
    const top = rows.find((r) => r.statut === 'organisme');
    if (!top) return 'Aucun défi n’est listé.';
    const apartOf = (status: Row['statut'], what: string) => {
      const alone = all.apart.find((a) => a.status === status)?.figure.value ?? 0;
      if (alone === 0) return '';
      const names = [...new Set(rows.filter((r) => r.statut === status).map((r) => r.graphies))].join(', ');
      return ` ${formatNumber(alone)} ${plural(alone, 'défi porte', 'défis portent')} ${what} (${names}) : ${plural(alone, 'il est compté', 'ils sont comptés')} à part.`;
    };
    const several = all.several.value;
    return (
      `Les ${formatNumber(all.defis.value)} défis listés ont été accueillis par ${formatNumber(all.bodies.value)} organismes ; ` +
      `${formatNumber(several)} ${plural(several, 'en a', 'en ont')} accueilli plusieurs, dont « ${top.administration} » (${formatNumber(top.total)} défis).` +
      apartOf('ambigu', 'un nom qui ne désigne aucun organisme précis') +
      apartOf('sans-correspondance', 'un nom absent de la correspondance des organismes')
    );
  },
  notes: (_rows, { aggregates, publications }) => {
    const notes: string[] = [];
    const { byBody, list, hosts } = aggregates.defis.data.current;
    const figure = (indicator: string) =>
      aggregates.programme.data.allFigures.find((f) => f.promotion === 'Total' && f.indicator === indicator)?.figure;
    const structures = figure('structures_publiques_accueil');
    const services = figure('services_ou_directions');
    // The blog post counted the promotions of the 2019 report: those its total of EIG adds up.
    const { reportPromotions: covered, ofReportPromotions: report } = hosts;
    if (structures && services) {
      notes.push(
        `Pour les ${promotionSpan(covered)}, le billet de mai 2019 compte ${formatFigure(structures)} structures publiques et ` +
          `${formatFigure(services)} services ou directions ; la liste des défis du site porte pour ces promotions ` +
          `${formatNumber(report.bodies.value)} organismes (${formatNumber(report.names.value)} noms écrits), qui mêlent ministères, directions et services : ` +
          'ni l’un ni l’autre chiffre du billet ne peut s’en déduire.',
      );
    }
    const bodies = byBody.filter((c) => c.status === 'organisme');
    const written = hosts.all.names.value;
    const source = bodies[0]?.body.refs[0]?.source;
    if (source) {
      notes.push(
        `Le site écrit ${formatNumber(written)} noms d’administration ; ${publications.designation(source)} (table « organismes ») rattache chacun à l’organisme qu’il désigne (casse, accents, sigle ajouté ou non, ministère ou direction en plus, ancien nom), ` +
          `sans rien deviner : un nom qui ne désigne aucun organisme précis reste tel quel, compté à part. Chaque nom tel qu’écrit est dans le tableau.`,
      );
    }
    const merged = bodies.filter((c) => c.spellings.length > 1);
    if (merged.length > 0) {
      notes.push(
        `Noms regroupés sous un même organisme (${formatNumber(hosts.all.writtenSeveralWays.value)}) : ` +
          merged.map((c) => `${c.label} : ${quoteAll(c.spellings.map((s) => s.text))}`).join(' ; ') +
          '.',
      );
    }
    const shared = hosts.all.shared.value;
    if (shared > 0) {
      notes.push(
        `${formatNumber(shared)} ${plural(shared, 'défi accueilli', 'défis accueillis')} par deux organismes (« … + … », « … et … ») ${plural(shared, 'compte', 'comptent')} pour chacun : le graphique a une case de plus par défi partagé.`,
      );
    }
    for (const count of byBody.filter((c) => c.status !== 'organisme')) {
      const which = list
        .filter((d) => d.bodies.some((b) => b.key === count.key))
        .map((d) => `« ${d.title} » (${d.promotion})`)
        .join(', ');
      const defis = count.figure.value;
      notes.push(
        count.status === 'ambigu'
          ? `« ${count.label} » (${plural(defis, 'défi')} ${which}) ne désigne aucun organisme précis ; il est montré tel quel et compté à part.`
          : `« ${count.label} » (${plural(defis, 'défi')} ${which}) n’est pas dans la correspondance des organismes : il est montré tel quel et compté à part, jamais comme un organisme de plus.`,
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
    const fontSize = 11;
    const lineHeight = Math.round(fontSize * 1.2);
    const step = marker + 2;
    // The names' room: what the markers of the busiest body leave, but never less than the longest word of a name
    // (« interdépartementale ») with a reader's text spacing; the markers then wrap onto several lines.
    const longestWord = Math.max(
      ...administrations.flatMap((name) => name.split(/[ \t\r\n]+/u).map((word) => textWidth(word, fontSize))),
    );
    const namesRoom = Math.max(
      columnWidth - gutter - maxDefis * step - 6,
      Math.min(Math.ceil(longestWord), columnWidth * 0.6),
    );
    const perLine = Math.max(1, Math.floor((columnWidth - gutter - namesRoom - 6 + 2) / step));
    // Horizontal positions in pixels within a column: the name ends where the markers begin.
    const markersStart = columnWidth - gutter - Math.min(maxDefis, perLine) * step;
    const wrapped = administrations.map((name) => wrap(name, markersStart - 6, fontSize));
    const markerLines = (name: string) =>
      Math.ceil((rows.find((r) => r.administration === name)?.total ?? 1) / perLine);
    const heights = wrapped.map((text, i) =>
      Math.max(rowHeight, text.split('\n').length * lineHeight + 2, markerLines(administrations[i]!) * step),
    );
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
    // Rows come grouped by administration, promotions in order: markers follow each other along the row, and on
    // the next line when the row is full.
    const drawn = new Map<string, number>();
    const units = rows.flatMap((row) => {
      const before = drawn.get(row.administration) ?? 0;
      drawn.set(row.administration, before + row.defis);
      const firstLine = middle(row.administration) - ((markerLines(row.administration) - 1) * step) / 2;
      return Array.from({ length: row.defis }, (_, k) => ({
        ...row,
        column: place(row.administration).column,
        y: firstLine + Math.floor((before + k) / perLine) * step,
        x: markersStart + ((before + k) % perLine) * step,
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
