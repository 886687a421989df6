/** Shared by the survey chart tests: the published survey rows and how the charts name them. */
import { expect } from 'vitest';
import type { ChartContext, ChartRow } from '../../../src/charts/types.ts';
import type { SurveyRow } from '../../../src/charts/helpers/survey.ts';
import { POPULATION_LABELS, QUESTION_LABELS, THEME_LABELS } from '../../../src/lib/labels.ts';
import { reference, referenceRow, rowRef, type ReferenceRow } from '../../support/reference.ts';

export const plain = (text: string) => text.replace(/&#160;|&#8239;|[\u00a0\u202f]/gu, ' ');

export function published(filter: (r: ReferenceRow) => boolean): ReferenceRow[] {
  return reference('enquetes.csv').filter(filter);
}

/** « enquetes.csv: promos-1-2 / mentors / realisations_repondent_aux_attentes (line 2, valeur_pct = 90) ». */
export const surveyRef = (row: ReferenceRow) =>
  rowRef('enquetes.csv', row, ['enquete', 'population', 'indicateur'], 'valeur_pct');

/** The name of a published survey result, found by its key. */
export const surveyResultRef = (enquete: string, population: string, indicateur: string) =>
  surveyRef(referenceRow('enquetes.csv', { enquete, population, indicateur }));

/** Every published row appears once, at its published value, with its qualifier, respondents and population. */
export function expectSameFigures(ctx: ChartContext, rows: ChartRow<SurveyRow>[], expected: ReferenceRow[]): void {
  expect(rows, `enquetes.csv: ${expected.length} results`).toHaveLength(expected.length);
  for (const ref of expected) {
    const where = surveyRef(ref);
    const matches = rows.filter(
      (r) =>
        r.question === QUESTION_LABELS[ref.indicateur!] &&
        r.population === POPULATION_LABELS[ref.population!] &&
        ctx.cite(r._from[0]!).key.enquete === ref.enquete,
    );
    expect(matches, where).toHaveLength(1);
    const row = matches[0]!;
    expect(row.valeur, where).toBe(Number(ref.valeur_pct));
    expect(row.qualificatif ?? '', `${where}, qualificatif`).toBe(ref.qualificatif);
    expect(row.repondants, `${where}, repondants`).toBe(ref.repondants === '' ? null : Number(ref.repondants));
    expect(row.cible, `${where}, cible`).toBe(ref.cible === '' ? null : Number(ref.cible));
    expect(row.theme, `${where}, theme`).toBe(THEME_LABELS[ref.theme!]);
    // The reference writes the publication's wording after the source: « blog-2020-01-17 (10 EIG sur 27) ».
    const precision = /\((.*)\)$/u.exec(ref.source ?? '')?.[1] ?? null;
    expect(row.precision, `${where}, source`).toBe(precision);
    expect(row._from[0]?.source, `${where}, source`).toBe(ref.source!.replace(/\s*\(.*\)$/u, ''));
  }
}
