import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/administrations.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import { keyFigure, keyRef, reference } from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

/**
 * Names compared as the same structure once case, accents, apostrophes, punctuation, the form's label
 * « Administration de rattachement : » and a trailing comma are ignored; « A + B » names two bodies.
 */
const same = (name = '') =>
  name
    .replace(/^Administration de rattachement\s*:/u, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();

const DEFIS = () => reference('defis-2017-2023.csv');
const bodies = (name = '') => name.split(' + ').map(same);

describe('administrations chart', () => {
  it('counts every défi of the current website under each body hosting it, and its promotion', () => {
    const rows = chart.rows(ctx);
    const defis = DEFIS();
    const hosts = defis.reduce((s, d) => s + bodies(d.administration).length, 0);
    expect(rows.reduce((s, r) => s + r.defis, 0)).toBe(hosts);
    expect(hosts).toBe(defis.length + 1);
    for (const row of rows) {
      const expected = defis.filter(
        (d) => bodies(d.administration).includes(same(row.administration)) && d.promotion === row.promotion,
      );
      expect(row.defis, `${row.administration} ${row.promotion}`).toBe(expected.length);
      expect(row._from.map((r) => ctx.cite(r).key.slug).sort()).toEqual(
        expected.map((d) => d.slug!.normalize('NFC')).sort(),
      );
    }
    expect(new Set(rows.map((r) => r.administration)).size).toBe(
      new Set(defis.flatMap((d) => bodies(d.administration))).size,
    );
  });

  it('groups the spellings of one administration (« Cour de cassation », « Cour de Cassation ») and lists the others', () => {
    const cour = chart.rows(ctx).filter((r) => same(r.administration) === 'cour de cassation');
    const expected = DEFIS().filter((d) => same(d.administration) === 'cour de cassation');
    expect(cour.reduce((s, r) => s + r.defis, 0)).toBe(expected.length);
    expect(cour[0]!.total).toBe(expected.length);
    const hopkins = chart.rows(ctx).find((r) => r.graphies.includes('Administration de rattachement'));
    expect(hopkins?.administration).toBe('Ministère de l’Action et des Comptes Publics');
    expect(cour[0]!.graphies).toContain(
      cour[0]!.administration === 'Cour de cassation' ? 'Cour de Cassation' : 'Cour de cassation',
    );
  });

  it('notes the May 2019 post’s 19 structures and 29 services against the distinct names of promotions 1–3', () => {
    const firstThree = DEFIS().filter((d) => ['EIG 1', 'EIG 2', 'EIG 3'].includes(d.promotion ?? ''));
    const distinct = new Set(firstThree.flatMap((d) => bodies(d.administration))).size;
    const notes = chart.notes!(chart.rows(ctx), ctx).join(' ');
    expect(notes, keyRef('Total', 'structures_publiques_accueil')).toContain(
      `${keyFigure('Total', 'structures_publiques_accueil')} structures publiques`,
    );
    expect(notes, keyRef('Total', 'services_ou_directions')).toContain(
      `${keyFigure('Total', 'services_ou_directions')} services ou directions`,
    );
    expect(notes, 'defis.csv: administrations of EIG 1 to 3').toContain(`${distinct} noms d’administration différents`);
    expect(notes, 'defis.csv: administrations of EIG 1 to 3').toContain(
      `${new Set(firstThree.map((d) => d.administration)).size} graphies`,
    );
  });

  it('reads the number of défis and administrations from the rows', () => {
    const reading = chart.reading(chart.rows(ctx), ctx);
    expect(reading).toContain(`${DEFIS().length} défis`);
    const dinum = DEFIS().filter((d) => same(d.administration) === 'direction interministerielle du numerique').length;
    expect(reading).toContain(`« Direction interministérielle du numérique » (${dinum} défis)`);
  });

  it('draws one marker per défi and writes every administration, wide and narrow', () => {
    for (const variant of ['wide', 'narrow'] as const) {
      const { svg } = renderChart(publishedChart(chart, ctx), variant);
      expect(svg.match(/<rect /gu)?.length).toBe(DEFIS().reduce((s, d) => s + bodies(d.administration).length, 0));
      expect(svg).toContain('>Cour des comptes<');
    }
  });

  it('leaves the original site’s #carte anchor to the map', () => {
    expect(chart.legacyAnchors ?? []).not.toContain('carte');
  });
});
