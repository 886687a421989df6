import * as Plot from '@observablehq/plot';
import { bySkill, SKILL_LABELS, type Defi } from '../lib/aggregates/defis.ts';
import { formatNumber } from '../lib/format.ts';
import { defineChart, type ChartRow } from './types.ts';
import { plural } from '../lib/text.ts';

type Row = { promotion: string; competence: string; defis: number; defis_promotion: number };

const SKILL_ORDER = Object.values(SKILL_LABELS);

export default defineChart({
  slug: 'competences-defis',
  title: 'Les compétences demandées par les défis, par promotion',
  theme: 'defis',
  order: 2,
  description:
    'Nombre de défis de chaque promotion qui demandent chaque compétence (développement, data science, design…), d’après la liste des défis du site du programme. Un défi compte une fois pour chacune des compétences qu’il demande.',
  rows: ({ aggregates }) => {
    // Grouped in one pass (Map.groupBy needs Node 21; the project runs on Node 20).
    const byPromotion = new Map<string, Defi[]>();
    for (const d of aggregates.defis.data.list) {
      const group = byPromotion.get(d.promotion);
      if (group) group.push(d);
      else byPromotion.set(d.promotion, [d]);
    }
    return aggregates.defis.data.byPromotion.flatMap((p): ChartRow<Row>[] =>
      bySkill(byPromotion.get(p.key) ?? [])
        .sort((a, b) => SKILL_ORDER.indexOf(a.label) - SKILL_ORDER.indexOf(b.label))
        .map((s) => ({
          promotion: p.key,
          competence: s.label,
          defis: s.figure.value,
          defis_promotion: p.figure.value,
          // Both figures of the row come from the promotion's défis: those asking for the skill are among them.
          _from: p.figure.from,
        })),
    );
  },
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'competence', label: 'Compétence', kind: 'texte' },
    { key: 'defis', label: 'Défis qui la demandent', kind: 'nombre' },
    { key: 'defis_promotion', label: 'Défis de la promotion', kind: 'nombre' },
  ],
  reading: (rows) => {
    const promotions = [...new Set(rows.map((r) => r.promotion))].filter((p) => p.startsWith('EIG'));
    const last = promotions.at(-1);
    const first = promotions[0];
    const top = (promotion: string | undefined) =>
      rows.filter((r) => r.promotion === promotion).sort((a, b) => b.defis - a.defis)[0];
    const a = top(first);
    const b = top(last);
    if (!a || !b) return 'Aucun défi n’est listé.';
    const phrase = (r: Row) =>
      `${formatNumber(r.defis)} défis sur ${formatNumber(r.defis_promotion)} demandent du ${r.competence.toLowerCase()}`;
    return a === b
      ? `Dans la promotion ${a.promotion}, ${phrase(a)}.`
      : `Dans la promotion ${a.promotion}, ${phrase(a)} ; dans la promotion ${b.promotion}, ${phrase(b)}.`;
  },
  notes: (rows) => {
    const notes = [
      'Un défi qui demande plusieurs compétences compte une fois pour chacune : les barres d’une promotion s’additionnent à plus que son nombre de défis.',
      'Une compétence absente d’une promotion n’est demandée par aucun de ses défis, d’après la liste du site.',
      'Compétences telles que la liste des défis du site du programme les indique ; aucune publication du programme ne les compte.',
    ];
    for (const promotion of new Set(rows.map((r) => r.promotion).filter((p) => !p.startsWith('EIG')))) {
      notes.push(`${promotion} : défis du programme « Designers d’intérêt général » (2019).`);
    }
    return notes;
  },
  plot: (rows, { narrow, palette }) => {
    // One band per (promotion, skill), after a band for the promotion's title: no empty rows for absent skills.
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    const skills = SKILL_ORDER.filter((s) => rows.some((r) => r.competence === s));
    const key = (r: Row) => `${r.promotion}\u0000${r.competence}`;
    const domain = promotions.flatMap((p) => [`${p}\u0000`, ...rows.filter((r) => r.promotion === p).map(key)]);
    const titles = promotions.map((p) => {
      const total = rows.find((r) => r.promotion === p)!.defis_promotion;
      return { promotion: p, text: `${p} — ${formatNumber(total)} ${plural(total, 'défi')}` };
    });
    const marginLeft = narrow ? 112 : 130;
    return {
      height: domain.length * (narrow ? 14 : 12.5) + 36,
      marginLeft,
      marginRight: 30,
      marginTop: 4,
      marginBottom: 30,
      x: { grid: true, label: 'Défis', labelArrow: 'none', labelAnchor: 'right', ticks: narrow ? 4 : 8 },
      y: { domain, label: null, tickSize: 0, padding: 0.18, tickFormat: (k: string) => k.split('\u0000')[1] ?? '' },
      color: { domain: skills, range: palette },
      marks: [
        Plot.barX(rows, {
          y: key,
          x: 'defis',
          fill: 'competence',
          title: (d) =>
            `${d.promotion} — ${d.competence} : ${formatNumber(d.defis)} ${plural(d.defis, 'défi')} sur ${formatNumber(d.defis_promotion)}`,
        }),
        Plot.text(rows, {
          y: key,
          x: 'defis',
          text: (d) => formatNumber(d.defis),
          fill: 'competence',
          textAnchor: 'start',
          dx: 4,
          fontSize: narrow ? 9.5 : 10.5,
        }),
        Plot.text(titles, {
          y: (t) => `${t.promotion}\u0000`,
          x: 0,
          text: 'text',
          textAnchor: 'start',
          dx: -marginLeft + 4,
          fontWeight: 'bold',
          fontSize: narrow ? 10.5 : 11.5,
        }),
        Plot.ruleX([0]),
      ],
    };
  },
});
