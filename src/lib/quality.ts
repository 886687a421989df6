/**
 * The data-quality report: every place where the published figures disagree with each other or with
 * themselves, and every check that passed. It lists, never hides; the site shows it on its own page and the
 * build prints its summary.
 */
import { byAdministration, spellingVariants, type Defi } from './aggregates/defis.ts';
import type { Figures } from './aggregates/index.ts';
import type { KeyFigures } from './aggregates/key-figures.ts';
import { coveredPromotions } from './aggregates/programme.ts';
import { communityEigCounts, communityMentorCounts, composition } from './aggregates/profiles.ts';
import type { TotalCheck } from './aggregates/totals.ts';
import { concatFrom, sumOf, type Figure } from './figures.ts';
import { formatFigure, formatMonth, formatPercent } from './format.ts';
import type { Publications } from './publications.ts';
import { capitalise, flat, listFr, lowerFirst, ofPhrase, slugify as slug } from './text.ts';
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
import { byPromotion, isEigPromotion, promotionSpan } from './promotion-names.ts';
import { websiteChecks } from './quality/websites.ts';
import { comparisonFigures, comparisonTitle, originalSiteChecks } from './quality/original-site.ts';

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

interface CheckFields {
  /** Stable identifier, usable as an anchor (« total-defis-proposes »). */
  id: string;
  severity: Severity;
}

export interface CheckedFigure {
  /** Who says it, or what it is (« Le rapport 2019 », « Somme des postes »). */
  label: string;
  figure: Figure;
}

/** A check with its sentence. */
export interface WrittenCheck extends CheckFields {
  /** One sentence, in French, saying what was compared and what was found. */
  title: string;
  /** The figures compared, each with the rows it comes from. */
  figures: CheckedFigure[];
}

/**
 * Two figures that should be equal, each with who says it. The sentence and the labels are written from them
 * when shown (checkTitle, checkFigures): comparisons are most of a large snapshot's checks, and their sentences
 * would be the larger part of the report's memory.
 */
export interface Comparison extends CheckFields {
  /** What is compared (« Designers, EIG 3 »). */
  compares: string;
  /** Who says the first figure, as a noun phrase (« le site d’origine »), and the figure; then the second. */
  sourceA: string;
  figureA: Figure;
  sourceB: string;
  figureB: Figure;
}

export type QualityCheck = WrittenCheck | Comparison;

/** The check's sentence, in French, saying what was compared and what was found. */
export const checkTitle = (check: QualityCheck): string => ('title' in check ? check.title : comparisonTitle(check));

/** The figures a check compares, each with its label and the rows it comes from. */
export const checkFigures = (check: QualityCheck): CheckedFigure[] =>
  'figures' in check ? check.figures : comparisonFigures(check);

/** A check as shown and written to JSON: with its sentence and labelled figures. */
export const writtenCheck = (check: QualityCheck): WrittenCheck =>
  'title' in check
    ? check
    : { id: check.id, severity: check.severity, title: checkTitle(check), figures: checkFigures(check) };

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

/** Who says a figure, as a noun phrase: « le rapport 2019 », or « le calcul » for a computed one. */
type SourceName = (figure: Figure) => string;

function sourceNames(publications: Publications): SourceName {
  return (figure) => (figure.computed ? 'le calcul' : publications.designation(figure.from[0]?.source ?? ''));
}

function totalCheck(check: TotalCheck, what: string, idPrefix: string): QualityCheck {
  const severity = compare(check.computed.value, check.printed.value, 1);
  const printed = formatFigure(check.printed);
  const computed = formatFigure(check.computed);
  const scope = `des promotions ${listFr(check.promotions)}`;
  const title =
    severity === 'conforme'
      ? flat`${what} : le total publié (${printed}) est bien la somme ${scope}.`
      : severity === 'arrondi'
        ? flat`${what} : le total publié (${printed}) est la somme ${scope} (${computed}), arrondie.`
        : `${what} : le total publié est ${printed}, mais la somme ${scope} donne ${computed}.`;
  return {
    id: flat`${idPrefix}-${slug(check.indicator)}`,
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

// The same few sources name thousands of comparisons on a large snapshot: one label string per source.
const labels = new Map<string, string>();
const labelOf = (source: string) => labels.get(source) ?? labels.set(source, capitalise(source)).get(source)!;

/** Two figures that should be equal: « Mentors, EIG 1 : 4 selon la liste du site, 6 selon le rapport 2019. » */
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
  return {
    id,
    severity,
    title:
      severity === 'conforme'
        ? flat`${what} : ${formatFigure(a.figure)} selon ${a.source} comme selon ${b.source}.`
        : flat`${what} : ${formatFigure(a.figure)} selon ${a.source}, ${formatFigure(b.figure)} selon ${b.source}${severity === 'arrondi' ? ' (arrondi)' : ''}.`,
    figures: [
      { label: labelOf(a.source), figure: a.figure },
      { label: labelOf(b.source), figure: b.figure },
    ],
  };
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
        ? flat`${what} : les parts publiées (${listed}) font bien ${formatPercent(100)}.`
        : flat`${what} : les parts publiées (${listed}) font ${formatFigure(total)}${severity === 'arrondi' ? ', à l’arrondi près' : ''}.`,
    figures: [...parts, { label: 'Total', figure: total }],
  };
}

function programmeChecks(inputs: Figures): QualityCheck[] {
  return inputs.programmeTotals.map((c) => totalCheck(c, label(INDICATOR_LABELS, c.indicator), 'total'));
}

function budgetChecks(inputs: Figures): QualityCheck[] {
  const lines = inputs.budgetTotals.map((c) =>
    totalCheck(c, `Budget, ${lowerFirst(label(BUDGET_LINE_LABELS, c.indicator))}`, 'total-budget'),
  );
  const promotions = inputs.promotionBudgetChecks.map((c) => {
    const severity = compare(c.computed.value, c.printed.value, 1);
    return {
      id: flat`budget-total-${slug(c.promotion)}`,
      severity,
      title:
        severity === 'conforme'
          ? flat`Budget ${c.promotion} : les dépenses totales publiées (${formatFigure(c.printed)}) sont bien la somme des quatre postes.`
          : flat`Budget ${c.promotion} : dépenses totales publiées ${formatFigure(c.printed)}, somme des postes ${formatFigure(c.computed)}.`,
      figures: [
        { label: 'Dépenses totales publiées', figure: c.printed },
        { label: 'Somme des postes', figure: c.computed },
      ],
    };
  });
  return [...lines, ...promotions];
}

function crossSourceChecks(inputs: Figures, sourceName: SourceName, publications: Publications): QualityCheck[] {
  const { kf, defis } = inputs;
  const checks: QualityCheck[] = [];
  const eig = (p: string) => kf.get(p, 'eig');
  const sumOfPromotions = (indicator: string, promotions: readonly string[]) => {
    const figures = promotions.map((p) => kf.get(p, indicator)).filter((f): f is Figure => f !== null);
    return figures.length === promotions.length && figures.length > 0 ? sumOf(figures) : null;
  };

  // Figures of the May 2019 blog post against the 2019 report. The report's promotions are those its totals
  // add up; the promotion still running when it was written is the one the blog post counts « en cours ».
  const report = coveredPromotions(kf.all, 'eig');
  const reportName = ofPhrase(publications.designation(kf.get('Total', 'eig')?.from[0]?.source ?? ''));
  const running = kf.series('eig_en_cours').find((s) => isEigPromotion(s.promotion));
  const alumni = report.filter((p) => p !== running?.promotion);
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
      other: `le total imprimé ${reportName}`,
      figure: kf.get('Total', 'defis_proposes'),
      severity: 'incoherence',
    },
    {
      id: 'candidatures-billet-rapport',
      what: 'Candidatures reçues',
      blog: applications,
      other: `la somme des ${promotionSpan(coveredPromotions(kf.all, 'candidats_eig'))} ${reportName}`,
      figure: sumOfPromotions('candidats_eig', coveredPromotions(kf.all, 'candidats_eig')),
      severity: applications?.qualifier ? 'approximation' : 'incoherence',
    },
    {
      id: 'postes-eig-billet-rapport',
      what: `Postes d’EIG des ${promotionSpan(report)}`,
      blog: kf.get('Total', 'postes_eig_ouverts'),
      other: `la somme des EIG des ${promotionSpan(report)} ${reportName}`,
      figure: sumOfPromotions('eig', report),
      severity: 'ecart',
    },
    {
      id: 'eig-alumni-billet-rapport',
      what: `EIG alumni (${promotionSpan(alumni)})`,
      blog: kf.get('Total', 'eig_alumni'),
      other: `la somme des ${listFr(alumni)} ${reportName}`,
      figure: sumOfPromotions('eig', alumni),
      severity: 'ecart',
    },
    {
      id: 'eig-en-cours-billet-rapport',
      what: `EIG de la ${promotionSpan(running ? [running.promotion] : [])}`,
      blog: running?.figure ?? null,
      other: publications.designation(kf.get('Total', 'eig')?.from[0]?.source ?? ''),
      figure: running ? eig(running.promotion) : null,
      severity: 'ecart',
    },
  ];
  for (const { id, what, blog, other, figure, severity } of againstBlog) {
    if (blog && figure)
      checks.push(
        comparison(id, what, { source: sourceName(blog), figure: blog }, { source: other, figure }, severity),
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
        flat`communaute-eig-${slug(promotion)}`,
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
        flat`communaute-mentors-${slug(promotion)}`,
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
          flat`defis-liste-${slug(promotion)}`,
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
        flat`taille-equipes-${slug(promotion)}`,
        `Nombre d’EIG, ${promotion}`,
        { source: 'la somme des tailles d’équipe de la liste des défis', figure },
        { source: sourceName(reported), figure: reported },
        'ecart',
      ),
    );
  }

  const structures = kf.get('Total', 'structures_publiques_accueil');
  const services = kf.get('Total', 'services_ou_directions');
  const firstThree = defis.filter((d) => report.includes(d.promotion));
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
      title: flat`Administrations d’accueil des ${promotionSpan(report)} : ${sourceName(structures)} compte ${formatFigure(structures)} structures publiques et ${formatFigure(services)} services ou directions ; la liste des défis du site porte ${distinct.length} noms d’administration différents (une fois la casse, les accents et la ponctuation ignorés), qui mêlent ministères, directions et services.`,
      figures: [
        { label: 'Structures publiques (billet)', figure: structures },
        { label: 'Services ou directions (billet)', figure: services },
        { label: 'Noms d’administration distincts (liste des défis)', figure: distinctFigure },
      ],
    });
  }
  return checks;
}

function profileChecks(kf: KeyFigures, sourceName: SourceName): QualityCheck[] {
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
          flat`profils-somme-effectifs-${slug(promotion)}`,
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
          flat`profils-part-effectif-${slug(promotion)}-${slug(item.profile)}`,
          `${label(PROFILE_LABELS, item.profile)}, promotion ${promotion}`,
          { source: sourceName(item.share), figure: item.share },
          { source: 'le calcul sur les effectifs publiés', figure: computedShare },
          'incoherence',
          0.5,
        ),
      );
    }
  }
  for (const promotion of kf.promotions.filter(isEigPromotion)) {
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
function ratioChecks(inputs: Figures, sourceName: SourceName): QualityCheck[] {
  const checks: QualityCheck[] = [];
  for (const item of inputs.surveys) {
    const match = /(\d+)\s+\S+\s+sur\s+(\d+)/u.exec(item.figure.note ?? '');
    if (!match) continue;
    const [part, whole] = [Number(match[1]), Number(match[2])];
    const computed: Figure = { value: (100 * part) / whole, unit: 'pourcent', from: item.figure.from, computed: true };
    checks.push(
      comparison(
        flat`enquete-ratio-${slug(item.survey)}-${slug(item.population)}-${slug(item.indicator)}`,
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
        flat`suivi-ratio-${slug(item.promotion)}-${item.date}-${slug(item.category)}`,
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

function followUpChecks(inputs: Figures): QualityCheck[] {
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
          flat`suivi-somme-${slug(promotion)}-${s.date}-${slug(s.indicator)}`,
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
      id: flat`lien-${slug(d.promotion)}-${slug(d.name)}`,
      severity: 'format',
      title: flat`Défi « ${d.name} » (${d.promotion}) : le lien vers le code source « ${d.code!.url} » est mal formé (pas de nom de domaine).`,
      figures: [
        { label: 'Ligne de la liste des défis', figure: { value: 1, unit: 'défis', from: [d.ref], computed: false } },
      ],
    }));
  const spellings = spellingVariants(defis).map<QualityCheck>((group) => ({
    id: flat`orthographe-${slug(group.key)}`,
    severity: 'format',
    title: flat`Une même administration écrite de ${group.spellings.length} façons : ${group.spellings.map((s) => `« ${s.text} »`).join(', ')}.`,
    figures: group.spellings.map((s) => ({
      label: `« ${s.text} »`,
      figure: { value: s.defis.length, unit: 'défis', from: s.defis.map((d) => d.ref), computed: true },
    })),
  }));
  const wellFormed = defis.filter((d) => d.code?.wellFormed).length;
  const summary: QualityCheck = {
    id: 'liens-bien-formes',
    severity: 'conforme',
    title: flat`${wellFormed} liens vers le code source sur ${defis.filter((d) => d.code).length} sont bien formés.`,
    figures: [],
  };
  return [...links, ...spellings, summary];
}

function boundsNotice(inputs: Figures): QualityCheck[] {
  const qualified = inputs.surveys.filter((s) => s.figure.qualifier);
  if (qualified.length === 0) return [];
  return [
    {
      id: 'pourcentages-bornes',
      severity: 'approximation',
      title: flat`${qualified.length} pourcentages des questionnaires sont publiés comme des bornes ou des approximations (« plus de », « près de ») : ils sont montrés tels quels, avec leur qualificatif.`,
      figures: qualified.map((s) => ({
        label: `${label(QUESTION_LABELS, s.indicator)} (${s.population})`,
        figure: s.figure,
      })),
    },
  ];
}

/** Every check, computed from the aggregates (never from the tables: adding a table never edits the report). */
export function qualityReport(inputs: Figures, publications: Publications): QualityReport {
  const { kf, defis } = inputs;
  const sourceName = sourceNames(publications);
  const checks = [
    ...programmeChecks(inputs),
    ...budgetChecks(inputs),
    ...crossSourceChecks(inputs, sourceName, publications),
    ...profileChecks(kf, sourceName),
    ...ratioChecks(inputs, sourceName),
    ...followUpChecks(inputs),
    ...formatChecks(defis),
    ...boundsNotice(inputs),
    ...websiteChecks(inputs, publications),
    ...originalSiteChecks(inputs, publications),
  ];
  const ordered = [...checks].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  const counts = Object.fromEntries(
    SEVERITY_ORDER.map((s) => [s, checks.filter((c) => c.severity === s).length]),
  ) as Record<Severity, number>;
  return { checks: ordered, counts };
}
