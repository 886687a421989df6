import * as Plot from '@observablehq/plot';
import { SKILL_LABELS } from '../lib/aggregates/defis.ts';
import { formatNumber } from '../lib/format.ts';
import { isEigPromotion } from '../lib/promotions.ts';
import { defineChart } from './types.ts';

/** Skills are written in one cell, joined with this separator (labels never contain it). */
const SKILL_SEPARATOR = ', ';

export default defineChart({
  slug: 'explorateur-defis',
  title: 'Explorateur des défis',
  theme: 'defis',
  order: 1,
  description:
    'Tous les défis listés sur le site du programme, avec leur promotion, leur administration, leur commune, les compétences demandées, la taille de l’équipe et le lien vers leur code source ; le graphique compte les défis par compétence.',
  explorer: true,
  rows: ({ aggregates }) =>
    aggregates.defis.data.list.map((d) => ({
      defi: d.name,
      promotion: d.promotion,
      annee: d.year,
      administration: d.administration,
      commune: d.town,
      competences: d.skills.map((s) => SKILL_LABELS[s] ?? s).join(SKILL_SEPARATOR),
      eig: d.eig,
      mentors: d.mentors,
      duree_mois: d.months,
      code_source: d.code?.url ?? null,
      // Only an address with a host becomes a link in the table (« https://scossin/x » has none).
      lien_valide: d.code ? (d.code.wellFormed ? 'oui' : 'non') : null,
      _from: [d.ref],
    })),
  columns: [
    { key: 'defi', label: 'Défi', kind: 'texte' },
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'annee', label: 'Année', kind: 'annee' },
    { key: 'administration', label: 'Administration', kind: 'texte' },
    { key: 'commune', label: 'Commune', kind: 'texte' },
    { key: 'competences', label: 'Compétences', kind: 'texte' },
    { key: 'eig', label: 'EIG', kind: 'nombre' },
    { key: 'mentors', label: 'Mentors', kind: 'nombre' },
    { key: 'duree_mois', label: 'Durée (mois)', kind: 'nombre' },
    {
      key: 'code_source',
      label: 'Code source',
      kind: 'texte',
      format: (r) =>
        r.code_source ? (r.lien_valide === 'oui' ? r.code_source : `${r.code_source} (lien mal formé)`) : '—',
      href: (r) => (r.code_source && r.lien_valide === 'oui' ? r.code_source : null),
    },
  ],
  reading: (rows) => {
    const skills = new Map<string, number>();
    for (const r of rows)
      for (const s of r.competences.split(SKILL_SEPARATOR).filter(Boolean)) skills.set(s, (skills.get(s) ?? 0) + 1);
    const [topSkill, topCount] = [...skills].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    const promotions = [...new Set(rows.map((r) => r.promotion))].filter(isEigPromotion);
    const count = (p: string | undefined) => rows.filter((r) => r.promotion === p).length;
    const first = promotions[0];
    const last = promotions.at(-1);
    return (
      `La liste du site compte ${formatNumber(rows.length)} défis, de ${formatNumber(count(first))} pour la promotion ${first} ` +
      `à ${formatNumber(count(last))} pour la promotion ${last} ; ${formatNumber(topCount)} demandent du ${topSkill.toLowerCase()}.`
    );
  },
  notes: (rows, { aggregates }) => {
    const notes: string[] = [];
    const malformed = rows.filter((r) => r.lien_valide === 'non');
    if (malformed.length > 0) {
      notes.push(
        `${formatNumber(malformed.length)} liens vers le code source sont mal formés sur le site (sans nom de domaine : ` +
          malformed.map((r) => `« ${r.code_source} », défi ${r.defi}`).join(' ; ') +
          ') : ils sont affichés comme texte, pas comme liens.',
      );
    }
    const listed = aggregates.defis.data.byPromotion;
    const published = aggregates.programme.data.promotions.filter((p) => p.indicator === 'defis');
    const differ = published.filter((p) => listed.find((c) => c.key === p.promotion)?.figure.value !== p.figure.value);
    const agree = published.filter((p) => !differ.includes(p));
    if (agree.length > 0) {
      notes.push(
        `Promotions ${agree.map((p) => p.promotion).join(', ')} : la liste compte autant de défis que les publications du programme.`,
      );
    }
    for (const p of differ) {
      const count = listed.find((c) => c.key === p.promotion)?.figure.value ?? 0;
      notes.push(
        `${p.promotion} : la liste compte ${formatNumber(count)} défis ; les publications du programme en annoncent ${formatNumber(p.figure.value)}.`,
      );
    }
    const withTown = rows.filter((r) => r.commune);
    const townPromotions = [...new Set(withTown.map((r) => r.promotion))];
    if (withTown.length < rows.length) {
      notes.push(
        `La commune n’est indiquée que pour ${formatNumber(withTown.length)} défis (${townPromotions.join(', ') || 'aucune promotion'}).`,
      );
    }
    notes.push('Un défi qui demande plusieurs compétences compte une fois pour chacune dans le graphique.');
    return notes;
  },
  plot: (rows, { narrow, palette }) => {
    const skills = rows.flatMap((r) =>
      r.competences
        .split(SKILL_SEPARATOR)
        .filter(Boolean)
        .map((competence) => ({ competence, defi: r.defi })),
    );
    const order = Object.values(SKILL_LABELS);
    const counts = [...new Set(skills.map((s) => s.competence))]
      .map((competence) => ({ competence, defis: skills.filter((s) => s.competence === competence).length }))
      .sort((a, b) => b.defis - a.defis || order.indexOf(a.competence) - order.indexOf(b.competence));
    const total = rows.length;
    return {
      height: narrow ? 240 : 230,
      marginLeft: narrow ? 104 : 120,
      marginRight: narrow ? 84 : 110,
      marginBottom: 30,
      x: { grid: true, label: 'Défis', labelArrow: 'none', labelAnchor: 'right', ticks: narrow ? 4 : 8 },
      y: { domain: counts.map((c) => c.competence), label: null, tickSize: 0, padding: 0.2 },
      color: { domain: ['Défis'], range: palette },
      marks: [
        Plot.barX(counts, {
          y: 'competence',
          x: 'defis',
          fill: () => 'Défis',
          title: (d) => `${d.competence} : ${formatNumber(d.defis)} défis sur ${formatNumber(total)}`,
        }),
        Plot.text(counts, {
          y: 'competence',
          x: 'defis',
          text: (d) => `${formatNumber(d.defis)} sur ${formatNumber(total)}`,
          textAnchor: 'start',
          dx: 4,
          fontSize: narrow ? 10 : 11,
        }),
        Plot.ruleX([0]),
      ],
    };
  },
});
