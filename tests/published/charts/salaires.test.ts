import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/salaires.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import { expectKeyFigure, keyFigure, keyRef } from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

const plain = (text: string) => text.replace(/&#160;|&#8239;|[\u00a0\u202f]/gu, ' ');

describe('salaires chart', () => {
  it('shows the published shares of PIA and administrations for promotions 1 and 3 only', () => {
    const rows = chart.rows(ctx);
    const share = (promotion: string, who: string) =>
      rows.find((r) => r.promotion === promotion && r.financeur === who)?.part;
    expectKeyFigure(share('EIG 1', 'PIA'), 'EIG 1', 'part_pia_dans_salaires');
    expectKeyFigure(share('EIG 1', 'Administrations'), 'EIG 1', 'part_administrations_dans_salaires');
    expectKeyFigure(share('EIG 3', 'PIA'), 'EIG 3', 'part_pia_dans_salaires');
    expectKeyFigure(share('EIG 3', 'Administrations'), 'EIG 3', 'part_administrations_dans_salaires');
    // Not published for promotion 2: absent, not estimated.
    expect(() => keyFigure('EIG 2', 'part_pia_dans_salaires')).toThrow();
    expect(
      rows.filter((r) => r.promotion === 'EIG 2'),
      'chiffres-cles-2019.csv: no part_pia_dans_salaires nor part_administrations_dans_salaires for EIG 2',
    ).toEqual([]);
  });

  it('shows that the shares of promotion 3 add up to 99 %, as a computed row and in the notes', () => {
    const rows = chart.rows(ctx);
    const expected =
      keyFigure('EIG 3', 'part_pia_dans_salaires') + keyFigure('EIG 3', 'part_administrations_dans_salaires');
    const eig3 = `sum of ${keyRef('EIG 3', 'part_pia_dans_salaires')} ; ${keyRef('EIG 3', 'part_administrations_dans_salaires')}`;
    const eig1 = `sum of ${keyRef('EIG 1', 'part_pia_dans_salaires')} ; ${keyRef('EIG 1', 'part_administrations_dans_salaires')}`;
    expect(expected, eig3).toBe(99);
    const sum = rows.find((r) => r.promotion === 'EIG 3' && r.nature === 'calculé');
    expect(sum?.part, eig3).toBe(expected);
    expect(rows.find((r) => r.promotion === 'EIG 1' && r.nature === 'calculé')?.part, eig1).toBe(100);
    expect(plain(chart.notes!(rows, ctx).join(' ')), eig3).toMatch(/font 99 %, pas 100 %/u);
    expect(plain(renderChart(publishedChart(chart, ctx), 'wide').svg), eig3).toContain('= 99 %');
  });

  it('marks the co-financing rule of the documentation with its source, and says promotion 2 is missing', () => {
    const rows = chart.rows(ctx);
    const rule = rows.find((r) => r.nature === 'règle du programme');
    const ruleRef = keyRef('EIG 3', 'cofinancement_minimum_administrations');
    expectKeyFigure(rule?.part, 'EIG 3', 'cofinancement_minimum_administrations');
    expect(rule?._from[0]?.source, ruleRef).toBe('ingenierie-programme');
    const notes = plain(chart.notes!(rows, ctx).join(' '));
    const missing = 'chiffres-cles-2019.csv: no part_pia_dans_salaires for EIG 2';
    expect(notes, missing).toContain('EIG 2');
    expect(notes, keyRef('EIG 4', 'cout_employeur_moyen_par_eig')).toContain('70 000 €');
    const svg = plain(renderChart(publishedChart(chart, ctx), 'narrow').svg);
    expect(svg, missing).toContain('Répartition non publiée');
    expect(svg, ruleRef).toContain('minimum des administrations : 30 %');
  });

  it('reads the fall of the PIA share', () => {
    const reading = plain(chart.reading(chart.rows(ctx), ctx));
    expect(reading, keyRef(['EIG 1', 'EIG 3'], 'part_pia_dans_salaires')).toContain(
      `de ${keyFigure('EIG 1', 'part_pia_dans_salaires')} % (EIG 1) à ${keyFigure('EIG 3', 'part_pia_dans_salaires')} % (EIG 3)`,
    );
  });

  it('cites the key-figures rows, the sum citing both shares', () => {
    for (const row of chart.rows(ctx)) {
      const where = `${row.promotion} / ${row.financeur}`;
      expect(row._from.length, where).toBe(row.nature === 'calculé' ? 2 : 1);
      for (const ref of row._from) expect(ref.table, where).toBe('chiffres-cles');
    }
  });
});
