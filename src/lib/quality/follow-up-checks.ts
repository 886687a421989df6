/**
 * The follow-up of the défis (where each project stood, month by month): a published percentage against the
 * count it was computed from (« 29 % de 14 projets »), and each breakdown of a month against the count of
 * projects by state.
 */
import { group } from 'd3';
import type { Figures } from '../aggregates/index.ts';
import type { Figure } from '../figures.ts';
import { formatMonth } from '../format.ts';
import { FOLLOW_UP_LABELS, label } from '../labels.ts';
import { slugify } from '../text.ts';
import { comparisonCheck, type SourceName } from './comparison.ts';
import type { QualityCheck } from './quality-check.ts';

/** A share printed to the unit is within half a point of its computation. */
const SHARE_TOLERANCE = 0.5;

/** « 29 % de 14 ». */
const PERCENT_OF_WHOLE = /(\d+)\s*%\s*de\s*(\d+)/u;

export function followUpChecks(inputs: Figures, sourceName: SourceName): QualityCheck[] {
  return [...followUpRatios(inputs, sourceName), ...breakdownSums(inputs)];
}

function followUpRatios({ followUp }: Figures, sourceName: SourceName): QualityCheck[] {
  return followUp.flatMap(({ promotion, date, category, figure }) => {
    const match = PERCENT_OF_WHOLE.exec(figure.note ?? '');
    if (!match) return [];
    const [percent, whole] = [Number(match[1]), Number(match[2])];
    const printed: Figure = { value: percent, unit: 'pourcent', from: figure.from, computed: false };
    const computed: Figure = {
      value: (100 * figure.value) / whole,
      unit: 'pourcent',
      from: figure.from,
      computed: true,
    };
    return [
      comparisonCheck({
        id: `suivi-ratio-${slugify(promotion)}-${date}-${slugify(category)}`,
        compares: `${label(FOLLOW_UP_LABELS, category)}, ${promotion}, ${formatMonth(date)}`,
        a: { source: sourceName(figure), figure: printed },
        b: { source: `le calcul ${figure.value} sur ${whole}`, figure: computed },
        tolerance: SHARE_TOLERANCE,
      }),
    ];
  });
}

/** Each breakdown of a promotion's projects in a month against the projects by state, the reference. */
function breakdownSums({ partitionSums }: Figures): QualityCheck[] {
  return [...group(partitionSums, (s) => s.promotion)].flatMap(([promotion, sums]) => {
    const reference = sums.find((s) => s.indicator === 'etat') ?? sums[0]!;
    return sums
      .filter((s) => s !== reference)
      .map((s) =>
        comparisonCheck({
          id: `suivi-somme-${slugify(promotion)}-${s.date}-${slugify(s.indicator)}`,
          compares: `${label(FOLLOW_UP_LABELS, s.indicator)}, ${promotion}, ${formatMonth(s.date)}`,
          a: { source: 'la somme de ses catégories', figure: s.total },
          b: { source: `la somme des projets par état (${formatMonth(reference.date)})`, figure: reference.total },
        }),
      );
  });
}
