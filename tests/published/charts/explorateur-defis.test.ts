import { beforeAll, describe, expect, it } from 'vitest';
import chart from '../../../src/charts/explorateur-defis.ts';
import { PALETTE, type ChartContext, type Column } from '../../../src/charts/types.ts';
import { chartCsv } from '../../../src/publish/outputs.ts';
import { reference } from '../../support/reference.ts';
import { loadContext, publishedChart } from '../../support/site-context.ts';

let ctx: ChartContext;
beforeAll(async () => {
  ctx = await loadContext();
});

// The reader composes accents (the website writes « GDR Santé » with a combining accent): compared composed.
const nfc = (text = '') => text.normalize('NFC');
const DEFIS = () => reference('defis-2017-2023.csv');
const OLD = () => reference('defis.csv');
const norm = (title = '') => title.trim().toLowerCase().replace(/\s+/gu, ' ');

describe('explorateur-defis chart', () => {
  it('lists every défi of the current website (131), each once, citing its line', () => {
    const rows = chart.rows(ctx);
    expect(rows).toHaveLength(DEFIS().length);
    expect(rows).toHaveLength(131);
    for (const ref of DEFIS()) {
      const row = rows.find((r) => r.defi === nfc(ref.titre) && r.promotion === ref.promotion);
      expect(row, ref.titre).toBeDefined();
      expect(row!.administration).toBe(nfc(ref.administration));
      expect(row!.ville).toBe(nfc(ref.ville) || null);
      expect(row!.eig).toBe(Number(ref.nb_eig));
      expect(row!.mentors).toBe(Number(ref.nb_mentors));
      expect(row!.thematiques.split('; ')).toEqual(nfc(ref.thematiques).split(';'));
      expect(ctx.cite(row!._from[0]!)).toMatchObject({ table: 'defis-2017-2023', key: { slug: ref.slug } });
    }
  });

  it('takes the year of a défi from the 2022 list only (71 défis, matched by title or, for EIG Link, promotion), never guessed', () => {
    const rows = chart.rows(ctx);
    const old = OLD();
    let withYear = 0;
    for (const row of rows) {
      const byTitle = old.filter((d) => norm(d.defi) === norm(row.defi));
      const byPromotion = old.filter(
        (d) =>
          norm((d.defi ?? '').replace(/\d+/gu, '')) === norm(row.defi.replace(/\d+/gu, '')) &&
          d.promotion === row.promotion,
      );
      const match = byTitle.length === 1 ? byTitle[0] : byPromotion.length === 1 ? byPromotion[0] : undefined;
      expect(row.annee, row.defi).toBe(match ? Number(match.annee) : null);
      if (match) {
        withYear += 1;
        expect(row._from.map((r) => r.table)).toEqual(['defis-2017-2023', 'defis']);
      }
    }
    expect(withYear).toBe(old.length);
    expect(rows.find((r) => r.defi === 'EIG4 Link')?.annee).toBe(2020);
    expect(rows.filter((r) => ['EIG 5', 'EIG 6', 'EIG 7'].includes(r.promotion)).every((r) => r.annee === null)).toBe(
      true,
    );
  });

  it('is an explorer with filters by promotion, theme, expertise, administration and town', () => {
    expect(chart.explorer).toBe(true);
    expect(chart.filters!.map((f) => f.param)).toEqual(['promotion', 'theme', 'expertise', 'administration', 'ville']);
    const row = chart.rows(ctx).find((r) => r.defi === 'ePSHAD')!;
    const values = (param: string) => chart.filters!.find((f) => f.param === param)!.values(row);
    expect(values('administration')).toHaveLength(2);
    // Two spellings of one ministry (one with the form's label left in it): one body to filter on.
    const administration = chart.filters!.find((f) => f.param === 'administration')!;
    const [hopkins, adler] = ['Hopkins', 'ADLER'].map((title) => chart.rows(ctx).find((r) => r.defi === title)!);
    expect(hopkins!.administration).not.toBe(adler!.administration);
    expect(administration.values(hopkins!)).toHaveLength(1);
    expect(administration.values(hopkins!)).toEqual(administration.values(adler!));
  });

  it('links source code only where the address is whole: personal accounts masked in the data are text', () => {
    const column = chart.columns.find((c) => c.key === 'code_source') as Column<Record<string, unknown>>;
    const rows = chart.rows(ctx);
    for (const ref of DEFIS().filter((d) => d.lien_code)) {
      const row = rows.find((r) => r.defi === nfc(ref.titre))!;
      const masked = ref.lien_code!.includes('[compte-personnel]');
      expect(column.href!(row), ref.lien_code).toBe(masked ? null : ref.lien_code);
      expect(column.format!(row)).toContain(ref.lien_code);
    }
    expect(chart.notes!(rows, ctx).join(' ')).toContain('compte personnel');
  });

  it('downloads the raw values in its CSV, one line per défi', () => {
    const csv = chartCsv(publishedChart(chart, ctx));
    expect(csv.trim().split('\n')).toHaveLength(DEFIS().length + 1);
    expect(csv.split('\n')[0]).toBe(
      'defi,promotion,annee,administration,ville,thematiques,expertises,eig,mentors,code_source,source,lignes',
    );
  });

  it('draws each expertise’s défis as the reference lists them, the most first, a tie in French order', () => {
    const expertisesOf = (d: { expertises?: string }) => nfc(d.expertises).split(';').filter(Boolean);
    const count = (expertise: string) => DEFIS().filter((d) => expertisesOf(d).includes(expertise)).length;
    const expertises = [...new Set(DEFIS().flatMap(expertisesOf))].sort(
      (a, b) => count(b) - count(a) || a.localeCompare(b, 'fr'),
    );
    const rows = chart.rows(ctx);
    for (const row of rows) {
      for (const bar of row.barres) expect(bar.defis, `${row.defi}, ${bar.expertise}`).toBe(count(bar.expertise));
    }
    const drawn = chart.plot(rows, { width: 720, narrow: false, palette: PALETTE });
    expect(drawn.y?.domain).toEqual(expertises);
  });

  it('reads the number of défis and of the first and last promotions', () => {
    const reading = chart.reading(chart.rows(ctx), ctx);
    const count = (p: string) => DEFIS().filter((d) => d.promotion === p).length;
    expect(reading).toContain(`${DEFIS().length} défis`);
    expect(reading).toContain(
      `de ${count('EIG 1')} pour la promotion EIG 1 à ${count('EIG 7')} pour la promotion EIG 7`,
    );
  });
});
