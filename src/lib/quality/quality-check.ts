/**
 * What every data-quality check is: plain data, its sentence written when it is made, so that /qualite/, the
 * JSON of the API, a chart's list of disagreements, `npm run data:check` and the update report all show the
 * same thing.
 */
import type { Figure } from '../figures.ts';

/**
 * - `incoherence`: figures that should be equal are not (85 printed, 94 summed);
 * - `ecart`: two publications count the same thing differently (the website's list against the report);
 * - `arrondi`: they differ only by rounding (4 658 243 € printed for 4 658 243,47 €);
 * - `approximation`: a publication rounded on purpose (« près de 500 »);
 * - `format`: a value is malformed (a link without a host, one administration spelled several ways);
 * - `conforme`: the check found nothing.
 */
export type Severity = 'incoherence' | 'ecart' | 'arrondi' | 'approximation' | 'format' | 'conforme';

export const SEVERITY_LABELS: Record<Severity, string> = {
  incoherence: 'Incohérence',
  ecart: 'Écart entre sources',
  arrondi: 'Arrondi',
  approximation: 'Approximation publiée',
  format: 'Valeur mal formée',
  conforme: 'Conforme',
};

/** The order of the report: problems first, then what a reader may overlook, then what passed. */
export const SEVERITY_ORDER: readonly Severity[] = [
  'incoherence',
  'ecart',
  'approximation',
  'arrondi',
  'format',
  'conforme',
];

export interface CheckedFigure {
  /** Who says it, or what it is (« Le rapport 2019 », « Somme des postes »). */
  label: string;
  figure: Figure;
}

export interface QualityCheck {
  /** Stable identifier, usable as an anchor (« total-defis-proposes »). */
  id: string;
  severity: Severity;
  /** One sentence, in French, saying what was compared and what was found. */
  title: string;
  /** The figures compared, each with the rows it comes from. */
  figures: CheckedFigure[];
}
