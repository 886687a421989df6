import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/explorateur-defis.ts';
import type { ChartContext, Column } from '../../../src/charts/types.ts';
import { chartCsv } from '../../../src/publish/outputs.ts';
import { expectKeyFigure, keyFigure, keyRef, reference, rowRef } from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

const DEFIS = () => reference('defis.csv');

describe('explorateur-defis chart', () => {
  it('lists every défi of the website (71), each once, citing its line', () => {
    const rows = chart.rows(ctx);
    expect(rows, `defis.csv: ${DEFIS().length} défis`).toHaveLength(DEFIS().length);
    expect(rows, `defis.csv: ${DEFIS().length} défis`).toHaveLength(71);
    for (const ref of DEFIS()) {
      const where = rowRef('defis.csv', ref, ['defi', 'promotion']);
      const row = rows.find((r) => r.defi === ref.defi && r.promotion === ref.promotion);
      expect(row, where).toBeDefined();
      expect(row!.administration, `${where}, administration`).toBe(ref.administration);
      expect(row!.eig, `${where}, nb_eig`).toBe(Number(ref.nb_eig));
      expect(row!._from, where).toHaveLength(1);
      expect(row!._from[0]!.table, where).toBe('defis');
    }
  });

  it('has as many défis per promotion as the report for promotions 1–3 (9, 13, 15)', () => {
    const count = (p: string) => chart.rows(ctx).filter((r) => r.promotion === p).length;
    for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3']) expectKeyFigure(count(promotion), promotion, 'defis');
    expect(count('EIG 1'), `defis.csv: défis of EIG 1 ; ${keyRef('EIG 1', 'defis')}`).toBe(9);
    // The website lists 17 défis for promotion 4 where the April 2021 post says 16: shown in the notes.
    expect(count('EIG 4'), 'defis.csv: défis of EIG 4').toBe(DEFIS().filter((d) => d.promotion === 'EIG 4').length);
    expect(
      chart.notes!(chart.rows(ctx), ctx).join(' '),
      `defis.csv: défis of EIG 4 ; ${keyRef('EIG 4', 'defis')}`,
    ).toContain(`${count('EIG 4')} défis ; les publications du programme en annoncent ${keyFigure('EIG 4', 'defis')}`);
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
    expect(
      malformed.map((d) => d.code_source),
      'defis.csv: code_source of AFD - Geodata',
    ).toContain('https://entrepreneur-interet-general/AFD_projects');
    const rows = chart.rows(ctx);
    for (const ref of defis.filter((d) => d.code_source)) {
      const where = rowRef('defis.csv', ref, ['defi', 'promotion'], 'code_source');
      const row = rows.find((r) => r.defi === ref.defi && r.promotion === ref.promotion)!;
      const isMalformed = malformed.includes(ref);
      expect(column.href!(row), where).toBe(isMalformed ? null : ref.code_source);
      expect(column.format!(row), where).toContain(ref.code_source);
      if (isMalformed) expect(column.format!(row), where).toContain('lien mal formé');
    }
    const notes = chart.notes!(rows, ctx).join(' ');
    for (const d of malformed)
      expect(notes, rowRef('defis.csv', d, ['defi', 'promotion'], 'code_source')).toContain(`« ${d.code_source} »`);
  });

  it('downloads the raw values (the whole link, even malformed) in its CSV', () => {
    const csv = chartCsv(publishedChart(chart, ctx));
    expect(csv, 'defis.csv: code_source of ARS - Parcours de soin').toContain('https://scossin/parcoursdesoins');
    expect(csv.trim().split('\n'), `defis.csv: ${DEFIS().length} défis and a header`).toHaveLength(72);
  });

  it('reads the number of défis and of the first and last promotions', () => {
    const reading = chart.reading(chart.rows(ctx), ctx);
    expect(reading, `defis.csv: ${DEFIS().length} défis`).toContain(`${DEFIS().length} défis`);
    expect(reading, `defis.csv: défis of EIG 1 ; ${keyRef('EIG 1', 'defis')}`).toContain(
      `de ${keyFigure('EIG 1', 'defis')} pour la promotion EIG 1`,
    );
    const dev = DEFIS().filter((d) => (d.competences ?? '').split(';').includes('dev')).length;
    expect(reading, 'defis.csv: competences').toContain(`${dev} demandent du développement`);
  });
});
