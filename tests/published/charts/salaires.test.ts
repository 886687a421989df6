import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/salaires.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import { expectKeyFigure, keyFigure, keyRef, reference } from '../../support/reference.ts';
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
      rows.find((r) => r.promotion === promotion && r.financeur === who && r.nature === 'publié')?.part;
    expect(share('EIG 1', 'PIA')).toBe(keyFigure('EIG 1', 'part_pia_dans_salaires'));
    expect(share('EIG 1', 'Administrations')).toBe(keyFigure('EIG 1', 'part_administrations_dans_salaires'));
    expect(share('EIG 3', 'PIA')).toBe(keyFigure('EIG 3', 'part_pia_dans_salaires'));
    expect(share('EIG 3', 'Administrations')).toBe(keyFigure('EIG 3', 'part_administrations_dans_salaires'));
    // Not published for promotion 2 by the post: absent, not estimated; only the original site's rows.
    expect(() => keyFigure('EIG 2', 'part_pia_dans_salaires')).toThrow();
    expect(rows.filter((r) => r.promotion === 'EIG 2' && r.nature !== 'site d’origine')).toEqual([]);
  });

  it('shows the original site’s three payers with shares, amounts and défis by funding mode', () => {
    const original = reference('data-eig-forever-2019.csv');
    const printed = (promotion: string, indicator: string) =>
      Number(original.find((r) => r.promotion === promotion && r.indicateur === indicator)!.valeur);
    const rows = chart.rows(ctx).filter((r) => r.nature === 'site d’origine');
    expect(rows).toHaveLength(9);
    const eig2 = rows.filter((r) => r.promotion === 'EIG 2');
    expect(eig2.map((r) => [r.part, r.montant, r.defis])).toEqual([
      [
        printed('EIG 2', 'Part des salaires pris en charge par le PIA'),
        printed('EIG 2', 'Salaires pris en charge par PIA'),
        printed('EIG 2', 'Nombre de défis totalement financés'),
      ],
      [
        printed('EIG 2', 'Part prise en charge par les administrations en co-financement'),
        printed('EIG 2', 'Salaires pris en charge par les administrations bénéficiant de co-financement'),
        printed('EIG 2', 'Nombre de défis co-financés'),
      ],
      [
        printed('EIG 2', 'Part des défis autofinancés dans le total des salaires'),
        printed('EIG 2', 'Salaires pour les défis auto-financés'),
        printed('EIG 2', 'Nombre de défis auto-financés'),
      ],
    ]);
    expect(chart.legacyAnchors).toEqual(['eig2017', 'eig2018', 'eig2019']);
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

  it('marks the co-financing rule of the documentation with its source, and says only the original gives promotion 2', () => {
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
    // Whole percents in the words under the bar (a promotion is a few dozen salaries), the exact share in its tooltip.
    const drawn = svg
      .replace(/<title>[^<]*<\/title>/gu, '')
      .replace(/<[^>]+>/gu, ' ')
      .replace(/\s+/gu, ' ');
    expect(drawn).toMatch(/Site d’origine : [^<]*PIA 89 % \(11 défis\)/u);
    expect(svg).toContain('EIG 2 — PIA : 88,88 %');
    expect(drawn).toContain('minimum des administrations : 30 %');
  });

  it('reads the fall of the PIA share, to two decimals as the original site prints it', () => {
    const reading = plain(chart.reading(chart.rows(ctx), ctx));
    expect(reading).toContain('de 91,03 % (EIG 1) à 55,59 % (EIG 3)');
  });

  it('cites the key-figures rows, the sum citing both shares, and the original’s share, amount and défis', () => {
    for (const row of chart.rows(ctx)) {
      const tables = row._from.map((r) => r.table);
      if (row.nature === 'site d’origine') expect(tables).toEqual(Array(3).fill('eig-forever-2019'));
      else expect(tables).toEqual(Array(row.nature === 'calculé' ? 2 : 1).fill('chiffres-cles'));
    }
  });
});
