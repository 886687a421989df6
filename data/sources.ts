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
export const sources = {
  dataset: 'programme-entrepreneurs-dinteret-general',
  apiBase: 'https://www.data.gouv.fr',
  apiBaseEnv: 'EIG_API_BASE',
  /** Licence of the programme's open data (Licence Ouverte / Open Licence v2.0). */
  licence: {
    id: 'lov2',
    title: 'Licence Ouverte / Open Licence version 2.0',
    url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
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
        'Devenir des défis après le programme : état, portage, maintenance, ouverture (promotions 3 et 4).',
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
  },
} as const;
