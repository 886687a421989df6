/**
 * The programme's publications against each other: the May 2019 blog post against the 2019 report, the
 * website's community list and défis list against the report's counts, the host administrations the blog post
 * counts against the names the défis list gives.
 */
import { group } from 'd3';
import { byAdministration, type Defi } from '../aggregates/defis.ts';
import type { Figures } from '../aggregates/index.ts';
import type { KeyFigures } from '../aggregates/key-figures.ts';
import { coveredPromotions } from '../aggregates/programme.ts';
import { communityEigCounts, communityMentorCounts } from '../aggregates/profiles.ts';
import { sumOf, type Figure } from '../figures.ts';
import { formatFigure } from '../format.ts';
import { byPromotion, isEigPromotion, promotionSpan } from '../promotion-names.ts';
import type { Publications } from '../publications.ts';
import { listFr, ofPhrase, slugify } from '../text.ts';
import { comparisonCheck, type Comparison, type SourceName } from './comparison.ts';
import type { QualityCheck } from './quality-check.ts';

/** The website's list of the programme's people, as a source. */
export const COMMUNITY_LIST = 'la liste de la communauté du site du programme';

export function crossSourceChecks(inputs: Figures, sourceName: SourceName, publications: Publications): QualityCheck[] {
  return [
    ...blogAgainstReport(inputs.kf, sourceName, publications),
    ...communityCounts(inputs, sourceName),
    ...defisListCounts(inputs, sourceName),
    ...teamSizeCounts(inputs, sourceName),
    ...hostStructures(inputs, sourceName),
  ];
}

/** The sum of an indicator over promotions, when every one of them has it. */
function sumOfPromotions(kf: KeyFigures, indicator: string, promotions: readonly string[]): Figure | null {
  const figures = promotions.map((p) => kf.get(p, indicator)).filter((f): f is Figure => f !== null);
  return figures.length === promotions.length && figures.length > 0 ? sumOf(figures) : null;
}

/**
 * Figures of the May 2019 blog post against the 2019 report. The report's promotions are those its totals add
 * up; the promotion still running when it was written is the one the blog post counts « en cours ».
 */
function blogAgainstReport(kf: KeyFigures, sourceName: SourceName, publications: Publications): QualityCheck[] {
  const reportDesignation = publications.designation(kf.get('Total', 'eig')?.from[0]?.source ?? '');
  const reportName = ofPhrase(reportDesignation);
  const report = coveredPromotions(kf.all, 'eig');
  const applied = coveredPromotions(kf.all, 'candidats_eig');
  const running = kf.series('eig_en_cours').find((s) => isEigPromotion(s.promotion));
  const alumni = report.filter((p) => p !== running?.promotion);
  const applications = kf.get('Total', 'candidatures_recues');
  const pairs: (Omit<Comparison, 'a' | 'b'> & { blog: Figure | null; other: string; figure: Figure | null })[] = [
    {
      id: 'defis-deposes-billet-rapport',
      compares: 'Défis proposés par les administrations',
      blog: kf.get('Total', 'defis_deposes'),
      other: `le total imprimé ${reportName}`,
      figure: kf.get('Total', 'defis_proposes'),
      different: 'incoherence',
    },
    {
      id: 'candidatures-billet-rapport',
      compares: 'Candidatures reçues',
      blog: applications,
      other: `la somme des ${promotionSpan(applied)} ${reportName}`,
      figure: sumOfPromotions(kf, 'candidats_eig', applied),
      different: applications?.qualifier ? 'approximation' : 'incoherence',
    },
    {
      id: 'postes-eig-billet-rapport',
      compares: `Postes d’EIG des ${promotionSpan(report)}`,
      blog: kf.get('Total', 'postes_eig_ouverts'),
      other: `la somme des EIG des ${promotionSpan(report)} ${reportName}`,
      figure: sumOfPromotions(kf, 'eig', report),
      different: 'ecart',
    },
    {
      id: 'eig-alumni-billet-rapport',
      compares: `EIG alumni (${promotionSpan(alumni)})`,
      blog: kf.get('Total', 'eig_alumni'),
      other: `la somme des ${listFr(alumni)} ${reportName}`,
      figure: sumOfPromotions(kf, 'eig', alumni),
      different: 'ecart',
    },
    {
      id: 'eig-en-cours-billet-rapport',
      compares: `EIG de la ${promotionSpan(running ? [running.promotion] : [])}`,
      blog: running?.figure ?? null,
      other: reportDesignation,
      figure: running ? kf.get(running.promotion, 'eig') : null,
      different: 'ecart',
    },
  ];
  return pairs.flatMap(({ blog, other, figure, ...pair }) =>
    blog && figure
      ? [comparisonCheck({ ...pair, a: { source: sourceName(blog), figure: blog }, b: { source: other, figure } })]
      : [],
  );
}

/** The people the website's community list names, per promotion, against the EIG and mentors reported. */
function communityCounts({ community, kf }: Figures, sourceName: SourceName): QualityCheck[] {
  const against = (listed: Map<string, Figure>, indicator: string, idPart: string, what: string) =>
    [...listed].sort(byPromotion(([p]) => p)).flatMap(([promotion, figure]) => {
      const reported = kf.get(promotion, indicator);
      if (!reported) return [];
      return [
        comparisonCheck({
          id: `communaute-${idPart}-${slugify(promotion)}`,
          compares: `${what}, ${promotion}`,
          a: { source: COMMUNITY_LIST, figure },
          b: { source: sourceName(reported), figure: reported },
          different: 'ecart',
        }),
      ];
    });
  return [
    ...against(communityEigCounts(community), 'eig', 'eig', 'Nombre d’EIG'),
    ...against(communityMentorCounts(community), 'mentors', 'mentors', 'Nombre de mentors'),
  ];
}

/** The défis the website lists for each promotion against the number the publications give. */
function defisListCounts({ defis, kf }: Figures, sourceName: SourceName): QualityCheck[] {
  return [...group(defis, (d) => d.promotion)].flatMap(([promotion, listed]) => {
    const reported = kf.get(promotion, 'defis');
    if (!isEigPromotion(promotion) || !reported) return [];
    const figure: Figure = { value: listed.length, unit: 'défis', from: listed.map((d) => d.ref), computed: true };
    return [
      comparisonCheck({
        id: `defis-liste-${slugify(promotion)}`,
        compares: `Nombre de défis, ${promotion}`,
        a: { source: 'la liste des défis du site du programme', figure },
        b: { source: sourceName(reported), figure: reported },
        different: 'ecart',
      }),
    ];
  });
}

/** The team sizes of the défis list, added up per promotion, against the number of EIG reported. */
function teamSizeCounts({ teamSizes, kf }: Figures, sourceName: SourceName): QualityCheck[] {
  return teamSizes.flatMap(({ promotion, figure }) => {
    const reported = kf.get(promotion, 'eig');
    if (!isEigPromotion(promotion) || !reported) return [];
    return [
      comparisonCheck({
        id: `taille-equipes-${slugify(promotion)}`,
        compares: `Nombre d’EIG, ${promotion}`,
        a: { source: 'la somme des tailles d’équipe de la liste des défis', figure },
        b: { source: sourceName(reported), figure: reported },
        different: 'ecart',
      }),
    ];
  });
}

/** Not one comparison but three figures: what the blog post counts and what the défis list names. */
function hostStructures({ kf, defis }: Figures, sourceName: SourceName): QualityCheck[] {
  const structures = kf.get('Total', 'structures_publiques_accueil');
  const services = kf.get('Total', 'services_ou_directions');
  if (!structures || !services) return [];
  const report = coveredPromotions(kf.all, 'eig');
  const listed: Defi[] = defis.filter((d) => report.includes(d.promotion));
  const distinct = byAdministration(listed).length;
  const distinctFigure: Figure = {
    value: distinct,
    unit: 'structures',
    from: listed.map((d) => d.ref),
    computed: true,
  };
  return [
    {
      id: 'structures-accueil',
      severity: 'ecart',
      title: `Administrations d’accueil des ${promotionSpan(report)} : ${sourceName(structures)} compte ${formatFigure(structures)} structures publiques et ${formatFigure(services)} services ou directions ; la liste des défis du site porte ${distinct} noms d’administration différents (une fois la casse, les accents et la ponctuation ignorés), qui mêlent ministères, directions et services.`,
      figures: [
        { label: 'Structures publiques (billet)', figure: structures },
        { label: 'Services ou directions (billet)', figure: services },
        { label: 'Noms d’administration distincts (liste des défis)', figure: distinctFigure },
      ],
    },
  ];
}
