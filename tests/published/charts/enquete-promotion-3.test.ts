import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/enquete-promotion-3.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';
import { expectSameFigures, plain, published, surveyRef, surveyResultRef } from './survey-support.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

describe('enquete-promotion-3 chart', () => {
  it('shows every percentage published on promotion 3, at the end of 2019 and in 2021', () => {
    expectSameFigures(
      ctx,
      chart.rows(ctx),
      published((r) => r.enquete === 'promo-3' || r.enquete === 'promo-3-suivi-2021'),
    );
  });

  it('leaves the respondents of the 2021 follow-up absent, with the population of 32', () => {
    const rows = chart.rows(ctx).filter((r) => ctx.cite(r._from[0]!).key.enquete === 'promo-3-suivi-2021');
    const where = published((r) => r.enquete === 'promo-3-suivi-2021')
      .map(surveyRef)
      .join(' ; ');
    expect(rows.map((r) => r.valeur).sort(), where).toEqual([30, 40]);
    for (const row of rows) {
      expect(row.repondants, `${where}, repondants`).toBeNull();
      expect(row.cible, `${where}, cible`).toBe(32);
    }
    const text = plain(renderChart(publishedChart(chart, ctx), 'narrow').svg);
    expect(text, `${where}, cible`).toContain('EIG (32), répondants non publiés');
    expect(text, `${where}, source`).toContain('Parcours — blog, avril 2021');
  });

  it('writes the published wording next to the value (« un tiers », « 10 EIG sur 27 »)', () => {
    const text = plain(renderChart(publishedChart(chart, ctx), 'wide').svg);
    expect(text, surveyResultRef('promo-3', 'eig', 'continuent_pour_administration')).toContain(
      '33 % (« un tiers ») · EIG',
    );
    expect(text, surveyResultRef('promo-3', 'eig', 'programme_au_dela_attentes')).toContain(
      '37 % (10 EIG sur 27) · EIG',
    );
    expect(text, surveyResultRef('promo-3', 'mentors', 'programme_au_dela_attentes')).toContain(
      '42 % (5 mentors sur 12) · mentors',
    );
    expect(text, surveyResultRef('promo-3', 'eig', 'lecture_mensuelle_bulletins')).toContain('plus de 80 % · EIG');
  });

  it('reads satisfaction and the 2021 follow-up, and says the populations differ', () => {
    const rows = chart.rows(ctx);
    const reading = plain(chart.reading(rows, ctx));
    expect(reading, surveyResultRef('promo-3', 'eig', 'satisfaits_resultats_projet')).toContain(
      '75 % des EIG de la promotion 3 (n = 27 sur 30)',
    );
    expect(reading, surveyResultRef('promo-3-suivi-2021', 'eig', 'toujours_en_poste_administration_accueil')).toContain(
      'en 2021, 30 %',
    );
    expect(
      plain(chart.notes!(rows, ctx).join(' ')),
      `${surveyResultRef('promo-3', 'eig', 'satisfaits_resultats_projet')}, cible ; ${surveyResultRef('promo-3', 'eig', 'continuent_pour_administration')}, cible`,
    ).toContain('envoyés à 30 EIG, les autres chiffres portent sur les 32 EIG');
  });
});
