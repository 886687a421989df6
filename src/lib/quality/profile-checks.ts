/**
 * The profiles of each promotion (developers, data scientists, designers…) and who paid its salaries: shares
 * that should add up to 100 %, counts that should add up to the promotion, shares that should be their counts'.
 */
import { group } from 'd3';
import type { KeyFigures } from '../aggregates/key-figures.ts';
import { composition } from '../aggregates/profiles.ts';
import { shareOf, sumOf, type Figure } from '../figures.ts';
import { formatFigure, formatPercent } from '../format.ts';
import { label, PROFILE_LABELS } from '../labels.ts';
import { isEigPromotion } from '../promotion-names.ts';
import { lowerFirst, slugify } from '../text.ts';
import { comparisonCheck, judge, type SourceName } from './comparison.ts';
import type { CheckedFigure, QualityCheck } from './quality-check.ts';

/** Shares printed to the unit, a few of them: they may miss 100 % by a point and a half and be right. */
const SHARES_TOLERANCE = 1.5;
/** A share printed to the unit is within half a point of its computation. */
const SHARE_TOLERANCE = 0.5;

type Item = ReturnType<typeof composition>[number];

export function profileChecks(kf: KeyFigures, sourceName: SourceName): QualityCheck[] {
  const profiles = [...group(composition(kf), (i) => i.promotion)].flatMap(([promotion, items]) => {
    const counts = items.map((i) => i.count).filter((c): c is Figure => c !== null);
    // A promotion with one profile counted has no breakdown to check.
    const total = counts.length > 1 ? sumOf(counts, 'personnes') : null;
    return [
      ...printedSharesSum(promotion, items),
      ...(total
        ? [...countsSum(kf, promotion, total, sourceName), ...sharesOfCounts(promotion, items, total, sourceName)]
        : []),
    ];
  });
  return [...profiles, ...salaryShares(kf)];
}

/** The shares a publication printed for a promotion's profiles, against 100 %. */
function printedSharesSum(promotion: string, items: Item[]): QualityCheck[] {
  const printed = items.filter((i) => i.share !== null && !i.share.computed);
  if (printed.length < 2) return [];
  return [
    sumsToHundred(
      `profils-somme-parts-${slugify(promotion)}`,
      `Profils de la promotion ${promotion}`,
      printed.map((i) => ({ label: label(PROFILE_LABELS, i.profile), figure: i.share! })),
    ),
  ];
}

/** The profiles' counts, added up, against the promotion's EIG. */
function countsSum(kf: KeyFigures, promotion: string, total: Figure, sourceName: SourceName): QualityCheck[] {
  const reported = kf.get(promotion, 'eig');
  if (!reported) return [];
  return [
    comparisonCheck({
      id: `profils-somme-effectifs-${slugify(promotion)}`,
      compares: `Profils de la promotion ${promotion}`,
      a: { source: 'la somme des effectifs par profil', figure: total },
      b: { source: `le nombre d’EIG publié (${sourceName(reported)})`, figure: reported },
    }),
  ];
}

/** Each printed share of a profile against its count's share of the counts. */
function sharesOfCounts(promotion: string, items: Item[], total: Figure, sourceName: SourceName): QualityCheck[] {
  // A share of no one at all is no share: nothing to compare it with.
  if (total.value <= 0) return [];
  return items.flatMap(({ profile, count, share }) =>
    count && share && !share.computed
      ? [
          comparisonCheck({
            id: `profils-part-effectif-${slugify(promotion)}-${slugify(profile)}`,
            compares: `${label(PROFILE_LABELS, profile)}, promotion ${promotion}`,
            a: { source: sourceName(share), figure: share },
            b: { source: 'le calcul sur les effectifs publiés', figure: shareOf(count, total) },
            tolerance: SHARE_TOLERANCE,
          }),
        ]
      : [],
  );
}

/** Who paid the salaries of each promotion: the programme (PIA) and the administrations, 100 % together. */
function salaryShares(kf: KeyFigures): QualityCheck[] {
  return kf.promotions.filter(isEigPromotion).flatMap((promotion) => {
    const pia = kf.get(promotion, 'part_pia_dans_salaires');
    const administrations = kf.get(promotion, 'part_administrations_dans_salaires');
    if (!pia || !administrations) return [];
    return [
      sumsToHundred(`salaires-parts-${slugify(promotion)}`, `Financement des salaires de la promotion ${promotion}`, [
        { label: 'PIA', figure: pia },
        { label: 'Administrations', figure: administrations },
      ]),
    ];
  });
}

/** Shares that should add up to 100 %. */
function sumsToHundred(id: string, what: string, parts: CheckedFigure[]): QualityCheck {
  const total = sumOf(
    parts.map((p) => p.figure),
    'pourcent',
  );
  const severity = judge(total.value, 100, { tolerance: SHARES_TOLERANCE });
  const listed = parts.map((p) => `${lowerFirst(p.label)} ${formatFigure(p.figure)}`).join(', ');
  return {
    id,
    severity,
    title:
      severity === 'conforme'
        ? `${what} : les parts publiées (${listed}) font bien ${formatPercent(100)}.`
        : `${what} : les parts publiées (${listed}) font ${formatFigure(total)}${severity === 'arrondi' ? ', à l’arrondi près' : ''}.`,
    figures: [...parts, { label: 'Total', figure: total }],
  };
}
