import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/candidatures.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import { expectKeyFigure, keyRef, reference } from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

const APPLICATIONS = 'Candidatures d’EIG';
const PROPOSED = 'Défis proposés par les administrations';
const PROMOTIONS = ['EIG 1', 'EIG 2', 'EIG 3'];

/** The report's rows for one indicator, added up here from the reference file. */
const referenceSum = (indicator: string) =>
  reference('chiffres-cles-2019.csv')
    .filter((r) => r.indicateur === indicator && PROMOTIONS.includes(r.promotion ?? ''))
    .reduce((s, r) => s + Number(r.valeur), 0);

describe('candidatures chart', () => {
  const find = (indicateur: string, groupe: string, mesure: string) =>
    chart.rows(ctx).find((r) => r.indicateur === indicateur && r.groupe === groupe && r.mesure === mesure);

  it('shows the applications (115, 208, 170) and défis proposed (9, 43, 42) of each promotion, as published', () => {
    for (const promotion of PROMOTIONS) {
      expectKeyFigure(find(APPLICATIONS, promotion, 'par promotion')?.valeur, promotion, 'candidats_eig');
      expectKeyFigure(find(PROPOSED, promotion, 'par promotion')?.valeur, promotion, 'defis_proposes');
      expect(find(PROPOSED, promotion, 'par promotion')?.nature, keyRef(promotion, 'defis_proposes')).toBe('publié');
    }
    expect(
      chart.rows(ctx).some((r) => r.groupe === 'EIG 4'),
      'chiffres-cles-2019.csv: no candidats_eig nor defis_proposes for EIG 4',
    ).toBe(false);
  });

  it('shows the printed total of défis proposed (85) next to the sum of its rows (94) and the May 2019 post (94)', () => {
    const printed = find(PROPOSED, 'Total', 'total publié');
    const sum = find(PROPOSED, 'Total', 'somme des promotions');
    const post = find(PROPOSED, 'Total', 'billet de mai 2019');
    expectKeyFigure(printed?.valeur, 'Total', 'defis_proposes');
    expect(printed?.nature).toBe('publié');
    expect(sum?.valeur, `sum of ${keyRef(PROMOTIONS, 'defis_proposes')}`).toBe(referenceSum('defis_proposes'));
    expect(sum?.nature).toBe('calculé');
    expectKeyFigure(post?.valeur, 'Total', 'defis_deposes');
    // The inconsistency is shown, not smoothed: 85 printed, 94 added up.
    expect(printed?.valeur, keyRef('Total', 'defis_proposes')).toBe(85);
    expect(sum?.valeur, `sum of ${keyRef(PROMOTIONS, 'defis_proposes')}`).toBe(94);
  });

  it('shows 493 applications summed and printed, and the post’s rounded « près de 500 » as an approximation', () => {
    expectKeyFigure(find(APPLICATIONS, 'Total', 'total publié')?.valeur, 'Total', 'candidats_eig');
    expect(
      find(APPLICATIONS, 'Total', 'somme des promotions')?.valeur,
      `sum of ${keyRef(PROMOTIONS, 'candidats_eig')}`,
    ).toBe(referenceSum('candidats_eig'));
    const post = find(APPLICATIONS, 'Total', 'billet de mai 2019');
    expectKeyFigure(post?.valeur, 'Total', 'candidatures_recues');
    expect(post?.texte, keyRef('Total', 'candidatures_recues')).toBe('environ 500');
  });

  it('cites the three rows it adds up, and the lines of the report or the post for every other figure', () => {
    const sum = find(PROPOSED, 'Total', 'somme des promotions')!;
    expect(
      sum._from.map((r) => ctx.cite(r).key.promotion),
      keyRef(PROMOTIONS, 'defis_proposes'),
    ).toEqual(PROMOTIONS);
    expect(sum._from.every((r) => r.table === 'chiffres-cles' && ctx.cite(r).key.indicateur === 'defis_proposes')).toBe(
      true,
    );
    for (const row of chart.rows(ctx).filter((r) => r.nature === 'publié')) {
      const where = `${row.groupe} / ${row.indicateur} / ${row.mesure}`;
      expect(row._from, where).toHaveLength(1);
      expect(['rapport-2019-tableau', 'blog-2019-05-09'], `${where}: source column`).toContain(row._from[0]!.source);
    }
  });

  it('says both totals in its reading and its notes', () => {
    const rows = chart.rows(ctx);
    const reading = chart.reading(rows, ctx);
    const applications = `sum of ${keyRef(PROMOTIONS, 'candidats_eig')}`;
    const proposed = `sum of ${keyRef(PROMOTIONS, 'defis_proposes')}`;
    expect(reading, applications).toContain('493 candidatures');
    expect(reading, proposed).toContain('94 défis');
    expect(reading, keyRef('Total', 'defis_proposes')).toContain('85');
    const notes = chart.notes!(rows, ctx).join(' ');
    expect(notes, keyRef('Total', 'defis_proposes')).toContain('total de 85');
    expect(notes, proposed).toContain('s’additionnent à 94');
    expect(notes, keyRef('Total', 'candidatures_recues')).toContain('près de 500');
    expect(notes, applications).toContain('493');
  });

  it('draws the printed total and the sum as two labelled bars, wide and narrow', () => {
    for (const variant of ['wide', 'narrow'] as const) {
      const { svg } = renderChart(publishedChart(chart, ctx), variant);
      // A label may wrap onto several lines (tspans) on a phone.
      const words = svg.replace(/<[^>]+>/gu, ' ').replace(/\s+/gu, ' ');
      expect(words).toContain('Total publié');
      expect(words).toContain('Somme des promotions');
      expect(svg, keyRef('Total', 'defis_proposes')).toMatch(/>85</u);
      expect(svg, `sum of ${keyRef(PROMOTIONS, 'defis_proposes')}`).toMatch(/>94</u);
    }
  });

  it('leaves the original site’s #selection anchor to the selection chart, which shows that view', () => {
    expect(chart.legacyAnchors ?? []).not.toContain('selection');
  });
});
