/**
 * Checks of the original data.eig-forever.org (May 2019): its figures against themselves (parts and totals,
 * shares and the counts they come from, its map against its counts) and against the other publications (the
 * June 2019 report, the May 2019 blog post, the website's community list and défis). Each says who says what;
 * a chart showing one of the rows compared lists the check (publish.ts finds them by provenance).
 */
import type { Figures } from '../aggregates/index.ts';
import type { Publications } from '../publications.ts';
import { mapChecks, parisChecks } from './original-map-checks.ts';
import { originalContext } from './original-context.ts';
import { articleChecks, communityChecks, publicationChecks } from './original-publication-checks.ts';
import { costShareChecks, ratioChecks } from './original-share-checks.ts';
import { laureateChecks, originalSumChecks } from './original-sum-checks.ts';
import type { QualityCheck } from './quality-check.ts';

export function originalSiteChecks(inputs: Figures, publications: Publications): QualityCheck[] {
  const ctx = originalContext(inputs, publications);
  const promotions = inputs.original.promotions;
  const eachPromotion = (...families: ((promotion: string) => QualityCheck[])[]) =>
    promotions.flatMap((promotion) => families.flatMap((family) => family(promotion)));
  return [
    ...eachPromotion(
      (p) => originalSumChecks(ctx, p),
      (p) => costShareChecks(ctx, p),
      (p) => ratioChecks(ctx, p),
      (p) => laureateChecks(ctx, p),
    ),
    ...eachPromotion((p) => publicationChecks(ctx, p)),
    ...articleChecks(ctx),
    ...eachPromotion((p) => communityChecks(ctx, p)),
    ...mapChecks(ctx),
    ...parisChecks(ctx),
  ];
}
