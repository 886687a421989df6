/**
 * The people of the programme's current website (table communaute-2017-2023), counted by promotion, role and
 * expertise. A person of two promotions or two expertises is counted in each: sums count entries, not people.
 */
import { published, sumOf, type Figure } from '../figures.ts';
import { byPromotion } from '../promotion-names.ts';
import type { Row } from '../tables.ts';

export interface PeopleFigure {
  /** Null for people the website gives no promotion (programme staff, ecosystem). */
  promotion: string | null;
  /** As the website writes it: participant (the EIG and DIG), agent-public (mentors, sponsors)… */
  role: string;
  expertise: string | null;
  figure: Figure;
}

const NO_PROMOTION = '\uffff';
const promotionOrder = byPromotion((p: PeopleFigure) => p.promotion ?? NO_PROMOTION);

export function people(rows: readonly Row<'communaute-2017-2023'>[]): PeopleFigure[] {
  return rows
    .map((row) => ({
      promotion: row.promotion,
      role: row.role,
      expertise: row.expertise,
      figure: published('communaute-2017-2023', row, row.effectif, 'personnes'),
    }))
    .sort(promotionOrder);
}

export interface PeopleCount {
  key: string | null;
  figure: Figure;
}

/** Entries summed by one dimension (promotion, role or expertise), in the order met. */
export function peopleBy(items: readonly PeopleFigure[], keyOf: (p: PeopleFigure) => string | null): PeopleCount[] {
  const groups = new Map<string | null, Figure[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item.figure);
    else groups.set(key, [item.figure]);
  }
  return [...groups].map(([key, figures]) => ({ key, figure: sumOf(figures, 'personnes') }));
}

export interface PeopleRoleCount {
  promotion: string | null;
  role: string;
  figure: Figure;
}

/** Entries summed by promotion and role, in the order met (promotion order). */
export function peopleByPromotionAndRole(items: readonly PeopleFigure[]): PeopleRoleCount[] {
  const groups = new Map<string, PeopleFigure[]>();
  for (const item of items) {
    const key = JSON.stringify([item.promotion, item.role]);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()].map((members) => ({
    promotion: members[0]!.promotion,
    role: members[0]!.role,
    figure: sumOf(
      members.map((m) => m.figure),
      'personnes',
    ),
  }));
}

/**
 * Counts by promotion (people without one last), by role, by promotion and role, and by expertise, and the sum of
 * every entry.
 */
export function peopleCounts(items: readonly PeopleFigure[]) {
  return {
    byPromotion: peopleBy(items, (p) => p.promotion),
    byRole: peopleBy(items, (p) => p.role).sort((a, b) => b.figure.value - a.figure.value),
    byPromotionAndRole: peopleByPromotionAndRole(items),
    byExpertise: peopleBy(items, (p) => p.expertise).sort((a, b) => b.figure.value - a.figure.value),
    entries: sumOf(
      items.map((p) => p.figure),
      'personnes',
    ),
  };
}
