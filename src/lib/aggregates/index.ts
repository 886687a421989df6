/**
 * Every aggregate of the snapshot, computed once from its tables. The quality report reads these figures (never
 * the tables), the charts draw from the themes, and the build writes each theme as /api/agregats/<name>.json.
 * A figure shown on a chart and the figure checked by the report are one object: what the one shows, the other
 * checks.
 */
import type { Gazetteer } from '../geo/places.ts';
import type { SnapshotTables } from '../tables.ts';
import { refOf } from '../figures.ts';
import { budgetByPromotion, budgetFigures, budgetTotals, grandTotals, promotionBudgetChecks } from './budget.ts';
import {
  currentByBody,
  currentByExpertise,
  currentByPromotion,
  currentByTheme,
  currentDefiList,
  currentTeamSizes,
} from './current-defis.ts';
import { bodyByPromotion, hostCounts } from './body-promotions.ts';
import { byCategoryAndPromotion, leadersByPromotion } from './category-promotions.ts';
import { careersByPromotion } from './careers.ts';
import { byPromotionCategoryAndSource } from './community-categories.ts';
import { byAdministration, byPromotionCount, bySkill, byTown, defiList, teamSizes } from './defis.ts';
import { followUp, partitionSums } from './follow-up.ts';
import { ofThePromotions, type Promotion } from '../promotion-names.ts';
import { bodyTable } from './host-bodies.ts';
import { defisBySource, participantsAgreement, teamsBySource } from './source-comparisons.ts';
import { indexKeyFigures } from './key-figures.ts';
import { mapHosts } from './map-hosts.ts';
import { mapServices, originalFigures } from './original-site.ts';
import { placesOf } from './defi-places.ts';
import {
  coveredPromotions,
  figuresFor,
  promotionsOf,
  programmeTotals,
  PROMOTION_INDICATORS,
  SELECTION_INDICATORS,
} from './programme.ts';
import { people, peopleCounts } from './people.ts';
import { placeTallies } from './place-counts.ts';
import { community, communityCounts, composition } from './profiles.ts';
import { salaryFunding, SALARY_SHARE_INDICATORS } from './salaries.ts';
import { surveyResults } from './surveys.ts';
import { compareWebsites, pairWebsites } from './websites.ts';

const DIVERSITY_INDICATORS = ['part_femmes_eig', 'part_candidatures_feminines', 'age_moyen'] as const;

/**
 * The figures read from the tables, each row once; the themes and the quality report share them. The gazetteer
 * places the défis' towns (none placed without it).
 */
export function readFigures(data: SnapshotTables, gazetteer: Gazetteer | null = null) {
  const kf = indexKeyFigures(data['chiffres-cles']);
  const defis = defiList(data.defis);
  const followUpFigures = followUp(data['suivi-defis']);
  const budget = budgetFigures(data.budget);
  // The 2022 website's défis paired with the current website's: the years of the one, the disagreements of both.
  const websitePairs = pairWebsites(defis, data['defis-2017-2023'], (row) => refOf('defis-2017-2023', row));
  // Each host administration's name, as written, read as the bodies it names (table organismes).
  const bodies = bodyTable(data.organismes);
  const currentDefis = currentDefiList(data['defis-2017-2023'], websitePairs, bodies);
  return {
    kf,
    defis,
    surveys: surveyResults(data.enquetes),
    followUp: followUpFigures,
    community: community(data.communaute),
    budget,
    programmeTotals: programmeTotals(kf),
    budgetTotals: budgetTotals(budget),
    promotionBudgetChecks: promotionBudgetChecks(budget),
    teamSizes: teamSizes(defis),
    partitionSums: partitionSums(followUpFigures),
    /** The défis of the current website, every promotion. */
    currentDefis,
    /** What each host administration's name designates (table organismes). */
    bodies,
    /** The people of the current website, every promotion, by promotion, role and expertise. */
    people: people(data['communaute-2017-2023']),
    /** The défis both websites list, field by field. */
    websites: { ...websitePairs, fields: compareWebsites(websitePairs, currentDefis) },
    original: originalFigures(data['eig-forever-2019']),
    originalMap: mapServices(data['carte-2019']),
    places: placesOf(data['defis-2017-2023'], gazetteer, bodies),
  };
}

export type Figures = ReturnType<typeof readFigures>;

/**
 * The figures grouped by theme, as the charts and the API files read them. The promotions (with their years) date
 * the défis of each town for the map's years.
 */
export function buildAggregates(figures: Figures, promotions: readonly Promotion[]) {
  const { kf, defis } = figures;
  const byBody = currentByBody(figures.currentDefis);
  const byTheme = currentByTheme(figures.currentDefis);
  const byExpertise = currentByExpertise(figures.currentDefis);
  const previousByPromotion = byPromotionCount(defis);
  const currentByPromotionCounts = currentByPromotion(figures.currentDefis);
  const currentTeams = currentTeamSizes(figures.currentDefis);
  const publishedByPromotion = figuresFor(kf, PROMOTION_INDICATORS);
  const selection = figuresFor(kf, SELECTION_INDICATORS);
  const teams = teamsBySource(currentTeams, figures.teamSizes, publishedByPromotion);
  const byExpertiseAndPromotion = byCategoryAndPromotion(byExpertise, figures.currentDefis, (d) => d.expertises);
  // The promotions the 2019 report's total of EIG adds up: those its blog post of May 2019 counted bodies for.
  const reportPromotions = coveredPromotions(kf.all, 'eig');
  return {
    programme: {
      title: 'Le programme par promotion',
      description:
        'EIG, mentors, défis et services lauréats par promotion ; candidatures et défis proposés ; totaux publiés et totaux recalculés ; autres chiffres publiés du programme.',
      data: {
        promotions: publishedByPromotion,
        selection,
        /** The promotions with a figure of the selection (applications, défis proposed). */
        selectionPromotions: promotionsOf(selection),
        totals: figures.programmeTotals,
        allFigures: kf.all,
      },
    },
    profils: {
      title: 'Profils des EIG',
      description:
        'Composition des promotions par profil (parts et effectifs), communauté par profil (site de 2022) et par promotion, rôle et expertise (site actuel, toutes promotions), femmes et âge moyen.',
      data: {
        composition: composition(kf),
        community: figures.community,
        /** The 2022 community list's EIG, mentors and EIG per profile, per EIG promotion. */
        communityCounts: communityCounts(figures.community),
        /** The current website's people, every promotion: entries by promotion, role and expertise. */
        people: { list: figures.people, ...peopleCounts(figures.people) },
        /** Both websites' people per promotion, category (participants, mentors…) and source. */
        communityByCategory: byPromotionCategoryAndSource(figures.people, figures.community),
        diversity: figuresFor(kf, DIVERSITY_INDICATORS),
      },
    },
    budget: {
      title: 'Budget du programme',
      description:
        'Enveloppe du PIA et dépenses par poste et par promotion, totaux publiés et recalculés, financement des salaires.',
      data: {
        lines: budgetByPromotion(figures.budget),
        totals: figures.budgetTotals,
        promotionTotals: figures.promotionBudgetChecks,
        grandTotals: grandTotals(figures.budget),
        salaryShares: figuresFor(kf, SALARY_SHARE_INDICATORS),
        /** Who paid the salaries: the post's shares and their sum, the rule, the original site's payers. */
        salaryFunding: salaryFunding(kf, figures.original),
      },
    },
    enquetes: {
      title: 'Résultats des questionnaires',
      description: 'Pourcentages publiés, avec leur qualificatif, le nombre de répondants et la population interrogée.',
      data: { results: figures.surveys },
    },
    defis: {
      title: 'Défis',
      description:
        'Liste des défis et décomptes par promotion, administration, compétence et commune ; tailles des équipes ; les défis du site actuel (toutes promotions) par promotion, thématique, expertise et organisme d’accueil ; les désaccords entre les deux sites.',
      data: {
        list: defis,
        byPromotion: previousByPromotion,
        byAdministration: byAdministration(defis),
        bySkill: bySkill(defis),
        byTown: byTown(defis),
        teamSizes: figures.teamSizes,
        /** The current website's défis, every promotion. */
        current: {
          list: figures.currentDefis,
          byPromotion: currentByPromotionCounts,
          byTheme,
          byExpertise,
          /** Each theme's défis per promotion. */
          byThemeAndPromotion: byCategoryAndPromotion(byTheme, figures.currentDefis, (d) => d.themes),
          /** Each expertise's défis per promotion. */
          byExpertiseAndPromotion,
          /** Each promotion's most requested expertise (ties: the order of byExpertise). */
          expertiseLeaders: leadersByPromotion(byExpertiseAndPromotion),
          /** Défis per host body; names that designate none counted apart, last. */
          byBody,
          /** Each host body's défis per promotion. */
          byBodyAndPromotion: bodyByPromotion(figures.currentDefis, byBody),
          /** Défis, bodies, names and shared défis of the hosts; the same for the 2019 report's promotions. */
          hosts: {
            all: hostCounts(figures.currentDefis),
            reportPromotions,
            ofReportPromotions: hostCounts(figures.currentDefis.filter((d) => reportPromotions.includes(d.promotion))),
          },
          teamSizes: currentTeams,
        },
        /** Each promotion's défis, and its participants and mentors, in each source (current website, 2022 list, publications). */
        bySource: {
          defis: defisBySource(currentByPromotionCounts, previousByPromotion, publishedByPromotion),
          teams,
          /** Where the participants' sources agree, and where they are the furthest apart. */
          participants: participantsAgreement(teams),
        },
        /** The défis both websites list, paired by title, and where they disagree. */
        websites: figures.websites,
      },
    },
    origine: {
      title: 'Chiffres et carte du site d’origine (2019)',
      description:
        'Les chiffres de data.eig-forever.org (mai 2019) et les services de sa carte ; les défis du site actuel placés par commune.',
      data: {
        figures: figures.original,
        /** Each promotion's careers after the programme, and the EIG they add up to. */
        careers: careersByPromotion(figures.original),
        map: figures.originalMap,
        /** The map's services and their ministries or bodies, in all and year by year. */
        mapHosts: mapHosts(figures.originalMap),
        places: figures.places,
        /** Each town's défis per promotion, per year of the map and in all; how the défis make the towns. */
        placeCounts: placeTallies(figures.places, promotions),
      },
    },
    suivi: {
      title: 'Suivi des défis',
      description: `Devenir des défis ${ofThePromotions(figures.followUp.map((f) => f.promotion))} : état, portage, maintenance, ouverture.`,
      data: { figures: figures.followUp, partitions: figures.partitionSums },
    },
  };
}

export type Aggregates = ReturnType<typeof buildAggregates>;
