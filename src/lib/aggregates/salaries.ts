/**
 * Who paid the EIG's salaries, promotion by promotion, as each publication says it: the May 2019 post's two shares
 * (the PIA, the administrations) and their sum, the programme's rule (the administrations' minimum share), the
 * original site's three payers (the PIA, the administrations that co-financed, the self-funded défis) with their
 * amounts and défis, and the average cost of an EIG that puts the amounts in scale.
 */
import { sumOf, type Figure } from '../figures.ts';
import { isEigPromotion, promotionRank } from '../promotion-names.ts';
import type { KeyFigure, KeyFigures } from './key-figures.ts';
import { ORIGINAL, type OriginalFigures } from './original-site.ts';

export const SALARY_SHARE_INDICATORS = ['part_pia_dans_salaires', 'part_administrations_dans_salaires'] as const;

/** A promotion's published shares, and their sum when there are several. */
export interface PublishedSplit {
  promotion: string;
  shares: KeyFigure[];
  sum: Figure | null;
  /** The sum is not 100 %: the post does not say why (rounding, most likely). */
  sumIsOff: boolean;
}

export type OriginalPayer = 'pia' | 'cofinanced' | 'selfFunded';

/** One of the original site's payers of a promotion's salaries: its share, and its amount and défis when given. */
export interface OriginalSplit {
  promotion: string;
  payer: OriginalPayer;
  share: Figure;
  amount: Figure | null;
  defis: Figure | null;
}

/** A share of the first promotion that gives it, and of the last. */
export interface Shift<T> {
  first: T;
  last: T;
}

export interface SalaryFunding {
  /** The post's split of each promotion that has one, in promotion order. */
  published: PublishedSplit[];
  /** Promotions between the first and the last with a split (the post's or the original site's) that have none. */
  unpublished: string[];
  /** The programme's rule: the administrations' minimum share of the employer's cost. */
  rules: KeyFigure[];
  /** The original site's split, promotion by promotion, its payers in the order of ORIGINAL_PAYERS. */
  original: OriginalSplit[];
  /** The average employer's cost of an EIG, as the programme's documentation gives it. */
  averageCost: KeyFigure | null;
  /** Promotions the original site splits and the post does not, in promotion order. */
  onlyOriginal: string[];
  /** The original site's PIA share, first and last promotion, with the last's other payers; null under two. */
  originalShift: (Shift<OriginalSplit> & { lastOthers: OriginalSplit[] }) | null;
  /** The post's shares, first and last promotion; null unless the PIA's is given for two promotions. */
  postShift: { pia: Shift<KeyFigure>; administrations: Shift<KeyFigure> } | null;
}

/** The original site's three payers: the indicators of their share, amount and défis. */
const ORIGINAL_PAYERS: readonly { payer: OriginalPayer; share: string; amount: string; defis: string }[] = [
  { payer: 'pia', share: ORIGINAL.sharePia, amount: ORIGINAL.salariesPia, defis: ORIGINAL.defisFunded },
  {
    payer: 'cofinanced',
    share: ORIGINAL.shareCofinanced,
    amount: ORIGINAL.salariesCofinanced,
    defis: ORIGINAL.defisCofunded,
  },
  {
    payer: 'selfFunded',
    share: ORIGINAL.shareSelfFunded,
    amount: ORIGINAL.salariesSelfFunded,
    defis: ORIGINAL.defisSelfFunded,
  },
];

function publishedSplits(kf: KeyFigures): PublishedSplit[] {
  const shares = SALARY_SHARE_INDICATORS.flatMap((indicator) =>
    kf.series(indicator).filter((s) => isEigPromotion(s.promotion)),
  );
  const promotions = [...new Set(shares.map((s) => s.promotion))].sort((a, b) => promotionRank(a) - promotionRank(b));
  return promotions.map((promotion) => {
    const ofPromotion = shares.filter((s) => s.promotion === promotion);
    const sum =
      ofPromotion.length > 1
        ? sumOf(
            ofPromotion.map((s) => s.figure),
            'pourcent',
          )
        : null;
    return { promotion, shares: ofPromotion, sum, sumIsOff: sum !== null && sum.value !== 100 };
  });
}

/** EIG promotions strictly between the first and the last given, and not given. */
function gaps(promotions: readonly string[]): string[] {
  const ranks = promotions.map(promotionRank);
  const missing: string[] = [];
  for (let rank = Math.min(...ranks) + 1; rank < Math.max(...ranks); rank++)
    if (!ranks.includes(rank)) missing.push(`EIG ${rank}`);
  return missing;
}

function originalSplits(original: OriginalFigures): OriginalSplit[] {
  return original.promotions.flatMap((promotion) =>
    ORIGINAL_PAYERS.flatMap(({ payer, share, amount, defis }) => {
      const shareFigure = original.value(share, promotion);
      if (!shareFigure) return [];
      return [
        {
          promotion,
          payer,
          share: shareFigure,
          amount: original.value(amount, promotion),
          defis: original.value(defis, promotion),
        },
      ];
    }),
  );
}

const shift = <T>(series: readonly T[]): Shift<T> | null => {
  const [first, last] = [series[0], series.at(-1)];
  return first && last && first !== last ? { first, last } : null;
};

function originalShift(originals: readonly OriginalSplit[]): SalaryFunding['originalShift'] {
  const pia = shift(originals.filter((s) => s.payer === 'pia'));
  if (!pia) return null;
  const lastOthers = originals.filter((s) => s.promotion === pia.last.promotion && s !== pia.last);
  return { ...pia, lastOthers };
}

function postShift(published: readonly PublishedSplit[]): SalaryFunding['postShift'] {
  const series = (indicator: string) => published.flatMap((p) => p.shares.filter((s) => s.indicator === indicator));
  const [piaSeries, administrationsSeries] = SALARY_SHARE_INDICATORS.map(series);
  const pia = shift(piaSeries!);
  const [first, last] = [administrationsSeries![0], administrationsSeries!.at(-1)];
  return pia && first && last ? { pia, administrations: { first, last } } : null;
}

export function salaryFunding(kf: KeyFigures, original: OriginalFigures): SalaryFunding {
  const published = publishedSplits(kf);
  const originals = originalSplits(original);
  const inOrder = [...originals].sort((a, b) => promotionRank(a.promotion) - promotionRank(b.promotion));
  const postPromotions = new Set(published.map((p) => p.promotion));
  return {
    published,
    unpublished: gaps([...published, ...originals].map((p) => p.promotion)),
    rules: kf.all.filter((f) => f.indicator === 'cofinancement_minimum_administrations'),
    original: originals,
    averageCost: kf.all.find((f) => f.indicator === 'cout_employeur_moyen_par_eig') ?? null,
    onlyOriginal: [...new Set(inOrder.map((s) => s.promotion))].filter((p) => !postPromotions.has(p)),
    originalShift: originalShift(inOrder),
    postShift: postShift(published),
  };
}
