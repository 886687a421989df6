import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/accompagnement.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import {
  budgetRef,
  expectBudgetAmount,
  expectKeyFigure,
  keyFigure,
  keyRef,
  referenceRow,
  rowRef,
} from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

const plain = (text: string) => text.replace(/&#160;|&#8239;|[\u00a0\u202f]/gu, ' ');
const BUDGET = 'Budget du programme d’accompagnement';

describe('accompagnement chart', () => {
  it('shows the accompaniment budget of each promotion, promotion 3 as a forecast', () => {
    const rows = chart.rows(ctx).filter((r) => r.indicateur === BUDGET);
    const lines = ['EIG 1', 'EIG 2', 'EIG 3'];
    expect(
      rows.map((r) => r.promotion),
      budgetRef(lines, 'programme_accompagnement'),
    ).toEqual(lines);
    for (const row of rows) {
      expectBudgetAmount(row.valeur, row.promotion, 'programme_accompagnement');
      expect(row.unite).toBe('euros');
    }
    const eig3 = referenceRow('budget-2017-2019.csv', { promotion: 'EIG 3', poste: 'programme_accompagnement' });
    const where = rowRef('budget-2017-2019.csv', eig3, ['promotion', 'poste'], 'statut');
    expect(eig3.statut, where).toBe('previsionnel');
    expect(rows.find((r) => r.promotion === 'EIG 3')?.statut, where).toBe('prévisionnel');
  });

  it('shows the team, EIG Link and seminar figures with their unit', () => {
    const rows = chart.rows(ctx);
    const find = (promotion: string, indicator: string) =>
      rows.find((r) => r.promotion === promotion && ctx.cite(r._from[0]!).key.indicateur === indicator);
    const team = find('EIG 3', 'equipe_coordination');
    expectKeyFigure(team?.valeur, 'EIG 3', 'equipe_coordination');
    expect(team?.unite, keyRef('EIG 3', 'equipe_coordination')).toBe('personnes');
    expect(team?.precision, keyRef('EIG 3', 'equipe_coordination')).toBe('2 contractuels, 1 vacataire, 1 stagiaire');
    expectKeyFigure(find('EIG 2', 'eig_link')?.valeur, 'EIG 2', 'eig_link');
    expectKeyFigure(find('EIG 3', 'eig_link')?.valeur, 'EIG 3', 'eig_link');
    const seminars = find('EIG 3', 'jours_seminaires_hors_les_murs');
    expectKeyFigure(seminars?.valeur, 'EIG 3', 'jours_seminaires_hors_les_murs');
    expect(seminars?.unite, keyRef('EIG 3', 'jours_seminaires_hors_les_murs')).toBe('jours');
    const yearly = find('Total', 'accompagnement_par_an');
    expect(yearly?.valeur).toBe(keyFigure('Total', 'accompagnement_par_an'));
    expect(yearly?.qualificatif).toBe('environ');
    expect(yearly?._from[0]?.source).toBe('ingenierie-programme');
    // Promotion 1: the budget (which the original site prints too), and the original's yearly counts; no key figure.
    const eig1 = rows.filter((r) => r.promotion === 'EIG 1');
    expect(eig1.filter((r) => r._from[0]!.table === 'budget')).toHaveLength(1);
    expect(eig1.filter((r) => r._from[0]!.table === 'chiffres-cles')).toHaveLength(0);
    expect(chart.columns.map((c) => c.key)).toContain('unite');
  });

  it('draws only the amounts as bars and writes the other figures with their unit', () => {
    const rows = chart.rows(ctx);
    const svg = plain(renderChart(publishedChart(chart, ctx), 'narrow').svg);
    expect(svg.match(/<rect /gu)).toHaveLength(rows.filter((r) => r.unite === 'euros').length);
    expect(svg, budgetRef('EIG 3', 'programme_accompagnement')).toContain('220 000 € (prévisionnel)');
    expect(svg, keyRef('Total', 'accompagnement_par_an')).toContain('environ 50 000 €');
    expect(svg, keyRef('EIG 3', 'eig_link')).toContain('EIG Link : 2 personnes');
    expect(svg, keyRef('EIG 3', 'jours_seminaires_hors_les_murs')).toContain(
      'Jours de séminaires hors les murs : 4 jours',
    );
    expect(svg).toMatch(/stroke-dasharray="4,3"/u);
  });

  it('reads the budget from the first to the last promotion', () => {
    const reading = plain(chart.reading(chart.rows(ctx), ctx));
    expect(reading, budgetRef('EIG 1', 'programme_accompagnement')).toContain('25 000 € pour EIG 1');
    expect(reading, budgetRef('EIG 3', 'programme_accompagnement')).toContain('220 000 € prévus pour EIG 3');
    expect(reading, keyRef('EIG 3', 'equipe_coordination')).toContain('4 personnes');
    expect(chart.legacyAnchors).toEqual(['accompagnement']);
  });
});
