/** Shared by the survey chart tests: the published survey rows and how the charts name them. */
import { expect } from 'vitest';
import type { ChartContext, ChartRow } from '../../../src/charts/types.ts';
import type { SurveyRow } from '../../../src/charts/helpers/survey.ts';
import { POPULATION_LABELS, QUESTION_LABELS, THEME_LABELS } from '../../../src/lib/labels.ts';
import { reference, type ReferenceRow } from '../../support/reference.ts';

export const plain = (text: string) => text.replace(/&#160;|&#8239;|[\u00a0\u202f]/gu, ' ');

export function published(filter: (r: ReferenceRow) => boolean): ReferenceRow[] {
  return reference('enquetes.csv').filter(filter);
}

/** Every published row appears once, at its published value, with its qualifier, respondents and population. */
export function expectSameFigures(ctx: ChartContext, rows: ChartRow<SurveyRow>[], expected: ReferenceRow[]): void {
  expect(rows).toHaveLength(expected.length);
  for (const ref of expected) {
    const matches = rows.filter(
      (r) =>
        r.question === QUESTION_LABELS[ref.indicateur!] &&
        r.population === POPULATION_LABELS[ref.population!] &&
        ctx.cite(r._from[0]!).key.enquete === ref.enquete,
    );
    expect(matches, `${ref.enquete} ${ref.indicateur} ${ref.population}`).toHaveLength(1);
    const row = matches[0]!;
    expect(row.valeur).toBe(Number(ref.valeur_pct));
    expect(row.qualificatif ?? '').toBe(ref.qualificatif);
    expect(row.repondants).toBe(ref.repondants === '' ? null : Number(ref.repondants));
    expect(row.cible).toBe(ref.cible === '' ? null : Number(ref.cible));
    expect(row.theme).toBe(THEME_LABELS[ref.theme!]);
    // The reference writes the publication's wording after the source: « blog-2020-01-17 (10 EIG sur 27) ».
    const precision = /\((.*)\)$/u.exec(ref.source ?? '')?.[1] ?? null;
    expect(row.precision).toBe(precision);
    expect(row._from[0]?.source).toBe(ref.source!.replace(/\s*\(.*\)$/u, ''));
  }
}
