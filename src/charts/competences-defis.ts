import { formatNumber } from '../lib/format.ts';
import { byPromotion, isEigPromotion } from '../lib/promotion-names.ts';
import { stackPlot, stackRows } from './helpers/promotion-grid.ts';
import { defineChart } from './types.ts';

export default defineChart({
  slug: 'competences-defis',
  title: 'Les expertises demandées par les défis, par promotion',
  theme: 'defis',
  order: 4,
  description:
    'Nombre de défis de chaque promotion qui demandent chaque expertise (développement, design, data science, direction de produit…), d’après le site actuel du programme. Un défi compte une fois pour chacune des expertises qu’il demande.',
  rows: ({ aggregates }) => stackRows(aggregates.defis.data.current.byExpertiseAndPromotion),
  columns: [
    { key: 'categorie', label: 'Expertise', kind: 'texte' },
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'defis', label: 'Défis de la promotion qui la demandent', kind: 'nombre' },
    { key: 'defis_categorie', label: 'Défis qui la demandent, toutes promotions', kind: 'nombre' },
  ],
  reading: (_rows, { aggregates }) => {
    const { byPromotion: counts, expertiseLeaders } = aggregates.defis.data.current;
    const promotions = counts.map((c) => c.key).filter(isEigPromotion);
    const phrase = (promotion: string | undefined) => {
      const leader = expertiseLeaders.find((l) => l.promotion === promotion);
      const total = counts.find((c) => c.key === promotion)?.figure.value ?? 0;
      return leader
        ? `dans la promotion ${promotion}, ${formatNumber(leader.figure.value)} défis sur ${formatNumber(total)} demandent l’expertise « ${leader.label} »`
        : '';
    };
    const first = phrase(promotions[0]);
    const last = phrase(promotions.at(-1));
    if (!first) return 'Aucun défi n’est listé.';
    const sentence = first === last ? first : `${first} ; ${last}`;
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
  },
  notes: (_rows, { aggregates }) => {
    const notes = [
      'Un défi qui demande plusieurs expertises compte une fois pour chacune : les barres s’additionnent à plus que le nombre de défis.',
      'Expertises telles que le site actuel du programme les indique ; aucune publication du programme ne les compte.',
    ];
    const skills = aggregates.defis.data.websites.fields.find((f) => f.field === 'competences');
    if (skills && skills.differ.length > 0) {
      notes.push(
        `La liste du site de 2022 donne d’autres compétences pour ${formatNumber(skills.differ.length)} des ${formatNumber(skills.compared.length)} défis qu’elle partage avec le site actuel : chacun est listé sur la page Qualité des données.`,
      );
    }
    const late = [
      ...new Set(
        aggregates.defis.data.current.byExpertiseAndPromotion
          .filter((e) => e.label.startsWith('Direction'))
          .flatMap((e) => e.byPromotion.map((p) => p.promotion)),
      ),
    ].sort(byPromotion((p) => p));
    if (late.length > 0) {
      notes.push(
        `Les expertises de direction (produit, technique, impact, opérations) n’apparaissent qu’à partir de ${late[0]} : ${late.join(', ')}.`,
      );
    }
    return notes;
  },
  plot: (rows, context) => stackPlot(rows, context),
});
