/**
 * The one rule by which two figures are compared, and the one sentence that says what a comparison found.
 * Totals, shares and counts of every family of checks are judged here, with the same notion of « equal » and
 * of « a rounding ».
 */
import { formatFigure, formatNumber, NBSP } from '../format.ts';
import type { Figure } from '../figures.ts';
import type { Publications } from '../publications.ts';
import { capitalise } from '../text.ts';
import type { QualityCheck, Severity } from './quality-check.ts';

/** Below this gap two figures are the same: what floating point leaves of sums of cents and of shares. */
const SAME = 1e-6;

export interface Rule {
  /** The largest gap that is still a rounding (1 € on a sum of salaries, half a point on a share). 0 by default. */
  tolerance?: number;
  /**
   * The first figure prints the second (a share printed 73 % for 8 of 11, 72,73 %): equal to it rounded to the
   * decimals it was printed with, it is the same figure.
   */
  asPrinted?: boolean;
  /** What a gap beyond the tolerance is: `incoherence` by default, `ecart` between two publications… */
  different?: Severity;
}

/** Decimals a printed figure was written with: 0 for 73, 2 for 95,58 (publications print no other). */
const decimalsOf = (value: number) => (Number.isInteger(value) ? 0 : 2);

const roundedAs = (value: number, printed: number) => {
  const k = 10 ** decimalsOf(printed);
  return Math.round(value * k) / k;
};

/** Equal, equal once rounded, or `different`: `conforme`, `arrondi` or the rule's severity. */
export function judge(
  a: number,
  b: number,
  { tolerance = 0, asPrinted = false, different = 'incoherence' }: Rule = {},
): Severity {
  const gap = Math.abs(a - b);
  if (gap < SAME) return 'conforme';
  if (asPrinted && Math.abs(roundedAs(b, a) - a) < SAME) return 'conforme';
  return gap <= tolerance ? 'arrondi' : different;
}

/** Whether two figures are the same number (not merely the same once rounded). */
export const same = (a: Figure, b: Figure) => Math.abs(a.value - b.value) < SAME;

/** A figure as a comparison writes it: shares to two decimals (« 95,58 % »), so that what differs shows. */
export function written(figure: Figure): string {
  if (figure.unit !== 'pourcent') return formatFigure(figure);
  const share = `${formatNumber(Math.round(figure.value * 100) / 100)}${NBSP}%`;
  return figure.qualifier ? `${figure.qualifier} ${share}` : share;
}

export interface Side {
  /** Who says it, as a noun phrase: « le rapport 2019 », « la somme de ses parties », « le calcul 8 sur 11 ». */
  source: string;
  figure: Figure;
}

export interface Comparison extends Rule {
  id: string;
  /** What is compared (« Designers, EIG 3 »), the start of the sentence. */
  compares: string;
  a: Side;
  b: Side;
}

/** Two figures that should be equal: « Mentors, EIG 1 : 4 selon la liste du site, 6 selon le rapport 2019. » */
export function comparisonCheck({ id, compares, a, b, ...rule }: Comparison): QualityCheck {
  const severity = judge(a.figure.value, b.figure.value, rule);
  return {
    id,
    severity,
    title: comparisonSentence(compares, a, b, severity),
    figures: [
      { label: capitalise(a.source), figure: a.figure },
      { label: capitalise(b.source), figure: b.figure },
    ],
  };
}

function comparisonSentence(compares: string, a: Side, b: Side, severity: Severity): string {
  const [x, y] = [written(a.figure), written(b.figure)];
  if (severity !== 'conforme')
    return `${compares} : ${x} selon ${a.source}, ${y} selon ${b.source}${severity === 'arrondi' ? ' (arrondi)' : ''}.`;
  return same(a.figure, b.figure)
    ? `${compares} : ${x} selon ${a.source} comme selon ${b.source}.`
    : `${compares} : ${x} selon ${a.source}, ${y} selon ${b.source}, soit le même chiffre une fois arrondi.`;
}

/** Who says a figure, as a noun phrase: « le rapport 2019 », or « le calcul » for a computed one. */
export type SourceName = (figure: Figure) => string;

export const sourceNames =
  (publications: Publications): SourceName =>
  (figure) =>
    figure.computed ? 'le calcul' : publications.designation(figure.from[0]?.source ?? '');
