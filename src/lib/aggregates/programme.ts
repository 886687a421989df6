/** Promotions: EIG, mentors, défis, host services; applications and défis proposed; other programme figures. */
import { byPromotion, isEigPromotion, isTotal } from '../promotion-names.ts';
import type { KeyFigure, KeyFigures } from './key-figures.ts';
import { checkTotals, type TotalCheck } from './totals.ts';

export type PromotionFigure = KeyFigure;

/** Every published figure of these indicators, per EIG promotion (or including the « Total » rows). */
export function figuresFor(
  kf: KeyFigures,
  indicators: readonly string[],
  which: 'promotions' | 'all' = 'promotions',
): PromotionFigure[] {
  return indicators.flatMap((indicator) =>
    kf.series(indicator).filter((s) => which === 'all' || isEigPromotion(s.promotion)),
  );
}

export const PROMOTION_INDICATORS = ['eig', 'mentors', 'defis', 'services_laureats'] as const;
export const SELECTION_INDICATORS = ['candidats_eig', 'defis_proposes'] as const;

/** The promotions these figures give, in the order of their first figure. */
export const promotionsOf = (figures: readonly PromotionFigure[]) => [...new Set(figures.map((f) => f.promotion))];

/** Printed totals of the programme table against the sum of their rows (85 printed, 94 summed…). */
export function programmeTotals(kf: KeyFigures): TotalCheck[] {
  return [...PROMOTION_INDICATORS, ...SELECTION_INDICATORS]
    .map((indicator) => checkTotals(kf.series(indicator), indicator))
    .filter((c): c is TotalCheck => c !== null);
}

/**
 * The promotions a printed total covers: those whose figure comes from the publication that printed the total
 * (the 2019 report's total of EIG covers promotions 1 to 3; promotion 4 comes from a 2021 post).
 */
export function coveredPromotions(all: readonly KeyFigure[], indicator: string): string[] {
  const source = all.find((f) => isTotal(f.promotion) && f.indicator === indicator)?.figure.from[0]?.source;
  return all
    .filter((f) => f.indicator === indicator && isEigPromotion(f.promotion) && f.figure.from[0]?.source === source)
    .sort(byPromotion((f) => f.promotion))
    .map((f) => f.promotion);
}
