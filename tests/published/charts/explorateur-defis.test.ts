import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/explorateur-defis.ts';
import type { ChartContext, Column } from '../../../src/charts/types.ts';
import { chartCsv } from '../../../src/publish/outputs.ts';
import { keyFigure, reference } from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

const DEFIS = () => reference('defis.csv');

describe('explorateur-defis chart', () => {
  it('lists every défi of the website (71), each once, citing its line', () => {
    const rows = chart.rows(ctx);
    expect(rows).toHaveLength(DEFIS().length);
    expect(rows).toHaveLength(71);
    for (const ref of DEFIS()) {
      const row = rows.find((r) => r.defi === ref.defi && r.promotion === ref.promotion);
      expect(row, ref.defi).toBeDefined();
      expect(row!.administration).toBe(ref.administration);
      expect(row!.eig).toBe(Number(ref.nb_eig));
      expect(row!._from).toHaveLength(1);
      expect(row!._from[0]!.table).toBe('defis');
    }
  });

  it('has as many défis per promotion as the report for promotions 1–3 (9, 13, 15)', () => {
    const count = (p: string) => chart.rows(ctx).filter((r) => r.promotion === p).length;
    for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3']) expect(count(promotion)).toBe(keyFigure(promotion, 'defis'));
    expect(count('EIG 1')).toBe(9);
    // The website lists 17 défis for promotion 4 where the April 2021 post says 16: shown in the notes.
    expect(count('EIG 4')).toBe(DEFIS().filter((d) => d.promotion === 'EIG 4').length);
    expect(chart.notes!(chart.rows(ctx), ctx).join(' ')).toContain(
      `${count('EIG 4')} défis ; les publications du programme en annoncent ${keyFigure('EIG 4', 'defis')}`,
    );
  });

  it('is an explorer: its table is the list of défis', () => {
    expect(chart.explorer).toBe(true);
    expect(chart.columns.map((c) => c.key)).toEqual(
      expect.arrayContaining([
        'defi',
        'promotion',
        'annee',
        'administration',
        'commune',
        'competences',
        'eig',
        'mentors',
        'duree_mois',
        'code_source',
      ]),
    );
  });

  it('links well-formed source-code addresses and shows malformed ones (no host) as text, with a note', () => {
    const column = chart.columns.find((c) => c.key === 'code_source') as Column<Record<string, unknown>>;
    // Malformed, as listed in the publications' known inconsistencies: the host has no domain.
    const defis = DEFIS();
    const malformed = defis.filter((d) => d.code_source && !/^https?:\/\/[^/]+\.[a-z]{2,}(\/|$)/iu.test(d.code_source));
    expect(malformed.map((d) => d.code_source)).toContain('https://entrepreneur-interet-general/AFD_projects');
    const rows = chart.rows(ctx);
    for (const ref of defis.filter((d) => d.code_source)) {
      const row = rows.find((r) => r.defi === ref.defi && r.promotion === ref.promotion)!;
      const isMalformed = malformed.includes(ref);
      expect(column.href!(row), ref.code_source).toBe(isMalformed ? null : ref.code_source);
      expect(column.format!(row)).toContain(ref.code_source);
      if (isMalformed) expect(column.format!(row)).toContain('lien mal formé');
    }
    const notes = chart.notes!(rows, ctx).join(' ');
    for (const d of malformed) expect(notes).toContain(`« ${d.code_source} »`);
  });

  it('downloads the raw values (the whole link, even malformed) in its CSV', () => {
    const csv = chartCsv(publishedChart(chart, ctx));
    expect(csv).toContain('https://scossin/parcoursdesoins');
    expect(csv.trim().split('\n')).toHaveLength(72);
  });

  it('reads the number of défis and of the first and last promotions', () => {
    const reading = chart.reading(chart.rows(ctx), ctx);
    expect(reading).toContain(`${DEFIS().length} défis`);
    expect(reading).toContain(`de ${keyFigure('EIG 1', 'defis')} pour la promotion EIG 1`);
    const dev = DEFIS().filter((d) => (d.competences ?? '').split(';').includes('dev')).length;
    expect(reading).toContain(`${dev} demandent du développement`);
  });
});
