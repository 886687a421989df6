/**
 * The surveys of the programme's participants: a published percentage against the counts its note gives
 * (« 10 EIG sur 27 »), and the percentages published as bounds (« plus de 90 % »), shown as they are.
 */
import type { Figures } from '../aggregates/index.ts';
import type { Figure } from '../figures.ts';
import { label, POPULATION_LABELS, QUESTION_LABELS, SURVEY_SHORT_LABELS } from '../labels.ts';
import { slugify } from '../text.ts';
import { comparisonCheck, type SourceName } from './comparison.ts';
import type { QualityCheck } from './quality-check.ts';

/** A share printed to the unit is within half a point of its computation. */
const SHARE_TOLERANCE = 0.5;

/** « 10 EIG sur 27 », « 3 mentors sur 12 ». */
const PART_OF_WHOLE = /(\d+)\s+\S+\s+sur\s+(\d+)/u;

export function surveyChecks(inputs: Figures, sourceName: SourceName): QualityCheck[] {
  return [...surveyRatios(inputs, sourceName), ...bounds(inputs)];
}

function surveyRatios({ surveys }: Figures, sourceName: SourceName): QualityCheck[] {
  return surveys.flatMap(({ survey, population, indicator, figure }) => {
    const match = PART_OF_WHOLE.exec(figure.note ?? '');
    if (!match) return [];
    const [part, whole] = [Number(match[1]), Number(match[2])];
    const computed: Figure = { value: (100 * part) / whole, unit: 'pourcent', from: figure.from, computed: true };
    return [
      comparisonCheck({
        id: `enquete-ratio-${slugify(survey)}-${slugify(population)}-${slugify(indicator)}`,
        compares: `${label(QUESTION_LABELS, indicator)} (${label(POPULATION_LABELS, population)}, ${label(SURVEY_SHORT_LABELS, survey)})`,
        a: { source: sourceName(figure), figure },
        b: { source: `le calcul ${part} sur ${whole}`, figure: computed },
        tolerance: SHARE_TOLERANCE,
      }),
    ];
  });
}

function bounds({ surveys }: Figures): QualityCheck[] {
  const qualified = surveys.filter((s) => s.figure.qualifier);
  if (qualified.length === 0) return [];
  return [
    {
      id: 'pourcentages-bornes',
      severity: 'approximation',
      title: `${qualified.length} pourcentages des questionnaires sont publiés comme des bornes ou des approximations (« plus de », « près de ») : ils sont montrés tels quels, avec leur qualificatif.`,
      figures: qualified.map((s) => ({
        label: `${label(QUESTION_LABELS, s.indicator)} (${s.population})`,
        figure: s.figure,
      })),
    },
  ];
}
