/** Promotions: EIG, mentors, défis, host services; applications and défis proposed; other programme figures. */
import { isEigPromotion } from '../promotions.ts';
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

/** Printed totals of the programme table against the sum of their rows (85 printed, 94 summed…). */
export function programmeTotals(kf: KeyFigures): TotalCheck[] {
  return [...PROMOTION_INDICATORS, ...SELECTION_INDICATORS]
    .map((indicator) => checkTotals(kf.series(indicator), indicator))
    .filter((c): c is TotalCheck => c !== null);
}
