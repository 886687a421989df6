/** Composition of the promotions by profile (developers, data scientists, designers…). */
import { published, shareOf, sumOf, type Figure } from '../figures.ts';
import { byPromotion, isEigPromotion } from '../promotion-names.ts';
import type { Row } from '../tables.ts';
import type { KeyFigures } from './key-figures.ts';

export const PROFILES = ['developpement', 'data science', 'design', 'data engineering'] as const;
export type Profile = (typeof PROFILES)[number];

/** Indicators of the key-figures table, by profile: shares (2019 report) and counts (2021 posts). */
const SHARE_INDICATOR: Partial<Record<Profile, string>> = {
  developpement: 'part_developpeurs',
  'data science': 'part_data_scientists',
  design: 'part_designers',
};
const COUNT_INDICATOR: Partial<Record<Profile, string>> = {
  developpement: 'eig_developpement',
  'data science': 'eig_data_science',
  design: 'eig_design',
};

export interface ProfileFigure {
  promotion: string;
  profile: Profile;
  /** Share of the promotion's EIG, in percent: published, or computed from published counts. */
  share: Figure | null;
  /** Number of EIG with this profile, when published. */
  count: Figure | null;
  /** The promotion's EIG counted by profile, added up (the whole of a computed share), when any count is published. */
  counted: Figure | null;
}

/**
 * Shares as the 2019 report printed them (EIG 1–3); where a publication gave counts instead (EIG 3 and 4 in
 * 2021), the counts, and for a promotion with counts but no printed share the share computed from them.
 */
export function composition(kf: KeyFigures): ProfileFigure[] {
  const promotions = kf.promotions.filter(isEigPromotion);
  const result: ProfileFigure[] = [];
  for (const promotion of promotions) {
    const counts = PROFILES.map((p) => (COUNT_INDICATOR[p] ? kf.get(promotion, COUNT_INDICATOR[p]!) : null));
    const known = counts.filter((c): c is Figure => c !== null);
    const total = known.length > 0 ? sumOf(known, 'personnes') : null;
    PROFILES.forEach((profile, i) => {
      const printed = SHARE_INDICATOR[profile] ? kf.get(promotion, SHARE_INDICATOR[profile]!) : null;
      const count = counts[i] ?? null;
      const share = printed ?? (count && total && total.value > 0 ? shareOf(count, total) : null);
      if (share || count) result.push({ promotion, profile, share, count, counted: total });
    });
  }
  return result.sort(byPromotion((r) => r.promotion));
}

export interface CommunityFigure {
  promotion: string;
  programme: string;
  profile: string;
  figure: Figure;
}

/** Members of the community per promotion and profile, as listed on the programme's website. */
export function community(rows: readonly Row<'communaute'>[]): CommunityFigure[] {
  return [...rows].sort(byPromotion((r) => r.promotion)).map((row) => ({
    promotion: row.promotion,
    programme: row.programme,
    profile: row.profil,
    figure: published('communaute', row, row.effectif, 'personnes'),
  }));
}

/** Profiles that are EIG (not mentors nor the programme's team). */
export const isEigProfile = (profile: string) => (PROFILES as readonly string[]).includes(profile);

/** Per EIG promotion, the sum of the community's members that `counts` keeps. */
function sumPerPromotion(
  items: readonly CommunityFigure[],
  counts: (item: CommunityFigure) => boolean,
): Map<string, Figure> {
  const groups = new Map<string, Figure[]>();
  for (const item of items) {
    if (item.programme !== 'EIG' || !isEigPromotion(item.promotion) || !counts(item)) continue;
    const group = groups.get(item.promotion);
    if (group) group.push(item.figure);
    else groups.set(item.promotion, [item.figure]);
  }
  return new Map([...groups].map(([promotion, figures]) => [promotion, sumOf(figures, 'personnes')]));
}

/** EIG of each promotion according to the website's community list (to compare with the report). */
export const communityEigCounts = (items: readonly CommunityFigure[]) =>
  sumPerPromotion(items, (i) => isEigProfile(i.profile));

/** Mentors of each EIG promotion according to the website's community list. */
export const communityMentorCounts = (items: readonly CommunityFigure[]) =>
  sumPerPromotion(items, (i) => i.profile === 'mentor');

export interface CommunityCount {
  promotion: string;
  figure: Figure;
}

export interface CommunityProfileCount extends CommunityCount {
  profile: string;
}

const listed = (counts: Map<string, Figure>): CommunityCount[] =>
  [...counts].map(([promotion, figure]) => ({ promotion, figure }));

/**
 * The community list's members of each EIG promotion under the programme EIG, added up as the programme's
 * publications count them: its EIG, its mentors, and its EIG per profile.
 */
export function communityCounts(items: readonly CommunityFigure[]) {
  const profiles = [...new Set(items.map((i) => i.profile))].filter(isEigProfile);
  return {
    eig: listed(communityEigCounts(items)),
    mentors: listed(communityMentorCounts(items)),
    byProfile: profiles.flatMap((profile) =>
      listed(sumPerPromotion(items, (i) => i.profile === profile)).map((c) => ({ ...c, profile })),
    ),
  };
}
