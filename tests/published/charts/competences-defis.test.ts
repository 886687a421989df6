import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/competences-defis.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { reference, rowRef } from '../../support/reference.ts';
import { loadContext } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

// Skill codes of defis.csv and their labels on the site.
const SKILLS: Record<string, string> = {
  dev: 'Développement',
  datascience: 'Data science',
  design: 'Design',
  dataengineering: 'Data engineering',
  geomatique: 'Géomatique',
};

describe('competences-defis chart', () => {
  it('counts, per promotion, the défis that list each skill in the website’s list', () => {
    const rows = chart.rows(ctx);
    const defis = reference('defis.csv');
    const expected = new Map<string, number>();
    for (const d of defis)
      for (const s of (d.competences ?? '').split(';'))
        expected.set(`${d.promotion}|${SKILLS[s]}`, (expected.get(`${d.promotion}|${SKILLS[s]}`) ?? 0) + 1);
    expect(new Map(rows.map((r) => [`${r.promotion}|${r.competence}`, r.defis])), 'defis.csv: competences').toEqual(
      expected,
    );
    for (const row of rows)
      expect(row.defis_promotion, `defis.csv: défis of ${row.promotion}`).toBe(
        defis.filter((d) => d.promotion === row.promotion).length,
      );
  });

  it('counts a défi once per skill: EIG 1’s 9 défis need development 8 times and data science 4 times', () => {
    const eig1 = chart.rows(ctx).filter((r) => r.promotion === 'EIG 1');
    const where = reference('defis.csv')
      .filter((d) => d.promotion === 'EIG 1')
      .map((d) => rowRef('defis.csv', d, ['defi', 'promotion'], 'competences'))
      .join(' ; ');
    expect(
      eig1.map((r) => [r.competence, r.defis]),
      where,
    ).toEqual([
      ['Développement', 8],
      ['Data science', 4],
    ]);
    expect(eig1[0]!.defis_promotion, where).toBe(9);
  });

  it('cites the défis of the promotion, among which those it counted', () => {
    const defis = reference('defis.csv');
    for (const row of chart.rows(ctx)) {
      const where = `defis.csv: ${row.promotion} / ${row.competence}`;
      expect(row._from, where).toHaveLength(row.defis_promotion);
      const cited = row._from.map((ref) =>
        defis.find((x) => x.defi === ctx.cite(ref).key.defi && x.promotion === row.promotion)!,
      );
      expect(
        cited.every((d) => d !== undefined),
        where,
      ).toBe(true);
      const asking = cited.filter((d) =>
        (d.competences ?? '')
          .split(';')
          .map((s) => SKILLS[s])
          .includes(row.competence),
      );
      expect(asking, where).toHaveLength(row.defis);
    }
  });

  it('reads from the rows', () => {
    expect(chart.reading(chart.rows(ctx), ctx), 'defis.csv: competences of the 9 défis of EIG 1').toContain(
      '8 défis sur 9 demandent du développement',
    );
  });
});
