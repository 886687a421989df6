/**
 * French labels of the codes used in the tables (indicators, budget lines, survey questions, categories).
 * A code without a label is shown as is: `label()` never hides a row because its wording is missing.
 */

export const INDICATOR_LABELS: Record<string, string> = {
  eig: 'EIG',
  mentors: 'Mentors',
  defis: 'Défis',
  services_laureats: 'Services lauréats',
  candidats_eig: 'Candidatures d’EIG',
  defis_proposes: 'Défis proposés par les administrations',
  part_designers: 'Designers',
  part_developpeurs: 'Développeurs et développeuses',
  part_data_scientists: 'Data scientists',
  part_femmes_eig: 'Femmes parmi les EIG',
  part_candidatures_feminines: 'Candidatures féminines',
  age_moyen: 'Âge moyen des EIG',
  part_pia_dans_salaires: 'Part des salaires financée par le PIA',
  part_administrations_dans_salaires: 'Part des salaires financée par les administrations',
  eig_data_science: 'EIG data science',
  eig_developpement: 'EIG développement',
  eig_design: 'EIG design',
  structures_publiques_accueil: 'Structures publiques d’accueil (promotions 1 à 3)',
  services_ou_directions: 'Services ou directions d’accueil (promotions 1 à 3)',
  eig_alumni: 'EIG alumni',
  eig_en_cours: 'EIG en cours de promotion',
  candidatures_recues: 'Candidatures reçues (promotions 1 à 3)',
  postes_eig_ouverts: 'Postes d’EIG ouverts (promotions 1 à 3)',
  defis_deposes: 'Défis déposés par les administrations (3 appels à projets)',
  articles_presse_depuis_2017: 'Articles de presse depuis 2017',
  articles_blog_etalab: 'Articles sur le blog d’Etalab',
  articles_blog_site_eig: 'Articles sur le blog du site EIG',
  equipe_coordination: 'Équipe de coordination',
  eig_link: 'EIG Link',
  jours_seminaires_hors_les_murs: 'Jours de séminaires hors les murs',
  part_liens_recherche_budget_annuel: 'Part des liens avec la recherche dans le budget annuel',
  cout_employeur_moyen_par_eig: 'Coût employeur moyen d’un EIG',
  budget_fonctionnement_promos_2_et_3: 'Budget de fonctionnement des promotions 2 et 3',
  accompagnement_par_an: 'Accompagnement, par an',
  communication_par_an: 'Communication, par an',
  cofinancement_minimum_administrations: 'Cofinancement minimum des administrations',
};

export const BUDGET_LINE_LABELS: Record<string, string> = {
  enveloppe_pia: 'Enveloppe du PIA',
  salaires: 'Salaires des EIG',
  communication: 'Communication',
  programme_accompagnement: 'Programme d’accompagnement',
  liens_recherche: 'Liens avec la recherche',
  budget_total: 'Dépenses totales',
};

export const BUDGET_STATUS_LABELS: Record<string, string> = {
  alloue: 'alloué',
  realise: 'réalisé',
  previsionnel: 'prévisionnel',
  publie: 'total publié',
};

export const SURVEY_LABELS: Record<string, string> = {
  'promos-1-2': 'Questionnaire des promotions 1 et 2 (2019)',
  'promo-3': 'Questionnaire de la promotion 3 (fin 2019)',
  'promo-3-suivi-2021': 'Suivi de la promotion 3 (2021)',
};

export const SURVEY_SHORT_LABELS: Record<string, string> = {
  'promos-1-2': 'promotions 1 et 2',
  'promo-3': 'promotion 3',
  'promo-3-suivi-2021': 'promotion 3, suivi 2021',
};

export const POPULATION_LABELS: Record<string, string> = {
  eig: 'EIG',
  mentors: 'mentors',
  'eig+mentors': 'EIG et mentors',
};

export const THEME_LABELS: Record<string, string> = {
  realisations: 'Réalisations',
  environnement: 'Environnement de travail',
  apports: 'Apports',
  ouverture: 'Ouverture',
  methodes: 'Méthodes',
  transmission: 'Transmission',
  transformation: 'Transformation',
  programme: 'Programme',
  communaute: 'Communauté',
  parcours: 'Parcours',
  satisfaction: 'Satisfaction',
  apprentissage: 'Apprentissage',
};

export const QUESTION_LABELS: Record<string, string> = {
  realisations_repondent_aux_attentes: 'Les réalisations répondent aux attentes',
  realisations_maintenues: 'Les réalisations sont maintenues après le programme',
  moyens_techniques_adaptes_par_mentors: 'Moyens techniques jugés adaptés',
  environnement_travail_adapte_par_mentors: 'Environnement de travail jugé adapté',
  environnement_technique_adapte: 'Environnement technique jugé adapté',
  satisfaits_environnement_travail: 'Satisfaits de leur environnement de travail',
  apport_competences_absentes: 'Les EIG ont apporté des compétences absentes du service',
  outils_annexes: 'Des outils annexes ont été développés',
  reutilisation_briques_libres: 'Réutilisation de briques logicielles libres',
  rencontres_utilisateurs: 'Rencontres avec les utilisateurs',
  methodes_agiles: 'Méthodes agiles',
  developpement_en_sprints: 'Développement en sprints',
  formations_organisees: 'Formations organisées par les EIG',
  competences_acquises_par_mentors: 'Compétences acquises par les mentors',
  competences_reutilisees_par_mentors: 'Compétences réutilisées par les mentors',
  consequences_sur_competences_numeriques: 'Effets sur les compétences numériques du service',
  appel_expertise_etalab: 'Appel à l’expertise d’Etalab',
  mentors_membres_communaute: 'Mentors se sentant membres de la communauté',
  souhait_administration_avant: 'Souhaitaient travailler dans l’administration avant le programme',
  souhait_administration_apres: 'Souhaitent travailler dans l’administration après le programme',
  contractuels_administration: 'Devenus contractuels de l’administration',
  toujours_dans_administration: 'Travaillent toujours dans l’administration',
  satisfaits_resultats_projet: 'Satisfaits des résultats de leur projet',
  programme_au_dela_attentes: 'Programme au-delà de leurs attentes',
  lecture_mensuelle_bulletins: 'Lisent chaque mois les bulletins',
  competences_hors_coeur_de_metier: 'Ont acquis des compétences hors de leur cœur de métier',
  continuent_pour_administration: 'Continuent à travailler pour l’administration',
  toujours_en_poste_administration_accueil: 'Toujours en poste dans l’administration d’accueil',
  travaillent_toujours_sur_projet: 'Travaillent toujours sur le projet',
};

export const FOLLOW_UP_LABELS: Record<string, string> = {
  etat: 'État des projets',
  portage: 'Portage des projets',
  maintenance: 'Maintenance des projets',
  ouverture: 'Ouverture',
  perennisation: 'Pérennisation',
  internalisation: 'Internalisation',
  transformation: 'Transformation',
  prolongation: 'Prolongation',
  en_production: 'En production',
  en_developpement: 'En développement',
  administration_accueil: 'Administration d’accueil',
  administration_accueil_autre_programme: 'Administration d’accueil, dans un autre programme',
  autre_administration: 'Autre administration',
  equipe_internalisee_metier: 'Équipe internalisée (métier)',
  dsi: 'Direction des systèmes d’information',
  prestataire_externe: 'Prestataire externe',
  autre: 'Autre',
  depots_code_en_ligne: 'Dépôts de code en ligne',
  librairies_publiees: 'Bibliothèques logicielles publiées',
  jeux_de_donnees_ouverts: 'Jeux de données ouverts',
  outils_integres_si: 'Outils intégrés au système d’information',
  outils_integres_si_prevus_mars_2020: 'Intégration au SI prévue pour mars 2020',
  equipes_embauchees: 'Équipes embauchées',
  projets_partageant_des_donnees: 'Projets partageant des données',
  projets_avec_pole_open_data: 'Projets avec le pôle open data',
  projets_code_ouvert_ou_prevu: 'Code ouvert ou dont l’ouverture est prévue',
  equipes_ayant_organise_formations: 'Équipes ayant organisé des formations',
  projets_annexes: 'Projets annexes',
  projets_cofinances_dinum: 'Projets prolongés avec un cofinancement de la DINUM',
};

export const PROFILE_LABELS: Record<string, string> = {
  developpement: 'Développement',
  'data science': 'Data science',
  design: 'Design',
  'data engineering': 'Data engineering',
  mentor: 'Mentors',
  'equipe du programme': 'Équipe du programme',
};

/** The label of a code, or the code itself when no label exists. */
export function label(labels: Record<string, string>, code: string): string {
  return labels[code] ?? code;
}
