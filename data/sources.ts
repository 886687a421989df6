/**
 * Where the site's data comes from, and what each table must look like.
 *
 * One entry per logical table. `resource` says how `npm run fetch` recognises the table's file among the
 * resources of the data.gouv.fr dataset (by id when known, else by a pattern on the resource's title);
 * `columns` lists the expected columns, their type and the header spellings accepted for them (headers are
 * compared without accents, case, spaces or punctuation, so « Montant (€) » matches `montant`).
 *
 * The API base can be overridden with the EIG_API_BASE environment variable (tests point it at a local server).
 */
import { PROMOTION_NAMING } from '../src/lib/promotion-names.ts';

/** Units of the original site's figures, spelled as in chiffres-cles where the two share one. */
const ORIGINAL_SITE_UNITS = [
  'euros',
  'pourcent',
  'ans',
  'personnes',
  'candidatures',
  'defis',
  'administrations',
  'ministeres',
  'articles',
  'videos',
  'visiteurs',
  'sessions',
  'semaines',
];

export const sources = {
  dataset: 'programme-entrepreneurs-dinteret-general',
  apiBase: 'https://www.data.gouv.fr',
  apiBaseEnv: 'EIG_API_BASE',
  /**
   * Origins besides the API's own from which a resource no table maps may be kept aside (`npm run fetch --
   * --keep <id>`): data.gouv.fr serves its files from static.data.gouv.fr.
   */
  downloadOrigins: ['https://static.data.gouv.fr'] as string[],
  /** Licence of the programme's open data (Licence Ouverte / Open Licence v2.0). */
  licence: {
    id: 'lov2',
    title: 'Licence Ouverte / Open Licence version 2.0',
    url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  },
  /**
   * The programme's current website, whose pages `npm run data:import-site` reads from a checkout of its
   * repository into two tables. They cite `publication`, whose row in publications.csv names the commit read.
   */
  website: {
    repository: 'entrepreneur-interet-general/site-eig-v3',
    publication: 'site-eig-v3',
    tables: { defis: 'defis-2017-2023', people: 'communaute-2017-2023' },
    /**
     * Owners of the source-code links that are not a person (the programme's and the défis' organisations, and
     * GitHub's own search page): shown as written. Any other owner may be a person's account, named after them:
     * it is masked (« [compte-personnel] »).
     */
    codeOwners: ['entrepreneur-interet-general', 'envinorma', 'previsecours', 'healthdatahub', 'twin-city', 'search'],
  },
  /** The publications that rows cite in their `source` column (not fetched: maintained in this repository). */
  publications: {
    file: 'publications.csv',
    title: 'Publications citées',
    description: 'Les publications du programme d’où viennent les chiffres, avec leur date et leur adresse.',
    resource: { titlePattern: '^$' },
    key: ['id'],
    columns: {
      id: { type: 'text' },
      titre: { type: 'text' },
      editeur: { type: 'text' },
      date: { type: 'text' },
      url: { type: 'text' },
      fichier_source: { type: 'text', optional: true },
      /** As named in the source line under a chart: « rapport d’analyse des promotions 1 et 2 (Etalab, 2019) ». */
      libelle_court: { type: 'text' },
      /** As tagged in a table's source column: « Rapport 2019 ». */
      etiquette: { type: 'text' },
      /** As a noun phrase in a sentence of the quality report: « le rapport 2019 ». */
      designation: { type: 'text' },
    },
  },
  tables: {
    'chiffres-cles': {
      file: 'chiffres-cles.csv',
      title: 'Chiffres clés par promotion',
      description:
        'Indicateurs du programme par promotion (EIG, mentors, défis, candidatures, profils, budget…) tels que publiés.',
      resource: { titlePattern: 'chiffres[ -]?cl[ée]s|indicateurs|programme[ -]eig[ -]en[ -]chiffres' },
      key: ['promotion', 'indicateur'],
      columns: {
        promotion: { type: 'text', aliases: ['promo', 'promotion eig', 'cohorte'] },
        indicateur: { type: 'text', aliases: ['indicator', 'variable', 'mesure'] },
        valeur: { type: 'decimal', aliases: ['value', 'nombre', 'valeur publiee'] },
        unite: { type: 'text', aliases: ['unit', 'unité'], optional: true },
        source: { type: 'text', aliases: ['publication', 'reference'] },
      },
    },
    budget: {
      file: 'budget.csv',
      title: 'Budget par promotion',
      description: 'Enveloppe du Programme d’investissements d’avenir (PIA) et dépenses par poste et par promotion.',
      resource: { titlePattern: 'budget|d[ée]penses|financement' },
      key: ['promotion', 'poste'],
      columns: {
        promotion: { type: 'text', aliases: ['promo', 'promotion eig'] },
        annee: { type: 'year', aliases: ['année', 'year', 'exercice'], optional: true },
        poste: { type: 'text', aliases: ['ligne', 'poste de depense', 'categorie'] },
        montant_eur: { type: 'euros', aliases: ['montant', 'montant (€)', 'montant en euros', 'montant euros', 'euros'] },
        statut: { type: 'text', aliases: ['status', 'nature'], values: ['alloue', 'realise', 'previsionnel', 'publie'] },
        source: { type: 'text', aliases: ['publication', 'reference'] },
      },
    },
    enquetes: {
      file: 'enquetes.csv',
      title: 'Résultats des questionnaires',
      description:
        'Pourcentages publiés des questionnaires aux EIG et aux mentors, avec le nombre de répondants et la population interrogée.',
      resource: { titlePattern: 'enqu[êe]tes?|questionnaires?|sondages?' },
      key: ['enquete', 'population', 'indicateur'],
      columns: {
        enquete: { type: 'text', aliases: ['enquête', 'questionnaire', 'survey'] },
        population: { type: 'text', aliases: ['public', 'repondants cibles'] },
        repondants: { type: 'count', aliases: ['répondants', 'n', 'nb repondants', 'nombre de repondants'], optional: true },
        cible: { type: 'count', aliases: ['population cible', 'effectif', 'nb interroges'], optional: true },
        theme: { type: 'text', aliases: ['thème', 'rubrique'] },
        indicateur: { type: 'text', aliases: ['question', 'item'] },
        valeur_pct: { type: 'percent', aliases: ['valeur', 'pourcentage', 'part', 'valeur (%)', '%'] },
        qualificatif: { type: 'text', aliases: ['qualifier', 'precision chiffre'], optional: true },
        source: { type: 'text', aliases: ['publication', 'reference'] },
        precision: { type: 'text', aliases: ['note', 'commentaire'], optional: true },
      },
    },
    defis: {
      file: 'defis.csv',
      title: 'Défis',
      description:
        'Un défi par ligne : promotion, administration d’accueil, lieu, compétences, taille de l’équipe, lien vers le code source.',
      resource: { titlePattern: '^(liste des )?d[ée]fis\\b' },
      key: ['defi', 'promotion'],
      columns: {
        defi: { type: 'text', aliases: ['défi', 'nom', 'projet', 'nom du defi'] },
        promotion: { type: 'text', aliases: ['promo', 'promotion eig'] },
        annee: { type: 'year', aliases: ['année', 'year'], optional: true },
        administration: { type: 'text', aliases: ['administration d accueil', 'structure', 'porteur'] },
        commune: { type: 'text', aliases: ['ville', 'lieu'], optional: true },
        code_postal: { type: 'text', aliases: ['cp', 'code postal'], optional: true },
        competences: { type: 'list', aliases: ['compétences', 'profils', 'skills'], optional: true },
        nb_eig: { type: 'count', aliases: ['eig', 'nombre d eig', 'nombre eig'] },
        nb_mentors: { type: 'count', aliases: ['mentors', 'nombre de mentors'], optional: true },
        duree_mois: { type: 'count', aliases: ['durée', 'duree', 'duree (mois)'], optional: true },
        code_source: { type: 'text', aliases: ['code', 'depot', 'dépôt', 'lien code source', 'repository'], optional: true },
        source: { type: 'text', aliases: ['publication', 'reference'] },
      },
    },
    communaute: {
      file: 'communaute.csv',
      title: 'Communauté par profil',
      description: 'Membres de la communauté comptés par promotion, programme et profil, d’après le site du programme.',
      resource: { titlePattern: 'communaut[ée]|membres|profils' },
      key: ['promotion', 'programme', 'profil'],
      columns: {
        promotion: { type: 'text', aliases: ['promo'] },
        programme: { type: 'text', aliases: ['program'] },
        profil: { type: 'text', aliases: ['role', 'rôle', 'competence'] },
        effectif: { type: 'count', aliases: ['nombre', 'n', 'count', 'membres'] },
        source: { type: 'text', aliases: ['publication', 'reference'] },
      },
    },
    'suivi-defis': {
      file: 'suivi-defis.csv',
      title: 'Suivi des défis',
      description:
        'Devenir des défis après le programme : état, portage, maintenance, ouverture, tel que les publications du programme l’ont suivi.',
      resource: { titlePattern: '^suivi|devenir des d[ée]fis' },
      key: ['promotion', 'date', 'indicateur', 'categorie'],
      columns: {
        promotion: { type: 'text', aliases: ['promo'] },
        date: { type: 'month', aliases: ['mois', 'date de mesure'] },
        indicateur: { type: 'text', aliases: ['indicator', 'dimension'] },
        categorie: { type: 'text', aliases: ['catégorie', 'modalite', 'modalité'] },
        nombre_defis: { type: 'count', aliases: ['nombre', 'nb defis', 'défis', 'defis'] },
        source: { type: 'text', aliases: ['publication', 'reference'] },
        precision: { type: 'text', aliases: ['note', 'commentaire'], optional: true },
      },
    },
    'eig-forever-2019': {
      file: 'eig-forever-2019.csv',
      title: 'Chiffres du site d’origine (data.eig-forever.org, 2019)',
      description:
        'Les indicateurs du site data.eig-forever.org par promotion (financement, programme, profils des EIG, parcours, sélection, administrations, communication, accompagnement, encadrement), tels que son code source les portait en mai 2019.',
      resource: { titlePattern: '^chiffres du site (d[’\']origine|data[ .-]?eig[ .-]?forever)' },
      key: ['tableau', 'indicateur', 'promotion'],
      columns: {
        tableau: { type: 'text', aliases: ['table', 'rubrique', 'onglet'] },
        indicateur: { type: 'text', aliases: ['indicator', 'libelle', 'intitule'] },
        promotion: { type: 'text', aliases: ['promo', 'promotion eig'], naming: PROMOTION_NAMING },
        annee: { type: 'year', aliases: ['année', 'year'] },
        // Empty where the original wrote a figure it could not know yet (see precision).
        valeur: { type: 'decimal', aliases: ['value', 'nombre', 'valeur publiee'], optional: true },
        unite: { type: 'text', aliases: ['unit', 'unité'], values: ORIGINAL_SITE_UNITS },
        source: { type: 'text', aliases: ['publication', 'reference'] },
        precision: { type: 'text', aliases: ['note', 'commentaire'], optional: true },
      },
    },
    'carte-2019': {
      file: 'carte-2019.csv',
      title: 'Carte des services d’accueil (data.eig-forever.org, 2019)',
      description:
        'Les services qui ont accueilli des défis, sous leurs ministères ou organismes de tutelle, avec leurs défis par année et leur position, tels que la carte du site d’origine les plaçait.',
      resource: { titlePattern: '^carte des (services|administrations)' },
      key: ['tutelle', 'service'],
      columns: {
        tutelle: { type: 'text', aliases: ['ministere', 'ministère', 'organisme de tutelle'] },
        service: { type: 'text', aliases: ['administration', 'direction', 'service d accueil'] },
        defis_2017: { type: 'count', aliases: ['defis 2017', 'défis 2017', 'eig2017'] },
        defis_2018: { type: 'count', aliases: ['defis 2018', 'défis 2018', 'eig2018'] },
        defis_2019: { type: 'count', aliases: ['defis 2019', 'défis 2019', 'eig2019'] },
        latitude: { type: 'decimal', aliases: ['lat'] },
        longitude: { type: 'decimal', aliases: ['lon', 'lng', 'long'] },
        source: { type: 'text', aliases: ['publication', 'reference'] },
        remarque: { type: 'text', aliases: ['commentaire', 'note'], optional: true },
      },
    },
    'defis-2017-2023': {
      file: 'defis-2017-2023.csv',
      title: 'Défis du site actuel du programme',
      description:
        'Les défis du site actuel du programme, toutes promotions : promotion, administration d’accueil et ville telles qu’écrites, thématiques, expertises, nombre d’EIG et de mentors comptés sur les pages des personnes, lien vers le code source. Le site ne donne pas d’année.',
      resource: { titlePattern: 'd[ée]fis.*2017.{1,3}2023' },
      key: ['slug'],
      columns: {
        slug: { type: 'text', aliases: ['identifiant', 'id'] },
        titre: { type: 'text', aliases: ['title', 'nom', 'défi', 'defi'] },
        /** The défi in one or two sentences, as its page's front matter writes it. */
        description: { type: 'text', aliases: ['résumé', 'resume'], optional: true },
        promotion: { type: 'text', aliases: ['promo'], naming: PROMOTION_NAMING },
        promotion_source: { type: 'text', aliases: ['promos', 'promotion telle qu ecrite'] },
        annee: { type: 'year', aliases: ['année', 'year'], optional: true },
        administration: { type: 'text', aliases: ['who', 'administration d accueil', 'structure'] },
        ville: { type: 'text', aliases: ['town', 'commune', 'lieu'], optional: true },
        thematiques: { type: 'list', aliases: ['thématiques', 'themes', 'thèmes'], optional: true },
        expertises: { type: 'list', aliases: ['competences', 'compétences'], optional: true },
        nb_eig: { type: 'count', aliases: ['eig', 'nombre d eig', 'nombre eig'] },
        nb_mentors: { type: 'count', aliases: ['mentors', 'nombre de mentors'] },
        lien_code: { type: 'text', aliases: ['code source', 'lien code source', 'depot', 'dépôt'], optional: true },
        /** Its page as a public digital service (the front matter's urlSET, when isSET), most often on beta.gouv.fr. */
        page_startup: { type: 'text', aliases: ['url set', 'urlset', 'page beta gouv', 'startup d etat'], optional: true },
        source_fichier: { type: 'text', aliases: ['fichier source', 'fichier'] },
        source: { type: 'text', aliases: ['publication', 'reference'] },
      },
    },
    'communaute-2017-2023': {
      file: 'communaute-2017-2023.csv',
      title: 'Personnes du programme par promotion, rôle et expertise',
      description:
        'Les personnes du site actuel du programme comptées par promotion, rôle (participant pour les EIG, agent-public pour les mentors et sponsors, équipe du programme, écosystème) et expertise. Une personne de plusieurs promotions ou expertises compte dans chacune. Aucun nom.',
      resource: { titlePattern: '^personnes\\b|r[ôo]les? et expertises?' },
      key: ['promotion', 'role', 'expertise'],
      columns: {
        // Empty for people the website gives no promotion (programme staff, ecosystem).
        promotion: { type: 'text', aliases: ['promo'], naming: PROMOTION_NAMING, optional: true },
        promotion_source: { type: 'text', aliases: ['promos', 'promotion telle qu ecrite'], optional: true },
        role: { type: 'text', aliases: ['rôle'] },
        expertise: { type: 'text', aliases: ['expertises', 'competence', 'compétence'], optional: true },
        effectif: { type: 'count', aliases: ['nombre', 'n', 'count', 'personnes'] },
        source: { type: 'text', aliases: ['publication', 'reference'] },
        source_fichier: { type: 'text', aliases: ['fichier source', 'fichier'] },
      },
    },
    organismes: {
      file: 'organismes.csv',
      title: 'Organismes d’accueil des défis : les noms du site et ce qu’ils désignent',
      description:
        'Chaque nom d’administration tel que le site actuel du programme l’écrit, rattaché à l’organisme qu’il désigne (nom, sigle, ministère de rattachement) ; un nom qui en désigne deux a deux lignes, un nom qui ne désigne aucun organisme précis n’en a aucun. Correspondance relue pour ce site, pas une publication du programme.',
      resource: { titlePattern: '^(correspondance des )?organismes d[’\']accueil' },
      key: ['nom_ecrit', 'organisme'],
      columns: {
        /** Exactly as the défis' table writes it (defis-2017-2023, column administration). */
        nom_ecrit: { type: 'text', aliases: ['nom écrit', 'nom tel qu ecrit', 'administration telle qu ecrite'] },
        // Empty where the name designates no body in particular (« Ministère »): counted apart, never guessed.
        organisme: { type: 'text', aliases: ['organisme d accueil', 'body'], optional: true },
        sigle: { type: 'text', aliases: ['acronyme'], optional: true },
        // Empty for a body under no ministry (an independent authority, a court) or under several.
        ministere: { type: 'text', aliases: ['ministère', 'ministere de rattachement', 'tutelle'], optional: true },
        remarque: { type: 'text', aliases: ['note', 'commentaire'], optional: true },
        source: { type: 'text', aliases: ['publication', 'reference'] },
      },
    },
  },
} as const;
