/**
 * The data-quality report: every place where the published figures disagree with each other or with
 * themselves, and every check that passed. It lists, never hides; the site shows it on its own page and the
 * build prints its summary.
 */
import {
  byAdministration,
  defiList,
  spellingVariants,
  teamSizes,
  type Defi,
  type TeamSize,
} from './aggregates/defis.ts';
import { followUp, partitionSums, type FollowUpFigure, type PartitionSum } from './aggregates/follow-up.ts';
import { indexKeyFigures, type KeyFigures } from './aggregates/key-figures.ts';
import {
  budgetFigures,
  budgetTotals,
  promotionBudgetChecks,
  type BudgetFigure,
  type PromotionBudgetCheck,
} from './aggregates/budget.ts';
import { programmeTotals } from './aggregates/programme.ts';
import {
  community,
  communityEigCounts,
  communityMentorCounts,
  composition,
  type CommunityFigure,
} from './aggregates/profiles.ts';
import { surveyResults, type SurveyFigure } from './aggregates/surveys.ts';
import type { TotalCheck } from './aggregates/totals.ts';
import { concatFrom, sumOf, type Figure } from './figures.ts';
import { formatFigure, formatMonth } from './format.ts';
import { listFr } from './text.ts';
import {
  BUDGET_LINE_LABELS,
  FOLLOW_UP_LABELS,
  INDICATOR_LABELS,
  POPULATION_LABELS,
  PROFILE_LABELS,
  QUESTION_LABELS,
  SURVEY_SHORT_LABELS,
  label,
} from './labels.ts';
import { byPromotion, isEigPromotion } from './promotions.ts';
import type { SnapshotTables } from './tables.ts';

/**
 * - `incoherence`: figures that should be equal are not (85 printed, 94 summed);
 * - `ecart`: two publications count the same thing differently (the website's list against the report);
 * - `arrondi`: they differ only by rounding (4 658 243 € printed for 4 658 243,47 €);
 * - `approximation`: a publication rounded on purpose (« près de 500 »);
 * - `format`: a value is malformed (a link without a host, one administration spelled several ways);
 * - `conforme`: the check found nothing.
 */
export type Severity = 'incoherence' | 'ecart' | 'arrondi' | 'approximation' | 'format' | 'conforme';

export const SEVERITY_LABELS: Record<Severity, string> = {
  incoherence: 'Incohérence',
  ecart: 'Écart entre sources',
  arrondi: 'Arrondi',
  approximation: 'Approximation publiée',
  format: 'Valeur mal formée',
  conforme: 'Conforme',
};

const SEVERITY_ORDER: Severity[] = ['incoherence', 'ecart', 'approximation', 'arrondi', 'format', 'conforme'];

export interface QualityCheck {
  /** Stable identifier, usable as an anchor (« total-defis-proposes »). */
  id: string;
  severity: Severity;
  /** One sentence, in French, saying what was compared and what was found. */
  readonly title: string;
  /** The figures compared, each with the rows it comes from. */
  readonly figures: { label: string; figure: Figure }[];
}

export interface QualityReport {
  checks: QualityCheck[];
  counts: Record<Severity, number>;
}

/** Equal, equal up to rounding (`tolerance`), or not. */
function compare(a: number, b: number, tolerance: number): Severity {
  const gap = Math.abs(a - b);
  if (gap < 1e-9) return 'conforme';
  return gap <= tolerance ? 'arrondi' : 'incoherence';
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');

/** The publication a published figure comes from, as a noun phrase. */
function sourceName(figure: Figure): string {
  const source = figure.from[0]?.source ?? '';
  if (figure.computed) return 'le calcul';
  return SOURCE_NAMES[source] ?? `la publication « ${source} »`;
}

const SOURCE_NAMES: Record<string, string> = {
  'rapport-2019-tableau': 'le rapport 2019',
  'rapport-2019': 'le rapport 2019',
  'blog-2019-05-09': 'le billet de mai 2019',
  'blog-2020-01-17': 'le billet de janvier 2020',
  'blog-2021-04-01': 'le billet d’avril 2021 sur la promotion 4',
  'blog-2021-04-08': 'le billet d’avril 2021 sur la promotion 3',
  'ingenierie-programme': 'la documentation du programme',
  'programme-site': 'le site du programme',
};

function totalCheck(check: TotalCheck, what: string, idPrefix: string): QualityCheck {
  const severity = compare(check.computed.value, check.printed.value, 1);
  const printed = formatFigure(check.printed);
  const computed = formatFigure(check.computed);
  const scope = `des promotions ${listFr(check.promotions)}`;
  const title =
    severity === 'conforme'
      ? `${what} : le total publié (${printed}) est bien la somme ${scope}.`
      : severity === 'arrondi'
        ? `${what} : le total publié (${printed}) est la somme ${scope} (${computed}), arrondie.`
        : `${what} : le total publié est ${printed}, mais la somme ${scope} donne ${computed}.`;
  return {
    id: `${idPrefix}-${slug(check.indicator)}`,
    severity,
    title,
    figures: [
      { label: 'Total publié', figure: check.printed },
      { label: `Somme ${scope}`, figure: check.computed },
    ],
  };
}

interface Side {
  /** Who says it, as a noun phrase: « le rapport 2019 », « la liste de la communauté du site ». */
  source: string;
  figure: Figure;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string) =>
  /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

/**
 * Two figures that should be equal: « Mentors, EIG 1 : 4 selon la liste du site, 6 selon le rapport 2019. »
 * Most checks are comparisons, one per promotion or survey result, so a comparison keeps only what it compared
 * and writes its sentence and figure list when they are read: written out, they were most of the report's
 * memory on a large snapshot (see the scale benchmark).
 */
class Comparison implements QualityCheck {
  constructor(
    readonly id: string,
    readonly severity: Severity,
    private readonly what: string,
    private readonly a: Side,
    private readonly b: Side,
  ) {}

  get title(): string {
    const { what, a, b, severity } = this;
    return severity === 'conforme'
      ? `${what} : ${formatFigure(a.figure)} selon ${a.source} comme selon ${b.source}.`
      : `${what} : ${formatFigure(a.figure)} selon ${a.source}, ${formatFigure(b.figure)} selon ${b.source}${severity === 'arrondi' ? ' (arrondi)' : ''}.`;
  }

  get figures(): { label: string; figure: Figure }[] {
    return [
      { label: capitalise(this.a.source), figure: this.a.figure },
      { label: capitalise(this.b.source), figure: this.b.figure },
    ];
  }

  toJSON(): QualityCheck {
    return { id: this.id, severity: this.severity, title: this.title, figures: this.figures };
  }
}

function comparison(
  id: string,
  what: string,
  a: Side,
  b: Side,
  severityIfDifferent: Severity,
  tolerance = 0,
): QualityCheck {
  const raw = compare(a.figure.value, b.figure.value, tolerance);
  const severity = raw === 'conforme' ? 'conforme' : raw === 'arrondi' ? 'arrondi' : severityIfDifferent;
  return new Comparison(id, severity, what, a, b);
}

/** Shares that should add up to 100 % (profiles of a promotion, who paid the salaries). */
function sumsToHundred(id: string, what: string, parts: { label: string; figure: Figure }[]): QualityCheck {
  const total = sumOf(
    parts.map((p) => p.figure),
    'pourcent',
  );
  const severity = compare(total.value, 100, 1.5);
  const listed = parts.map((p) => `${lowerFirst(p.label)} ${formatFigure(p.figure)}`).join(', ');
  return {
    id,
    severity: severity === 'incoherence' ? 'incoherence' : severity,
    title:
      severity === 'conforme'
        ? `${what} : les parts publiées (${listed}) font bien 100 %.`
        : `${what} : les parts publiées (${listed}) font ${formatFigure(total)}${severity === 'arrondi' ? ', à l’arrondi près' : ''}.`,
    figures: [...parts, { label: 'Total', figure: total }],
  };
}

function programmeChecks(inputs: QualityInputs): QualityCheck[] {
  return inputs.programmeTotals.map((c) => totalCheck(c, label(INDICATOR_LABELS, c.indicator), 'total'));
}

function budgetChecks(inputs: QualityInputs): QualityCheck[] {
  const lines = inputs.budgetTotals.map((c) =>
    totalCheck(c, `Budget, ${lowerFirst(label(BUDGET_LINE_LABELS, c.indicator))}`, 'total-budget'),
  );
  const promotions = inputs.promotionBudgetChecks.map((c) => {
    const severity = compare(c.computed.value, c.printed.value, 1);
    return {
      id: `budget-total-${slug(c.promotion)}`,
      severity,
      title:
        severity === 'conforme'
          ? `Budget ${c.promotion} : les dépenses totales publiées (${formatFigure(c.printed)}) sont bien la somme des quatre postes.`
          : `Budget ${c.promotion} : dépenses totales publiées ${formatFigure(c.printed)}, somme des postes ${formatFigure(c.computed)}.`,
      figures: [
        { label: 'Dépenses totales publiées', figure: c.printed },
        { label: 'Somme des postes', figure: c.computed },
      ],
    };
  });
  return [...lines, ...promotions];
}

function crossSourceChecks(inputs: QualityInputs): QualityCheck[] {
  const { kf, defis } = inputs;
  const checks: QualityCheck[] = [];
  const eig = (p: string) => kf.get(p, 'eig');
  const sumOfPromotions = (indicator: string, promotions: string[]) => {
    const figures = promotions.map((p) => kf.get(p, indicator)).filter((f): f is Figure => f !== null);
    return figures.length === promotions.length ? sumOf(figures) : null;
  };

  // Figures of the May 2019 blog post against the 2019 report.
  const applications = kf.get('Total', 'candidatures_recues');
  const againstBlog: {
    id: string;
    what: string;
    blog: Figure | null;
    other: string;
    figure: Figure | null;
    severity: Severity;
  }[] = [
    {
      id: 'defis-deposes-billet-rapport',
      what: 'Défis proposés par les administrations',
      blog: kf.get('Total', 'defis_deposes'),
      other: 'le total imprimé du rapport 2019',
      figure: kf.get('Total', 'defis_proposes'),
      severity: 'incoherence',
    },
    {
      id: 'candidatures-billet-rapport',
      what: 'Candidatures reçues',
      blog: applications,
      other: 'la somme des promotions 1 à 3 du rapport 2019',
      figure: sumOfPromotions('candidats_eig', ['EIG 1', 'EIG 2', 'EIG 3']),
      severity: applications?.qualifier ? 'approximation' : 'incoherence',
    },
    {
      id: 'postes-eig-billet-rapport',
      what: 'Postes d’EIG des promotions 1 à 3',
      blog: kf.get('Total', 'postes_eig_ouverts'),
      other: 'la somme des EIG des promotions 1 à 3 du rapport 2019',
      figure: sumOfPromotions('eig', ['EIG 1', 'EIG 2', 'EIG 3']),
      severity: 'ecart',
    },
    {
      id: 'eig-alumni-billet-rapport',
      what: 'EIG alumni (promotions 1 et 2)',
      blog: kf.get('Total', 'eig_alumni'),
      other: 'la somme des EIG 1 et EIG 2 du rapport 2019',
      figure: sumOfPromotions('eig', ['EIG 1', 'EIG 2']),
      severity: 'ecart',
    },
    {
      id: 'eig-en-cours-billet-rapport',
      what: 'EIG de la promotion 3',
      blog: kf.get('EIG 3', 'eig_en_cours'),
      other: 'le rapport 2019',
      figure: eig('EIG 3'),
      severity: 'ecart',
    },
  ];
  for (const { id, what, blog, other, figure, severity } of againstBlog) {
    if (blog && figure)
      checks.push(
        comparison(id, what, { source: 'le billet de mai 2019', figure: blog }, { source: other, figure }, severity),
      );
  }

  // The website's community list against the report and the 2021 posts.
  const listed = communityEigCounts(inputs.community);
  const listedMentors = communityMentorCounts(inputs.community);
  for (const [promotion, figure] of [...listed].sort(byPromotion(([p]) => p))) {
    const reported = eig(promotion);
    if (!reported) continue;
    checks.push(
      comparison(
        `communaute-eig-${slug(promotion)}`,
        `Nombre d’EIG, ${promotion}`,
        { source: 'la liste de la communauté du site du programme', figure },
        { source: sourceName(reported), figure: reported },
        'ecart',
      ),
    );
  }
  for (const [promotion, figure] of [...listedMentors].sort(byPromotion(([p]) => p))) {
    const reported = kf.get(promotion, 'mentors');
    if (!reported) continue;
    checks.push(
      comparison(
        `communaute-mentors-${slug(promotion)}`,
        `Nombre de mentors, ${promotion}`,
        { source: 'la liste de la communauté du site du programme', figure },
        { source: sourceName(reported), figure: reported },
        'ecart',
      ),
    );
  }

  // The défis list against the programme's counts of défis and of EIG.
  // Grouped in one pass: a filter per promotion is quadratic on large inputs (see the scale benchmark).
  const defisOf = new Map<string, Defi[]>();
  for (const d of defis) {
    const list = defisOf.get(d.promotion);
    if (list) list.push(d);
    else defisOf.set(d.promotion, [d]);
  }
  const promotions = [...defisOf.keys()].filter(isEigPromotion);
  for (const promotion of promotions) {
    const listedDefis = defisOf.get(promotion)!;
    const reported = kf.get(promotion, 'defis');
    if (reported) {
      checks.push(
        comparison(
          `defis-liste-${slug(promotion)}`,
          `Nombre de défis, ${promotion}`,
          {
            source: 'la liste des défis du site du programme',
            figure: { value: listedDefis.length, unit: 'défis', from: listedDefis.map((d) => d.ref), computed: true },
          },
          { source: sourceName(reported), figure: reported },
          'ecart',
        ),
      );
    }
  }
  for (const { promotion, figure } of inputs.teamSizes.filter((t) => isEigPromotion(t.promotion))) {
    const reported = eig(promotion);
    if (!reported) continue;
    checks.push(
      comparison(
        `taille-equipes-${slug(promotion)}`,
        `Nombre d’EIG, ${promotion}`,
        { source: 'la somme des tailles d’équipe de la liste des défis', figure },
        { source: sourceName(reported), figure: reported },
        'ecart',
      ),
    );
  }

  const structures = kf.get('Total', 'structures_publiques_accueil');
  const services = kf.get('Total', 'services_ou_directions');
  const firstThree = defis.filter((d) => ['EIG 1', 'EIG 2', 'EIG 3'].includes(d.promotion));
  const distinct = byAdministration(firstThree);
  const distinctFigure: Figure = {
    value: distinct.length,
    unit: 'structures',
    from: firstThree.map((d) => d.ref),
    computed: true,
  };
  if (structures && services) {
    checks.push({
      id: 'structures-accueil',
      severity: 'ecart',
      title: `Administrations d’accueil des promotions 1 à 3 : le billet de mai 2019 compte ${formatFigure(structures)} structures publiques et ${formatFigure(services)} services ou directions ; la liste des défis du site porte ${distinct.length} noms d’administration différents (une fois la casse, les accents et la ponctuation ignorés), qui mêlent ministères, directions et services.`,
      figures: [
        { label: 'Structures publiques (billet)', figure: structures },
        { label: 'Services ou directions (billet)', figure: services },
        { label: 'Noms d’administration distincts (liste des défis)', figure: distinctFigure },
      ],
    });
  }
  return checks;
}

function profileChecks(kf: KeyFigures): QualityCheck[] {
  const checks: QualityCheck[] = [];
  const byPromo = new Map<string, ReturnType<typeof composition>>();
  for (const item of composition(kf)) byPromo.set(item.promotion, [...(byPromo.get(item.promotion) ?? []), item]);
  for (const [promotion, items] of byPromo) {
    const printedShares = items.filter((i) => i.share !== null && !i.share.computed);
    if (printedShares.length > 1) {
      checks.push(
        sumsToHundred(
          `profils-somme-parts-${slug(promotion)}`,
          `Profils de la promotion ${promotion}`,
          printedShares.map((i) => ({ label: label(PROFILE_LABELS, i.profile), figure: i.share! })),
        ),
      );
    }
    const counts = items.map((i) => i.count).filter((c): c is Figure => c !== null);
    const reported = kf.get(promotion, 'eig');
    if (counts.length > 1 && reported) {
      checks.push(
        comparison(
          `profils-somme-effectifs-${slug(promotion)}`,
          `Profils de la promotion ${promotion}`,
          { source: 'la somme des effectifs par profil', figure: sumOf(counts, 'personnes') },
          { source: `le nombre d’EIG publié (${sourceName(reported)})`, figure: reported },
          'incoherence',
        ),
      );
    }
    const total = counts.length > 1 ? sumOf(counts, 'personnes') : null;
    for (const item of items) {
      if (!item.count || !item.share || item.share.computed || !total) continue;
      const computedShare: Figure = {
        value: (100 * item.count.value) / total.value,
        unit: 'pourcent',
        from: concatFrom([item.count, total]),
        computed: true,
      };
      checks.push(
        comparison(
          `profils-part-effectif-${slug(promotion)}-${slug(item.profile)}`,
          `${label(PROFILE_LABELS, item.profile)}, promotion ${promotion}`,
          { source: sourceName(item.share), figure: item.share },
          { source: 'le calcul sur les effectifs publiés', figure: computedShare },
          'incoherence',
          0.5,
        ),
      );
    }
  }
  for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3', 'EIG 4']) {
    const pia = kf.get(promotion, 'part_pia_dans_salaires');
    const administrations = kf.get(promotion, 'part_administrations_dans_salaires');
    if (!pia || !administrations) continue;
    checks.push(
      sumsToHundred(`salaires-parts-${slug(promotion)}`, `Financement des salaires de la promotion ${promotion}`, [
        { label: 'PIA', figure: pia },
        { label: 'Administrations', figure: administrations },
      ]),
    );
  }
  return checks;
}

/** « 10 EIG sur 27 », « 29 % de 14 projets »: a published percentage next to the counts it was computed from. */
function ratioChecks(inputs: QualityInputs): QualityCheck[] {
  const checks: QualityCheck[] = [];
  for (const item of inputs.surveys) {
    const match = /(\d+)\s+\S+\s+sur\s+(\d+)/u.exec(item.figure.note ?? '');
    if (!match) continue;
    const [part, whole] = [Number(match[1]), Number(match[2])];
    const computed: Figure = { value: (100 * part) / whole, unit: 'pourcent', from: item.figure.from, computed: true };
    checks.push(
      comparison(
        `enquete-ratio-${slug(item.survey)}-${slug(item.population)}-${slug(item.indicator)}`,
        `${label(QUESTION_LABELS, item.indicator)} (${label(POPULATION_LABELS, item.population)}, ${label(SURVEY_SHORT_LABELS, item.survey)})`,
        { source: sourceName(item.figure), figure: item.figure },
        { source: `le calcul ${part} sur ${whole}`, figure: computed },
        'incoherence',
        0.5,
      ),
    );
  }
  for (const item of inputs.followUp) {
    const match = /(\d+)\s*%\s*de\s*(\d+)/u.exec(item.figure.note ?? '');
    if (!match) continue;
    const [percent, whole] = [Number(match[1]), Number(match[2])];
    const computed: Figure = {
      value: (100 * item.figure.value) / whole,
      unit: 'pourcent',
      from: item.figure.from,
      computed: true,
    };
    checks.push(
      comparison(
        `suivi-ratio-${slug(item.promotion)}-${item.date}-${slug(item.category)}`,
        `${label(FOLLOW_UP_LABELS, item.category)}, ${item.promotion}, ${formatMonth(item.date)}`,
        {
          source: sourceName(item.figure),
          figure: { value: percent, unit: 'pourcent', from: item.figure.from, computed: false },
        },
        { source: `le calcul ${item.figure.value} sur ${whole}`, figure: computed },
        'incoherence',
        0.5,
      ),
    );
  }
  return checks;
}

function followUpChecks(inputs: QualityInputs): QualityCheck[] {
  const sums = inputs.partitionSums;
  const promotions = [...new Set(sums.map((s) => s.promotion))];
  return promotions.flatMap((promotion) => {
    const ofPromotion = sums.filter((s) => s.promotion === promotion);
    const reference = ofPromotion.find((s) => s.indicator === 'etat') ?? ofPromotion[0];
    if (!reference) return [];
    return ofPromotion
      .filter((s) => s !== reference)
      .map((s) =>
        comparison(
          `suivi-somme-${slug(promotion)}-${s.date}-${slug(s.indicator)}`,
          `${label(FOLLOW_UP_LABELS, s.indicator)}, ${promotion}, ${formatMonth(s.date)}`,
          { source: 'la somme de ses catégories', figure: s.total },
          {
            source: `la somme des projets par état (${formatMonth(reference.date)})`,
            figure: reference.total,
          },
          'incoherence',
        ),
      );
  });
}

function formatChecks(defis: Defi[]): QualityCheck[] {
  const links = defis
    .filter((d) => d.code && !d.code.wellFormed)
    .map<QualityCheck>((d) => ({
      id: `lien-${slug(d.promotion)}-${slug(d.name)}`,
      severity: 'format',
      title: `Défi « ${d.name} » (${d.promotion}) : le lien vers le code source « ${d.code!.url} » est mal formé (pas de nom de domaine).`,
      figures: [
        { label: 'Ligne de la liste des défis', figure: { value: 1, unit: 'défis', from: [d.ref], computed: false } },
      ],
    }));
  const spellings = spellingVariants(defis).map<QualityCheck>((group) => ({
    id: `orthographe-${slug(group.key)}`,
    severity: 'format',
    title: `Une même administration écrite de ${group.spellings.length} façons : ${group.spellings.map((s) => `« ${s.text} »`).join(', ')}.`,
    figures: group.spellings.map((s) => ({
      label: `« ${s.text} »`,
      figure: { value: s.defis.length, unit: 'défis', from: s.defis.map((d) => d.ref), computed: true },
    })),
  }));
  const wellFormed = defis.filter((d) => d.code?.wellFormed).length;
  const summary: QualityCheck = {
    id: 'liens-bien-formes',
    severity: 'conforme',
    title: `${wellFormed} liens vers le code source sur ${defis.filter((d) => d.code).length} sont bien formés.`,
    figures: [],
  };
  return [...links, ...spellings, summary];
}

function boundsNotice(inputs: QualityInputs): QualityCheck[] {
  const qualified = inputs.surveys.filter((s) => s.figure.qualifier);
  if (qualified.length === 0) return [];
  return [
    {
      id: 'pourcentages-bornes',
      severity: 'approximation',
      title: `${qualified.length} pourcentages des questionnaires sont publiés comme des bornes ou des approximations (« plus de », « près de ») : ils sont montrés tels quels, avec leur qualificatif.`,
      figures: qualified.map((s) => ({
        label: `${label(QUESTION_LABELS, s.indicator)} (${s.population})`,
        figure: s.figure,
      })),
    },
  ];
}

/**
 * What the report reads, computed once: buildAggregates publishes the same objects in its themes, so a figure
 * shown on a chart and the figure checked here are one object (and one copy in memory, see the scale benchmark).
 */
export interface QualityInputs {
  kf: KeyFigures;
  defis: Defi[];
  surveys: SurveyFigure[];
  followUp: FollowUpFigure[];
  community: CommunityFigure[];
  budget: BudgetFigure[];
  programmeTotals: TotalCheck[];
  budgetTotals: TotalCheck[];
  promotionBudgetChecks: PromotionBudgetCheck[];
  teamSizes: TeamSize[];
  partitionSums: PartitionSum[];
}

export function qualityInputs(data: SnapshotTables): QualityInputs {
  const kf = indexKeyFigures(data['chiffres-cles']);
  const defis = defiList(data.defis);
  const followUpFigures = followUp(data['suivi-defis']);
  const budget = budgetFigures(data.budget);
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
  };
}

export function qualityReport(data: SnapshotTables, inputs: QualityInputs = qualityInputs(data)): QualityReport {
  const { kf, defis } = inputs;
  const checks = [
    ...programmeChecks(inputs),
    ...budgetChecks(inputs),
    ...crossSourceChecks(inputs),
    ...profileChecks(kf),
    ...ratioChecks(inputs),
    ...followUpChecks(inputs),
    ...formatChecks(defis),
    ...boundsNotice(inputs),
  ];
  const ordered = [...checks].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  const counts = Object.fromEntries(
    SEVERITY_ORDER.map((s) => [s, checks.filter((c) => c.severity === s).length]),
  ) as Record<Severity, number>;
  return { checks: ordered, counts };
}
