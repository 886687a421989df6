/**
 * What the first EIG did after the programme, as the original data.eig-forever.org counted it (May 2019): each
 * promotion's careers, and how many EIG they add up to. A career the original wrote as 0 while the promotion was
 * still running is missing (original-site.ts), and counts in no total.
 */
import { sumOf, type Figure } from '../figures.ts';
import { ORIGINAL, type OriginalFigure, type OriginalFigures } from './original-site.ts';

/** The original's careers, in its order. */
export const CAREER_INDICATORS = [
  ORIGINAL.civilService,
  ORIGINAL.phd,
  ORIGINAL.privateSector,
  ORIGINAL.freelance,
  ORIGINAL.otherCareers,
] as const;

export interface PromotionCareers {
  promotion: string;
  /** The original's rows for the promotion, in the order of CAREER_INDICATORS (a career it lacks left out). */
  careers: OriginalFigure[];
  /** The EIG its known careers add up to; null when none is known. */
  total: Figure | null;
}

export function careersByPromotion(original: OriginalFigures): PromotionCareers[] {
  return original.promotions.map((promotion) => {
    const careers = CAREER_INDICATORS.map((indicator) => original.get(indicator, promotion)).filter(
      (c): c is OriginalFigure => c !== null,
    );
    const known = careers.map((c) => c.figure).filter((f): f is Figure => f !== null);
    return { promotion, careers, total: known.length > 0 ? sumOf(known, 'personnes') : null };
  });
}
