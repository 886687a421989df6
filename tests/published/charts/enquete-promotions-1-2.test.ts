import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/enquete-promotions-1-2.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';
import { expectSameFigures, plain, published, surveyResultRef } from './survey-support.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

describe('enquete-promotions-1-2 chart', () => {
  it('shows every percentage published from the survey of promotions 1 and 2', () => {
    expectSameFigures(
      ctx,
      chart.rows(ctx),
      published((r) => r.enquete === 'promos-1-2'),
    );
  });

  it('writes the qualifier and the respondents wherever a percentage appears', () => {
    const rows = chart.rows(ctx);
    const valeur = chart.columns.find((c) => c.key === 'valeur')!;
    const ninety = surveyResultRef('promos-1-2', 'mentors', 'realisations_repondent_aux_attentes');
    const ninetyFive = surveyResultRef('promos-1-2', 'eig', 'satisfaits_environnement_travail');
    const respondents = 'enquetes.csv: repondants and cible of promos-1-2 (eig, mentors, eig+mentors)';
    const row = rows.find((r) => r.qualificatif === 'plus de' && r.valeur === 90)!;
    expect(plain(valeur.format!(row)), ninety).toBe('plus de 90 %');
    for (const variant of ['wide', 'narrow'] as const) {
      const { svg, legend } = renderChart(publishedChart(chart, ctx), variant);
      const text = plain(svg);
      expect(text, ninety).toContain('plus de 90 % · mentors');
      expect(text, ninetyFive).toContain('près de 95 % · EIG');
      expect(text, respondents).toContain(
        '(EIG, n = 21 sur 39 ; Questionnaire des promotions 1 et 2 (2019), Rapport 2019)',
      );
      // The legend names the populations; their respondents are written on the drawing, by each group.
      expect(
        legend.map((l) => l.label),
        respondents,
      ).toEqual(['EIG', 'Mentors', 'EIG et mentors']);
      for (const n of ['EIG, n = 21 sur 39', 'Mentors, n = 13 sur 24', 'EIG et mentors, n = 34 sur 63'])
        expect(
          text
            .replace(/<[^>]+>/gu, ' ')
            .replace(/\s+/gu, ' ')
            .toLowerCase(),
          respondents,
        ).toContain(n.toLowerCase());
      expect(svg.match(/<rect /gu), `enquetes.csv: ${rows.length} results of promos-1-2`).toHaveLength(rows.length);
    }
    // Downloaded images carry no legend: the respondents are written in the drawing itself.
    const file = plain(renderChart(publishedChart(chart, ctx), 'wide').svg)
      .replace(/<[^>]+>/gu, ' ')
      .replace(/\s+/gu, ' ');
    // Each group's heading names the populations it shows with their respondents.
    for (const n of ['EIG, n = 21 sur 39', 'mentors, n = 13 sur 24', 'EIG et mentors, n = 34 sur 63'])
      expect(file, respondents).toContain(n);
  });

  it('draws each bar at the published value, whatever its qualifier', () => {
    const rows = chart.rows(ctx);
    const { svg } = renderChart(publishedChart(chart, ctx), 'wide');
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"[^>]*>\s*<title>([^<]*)<\/title>/gu)].map((m) => ({
      width: Number(m[1]),
      title: plain(m[2]!),
    }));
    expect(widths).toHaveLength(rows.length);
    const unit = widths.find((w) => w.title.includes('Méthodes agiles'))!.width / 43;
    const bounded = widths.find((w) => w.title.includes('plus de 90 %'))!;
    expect(
      bounded.width,
      `${surveyResultRef('promos-1-2', 'eig', 'methodes_agiles')} ; ${surveyResultRef('promos-1-2', 'mentors', 'realisations_repondent_aux_attentes')}`,
    ).toBeCloseTo(90 * unit, 5);
  });

  it('reads the respondents and the highest result', () => {
    const reading = plain(chart.reading(chart.rows(ctx), ctx));
    expect(reading, 'enquetes.csv: repondants and cible of promos-1-2 (eig, mentors)').toContain(
      '21 EIG sur 39 et 13 mentors sur 24',
    );
    expect(reading, surveyResultRef('promos-1-2', 'eig', 'satisfaits_environnement_travail')).toContain('près de 95 %');
    const bounded = published((r) => r.enquete === 'promos-1-2' && r.qualificatif !== '').length;
    expect(
      plain(chart.notes!(chart.rows(ctx), ctx).join(' ')),
      `enquetes.csv: ${bounded} results of promos-1-2 with a qualificatif`,
    ).toContain(`${bounded} pourcentages sont publiés avec un qualificatif`);
  });
});
