/**
 * Every aggregate of the snapshot, by theme. The build writes each one as /api/<name>.json (with the snapshot
 * date and the provenance of every figure), and the charts draw from them.
 */
import type { SnapshotTables } from '../tables.ts';
import { qualityInputs, qualityReport } from '../quality.ts';
import { budgetByPromotion, grandTotals } from './budget.ts';
import { byAdministration, byPromotionCount, bySkill, byTown } from './defis.ts';
import { figuresFor, PROMOTION_INDICATORS, SELECTION_INDICATORS } from './programme.ts';
import { composition } from './profiles.ts';

export const DIVERSITY_INDICATORS = ['part_femmes_eig', 'part_candidatures_feminines', 'age_moyen'] as const;
export const SALARY_SHARE_INDICATORS = ['part_pia_dans_salaires', 'part_administrations_dans_salaires'] as const;

export function buildAggregates(data: SnapshotTables) {
  // Computed once, shared by the themes and the quality report.
  const inputs = qualityInputs(data);
  const { kf, defis, followUp: followUpFigures } = inputs;
  return {
    programme: {
      title: 'Le programme par promotion',
      description:
        'EIG, mentors, défis et services lauréats par promotion ; candidatures et défis proposés ; totaux publiés et totaux recalculés ; autres chiffres publiés du programme.',
      data: {
        promotions: figuresFor(kf, PROMOTION_INDICATORS),
        selection: figuresFor(kf, SELECTION_INDICATORS),
        totals: inputs.programmeTotals,
        allFigures: kf.all,
      },
    },
    profils: {
      title: 'Profils des EIG',
      description:
        'Composition des promotions par profil (parts et effectifs), communauté par profil, femmes et âge moyen.',
      data: {
        composition: composition(kf),
        community: inputs.community,
        diversity: figuresFor(kf, DIVERSITY_INDICATORS),
      },
    },
    budget: {
      title: 'Budget du programme',
      description:
        'Enveloppe du PIA et dépenses par poste et par promotion, totaux publiés et recalculés, financement des salaires.',
      data: {
        lines: budgetByPromotion(inputs.budget),
        totals: inputs.budgetTotals,
        promotionTotals: inputs.promotionBudgetChecks,
        grandTotals: grandTotals(inputs.budget),
        salaryShares: figuresFor(kf, SALARY_SHARE_INDICATORS),
      },
    },
    enquetes: {
      title: 'Résultats des questionnaires',
      description: 'Pourcentages publiés, avec leur qualificatif, le nombre de répondants et la population interrogée.',
      data: { results: inputs.surveys },
    },
    defis: {
      title: 'Défis',
      description:
        'Liste des défis et décomptes par promotion, administration, compétence et commune ; tailles des équipes.',
      data: {
        list: defis,
        byPromotion: byPromotionCount(defis),
        byAdministration: byAdministration(defis),
        bySkill: bySkill(defis),
        byTown: byTown(defis),
        teamSizes: inputs.teamSizes,
      },
    },
    suivi: {
      title: 'Suivi des défis',
      description: 'Devenir des défis des promotions 3 et 4 : état, portage, maintenance, ouverture.',
      data: { figures: followUpFigures, partitions: inputs.partitionSums },
    },
    qualite: {
      title: 'Qualité des données',
      description:
        'Toutes les vérifications faites sur les chiffres publiés : incohérences, écarts entre sources, arrondis, valeurs mal formées.',
      data: qualityReport(data, inputs),
    },
  };
}

export type Aggregates = ReturnType<typeof buildAggregates>;
export type AggregateName = keyof Aggregates;
