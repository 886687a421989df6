import * as Plot from '@observablehq/plot';
import { disagree } from '../lib/aggregates/source-comparisons.ts';
import type { Figure } from '../lib/figures.ts';
import { formatNumber } from '../lib/format.ts';
import { listFr } from '../lib/text.ts';
import { datedTag, PUBLISHED_FIGURE, shortSource } from './helpers/sources.ts';
import { marginFor } from './helpers/margins.ts';
import { defineChart, type ChartRow } from './types.ts';

export const PUBLISHED = PUBLISHED_FIGURE;
export const ROLES = { eig: 'Participants', mentors: 'Mentors' } as const;

type Row = { promotion: string; role: string; mesure: string; personnes: number; nature: string };

const row = (promotion: string, role: string, mesure: string, figure: Figure): ChartRow<Row> => ({
  promotion,
  role,
  mesure,
  personnes: figure.value,
  nature: figure.computed ? 'calculé' : 'publié',
  _from: figure.from,
});

/** A sum of the défis' teams is named by the website it adds up: « Site du programme, 2026 ». */
export const sumLabel = (tag: string) => tag;

export default defineChart({
  slug: 'taille-equipes',
  title: 'Les équipes des défis : participants et mentors selon les sites et le programme',
  theme: 'defis',
  order: 5,
  description:
    'Nombre de participants (EIG, ou designers pour les DIG) et de mentors de chaque promotion obtenu en additionnant les équipes de ses défis, d’après le site actuel du programme et d’après la liste du site de 2022, à côté des nombres publiés par le programme.',
  rows: ({ aggregates, publications }) => {
    const tagOf = (figure: Figure) => sumLabel(datedTag(publications, figure.from[0]?.source ?? ''));
    return aggregates.defis.data.bySource.teams.flatMap((t) => {
      const role = ROLES[t.role];
      return [
        ...[t.current, t.previous]
          .filter((f): f is Figure => f !== null)
          .map((f) => row(t.promotion, role, tagOf(f), f)),
        ...(t.published ? [row(t.promotion, role, PUBLISHED, t.published)] : []),
      ];
    });
  },
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'role', label: 'Rôle', kind: 'texte' },
    { key: 'mesure', label: 'Chiffre', kind: 'texte' },
    { key: 'personnes', label: 'Personnes', kind: 'nombre' },
    { key: 'nature', label: 'Nature', kind: 'texte' },
  ],
  reading: (_rows, { aggregates }) => {
    // One sentence a phone shows above the chart: how many promotions agree, the largest gap; the notes list
    // every gap.
    const { compared, agree, widest } = aggregates.defis.data.bySource.participants;
    if (compared.length === 0) return 'Aucun effectif publié à comparer.';
    const gap = widest
      ? `l’écart le plus grand est pour ${widest.promotion} : de ${formatNumber(widest.min)} à ${formatNumber(widest.max)} participants selon la source`
      : '';
    const same = agree.length > 0 ? `les sources concordent pour ${listFr(agree)}` : '';
    const sentence = [same, gap].filter(Boolean).join(' ; ');
    return `Participants : ${sentence}.`;
  },
  notes: (rows, { aggregates }) => {
    const notes: string[] = [];
    const { teams } = aggregates.defis.data.bySource;
    for (const t of teams.filter(disagree)) {
      const role = ROLES[t.role];
      const values = rows.filter((r) => r.promotion === t.promotion && r.role === role);
      notes.push(
        `${t.promotion}, ${role.toLowerCase()} : ${values.map((v) => `${formatNumber(v.personnes)} (${v.mesure})`).join(', ')}. L’écart n’est pas expliqué : les chiffres sont montrés tels quels.`,
      );
    }
    const zero = teams.filter((t) => t.role === 'mentors' && t.current?.value === 0).map((t) => t.promotion);
    if (zero.length > 0) {
      notes.push(
        `${listFr(zero)} : le site actuel n’a aucune page de mentor pour ces défis ; 0 y veut dire « aucune page », pas « aucun mentor ».`,
      );
    }
    notes.push(
      'Le site actuel compte les équipes sur les pages des personnes, qui nomment leur défi ; la liste de 2022 les écrivait défi par défi. Un mentor de plusieurs défis compte pour chacun.',
    );
    return notes;
  },
  plot: (rows, { narrow, palette }) => {
    const measures = [...new Set(rows.map((r) => r.mesure))].sort(
      (a, b) => Number(a === PUBLISHED) - Number(b === PUBLISHED) || b.localeCompare(a, 'fr'),
    );
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    const roles = Object.values(ROLES).filter((r) => rows.some((x) => x.role === r));
    // Each bar named by its source on its left (« Site 2026 », « Chiffre publié »), in the legend's words.
    const names = measures.map(shortSource);
    const marginLeft = marginFor(names, { min: narrow ? 0 : 120 });
    return {
      height: promotions.length * measures.length * (narrow ? 15 : 14) + promotions.length * 26 + 50,
      marginLeft,
      marginRight: 30,
      marginTop: 40,
      marginBottom: 28,
      x: { grid: true, label: 'Personnes', labelArrow: 'none', labelAnchor: 'right', ticks: narrow ? 3 : 5 },
      y: { domain: names, label: null, tickSize: 0, padding: 0.15 },
      fy: { domain: promotions, axis: null, padding: 0.35 },
      fx: { domain: roles, label: null, axis: 'top', padding: 0.12 },
      color: { domain: names, range: palette },
      marks: [
        Plot.barX(rows, {
          fx: 'role',
          fy: 'promotion',
          y: (d) => shortSource(d.mesure),
          x: 'personnes',
          fill: (d) => shortSource(d.mesure),
          title: (d) =>
            `${d.promotion}, ${d.role.toLowerCase()} — ${d.mesure} : ${formatNumber(d.personnes)} (${d.nature})`,
        }),
        Plot.text(rows, {
          fx: 'role',
          fy: 'promotion',
          y: (d) => shortSource(d.mesure),
          x: 'personnes',
          text: (d) => formatNumber(d.personnes),
          textAnchor: 'start',
          dx: 3,
          fontSize: 11,
        }),
        Plot.ruleX([0]),
        // Each promotion's title once, over the first column.
        Plot.text(promotions, {
          fx: () => roles[0],
          fy: (d) => d,
          text: (d) => d,
          frameAnchor: 'top-left',
          textAnchor: 'start',
          dx: -marginLeft + 4,
          dy: -12,
          fontWeight: 'bold',
          fontSize: narrow ? 11 : 12,
        }),
      ],
    };
  },
});
