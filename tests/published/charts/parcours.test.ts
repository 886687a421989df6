import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/parcours.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';
import { expectSameFigures, plain, published, surveyResultRef } from './survey-support.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

describe('parcours chart', () => {
  it('shows every published figure of the « parcours » theme, from all surveys', () => {
    expectSameFigures(
      ctx,
      chart.rows(ctx),
      published((r) => r.theme === 'parcours'),
    );
  });

  it('says, for each group of bars, its population, respondents and publication', () => {
    for (const variant of ['wide', 'narrow'] as const) {
      const { svg, legend } = renderChart(publishedChart(chart, ctx), variant);
      const text = plain(svg)
        .replace(/<[^>]+>/gu, ' ')
        .replace(/\s+/gu, ' ');
      expect(text, surveyResultRef('promos-1-2', 'eig', 'souhait_administration_avant')).toMatch(
        /Questionnaire des promotions 1 et 2 \(2019\), rapport 2019 — EIG, n = 21 sur 39/u,
      );
      expect(text, surveyResultRef('promo-3', 'eig', 'continuent_pour_administration')).toMatch(
        /blog, janv\. 2020 — EIG \(32\), répondants non publiés/u,
      );
      expect(text, surveyResultRef('promo-3-suivi-2021', 'eig', 'toujours_en_poste_administration_accueil')).toMatch(
        /blog, avril 2021 — EIG \(32\), répondants non publiés/u,
      );
      expect(text, surveyResultRef('promos-1-2', 'eig', 'souhait_administration_apres')).toContain(
        'plus de 57 % · EIG',
      );
      // Each group's heading names its survey (above): no colour per survey, so no legend to match colours with.
      expect(
        legend.map((l) => l.label),
        'enquetes.csv: surveys of the parcours theme',
      ).toEqual([]);
    }
  });

  it('reads the wish to work in the administration before and after, and warns against comparing groups', () => {
    const rows = chart.rows(ctx);
    const reading = plain(chart.reading(rows, ctx));
    expect(reading, surveyResultRef('promos-1-2', 'eig', 'souhait_administration_avant')).toContain(
      '15 % des EIG des promotions 1 et 2 (n = 21 sur 39)',
    );
    expect(reading, surveyResultRef('promos-1-2', 'eig', 'souhait_administration_apres')).toContain('plus de 57 %');
    expect(chart.notes!(rows, ctx)[0]).toMatch(/ne se comparent pas/u);
    // The original's #parcours showed the careers counted, now the « devenir-eig » chart.
    expect(chart.legacyAnchors ?? []).toEqual([]);
  });
});
