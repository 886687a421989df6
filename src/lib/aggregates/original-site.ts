/**
 * The original data.eig-forever.org (May 2019): its 222 figures (eig-forever-2019) and its map of host services
 * (carte-2019), each row read once into a figure with its provenance. A figure the original wrote as 0 while it
 * could not be known yet (the careers of promotion 3) is kept as missing, with the snapshot's note: `figure` is
 * then null, never 0.
 */
import { published, refOf, sumOf, type Figure, type RowRef, type Unit } from '../figures.ts';
import type { Row } from '../tables.ts';

/** Sections of the original (its « tableau » column), as its source code named them. */
export type OriginalSection =
  | 'financement'
  | 'programme'
  | 'eig'
  | 'parcours'
  | 'selection_des_candidats'
  | 'administrations'
  | 'communication'
  | 'accompagnement'
  | 'encadrement';

/** The original's own indicator names, spelled as its source wrote them (the snapshot keeps them as keys). */
export const ORIGINAL = {
  envelope: 'Enveloppe maximale allouée par le PIA',
  salariesPia: 'Salaires pris en charge par PIA',
  salariesCofinanced: 'Salaires pris en charge par les administrations bénéficiant de co-financement',
  salariesSelfFunded: 'Salaires pour les défis auto-financés',
  salariesTotal: 'Coût total salaires EIG',
  communication: 'Communication',
  communicationTotal: 'Coût total communication',
  mentoring: 'Accompagnement et mentoring',
  technical: 'Environnement technique',
  thirdPlace: 'Hébergement par un tiers-lieu',
  development: 'Développement et amélioration',
  accompanimentTotal: 'Coût total accompagnement',
  research: 'Liens avec la recherche',
  researchTotal: 'Total recherche',
  programmeTotal: 'Coût total du programme',
  shareSalaries: 'Part des salaires dans le coût total du programme',
  shareResearch: 'Part de la recherche dans le coût total du programme',
  shareAccompaniment: "Part du programme d'accompagnement dans le coût total du programme",
  shareCommunication: 'Part de la communication dans le coût total du programme',
  sharePia: 'Part des salaires pris en charge par le PIA',
  shareSelfFunded: 'Part des défis autofinancés dans le total des salaires',
  shareCofinanced: 'Part prise en charge par les administrations en co-financement',
  eig: "Nombre d'EIG",
  newEig: 'Dont nouveaux EIG',
  mentors: 'Nombre de mentors',
  defis: 'Nombre de défis',
  defisFunded: 'Nombre de défis totalement financés',
  defisCofunded: 'Nombre de défis co-financés',
  defisSelfFunded: 'Nombre de défis auto-financés',
  developers: 'Nombre de développeurs',
  dataScientists: 'Nombre de data scientists',
  designers: 'Nombre de designers',
  shareDevelopers: 'Part des développeurs parmi les EIG',
  shareDataScientists: 'Part des data scientists parmi les EIG',
  shareDesigners: 'Part des designers parmi les EIG',
  women: 'Nombre de femmes',
  men: "Nombre d'hommes",
  womenDevelopers: 'Nombre de femmes développeuses',
  womenDataScientists: 'Nombre de femmes datascientists',
  womenDesigners: 'Nombre de femmes designers',
  shareWomen: 'Pourcentage de femmes parmi les EIG',
  shareWomenDevelopers: 'Pourcentage de femmes parmi les développeurs',
  shareWomenDataScientists: 'Pourcentage de femmes parmi les data scientists',
  shareWomenDesigners: 'Pourcentage de femmes parmi les designers',
  shareWomenDevelopersOfEig: 'Pourcentage de femmes développeuses parmi les EIG',
  shareWomenDataScientistsOfEig: 'Pourcentage de femmes data-scientist parmi les EIG',
  shareWomenDesignersOfEig: 'Pourcentage de femmes designers parmi les EIG',
  civilService: 'Sont restés dans la fonction publique',
  phd: 'Sont partis en thèse',
  privateSector: 'Sont partis dans le privé',
  freelance: 'Se sont mis en freelance/indépendant',
  otherCareers: 'Autres',
  candidates: 'Candidats',
  jury: 'Passages devant un jury',
  laureates: 'Lauréats',
  age: "Moyenne d'âge",
  femaleApplications: 'Taux de candidatures féminines',
  shareJury: 'Part des candidats passés devant un jury sur le total des candidats',
  selectivity: 'Taux de sélectivité sur le total des candidats',
  administrations: "Nombre d'administrations qui ont accueilli un défi par promotion",
  ministries: 'Nombre de Ministères accueillants au moins un défi',
  defisParis: 'Nombre de défis à Paris',
  defisOutsideParis: 'Nombre de défis hors de Paris',
  press: 'Articles dans la presse',
  relays: 'Relais administratifs (numerique.gouv, modernisation.gouv …)',
  etalabBlog: 'Blog Etalab',
  eigBlog: 'Articles sur le blog EIG',
  videos: 'Vidéos produites',
  visitors: 'Visiteurs uniques sur le site internet EIG',
  sessions: "Sessions d'accompagnement",
  launchWeek: 'Semaine de lancement de promotion',
  offSite: 'Sessions hors-les-murs',
  team: "Nombre de membres de l'équipe d'encadrement du programme",
  eigLink: "Nombre d'EIG Link",
} as const;

const UNITS: Record<string, Unit> = {
  euros: 'euros',
  pourcent: 'pourcent',
  ans: 'ans',
  personnes: 'personnes',
  candidatures: 'candidatures',
  defis: 'défis',
  administrations: 'structures',
  ministeres: 'structures',
  articles: 'articles',
  videos: 'nombre',
  visiteurs: 'personnes',
  sessions: 'nombre',
  semaines: 'nombre',
};

export interface OriginalFigure {
  indicator: string;
  promotion: string;
  year: number;
  /** Null where the original wrote a figure it could not know yet (see `note`). */
  figure: Figure | null;
  /** The row, also when its figure is missing (a chart shows « pas encore connu » with its provenance). */
  ref: RowRef;
  /** The snapshot's note on the row (why a figure is missing). */
  note: string | null;
}

export interface OriginalFigures {
  all: readonly OriginalFigure[];
  /** The row for this indicator and promotion, or null when the original had none. */
  get(indicator: string, promotion: string): OriginalFigure | null;
  /** The value for this indicator and promotion, or null when missing. */
  value(indicator: string, promotion: string): Figure | null;
  /** Every promotion's row for an indicator, in promotion order. */
  series(indicator: string): readonly OriginalFigure[];
  /** The figures of an indicator added up, every promotion that has one (the years of a yearly count); null when none has. */
  sum(indicator: string): Figure | null;
  /** Promotions of the original, in order (EIG 1 to EIG 3). */
  promotions: readonly string[];
  /** The publication its rows cite (data-eig-forever-2019), null for an empty table. */
  source: string | null;
}

export function originalFigures(rows: readonly Row<'eig-forever-2019'>[]): OriginalFigures {
  const all = rows.map<OriginalFigure>((row) => {
    // One reference per row, shared by the figure.
    const figure =
      row.valeur === null ? null : published('eig-forever-2019', row, row.valeur, UNITS[row.unite] ?? 'nombre');
    return {
      indicator: row.indicateur,
      promotion: row.promotion,
      year: row.annee,
      figure,
      ref: figure?.from[0] ?? refOf('eig-forever-2019', row),
      note: row.precision ?? null,
    };
  });
  // Indexed by indicator, then promotion: no key string per row.
  const index = new Map<string, Map<string, OriginalFigure>>();
  const byIndicator = new Map<string, OriginalFigure[]>();
  for (const f of all) {
    const promotions = index.get(f.indicator) ?? index.set(f.indicator, new Map()).get(f.indicator)!;
    promotions.set(f.promotion, f);
    const list = byIndicator.get(f.indicator);
    if (list) list.push(f);
    else byIndicator.set(f.indicator, [f]);
  }
  for (const list of byIndicator.values()) list.sort((a, b) => a.year - b.year);
  const get = (indicator: string, promotion: string) => index.get(indicator)?.get(promotion) ?? null;
  const years = new Map<string, number>();
  for (const f of all) if (!years.has(f.promotion)) years.set(f.promotion, f.year);
  return {
    all,
    get,
    value: (indicator, promotion) => get(indicator, promotion)?.figure ?? null,
    series: (indicator) => byIndicator.get(indicator) ?? [],
    sum: (indicator) => {
      const figures = (byIndicator.get(indicator) ?? []).map((f) => f.figure).filter((f): f is Figure => f !== null);
      return figures.length > 0 ? sumOf(figures) : null;
    },
    promotions: [...years].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([p]) => p),
    source: rows[0]?.source ?? null,
  };
}

/** A host service of the original's map: its ministry or body, its défis per year, where the map put it. */
export interface MapService {
  tutelle: string;
  service: string;
  /** Défis per year (2017 = EIG 1, 2018 = EIG 2, 2019 = EIG 3), each a figure of the row. */
  defis: Readonly<Record<2017 | 2018 | 2019, Figure>>;
  /** Its défis of the three years added up. */
  total: Figure;
  latitude: number;
  longitude: number;
  /** The source's own doubt about the counts (« FIXME: eig2018 = 2? »), as written. */
  remarque: string | null;
  ref: RowRef;
}

export const MAP_YEARS = [2017, 2018, 2019] as const;

export function mapServices(rows: readonly Row<'carte-2019'>[]): MapService[] {
  return rows.map((row) => {
    // The row's three counts share its reference.
    const ref = refOf('carte-2019', row);
    const from = [ref];
    const count = (value: number): Figure => ({ value, unit: 'défis', from, computed: false });
    return {
      tutelle: row.tutelle,
      service: row.service,
      defis: { 2017: count(row.defis_2017), 2018: count(row.defis_2018), 2019: count(row.defis_2019) },
      total: { ...count(row.defis_2017 + row.defis_2018 + row.defis_2019), computed: true },
      latitude: row.latitude,
      longitude: row.longitude,
      remarque: row.remarque ?? null,
      ref,
    };
  });
}
