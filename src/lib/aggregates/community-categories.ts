/**
 * The programme's community on both websites, grouped alike: per promotion, category (participants, mentors and
 * sponsors, the programme's team, the ecosystem) and source. The current website sorts its people by role, the
 * 2022 list by profile; each maps to a category here, and each category's people are added up, per promotion and
 * per source (a website).
 */
import { sumOf, type Figure } from '../figures.ts';
import { promotionRank } from '../promotion-names.ts';
import type { PeopleFigure } from './people.ts';
import { isEigProfile, type CommunityFigure } from './profiles.ts';

/** The categories, in the order they are shown. */
export const COMMUNITY_CATEGORIES = ['participants', 'mentors', 'equipe', 'ecosysteme'] as const;

/** The current website's roles, as written, by category; a role missing here is its own category. */
const ROLE_CATEGORIES: Record<string, string> = {
  participant: 'participants',
  'agent-public': 'mentors',
  'agent-programme': 'equipe',
  'agent-programme-alumni': 'equipe',
  'agent-ecosysteme': 'ecosysteme',
};

export const roleCategory = (role: string) => ROLE_CATEGORIES[role] ?? role;

/** The 2022 list's profiles: the EIG's are participants, its mentors mentors, the rest the programme's team. */
export const profileCategory = (profile: string) =>
  isEigProfile(profile) ? 'participants' : profile === 'mentor' ? 'mentors' : 'equipe';

export interface CommunityCategoryCount {
  /** Null for people the website gives no promotion (programme staff, ecosystem). */
  promotion: string | null;
  /** One of COMMUNITY_CATEGORIES, or a role the current website writes that none maps. */
  category: string;
  /** The publication the rows cite (the website they were read on). */
  source: string;
  figure: Figure;
}

const rank = (promotion: string | null) => (promotion === null ? Infinity : promotionRank(promotion));
const categoryRank = (category: string) => {
  const i = (COMMUNITY_CATEGORIES as readonly string[]).indexOf(category);
  return i < 0 ? COMMUNITY_CATEGORIES.length : i;
};

/**
 * Both websites' people summed per promotion, category and source: in promotion order (people without a
 * promotion last), then category order, the current website before the 2022 list.
 */
export function byPromotionCategoryAndSource(
  people: readonly PeopleFigure[],
  community: readonly CommunityFigure[],
): CommunityCategoryCount[] {
  const groups = new Map<string, { promotion: string | null; category: string; source: string; figures: Figure[] }>();
  const add = (promotion: string | null, category: string, figure: Figure) => {
    const source = figure.from[0]?.source ?? '';
    const key = JSON.stringify([promotion, category, source]);
    const group = groups.get(key) ?? groups.set(key, { promotion, category, source, figures: [] }).get(key)!;
    group.figures.push(figure);
  };
  for (const p of people) add(p.promotion, roleCategory(p.role), p.figure);
  for (const c of community) add(c.promotion, profileCategory(c.profile), c.figure);
  return [...groups.values()]
    .map(({ figures, ...group }) => ({ ...group, figure: sumOf(figures, 'personnes') }))
    .sort(
      (a, b) =>
        rank(a.promotion) - rank(b.promotion) ||
        (a.promotion ?? '').localeCompare(b.promotion ?? '', 'fr') ||
        categoryRank(a.category) - categoryRank(b.category),
    );
}
