/** Survey arithmetic on answers written for the test (tests/fixtures/reponses-questionnaire.csv). */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { percentagesFromAnswers, responseRate } from '../../src/lib/aggregates/surveys.ts';

// One row per respondent, one column per question, as data.gouv.fr publishes questionnaire results.
const answers = parse(readFileSync('tests/fixtures/reponses-questionnaire.csv'), {
  columns: true,
  delimiter: ';',
}) as Record<string, string>[];
const agree = (a: string) => /^(oui|plutôt d'accord|tout à fait d'accord)$/iu.test(a);

describe('percentages from raw answers', () => {
  it('divides by those who answered the question, and says how many they were', () => {
    const [recommend, environment, stay] = percentagesFromAnswers(answers, [
      { column: 'recommande_programme', counts: agree },
      { column: 'satisfait_environnement', counts: agree },
      { column: 'souhaite_rester', counts: agree },
    ]);
    // recommande_programme: 4 answers (one empty), 3 « Oui » → 75 %.
    expect(recommend).toEqual({ column: 'recommande_programme', value: 75, positive: 3, n: 4 });
    // satisfait_environnement: 4 answers, 2 agree → 50 %.
    expect(environment).toEqual({ column: 'satisfait_environnement', value: 50, positive: 2, n: 4 });
    // souhaite_rester: 4 answers, 2 « Oui » → 50 %.
    expect(stay).toEqual({ column: 'souhaite_rester', value: 50, positive: 2, n: 4 });
  });

  it('returns no percentage, rather than 0 %, for a question nobody answered', () => {
    const [result] = percentagesFromAnswers(answers, [{ column: 'absente', counts: agree }]);
    expect(result).toEqual({ column: 'absente', value: null, positive: 0, n: 0 });
  });
});

describe('response rates', () => {
  it('computes response rates such as 21 EIG out of 39', () => {
    expect(responseRate(21, 39)).toBeCloseTo(53.846, 2);
    expect(responseRate(null, 32)).toBeNull();
  });
});
