import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/suivi-promotion-3.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { formatMonth } from '../../../src/lib/format.ts';
import { FOLLOW_UP_LABELS } from '../../../src/lib/labels.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import { reference, rowRef, type ReferenceRow } from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

const plain = (text: string) => text.replace(/&#160;|&#8239;|[\u00a0\u202f]/gu, ' ');
const published = () => reference('defis-suivi.csv').filter((r) => r.promotion === 'EIG 3');
const followRef = (rows: ReferenceRow[]) =>
  rows
    .map((r) => rowRef('defis-suivi.csv', r, ['promotion', 'date', 'indicateur', 'categorie'], 'nombre_defis'))
    .join(' ; ');

describe('suivi-promotion-3 chart', () => {
  it('shows every follow-up figure published on promotion 3', () => {
    const rows = chart.rows(ctx).filter((r) => r.nature === 'publié');
    expect(rows, `defis-suivi.csv: ${published().length} rows of EIG 3`).toHaveLength(published().length);
    for (const ref of published()) {
      const row = rows.find(
        (r) =>
          r.indicateur === FOLLOW_UP_LABELS[ref.indicateur!] &&
          r.categorie === FOLLOW_UP_LABELS[ref.categorie!] &&
          r.date === formatMonth(ref.date!),
      );
      expect(row?.nombre, followRef([ref])).toBe(Number(ref.nombre_defis));
    }
  });

  it('shows status going from 4 to 10 projects in production between November 2019 and March 2021', () => {
    const rows = chart.rows(ctx);
    const production = rows.filter((r) => r.categorie === 'En production').map((r) => [r.date, r.nombre]);
    const inProduction = published().filter((r) => r.categorie === 'en_production');
    const expected = inProduction.map((r) => [formatMonth(r.date!), Number(r.nombre_defis)]);
    expect(production, followRef(inProduction)).toEqual(expected);
    expect(expected, followRef(inProduction)).toEqual([
      ['novembre 2019', 4],
      ['mars 2021', 10],
    ]);
    const states = published().filter((r) => r.indicateur === 'etat');
    expect(plain(chart.reading(rows, ctx)), followRef(states)).toBe(
      'Sur les 14 projets de la promotion 3 évalués, 10 étaient en production en mars 2021, contre 4 en novembre 2019.',
    );
  });

  it('shows that the November 2019 portage categories add up to 13, not 14', () => {
    const rows = chart.rows(ctx);
    const portage = published().filter((r) => r.indicateur === 'portage' && r.date === '2019-11');
    const state = published().filter((r) => r.indicateur === 'etat' && r.date === '2019-11');
    const sum = (list: typeof portage) => list.reduce((s, r) => s + Number(r.nombre_defis), 0);
    const where = `sum of ${followRef(portage)} ; sum of ${followRef(state)}`;
    expect([sum(portage), sum(state)], where).toEqual([13, 14]);
    const total = rows.find(
      (r) => r.indicateur === 'Portage des projets' && r.date === 'novembre 2019' && r.nature === 'calculé',
    );
    expect(total, where).toMatchObject({ nombre: sum(portage), evalues: sum(state) });
    expect(total!._from, followRef(portage)).toHaveLength(portage.length);
    // Consistent totals are computed too, and say so.
    const march = rows.find(
      (r) => r.indicateur === 'Portage des projets' && r.date === 'mars 2021' && r.nature === 'calculé',
    );
    const marchRows = published().filter(
      (r) => (r.indicateur === 'portage' || r.indicateur === 'etat') && r.date === '2021-03',
    );
    expect(march, followRef(marchRows)).toMatchObject({ nombre: 14, evalues: 14 });
    const { svg } = renderChart(publishedChart(chart, ctx), 'wide');
    expect(plain(svg), where).toContain('13 · nov. 2019 ≠ 14 évalués');
    expect(svg, where).toMatch(/stroke-dasharray="4,3"/u);
    expect(plain(chart.notes!(rows, ctx)[0]!), where).toMatch(
      /\(11 \+ 1 \+ 1\) font 13 projets, alors que le même billet en évalue 14/u,
    );
  });

  it('warns that the November 2019 openness figures count the 15 défis', () => {
    const notes = plain(chart.notes!(chart.rows(ctx), ctx).join(' '));
    const openness = published().filter((r) => r.categorie === 'depots_code_en_ligne');
    expect(notes, followRef(openness)).toContain('10 sur 15');
    expect(notes).toContain('EIG Link');
  });
});
