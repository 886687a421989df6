/**
 * The original site against the other publications, figure by figure: the June 2019 report and the May 2019
 * blog post (EIG, mentors, défis, shares, budget lines…), the same post's counts of articles, and the website's
 * community list.
 */
import { ORIGINAL as O } from '../aggregates/original-site.ts';
import { sumOf, type Figure } from '../figures.ts';
import { capitalise, ofPhrase, slugify } from '../text.ts';
import { comparisonCheck } from './comparison.ts';
import { COMMUNITY_LIST } from './cross-source-checks.ts';
import type { OriginalContext } from './original-context.ts';
import type { QualityCheck } from './quality-check.ts';

interface Pair {
  id: string;
  what: string;
  /** The original's indicator. */
  mine: string;
  /** The other publication's: a key figure's indicator, or a budget line. */
  theirs: string;
  /** The blog post writes its shares to the unit. */
  tolerance?: number;
}

const KEY_FIGURES: Pair[] = [
  { id: 'eig', what: 'EIG', mine: O.eig, theirs: 'eig' },
  { id: 'mentors', what: 'mentors', mine: O.mentors, theirs: 'mentors' },
  { id: 'defis', what: 'défis', mine: O.defis, theirs: 'defis' },
  {
    id: 'administrations',
    what: 'administrations d’accueil (« services lauréats » pour le rapport)',
    mine: O.administrations,
    theirs: 'services_laureats',
  },
  { id: 'candidats', what: 'candidatures', mine: O.candidates, theirs: 'candidats_eig' },
  { id: 'age', what: 'âge moyen', mine: O.age, theirs: 'age_moyen' },
  {
    id: 'candidatures-feminines',
    what: 'part des candidatures féminines',
    mine: O.femaleApplications,
    theirs: 'part_candidatures_feminines',
  },
  { id: 'femmes', what: 'part des femmes', mine: O.shareWomen, theirs: 'part_femmes_eig' },
  { id: 'part-developpeurs', what: 'part des développeurs', mine: O.shareDevelopers, theirs: 'part_developpeurs' },
  {
    id: 'part-data-scientists',
    what: 'part des data scientists',
    mine: O.shareDataScientists,
    theirs: 'part_data_scientists',
  },
  { id: 'part-designers', what: 'part des designers', mine: O.shareDesigners, theirs: 'part_designers' },
  { id: 'developpeurs', what: 'développeurs', mine: O.developers, theirs: 'eig_developpement' },
  { id: 'data-scientists', what: 'data scientists', mine: O.dataScientists, theirs: 'eig_data_science' },
  { id: 'designers', what: 'designers', mine: O.designers, theirs: 'eig_design' },
  {
    id: 'part-pia',
    what: 'part des salaires payée par le PIA',
    mine: O.sharePia,
    theirs: 'part_pia_dans_salaires',
    tolerance: 1,
  },
  { id: 'equipe', what: 'équipe d’encadrement', mine: O.team, theirs: 'equipe_coordination' },
  { id: 'eig-link', what: 'EIG Link', mine: O.eigLink, theirs: 'eig_link' },
];

const BUDGET_LINES: Pair[] = [
  { id: 'enveloppe', what: 'enveloppe du PIA', mine: O.envelope, theirs: 'enveloppe_pia' },
  { id: 'salaires', what: 'salaires des EIG', mine: O.salariesTotal, theirs: 'salaires' },
  { id: 'communication', what: 'communication', mine: O.communicationTotal, theirs: 'communication' },
  {
    id: 'accompagnement',
    what: 'programme d’accompagnement',
    mine: O.accompanimentTotal,
    theirs: 'programme_accompagnement',
  },
  { id: 'recherche', what: 'liens avec la recherche', mine: O.researchTotal, theirs: 'liens_recherche' },
  {
    id: 'cout-total',
    what: 'coût total du programme (« dépenses totales » pour le rapport)',
    mine: O.programmeTotal,
    theirs: 'budget_total',
  },
];

/** The original's yearly counts of articles, each against the blog post's total. */
const ARTICLES: [id: string, indicator: string, total: string][] = [
  ['presse', O.press, 'articles_presse_depuis_2017'],
  ['blog-etalab', O.etalabBlog, 'articles_blog_etalab'],
  ['blog-eig', O.eigBlog, 'articles_blog_site_eig'],
];

/** The original's profiles and the website's community list's. */
const COMMUNITY: [indicator: string, profile: string][] = [
  [O.developers, 'developpement'],
  [O.dataScientists, 'data science'],
  [O.designers, 'design'],
];

/** The original's figures of a promotion against the report's and the blog post's. */
export function publicationChecks(ctx: OriginalContext, promotion: string): QualityCheck[] {
  const { kf, budget } = ctx.inputs;
  const keyFigure = (indicator: string) => kf.get(promotion, indicator);
  const budgetLine = (line: string) => budget.find((b) => b.promotion === promotion && b.line === line)?.figure ?? null;
  return [
    ...KEY_FIGURES.flatMap((pair) => against(ctx, promotion, pair, keyFigure(pair.theirs))),
    ...BUDGET_LINES.flatMap((pair) => against(ctx, promotion, pair, budgetLine(pair.theirs))),
    ...administrationsShare(ctx, promotion),
  ];
}

function against(ctx: OriginalContext, promotion: string, pair: Pair, theirs: Figure | null): QualityCheck[] {
  const mine = ctx.value(pair.mine, promotion);
  if (!mine || !theirs) return [];
  return [
    comparisonCheck({
      id: `origine-${pair.id}-${slugify(promotion)}`,
      compares: `${capitalise(pair.what)}, ${promotion}`,
      a: { source: ctx.site, figure: mine },
      b: { source: ctx.sourceName(theirs), figure: theirs },
      different: 'ecart',
      tolerance: pair.tolerance,
    }),
  ];
}

/** The blog post's « administrations » share is the self-funded and the co-funded défis' together. */
function administrationsShare(ctx: OriginalContext, promotion: string): QualityCheck[] {
  const self = ctx.value(O.shareSelfFunded, promotion);
  const cofunded = ctx.value(O.shareCofinanced, promotion);
  const blog = ctx.inputs.kf.get(promotion, 'part_administrations_dans_salaires');
  if (!self || !cofunded || !blog) return [];
  return [
    comparisonCheck({
      id: `origine-part-administrations-${slugify(promotion)}`,
      compares: `Part des salaires payée par les administrations (défis autofinancés et cofinancés), ${promotion}`,
      a: { source: `${ctx.site} (somme de ses deux parts)`, figure: sumOf([self, cofunded], 'pourcent') },
      b: { source: ctx.sourceName(blog), figure: blog },
      different: 'ecart',
      tolerance: 1,
    }),
  ];
}

/** The original's yearly counts of articles, added up, against the May 2019 post's totals. */
export function articleChecks(ctx: OriginalContext): QualityCheck[] {
  const { original, kf } = ctx.inputs;
  return ARTICLES.flatMap(([id, indicator, totalIndicator]) => {
    const yearly = original.series(indicator).filter((f) => f.figure !== null);
    const total = kf.get('Total', totalIndicator);
    if (yearly.length === 0 || !total) return [];
    const [first, last] = [yearly[0]!.year, yearly.at(-1)!.year];
    const years = first === last ? `${first}` : `${first} à ${last}`;
    return [
      comparisonCheck({
        id: `origine-articles-${id}`,
        compares: `${indicator}, ${years}`,
        a: {
          source: `la somme des chiffres annuels ${ofPhrase(ctx.site)}`,
          figure: sumOf(
            yearly.map((f) => f.figure!),
            'articles',
          ),
        },
        b: { source: ctx.sourceName(total), figure: total },
        different: 'ecart',
      }),
    ];
  });
}

/** The original's profiles of a promotion against the website's community list. */
export function communityChecks(ctx: OriginalContext, promotion: string): QualityCheck[] {
  const listedAs = (profile: string) =>
    ctx.inputs.community.find((c) => c.programme === 'EIG' && c.promotion === promotion && c.profile === profile);
  return COMMUNITY.flatMap(([indicator, profile]) => {
    const mine = ctx.value(indicator, promotion);
    const listed = listedAs(profile);
    if (!mine || !listed) return [];
    return [
      comparisonCheck({
        id: `origine-communaute-${slugify(profile)}-${slugify(promotion)}`,
        compares: `${capitalise(indicator.replace(/^Nombre de /u, ''))}, ${promotion}`,
        a: { source: ctx.site, figure: mine },
        b: { source: COMMUNITY_LIST, figure: listed.figure },
        different: 'ecart',
      }),
    ];
  });
}
