/** Survey results: published percentages with their respondents, and percentages computed from raw answers. */
import { published, type Figure } from '../figures.ts';
import type { Row } from '../tables.ts';

export interface SurveyFigure {
  survey: string;
  population: string;
  theme: string;
  indicator: string;
  /** The percentage, with the publication's qualifier (« plus de », « près de ») and note. */
  figure: Figure;
  /** Respondents, when published. */
  n: number | null;
  /** Population the questionnaire was sent to, when published. */
  target: number | null;
}

export function surveyResults(rows: readonly Row<'enquetes'>[]): SurveyFigure[] {
  return rows.map((row) => ({
    survey: row.enquete,
    population: row.population,
    theme: row.theme,
    indicator: row.indicateur,
    figure: published('enquetes', row, row.valeur_pct, 'pourcent', {
      qualifier: row.qualificatif,
      note: row.precision,
    }),
    n: row.repondants,
    target: row.cible,
  }));
}

/** Response rate of a survey population, in percent (21 answers out of 39 EIG: 54 %). */
export function responseRate(n: number | null, target: number | null): number | null {
  if (n === null || target === null || target === 0) return null;
  return (100 * n) / target;
}

export interface Question {
  /** Column of the raw answers file holding this question's answers. */
  column: string;
  /** Whether an answer counts towards the percentage (e.g. « Oui », « Plutôt d'accord »). */
  counts: (answer: string) => boolean;
}

export interface ComputedPercentage {
  column: string;
  /** Share of respondents to this question whose answer counts, in percent; null with no respondent. */
  value: number | null;
  /** Answers that count. */
  positive: number;
  /** Respondents to this question: rows with a non-empty answer. */
  n: number;
}

/**
 * data.gouv.fr publishes questionnaire results as one row per respondent and one column per question. The
 * percentage of a question is computed over those who answered it (an empty cell is not an answer), and
 * always returned with its n, so « 90 % » never hides that 13 people answered.
 */
export function percentagesFromAnswers(
  answers: readonly Record<string, string | null | undefined>[],
  questions: readonly Question[],
): ComputedPercentage[] {
  return questions.map(({ column, counts }) => {
    let n = 0;
    let positive = 0;
    for (const respondent of answers) {
      const answer = respondent[column]?.trim();
      if (!answer) continue;
      n++;
      if (counts(answer)) positive++;
    }
    return { column, value: n === 0 ? null : (100 * positive) / n, positive, n };
  });
}
