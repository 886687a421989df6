import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/promotions.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { expectKeyFigure, keyFigure, keyRef } from '../../support/reference.ts';
import { loadContext } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

describe('promotions chart', () => {
  it('shows the EIG, mentors, défis and host services published for each promotion', () => {
    const rows = chart.rows(ctx);
    const value = (promotion: string, label: string) =>
      rows.find((r) => r.promotion === promotion && r.indicateur === label)?.valeur;
    for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3']) {
      expectKeyFigure(value(promotion, 'EIG'), promotion, 'eig');
      expectKeyFigure(value(promotion, 'Mentors'), promotion, 'mentors');
      expectKeyFigure(value(promotion, 'Défis'), promotion, 'defis');
      expectKeyFigure(value(promotion, 'Services lauréats'), promotion, 'services_laureats');
    }
    expectKeyFigure(value('EIG 4', 'EIG'), 'EIG 4', 'eig');
    expectKeyFigure(value('EIG 4', 'Défis'), 'EIG 4', 'defis');
    // Not published for promotion 4: absent, not estimated.
    expect(
      value('EIG 4', 'Services lauréats'),
      'chiffres-cles-2019.csv: EIG 4 / services_laureats is not published',
    ).toBeUndefined();
  });

  it('adds up to the report’s totals for promotions 1 to 3 (71 EIG, 45 mentors, 37 défis)', () => {
    const rows = chart.rows(ctx).filter((r) => r.promotion !== 'EIG 4');
    const total = (label: string) => rows.filter((r) => r.indicateur === label).reduce((s, r) => s + r.valeur, 0);
    expectKeyFigure(total('EIG'), 'Total', 'eig');
    expectKeyFigure(total('Mentors'), 'Total', 'mentors');
    expectKeyFigure(total('Défis'), 'Total', 'defis');
  });

  it('cites, on every row, the line of the snapshot it comes from', () => {
    for (const row of chart.rows(ctx)) {
      expect(ctx.cite(row._from[0]!).key.promotion).toBe(row.promotion);
      if (row.indicateur === 'Nouveaux EIG') {
        expect(row._from.map((r) => r.table)).toEqual(['eig-forever-2019']);
        continue;
      }
      expect(row._from[0]!.table).toBe('chiffres-cles');
      // Promotions 1 to 3: the original site prints the same EIG, mentors and défis, and is cited too.
      const original = ['EIG 1', 'EIG 2', 'EIG 3'].includes(row.promotion) && row.indicateur !== 'Services lauréats';
      expect(row._from.map((r) => r.table)).toEqual(
        original ? ['chiffres-cles', 'eig-forever-2019'] : ['chiffres-cles'],
      );
    }
  });

  it('reads its first and last promotion from the rows', () => {
    const reading = chart.reading(chart.rows(ctx), ctx);
    expect(reading, keyRef('EIG 1', 'eig')).toContain(`${keyFigure('EIG 1', 'eig')} EIG`);
    expect(reading, keyRef('EIG 4', 'eig')).toContain(`${keyFigure('EIG 4', 'eig')}`);
  });
});
