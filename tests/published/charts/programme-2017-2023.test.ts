/**
 * The charts of the whole programme, 2017–2023, against the current website's lists as compiled in
 * tests/reference/ (defis-2017-2023.csv, communaute-2017-2023.csv), read here with csv-parse: défis per promotion,
 * per expertise and per theme, team sizes, the community by promotion, role and expertise; and the built JSON.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import communaute from '../../../src/charts/communaute.ts';
import competences from '../../../src/charts/competences-defis.ts';
import defisPromotions from '../../../src/charts/defis-promotions.ts';
import taille, { PUBLISHED, ROLES } from '../../../src/charts/taille-equipes.ts';
import thematiques from '../../../src/charts/thematiques-defis.ts';
import type { ChartContext } from '../../../src/charts/types.ts';
import { chartJson } from '../../../src/publish/outputs.ts';
import { keyFigure, reference, type ReferenceRow } from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

const DEFIS = () => reference('defis-2017-2023.csv');
/** The reference writes the website's wording (« Promotion 4 », « Promotion 3 - DIG »); the site names EIG 4, DIG. */
const promotionOf = (wording = '') =>
  wording === '' ? '' : wording.endsWith('DIG') ? 'DIG' : wording.replace(/^Promotion (\d+)$/u, 'EIG $1');
const PEOPLE = (): ReferenceRow[] =>
  reference('communaute-2017-2023.csv').map((r) => ({ ...r, promotion: promotionOf(r.promotion) }));
const CURRENT = 'Site du programme, 2026';
const PREVIOUS = 'Site du programme, 2022';

type JsonRow = Record<string, unknown> & { sources: string[]; provenance: { table: string }[] };
const jsonRows = (json: { rows: unknown[] }) => json.rows as JsonRow[];

/** Défis per value of a list column (a défi once per value), per promotion. */
function countList(column: 'thematiques' | 'expertises') {
  const counts = new Map<string, number>();
  for (const d of DEFIS()) {
    for (const value of new Set((d[column] ?? '').split(';').filter(Boolean))) {
      counts.set(`${value}|${d.promotion}`, (counts.get(`${value}|${d.promotion}`) ?? 0) + 1);
    }
  }
  return counts;
}

describe('défis per promotion, 2017–2023', () => {
  it('counts 9, 13, 15, 17, 15, 14, 31 défis for EIG 1 to 7 and 17 for DIG, as the current website lists them', () => {
    const rows = defisPromotions.rows(ctx).filter((r) => r.liste === CURRENT);
    const expected = new Map<string, number>();
    for (const d of DEFIS()) expected.set(d.promotion!, (expected.get(d.promotion!) ?? 0) + 1);
    expect(new Map(rows.map((r) => [r.promotion, r.defis]))).toEqual(expected);
    expect(rows.map((r) => r.defis)).toEqual([9, 13, 15, 17, 15, 14, 31, 17]);
    expect(rows.map((r) => r.promotion)).toEqual([
      'EIG 1',
      'EIG 2',
      'EIG 3',
      'EIG 4',
      'EIG 5',
      'EIG 6',
      'EIG 7',
      'DIG',
    ]);
  });

  it('keeps the 2022 list and the published counts beside them, each row naming its source', () => {
    const rows = defisPromotions.rows(ctx);
    for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3', 'EIG 4', 'DIG']) {
      const old = reference('defis.csv').filter((d) => d.promotion === promotion).length;
      expect(rows.find((r) => r.promotion === promotion && r.liste === PREVIOUS)?.defis).toBe(old);
    }
    for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3', 'EIG 4']) {
      const printed = rows.find((r) => r.promotion === promotion && r.nature === 'publié');
      expect(printed?.defis).toBe(keyFigure(promotion, 'defis'));
    }
    expect(rows.filter((r) => r.promotion === 'EIG 7').map((r) => r.liste)).toEqual([CURRENT]);
    const json = chartJson(publishedChart(defisPromotions, ctx), ctx, 'https://example.org/');
    for (const row of jsonRows(json)) {
      const sources = row.sources;
      expect(sources).toHaveLength(1);
      if (row.liste === CURRENT) expect(sources).toEqual(['site-eig-v3']);
      if (row.liste === PREVIOUS) expect(sources).toEqual(['programme-site']);
    }
  });
});

describe('expertises and themes, 2017–2023', () => {
  it('counts the défis asking for each expertise, per promotion, as the reference lists them', () => {
    const rows = competences.rows(ctx);
    expect(new Map(rows.map((r) => [`${r.categorie}|${r.promotion}`, r.defis]))).toEqual(countList('expertises'));
    const total = (value: string) => DEFIS().filter((d) => d.expertises!.split(';').includes(value)).length;
    for (const row of rows) expect(row.defis_categorie).toBe(total(row.categorie));
    expect(rows.find((r) => r.categorie === 'Développement')?.defis_categorie).toBe(60);
  });

  it('counts the défis of each theme, per promotion, as the reference lists them', () => {
    const rows = thematiques.rows(ctx);
    expect(new Map(rows.map((r) => [`${r.categorie}|${r.promotion}`, r.defis]))).toEqual(countList('thematiques'));
    expect(rows[0]).toMatchObject({ categorie: 'Numérique public', defis_categorie: 22 });
    const json = chartJson(publishedChart(thematiques, ctx), ctx, 'https://example.org/');
    const santé = jsonRows(json).filter((r) => r.categorie === 'Santé');
    expect(santé.reduce((s, r) => s + Number(r.defis), 0)).toBe(
      DEFIS().filter((d) => d.thematiques!.split(';').includes('Santé')).length,
    );
    for (const row of jsonRows(json)) {
      expect(row.provenance.every((p) => p.table === 'defis-2017-2023')).toBe(true);
      expect(row.provenance).toHaveLength(Number(row.defis));
    }
  });
});

describe('team sizes, 2017–2023', () => {
  const sum = (rows: ReferenceRow[], column: string) => rows.reduce((s, d) => s + Number(d[column]), 0);

  it('adds up EIG and mentors per promotion from both websites, beside the published figures', () => {
    const rows = taille.rows(ctx);
    const value = (promotion: string, role: string, mesure: string) =>
      rows.find((r) => r.promotion === promotion && r.role === role && r.mesure === mesure)?.personnes;
    for (const promotion of new Set(DEFIS().map((d) => d.promotion!))) {
      const current = DEFIS().filter((d) => d.promotion === promotion);
      expect(value(promotion, ROLES.eig, CURRENT)).toBe(sum(current, 'nb_eig'));
      expect(value(promotion, ROLES.mentors, CURRENT)).toBe(sum(current, 'nb_mentors'));
      const old = reference('defis.csv').filter((d) => d.promotion === promotion);
      expect(value(promotion, ROLES.eig, PREVIOUS)).toBe(old.length > 0 ? sum(old, 'nb_eig') : undefined);
    }
    for (const promotion of ['EIG 1', 'EIG 2', 'EIG 3', 'EIG 4']) {
      expect(value(promotion, ROLES.eig, PUBLISHED)).toBe(keyFigure(promotion, 'eig'));
      expect(value(promotion, ROLES.mentors, PUBLISHED)).toBe(keyFigure(promotion, 'mentors'));
    }
    // Promotion 1: 11 EIG on the current website and in the report, 9 in the 2022 list.
    expect([value('EIG 1', ROLES.eig, CURRENT), value('EIG 1', ROLES.eig, PREVIOUS)]).toEqual([11, 9]);
    expect(taille.notes!(rows, ctx).join(' ')).toContain('EIG 7');
  });
});

describe('community, 2017–2023', () => {
  it('shows every count of the current website’s people, and adds up to 444 entries', () => {
    const rows = communaute.rows(ctx).filter((r) => r.site === CURRENT);
    expect(rows).toHaveLength(PEOPLE().length);
    for (const ref of PEOPLE()) {
      const matching = rows.filter(
        (r) => r.promotion === (ref.promotion || null) && r.role === ref.role && r.profil === (ref.expertise || null),
      );
      expect(matching, `${ref.promotion} ${ref.role} ${ref.expertise}`).toHaveLength(1);
      expect(matching[0]!.effectif).toBe(Number(ref.effectif));
    }
    expect(rows.reduce((s, r) => s + r.effectif, 0)).toBe(total(PEOPLE()));
    expect(total(PEOPLE())).toBe(444);
  });

  it('counts by promotion and by role as the reference does', () => {
    const { byPromotion, byRole } = ctx.aggregates.profils.data.people;
    const by = (column: string) => {
      const counts = new Map<string | null, number>();
      for (const r of PEOPLE())
        counts.set(r[column] || null, (counts.get(r[column] || null) ?? 0) + Number(r.effectif));
      return counts;
    };
    expect(new Map(byPromotion.map((c) => [c.key, c.figure.value]))).toEqual(by('promotion'));
    expect(new Map(byRole.map((c) => [c.key, c.figure.value]))).toEqual(by('role'));
    const participants = (promotion: string) =>
      communaute
        .rows(ctx)
        .filter((r) => r.site === CURRENT && r.promotion === promotion && r.role === 'participant')
        .reduce((s, r) => s + r.effectif, 0);
    expect(participants('EIG 7')).toBe(
      PEOPLE()
        .filter((r) => r.promotion === 'EIG 7' && r.role === 'participant')
        .reduce((s, r) => s + Number(r.effectif), 0),
    );
  });
});

function total(rows: ReferenceRow[]) {
  return rows.reduce((s, r) => s + Number(r.effectif), 0);
}
