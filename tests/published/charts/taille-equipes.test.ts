import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/taille-equipes.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { expectKeyFigure, keyFigure, keyRef, reference } from '../../support/reference.ts';
import { loadContext } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

const SUM = 'Somme des équipes des défis';
const PUBLISHED = 'EIG publiés par le programme';
/** EIG of a promotion, adding up the team sizes of the website's défis (reference file). */
const teams = (promotion: string) =>
  reference('defis.csv')
    .filter((d) => d.promotion === promotion)
    .reduce((s, d) => s + Number(d.nb_eig), 0);
const teamsRef = (promotion: string) => `defis.csv: nb_eig of the défis of ${promotion}`;

describe('taille-equipes chart', () => {
  const value = (promotion: string, mesure: string) =>
    chart.rows(ctx).find((r) => r.promotion === promotion && r.mesure === mesure);

  it('adds up the défis’ teams of each promotion, next to the published number of EIG', () => {
    for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3', 'EIG 4']) {
      expect(value(promotion, SUM)?.eig, teamsRef(promotion)).toBe(teams(promotion));
      expect(value(promotion, SUM)?.nature).toBe('calculé');
      expectKeyFigure(value(promotion, PUBLISHED)?.eig, promotion, 'eig');
      expect(value(promotion, PUBLISHED)?.nature).toBe('publié');
    }
    // DIG designers are not EIG: not counted here.
    expect(chart.rows(ctx).some((r) => r.promotion === 'DIG')).toBe(false);
  });

  it('shows that promotion 1’s teams add up to 9 where the report says 11, and that 2, 3 and 4 match', () => {
    const eig1 = `${teamsRef('EIG 1')} ; ${keyRef('EIG 1', 'eig')}`;
    expect(value('EIG 1', SUM)?.eig, teamsRef('EIG 1')).toBe(9);
    expect(value('EIG 1', PUBLISHED)?.eig, keyRef('EIG 1', 'eig')).toBe(11);
    for (const promotion of ['EIG 2', 'EIG 3', 'EIG 4'])
      expect(value(promotion, SUM)?.eig, `${teamsRef(promotion)} ; ${keyRef(promotion, 'eig')}`).toBe(
        value(promotion, PUBLISHED)?.eig,
      );
    const reading = chart.reading(chart.rows(ctx), ctx);
    expect(reading, eig1).toContain(
      `promotion EIG 1 totalisent ${teams('EIG 1')} EIG, quand le programme en publie ${keyFigure('EIG 1', 'eig')}`,
    );
    const others = ['EIG 2', 'EIG 3', 'EIG 4'];
    expect(reading, `${others.map(teamsRef).join(' ; ')} ; ${keyRef(others, 'eig')}`).toContain(
      'pour EIG 2, EIG 3 et EIG 4, la somme égale le chiffre publié',
    );
    expect(chart.notes!(chart.rows(ctx), ctx).join(' '), eig1).toContain('EIG 1 :');
  });

  it('cites every défi it adds up', () => {
    const sum = value('EIG 1', SUM)!;
    expect(sum._from, 'defis.csv: défis of EIG 1').toHaveLength(
      reference('defis.csv').filter((d) => d.promotion === 'EIG 1').length,
    );
    expect(sum._from.every((r) => r.table === 'defis')).toBe(true);
  });
});
