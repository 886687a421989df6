/**
 * The programme in a few figures, as the home page leads with them: the défis of every promotion, the EIG the
 * publications count, the money spent, the figures the publications disagree on. Computed from the aggregates and
 * the quality report, so that the page only writes them.
 */
import type { Aggregates } from './aggregates/index.ts';
import { SPENDING_LINES } from './aggregates/budget.ts';
import { sumOf, type Figure } from './figures.ts';
import { isEigPromotion, type Promotion } from './promotion-names.ts';
import type { QualityReport } from './quality/quality-report.ts';

export interface Headline {
  /** The year the first promotion started, when the data gives one. */
  firstYear: number | null;
  /** The défis the programme's current website lists, every promotion together… */
  defis: Figure;
  /** …in these EIG promotions, and these other programmes (the designers, DIG). */
  defisPromotions: { eig: string[]; others: string[] };
  /** The EIG of the promotions the publications count, added up, and those promotions; null when none is. */
  eig: { figure: Figure; promotions: string[] } | null;
  /** The programme's spending, as printed (its total line). */
  spending: Figure | null;
  /** The promotions that spending covers (those with spending lines), and those whose lines are forecasts. */
  spendingPromotions: { all: string[]; forecast: string[] };
  /** Figures two publications (or a publication and its own total) give differently. */
  disagreements: number;
}

export function headline(aggregates: Aggregates, quality: QualityReport, promotions: readonly Promotion[]): Headline {
  const byPromotion = aggregates.defis.data.current.byPromotion;
  const eig = aggregates.programme.data.promotions.filter((p) => p.indicator === 'eig');
  const years = promotions.map((p) => p.year).filter((y): y is number => y !== null);
  const spendingLines = aggregates.budget.data.lines.filter((l) =>
    (SPENDING_LINES as readonly string[]).includes(l.line),
  );
  const promotionsWith = (lines: readonly { promotion: string }[]) => [...new Set(lines.map((l) => l.promotion))];
  return {
    firstYear: years.length > 0 ? Math.min(...years) : null,
    defis: sumOf(
      byPromotion.map((c) => c.figure),
      'défis',
    ),
    defisPromotions: {
      eig: byPromotion.map((c) => c.key).filter(isEigPromotion),
      others: byPromotion.map((c) => c.key).filter((p) => !isEigPromotion(p)),
    },
    eig:
      eig.length > 0
        ? {
            figure: sumOf(
              eig.map((e) => e.figure),
              'personnes',
            ),
            promotions: eig.map((e) => e.promotion),
          }
        : null,
    spending: aggregates.budget.data.grandTotals.spending,
    spendingPromotions: {
      all: promotionsWith(spendingLines),
      forecast: promotionsWith(spendingLines.filter((l) => l.status === 'previsionnel')),
    },
    disagreements: quality.counts.incoherence + quality.counts.ecart,
  };
}
