/**
 * A promotion's figure as each source gives it — the current website, the 2022 website's list, the programme's
 * publications — side by side, and how far apart they are: the défis of defis-promotions, the teams of
 * taille-equipes. Each figure keeps its rows; a source that gives none is null.
 */
import type { Figure } from '../figures.ts';
import { byPromotion } from '../promotion-names.ts';
import type { CurrentTeams } from './current-defis.ts';
import type { Count, TeamSize } from './defis.ts';
import type { KeyFigure } from './key-figures.ts';

export interface SourceComparison {
  promotion: string;
  /** The current website's figure. */
  current: Figure | null;
  /** The 2022 website's list's. */
  previous: Figure | null;
  /** The programme's published figure. */
  published: Figure | null;
  /** The smallest and the largest of the figures given: the sources disagree when they differ. */
  min: number;
  max: number;
}

function compared(
  promotion: string,
  current: Figure | null,
  previous: Figure | null,
  published: Figure | null,
): SourceComparison {
  const values = [current, previous, published].filter((f): f is Figure => f !== null).map((f) => f.value);
  return { promotion, current, previous, published, min: Math.min(...values), max: Math.max(...values) };
}

export const disagree = (c: SourceComparison) => c.max !== c.min;

const publishedOf = (published: readonly KeyFigure[], promotion: string, indicator: string) =>
  published.find((p) => p.promotion === promotion && p.indicator === indicator)?.figure ?? null;

/** Each promotion of the current website with its défis in each source, in programme order. */
export function defisBySource(
  current: readonly Count[],
  previous: readonly Count[],
  published: readonly KeyFigure[],
): SourceComparison[] {
  return current.map((c) =>
    compared(
      c.key,
      c.figure,
      previous.find((p) => p.key === c.key)?.figure ?? null,
      publishedOf(published, c.key, 'defis'),
    ),
  );
}

export const TEAM_ROLES = ['eig', 'mentors'] as const;

export interface TeamComparison extends SourceComparison {
  role: (typeof TEAM_ROLES)[number];
}

/**
 * Each promotion's participants and mentors, as the défis' teams of either website add them up and as the
 * programme published them, in programme order; a promotion's role that neither website counts left out.
 */
export function teamsBySource(
  current: readonly CurrentTeams[],
  previous: readonly TeamSize[],
  published: readonly KeyFigure[],
): TeamComparison[] {
  const promotions = [...new Set([...current.map((t) => t.promotion), ...previous.map((t) => t.promotion)])];
  return promotions.sort(byPromotion((p) => p)).flatMap((promotion) => {
    const now = current.find((t) => t.promotion === promotion);
    const before = previous.find((t) => t.promotion === promotion);
    return TEAM_ROLES.flatMap((role) => {
      const own = now?.[role] ?? null;
      const listed = (role === 'eig' ? before?.figure : before?.mentors) ?? null;
      // A role neither website counts (the 2022 list without its mentors) is no comparison.
      if (own === null && listed === null) return [];
      return [{ role, ...compared(promotion, own, listed, publishedOf(published, promotion, role)) }];
    });
  });
}

/** How the sources of the participants compare where the programme published a figure. */
export interface TeamAgreement {
  /** Promotions with a published figure to compare with. */
  compared: string[];
  /** Promotions whose sources all give one number. */
  agree: string[];
  /** The promotion whose sources are the furthest apart (the first of a tie), when any disagree. */
  widest: TeamComparison | null;
}

export function participantsAgreement(teams: readonly TeamComparison[]): TeamAgreement {
  const compared = teams.filter((t) => t.role === 'eig' && t.published !== null);
  const spread = (t: TeamComparison) => t.max - t.min;
  const widest = compared.reduce<TeamComparison | null>((w, t) => (spread(t) > (w ? spread(w) : 0) ? t : w), null);
  return {
    compared: compared.map((t) => t.promotion),
    agree: compared.filter((t) => !disagree(t)).map((t) => t.promotion),
    widest,
  };
}
