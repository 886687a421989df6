import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/femmes.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { keyFigure, keyRef, reference } from '../../support/reference.ts';
import { loadContext } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

const original = reference('data-eig-forever-2019.csv');
const printed = (promotion: string, indicator: string) =>
  Number(original.find((r) => r.promotion === promotion && r.indicateur === indicator)!.valeur);

describe('femmes chart', () => {
  const row = (promotion: string, groupe: string) =>
    chart.rows(ctx).find((r) => r.promotion === promotion && r.groupe === groupe);

  it('shows the share of women among EIG (18, 25, 19 %) and of female applications (12, 30, 20 %) of May 2019', () => {
    for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3']) {
      expect(row(promotion, 'Tous les EIG')?.part).toBe(keyFigure(promotion, 'part_femmes_eig'));
      expect(row(promotion, 'Candidatures')?.part).toBe(keyFigure(promotion, 'part_candidatures_feminines'));
    }
    // Nothing was published for promotion 4: no bar, no estimate.
    expect(chart.rows(ctx).filter((r) => r.promotion === 'EIG 4')).toEqual([]);
  });

  it('shows the original site’s women per profile, with counts, men and shares among all EIG', () => {
    const groups = {
      'Développeurs et développeuses': ['développeurs', 'développeuses', 'Nombre de développeurs'],
      'Data scientists': ['data scientists', 'datascientists', 'Nombre de data scientists'],
      Designers: ['designers', 'designers', 'Nombre de designers'],
    } as const;
    const ofEig = {
      'Développeurs et développeuses': 'Pourcentage de femmes développeuses parmi les EIG',
      'Data scientists': 'Pourcentage de femmes data-scientist parmi les EIG',
      Designers: 'Pourcentage de femmes designers parmi les EIG',
    } as const;
    for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3']) {
      const all = row(promotion, 'Tous les EIG')!;
      expect([all.femmes, all.hommes, all.effectif]).toEqual([
        printed(promotion, 'Nombre de femmes'),
        printed(promotion, "Nombre d'hommes"),
        printed(promotion, "Nombre d'EIG"),
      ]);
      for (const [groupe, [among, women, size]] of Object.entries(groups)) {
        const r = row(promotion, groupe)!;
        expect(r.part).toBe(printed(promotion, `Pourcentage de femmes parmi les ${among}`));
        expect(r.femmes).toBe(printed(promotion, `Nombre de femmes ${women}`));
        expect(r.effectif).toBe(printed(promotion, size));
        expect(r.part_des_eig).toBe(printed(promotion, ofEig[groupe as keyof typeof ofEig]));
      }
    }
  });

  it('says a share of women among no designers at all (promotion 1) means nothing, rather than 0 %', () => {
    const designers = row('EIG 1', 'Designers')!;
    expect([designers.part, designers.effectif]).toEqual([0, 0]);
    const text = chart.columns.find((c) => c.key === 'part')!.format!(designers);
    expect(text).toMatch(/^sans objet/u);
    expect(chart.notes!(chart.rows(ctx), ctx).join(' ')).toContain('n’en compte aucun');
  });

  it('cites the May 2019 post and the original site where both print the share', () => {
    const all = row('EIG 2', 'Tous les EIG')!;
    expect([...new Set(all._from.map((r) => r.source))].sort()).toEqual(['blog-2019-05-09', 'data-eig-forever-2019']);
  });

  it('reads the last promotion’s shares', () => {
    const reading = chart.reading(chart.rows(ctx), ctx);
    expect(reading, keyRef('EIG 3', 'part_femmes_eig')).toContain(
      `${keyFigure('EIG 3', 'part_femmes_eig')}\u00a0% des EIG`,
    );
    expect(reading, keyRef('EIG 3', 'part_candidatures_feminines')).toContain(
      `${keyFigure('EIG 3', 'part_candidatures_feminines')}\u00a0% de candidatures féminines`,
    );
  });

  it('keeps the original site’s #genre and #genres anchors', () => {
    expect(chart.legacyAnchors).toEqual(expect.arrayContaining(['genre', 'genres']));
  });
});
