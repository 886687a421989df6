import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/promotion-4-sept-mois.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { FOLLOW_UP_LABELS } from '../../../src/lib/labels.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import { keyFigure, keyRef, reference, rowRef } from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

const plain = (text: string) => text.replace(/&#160;|&#8239;|[\u00a0\u202f]/gu, ' ');

describe('promotion-4-sept-mois chart', () => {
  it('shows the published counts out of the 16 défis, with the share computed from them', () => {
    const rows = chart.rows(ctx);
    const published = reference('defis-suivi.csv').filter((r) => r.promotion === 'EIG 4');
    const defis = keyFigure('EIG 4', 'defis');
    expect(defis, keyRef('EIG 4', 'defis')).toBe(16);
    expect(rows, `defis-suivi.csv: ${published.length} rows of EIG 4`).toHaveLength(published.length);
    for (const ref of published) {
      const where = rowRef('defis-suivi.csv', ref, ['promotion', 'date', 'indicateur', 'categorie'], 'nombre_defis');
      const row = rows.find((r) => r.indicateur === FOLLOW_UP_LABELS[ref.categorie!]);
      expect(row?.nombre, where).toBe(Number(ref.nombre_defis));
      expect(row?.sur, keyRef('EIG 4', 'defis')).toBe(defis);
      expect(row?.part, `${where} ; ${keyRef('EIG 4', 'defis')}`).toBeCloseTo(
        (100 * Number(ref.nombre_defis)) / defis,
        10,
      );
      // The share cites the count and the number of défis it is computed from.
      expect(row?._from.map((f) => f.table).sort(), where).toEqual(['chiffres-cles', 'suivi-defis']);
    }
    expect(
      rows.find((r) => r.indicateur === 'Projets prolongés avec un cofinancement de la DINUM')?.date,
      'defis-suivi.csv: EIG 4 / projets_cofinances_dinum, date',
    ).toBe('juin 2021');
  });

  it('marks the share as computed in the table and on the chart', () => {
    const rows = chart.rows(ctx);
    const part = chart.columns.find((c) => c.key === 'part')!;
    expect(part.label).toMatch(/calculée/u);
    const code = rows.find((r) => r.nombre === 13)!;
    const where = `defis-suivi.csv: EIG 4 / projets_code_ouvert_ou_prevu (13) ; ${keyRef('EIG 4', 'defis')}`;
    expect(plain(part.format!(code)), where).toBe('81,3 % (calculé)');
    const text = plain(renderChart(publishedChart(chart, ctx), 'narrow').svg);
    const drawn = text
      .replace(/<title>[^<]*<\/title>/gu, '')
      .replace(/<[^>]+>/gu, ' ')
      .replace(/\s+/gu, ' ');
    // Whole percents on the drawing (16 défis), the exact share in the bar's tooltip.
    expect(drawn, where).toContain('13 sur 16 · 81 % (calculé)');
    expect(text, where).toContain('13 sur 16 défis, soit 81,3 % (part calculée)');
    expect(text, 'defis-suivi.csv: EIG 4 / projets_cofinances_dinum, date').toContain('Prolongation, juin 2021');
  });

  it('notes that the site’s list has 17 défis for promotion 4', () => {
    const listed = reference('defis.csv').filter((r) => r.promotion === 'EIG 4').length;
    expect(listed, 'defis.csv: défis of EIG 4').toBe(17);
    expect(
      plain(chart.notes!(chart.rows(ctx), ctx).join(' ')),
      `defis.csv: défis of EIG 4 ; ${keyRef('EIG 4', 'defis')}`,
    ).toContain(`compte ${listed} défis pour la promotion 4, pas 16`);
  });
});
