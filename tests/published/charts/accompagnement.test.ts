import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/accompagnement.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { renderChart } from '../../../src/site/render-chart.ts';
import { budgetAmount, keyFigure, reference } from '../../support/reference.ts';
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
    expect(rows.map((r) => r.promotion)).toEqual(['EIG 1', 'EIG 2', 'EIG 3']);
    for (const row of rows) {
      expect(row.valeur).toBe(budgetAmount(row.promotion, 'programme_accompagnement'));
      expect(row.unite).toBe('euros');
    }
    const status = reference('budget-2017-2019.csv').find(
      (r) => r.promotion === 'EIG 3' && r.poste === 'programme_accompagnement',
    )?.statut;
    expect(status).toBe('previsionnel');
    expect(rows.find((r) => r.promotion === 'EIG 3')?.statut).toBe('prévisionnel');
  });

  it('shows the team, EIG Link and seminar figures with their unit', () => {
    const rows = chart.rows(ctx);
    const find = (promotion: string, indicator: string) =>
      rows.find((r) => r.promotion === promotion && ctx.cite(r._from[0]!).key.indicateur === indicator);
    const team = find('EIG 3', 'equipe_coordination');
    expect(team?.valeur).toBe(keyFigure('EIG 3', 'equipe_coordination'));
    expect(team?.unite).toBe('personnes');
    expect(team?.precision).toBe('2 contractuels, 1 vacataire, 1 stagiaire');
    expect(find('EIG 2', 'eig_link')?.valeur).toBe(keyFigure('EIG 2', 'eig_link'));
    expect(find('EIG 3', 'eig_link')?.valeur).toBe(keyFigure('EIG 3', 'eig_link'));
    const seminars = find('EIG 3', 'jours_seminaires_hors_les_murs');
    expect(seminars?.valeur).toBe(keyFigure('EIG 3', 'jours_seminaires_hors_les_murs'));
    expect(seminars?.unite).toBe('jours');
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
    expect(svg).toContain('220 000 € (prévisionnel)');
    expect(svg).toContain('environ 50 000 €');
    expect(svg).toContain('EIG Link : 2 personnes');
    expect(svg).toContain('Jours de séminaires hors les murs : 4 jours');
    expect(svg).toMatch(/stroke-dasharray="4,3"/u);
  });

  it('reads the budget from the first to the last promotion', () => {
    const reading = plain(chart.reading(chart.rows(ctx), ctx));
    expect(reading).toContain('25 000 € pour EIG 1');
    expect(reading).toContain('220 000 € prévus pour EIG 3');
    expect(reading).toContain('4 personnes');
    expect(chart.legacyAnchors).toEqual(['accompagnement']);
  });
});
