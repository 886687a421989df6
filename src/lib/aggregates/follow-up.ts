/** Follow-up of défis after the programme: status, who carries them, who maintains them, openness. */
import { published, sumOf, type Figure } from '../figures.ts';
import { byPromotion } from '../promotion-names.ts';
import type { Row } from '../tables.ts';

export interface FollowUpFigure {
  promotion: string;
  /** Month of the measure, « 2019-11 ». */
  date: string;
  indicator: string;
  category: string;
  figure: Figure;
}

export function followUp(rows: readonly Row<'suivi-defis'>[]): FollowUpFigure[] {
  return [...rows].sort(byPromotion((r) => r.promotion)).map((row) => ({
    promotion: row.promotion,
    date: row.date,
    indicator: row.indicateur,
    category: row.categorie,
    figure: published('suivi-defis', row, row.nombre_defis, 'défis', { note: row.precision }),
  }));
}

/**
 * Indicators whose categories split one set of projects (each project in exactly one category): their
 * categories must add up to the same number at every date. Openness or transformation counts overlap and are
 * not among them.
 */
export const PARTITION_INDICATORS = ['etat', 'portage', 'maintenance'] as const;

export interface PartitionSum {
  promotion: string;
  date: string;
  indicator: string;
  total: Figure;
  /**
   * The projects counted by state (the indicator etat) at the same promotion and date, which every partition's
   * total should equal; null when no state is published then.
   */
  assessed: Figure | null;
}

export function partitionSums(figures: readonly FollowUpFigure[]): PartitionSum[] {
  const groups = new Map<string, FollowUpFigure[]>();
  for (const f of figures) {
    if (!(PARTITION_INDICATORS as readonly string[]).includes(f.indicator)) continue;
    const id = `${f.promotion}|${f.date}|${f.indicator}`;
    groups.set(id, [...(groups.get(id) ?? []), f]);
  }
  const sums = [...groups.values()].map((members) => ({
    promotion: members[0]!.promotion,
    date: members[0]!.date,
    indicator: members[0]!.indicator,
    total: sumOf(
      members.map((m) => m.figure),
      'défis',
    ),
  }));
  const stateAt = (promotion: string, date: string) =>
    sums.find((s) => s.indicator === 'etat' && s.promotion === promotion && s.date === date)?.total ?? null;
  return sums.map((sum) => ({ ...sum, assessed: stateAt(sum.promotion, sum.date) }));
}
