import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/administrations.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import { keyFigure, reference } from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

/** Names compared as the same structure once case, accents, apostrophes and punctuation are ignored. */
const same = (name = '') =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();

describe('administrations chart', () => {
  it('counts every défi of the website once, under its administration and promotion', () => {
    const rows = chart.rows(ctx);
    const defis = reference('defis.csv');
    expect(rows.reduce((s, r) => s + r.defis, 0)).toBe(defis.length);
    for (const row of rows) {
      const expected = defis.filter(
        (d) => same(d.administration) === same(row.administration) && d.promotion === row.promotion,
      );
      expect(row.defis, `${row.administration} ${row.promotion}`).toBe(expected.length);
      expect(row._from.map((r) => ctx.cite(r).key.defi).sort()).toEqual(expected.map((d) => d.defi).sort());
    }
    expect(new Set(rows.map((r) => r.administration)).size).toBe(
      new Set(defis.map((d) => same(d.administration))).size,
    );
  });

  it('groups the spellings of one administration (« Cour de cassation », « Cour de Cassation ») and lists the others', () => {
    const cour = chart.rows(ctx).filter((r) => same(r.administration) === 'cour de cassation');
    expect(cour.map((r) => r.promotion)).toEqual(['EIG 3', 'EIG 4']);
    expect(cour[0]!.total).toBe(2);
    expect(cour[0]!.graphies).toContain(
      cour[0]!.administration === 'Cour de cassation' ? 'Cour de Cassation' : 'Cour de cassation',
    );
  });

  it('notes the May 2019 post’s 19 structures and 29 services against the distinct names of promotions 1–3', () => {
    const firstThree = reference('defis.csv').filter((d) => ['EIG 1', 'EIG 2', 'EIG 3'].includes(d.promotion ?? ''));
    const distinct = new Set(firstThree.map((d) => same(d.administration))).size;
    const notes = chart.notes!(chart.rows(ctx), ctx).join(' ');
    expect(notes).toContain(`${keyFigure('Total', 'structures_publiques_accueil')} structures publiques`);
    expect(notes).toContain(`${keyFigure('Total', 'services_ou_directions')} services ou directions`);
    expect(notes).toContain(`${distinct} noms d’administration différents`);
    expect(notes).toContain(`${new Set(firstThree.map((d) => d.administration)).size} graphies`);
  });

  it('reads the number of défis and administrations from the rows', () => {
    const reading = chart.reading(chart.rows(ctx), ctx);
    expect(reading).toContain(`${reference('defis.csv').length} défis`);
    expect(reading).toContain('« Ministère de l’Intérieur » (3 défis)');
  });

  it('draws one marker per défi and writes every administration, wide and narrow', () => {
    for (const variant of ['wide', 'narrow'] as const) {
      const { svg } = renderChart(publishedChart(chart, ctx), variant);
      expect(svg.match(/<rect /gu)?.length).toBe(reference('defis.csv').length);
      expect(svg).toContain('>Cour des comptes<');
    }
  });

  it('leaves the original site’s #carte anchor to the map', () => {
    expect(chart.legacyAnchors ?? []).not.toContain('carte');
  });
});
