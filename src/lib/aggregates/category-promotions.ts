/**
 * The current website's défis counted by a category (theme, expertise) and promotion: each category's défis per
 * promotion (the grids of thematiques-defis and competences-defis), and each promotion's most requested category.
 */
import type { Figure } from '../figures.ts';
import { byPromotion } from '../promotion-names.ts';
import type { CurrentDefi } from './current-defis.ts';
import type { Count } from './defis.ts';

export interface CategoryPromotions extends Count {
  /** Its défis per promotion that has some, in programme order. */
  byPromotion: { promotion: string; figure: Figure }[];
}

const counted = (members: readonly CurrentDefi[]): Figure => ({
  value: members.length,
  unit: 'défis',
  from: members.map((d) => d.ref),
  computed: true,
});

/** Each category of `counts` (in its order: the largest first) with its défis per promotion. */
export function byCategoryAndPromotion(
  counts: readonly Count[],
  defis: readonly CurrentDefi[],
  keysOf: (d: CurrentDefi) => readonly string[],
): CategoryPromotions[] {
  return counts.map((count) => {
    const members = defis.filter((d) => keysOf(d).includes(count.key));
    const promotions = [...new Set(members.map((d) => d.promotion))].sort(byPromotion((p) => p));
    return {
      ...count,
      byPromotion: promotions.map((promotion) => ({
        promotion,
        figure: counted(members.filter((d) => d.promotion === promotion)),
      })),
    };
  });
}

/** A promotion's most requested category, with its défis there. */
export interface PromotionLeader {
  promotion: string;
  key: string;
  label: string;
  figure: Figure;
}

/**
 * Each promotion's category with the most défis of the promotion, in programme order. A tie goes to the category
 * that comes first in the grid's order: the most défis of every promotion, then the French order of the names.
 */
export function leadersByPromotion(grid: readonly CategoryPromotions[]): PromotionLeader[] {
  const leaders = new Map<string, PromotionLeader>();
  for (const category of grid) {
    for (const { promotion, figure } of category.byPromotion) {
      const leader = leaders.get(promotion);
      if (!leader || figure.value > leader.figure.value)
        leaders.set(promotion, { promotion, key: category.key, label: category.label, figure });
    }
  }
  return [...leaders.values()].sort(byPromotion((l) => l.promotion));
}
