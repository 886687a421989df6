/**
 * The two websites' disagreements, as the quality report computes them from the snapshot's two tables, against
 * tests/reference/defis-comparaison.md (compiled from the websites' repositories by another reader): the same
 * counts per field and the same défis, read from the Markdown here.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/lib/model.ts';
import { loadContext } from '../support/site-context.ts';

let model: Model;
beforeAll(async () => {
  model = await loadContext();
});

const markdown = readFileSync(new URL('../reference/defis-comparaison.md', import.meta.url), 'utf8');
/** The cells of the Markdown table rows under a heading. */
function table(heading: string): string[][] {
  const section = markdown.split(/^## /mu).find((s) => s.startsWith(heading))!;
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[-| ]+\|$/u.test(line))
    .slice(1)
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

// The Markdown's field names and the report's.
const FIELDS: Record<string, string> = {
  promotion: 'promotion',
  administration: 'administration',
  compétences: 'competences',
  'nb EIG': 'eig',
  'nb mentors': 'mentors',
};

describe('disagreements between the 2022 and the current website', () => {
  const summary = () => table('Synthèse').filter((row) => FIELDS[row[0]!]);
  const rows = () => table('Désaccords');

  it('reads 2, 21, 7 and 11 disagreements on 71 défis in the reference', () => {
    const different = Object.fromEntries(summary().map((r) => [FIELDS[r[0]!], Number(r[3])]));
    expect(different).toEqual({ promotion: 0, administration: 2, competences: 21, eig: 7, mentors: 11 });
    expect(rows()).toHaveLength(41);
  });

  it('computes the same counts from the two tables, per field', () => {
    const fields = model.aggregates.defis.data.websites.fields;
    for (const row of summary()) {
      const field = fields.find((f) => f.field === FIELDS[row[0]!])!;
      expect(field.compared, row[0]).toHaveLength(Number(row[1]));
      expect(field.differ, row[0]).toHaveLength(Number(row[3]));
    }
    expect(model.aggregates.defis.data.websites.unmatched).toEqual([]);
  });

  it('finds the same défis, and shows each on the quality page with both values and rows', () => {
    const expected = rows()
      .map((r) => `sites-${FIELDS[r[3]!]}-${r[1]}`)
      .sort();
    const checks = model.quality.checks.filter((c) => /^sites-[a-z]+-./u.test(c.id));
    const slug = (id: string) => id.normalize('NFD').replace(/\p{M}/gu, '');
    expect(checks.map((c) => c.id).sort()).toEqual(expected.map(slug).sort());
    for (const check of checks) {
      expect(check.severity).toBe('ecart');
      expect(check.figures.map((f) => f.figure.from[0]!.table)).toEqual(['defis', 'defis-2017-2023']);
    }
    const hopkins = checks.find((c) => c.id === 'sites-administration-hopkins')!;
    expect(hopkins.title).toContain('« Administration de rattachement :Ministère de l’Action et des Comptes Publics »');
    const summaries = model.quality.checks.filter((c) => /^sites-[a-z]+$/u.test(c.id));
    expect(summaries.map((c) => [c.id, c.figures[1]!.figure.value])).toEqual(
      [
        ['sites-promotion', 0],
        ['sites-administration', 2],
        ['sites-competences', 21],
        ['sites-eig', 7],
        ['sites-mentors', 11],
      ].sort((a, b) => summaries.findIndex((c) => c.id === a[0]) - summaries.findIndex((c) => c.id === b[0])),
    );
  });
});
