import { describe, expect, it } from 'vitest';
import { surveyResults } from '../../../src/lib/aggregates/surveys.ts';
import { reference, rowRef } from '../../support/reference.ts';
import { loadContext } from '../../support/site-context.ts';

describe('published survey percentages', () => {
  it('keep their qualifier, respondents and population as published', async () => {
    const ctx = await loadContext();
    const results = surveyResults(ctx.tables.enquetes);
    const published = reference('enquetes.csv');
    expect(results, `enquetes.csv: ${published.length} results`).toHaveLength(published.length);
    published.forEach((row, i) => {
      const where = rowRef('enquetes.csv', row, ['enquete', 'population', 'indicateur'], 'valeur_pct');
      const result = results[i]!;
      expect(result.figure.value, where).toBe(Number(row.valeur_pct));
      expect(result.figure.qualifier ?? '', `${where}, qualificatif`).toBe(row.qualificatif);
      expect(result.n, `${where}, repondants`).toBe(row.repondants === '' ? null : Number(row.repondants));
      expect(result.target, `${where}, cible`).toBe(row.cible === '' ? null : Number(row.cible));
    });
  });
});
