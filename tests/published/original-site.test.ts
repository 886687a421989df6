/**
 * The original data.eig-forever.org, whole: every one of its 222 figures and every service of its map is in the
 * JSON of a chart of this site, with the provenance of its row. The reference files are read here with csv-parse
 * (not the site's reader), and the snapshot file too, only to find each figure's line.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { charts } from '../../src/charts/registry.ts';
import type { Model } from '../../src/lib/model.ts';
import { chartJson } from '../../src/publish/outputs.ts';
import { publish } from '../../src/publish/publish.ts';
import { reference } from '../support/reference.ts';
import { loadContext } from '../support/site-context.ts';

type JsonRow = Record<string, unknown> & { provenance: { table: string; line: number; source: string }[] };

let model: Model;
let json: { slug: string; rows: JsonRow[] }[];

beforeAll(async () => {
  model = await loadContext();
  const site = publish(model);
  json = site.charts.map((c) => chartJson(c, model, 'https://donnees-eig.example/'));
}, 60_000);

/** Each row of a snapshot file with its line in the file (the header is line 1), read here with csv-parse. */
function snapshotLines(file: string): { line: number; row: Record<string, string> }[] {
  const records = parse(readFileSync(`data/snapshot/${file}`), { columns: true, bom: true, info: true }) as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
  return records.map((r) => ({ line: r.info.lines, row: r.record }));
}

/** The charts (slug) whose JSON has a row citing this line and holding this value in one of its columns. */
function chartsShowing(table: string, line: number, value: number | null) {
  return json
    .filter((chart) =>
      chart.rows.some(
        (row) =>
          row.provenance.some((p) => p.table === table && p.line === line) &&
          Object.entries(row).some(([key, v]) => key !== 'provenance' && key !== 'sources' && v === value),
      ),
    )
    .map((c) => c.slug);
}

describe('the original site’s 222 figures', () => {
  const figures = reference('data-eig-forever-2019.csv');
  const lines = snapshotLines('eig-forever-2019.csv');
  const lineOf = (r: Record<string, string>) =>
    lines.find((l) => l.row.indicateur === r.indicateur && l.row.promotion === r.promotion)?.line;

  it('are all in the reference file: 74 indicators of promotions 1 to 3', () => {
    expect(figures).toHaveLength(222);
    expect(new Set(figures.map((f) => f.indicateur)).size).toBe(74);
  });

  it('each shows in the JSON of a chart, with its value and the line of its row', () => {
    const missing: string[] = [];
    for (const f of figures) {
      // The five « parcours » 0s of promotion 3 were written while the promotion was running: not zero people
      // but not yet known, shown as missing (null) by the chart, never as 0.
      const notYetKnown = f.tableau === 'parcours' && f.promotion === 'EIG 3';
      if (notYetKnown) expect(Number(f.valeur), f.indicateur).toBe(0);
      const line = lineOf(f);
      const shown =
        line === undefined ? [] : chartsShowing('eig-forever-2019', line, notYetKnown ? null : Number(f.valeur));
      if (shown.length === 0) missing.push(`${f.tableau} / ${f.indicateur} / ${f.promotion} = ${f.valeur}`);
    }
    expect(missing).toEqual([]);
  });

  it('shows promotion 3’s careers as « pas encore connu », never as 0', () => {
    const careers = json.find((c) => c.slug === 'devenir-eig')!;
    const eig3 = careers.rows.filter((r) => r.promotion === 'EIG 3');
    expect(eig3).toHaveLength(5);
    for (const r of eig3) {
      expect(r.effectif).toBeNull();
      expect(String(r.precision)).toMatch(/pas encore connu/u);
    }
    const published = model.aggregates.origine.data.figures;
    expect(published.get('Autres', 'EIG 3')?.figure).toBeNull();
  });
});

describe('the original site’s map', () => {
  const services = reference('carte-2019.csv');
  const lines = snapshotLines('carte-2019.csv');

  it('has its 29 services in the map’s JSON, each once, with its ministry, défis per year and position', () => {
    expect(services).toHaveLength(29);
    const map = json.find((c) => c.slug === 'carte')!;
    for (const s of services) {
      const line = lines.find((l) => l.row.tutelle === s.tutelle && l.row.service === s.service)?.line;
      const rows = map.rows.filter((r) => r.provenance.some((p) => p.table === 'carte-2019' && p.line === line));
      expect(rows, s.service).toHaveLength(1);
      const row = rows[0]!;
      expect([
        row.nom,
        row.tutelle,
        row.defis_2017,
        row.defis_2018,
        row.defis_2019,
        row.latitude,
        row.longitude,
      ]).toEqual([
        s.service,
        s.tutelle,
        Number(s.defis_2017),
        Number(s.defis_2018),
        Number(s.defis_2019),
        Number(s.latitude),
        Number(s.longitude),
      ]);
    }
  });

  it('carries the source’s two doubts as notes of the map', () => {
    const doubts = services.filter((s) => s.remarque);
    expect(doubts).toHaveLength(2);
    const carte = json.find((c) => c.slug === 'carte')! as unknown as {
      notes: string[];
      rows: { nom: string; remarque: string | null }[];
    };
    // The raw comment stays as data, on its service's row; the note a reader sees says it in French.
    for (const d of doubts) {
      expect(carte.rows.find((r) => r.nom === d.service)?.remarque).toBe(d.remarque);
      expect(carte.notes.some((n) => n.startsWith(d.service!) && !n.includes(d.remarque!))).toBe(true);
    }
    expect(carte.notes.join(' ')).not.toMatch(/FIXME/u);
  });
});

describe('the disagreements of the original site with the other publications', () => {
  const check = (id: string) => model.quality.checks.find((c) => c.id === id);

  it.each([
    ['origine-somme-cout-total-eig-1', 'incoherence', ['766 553,38 €', '791 553,38 €']],
    ['origine-administrations-eig-2', 'ecart', ['12', '11']],
    ['origine-administrations-eig-3', 'ecart', ['13', '10']],
    ['origine-communaute-data-science-eig-2', 'ecart', ['14', '13']],
    ['origine-articles-blog-eig', 'ecart', ['28', '29']],
  ])('%s', (id, severity, figures) => {
    const found = check(id);
    expect(found?.severity).toBe(severity);
    for (const f of figures) expect(found!.title.replace(/[\u00a0\u202f]/gu, ' ')).toContain(f);
  });

  it('are listed on the charts that show the figures compared', () => {
    const quality = (slug: string) => publish(model, [charts.find((c) => c.slug === slug)!]).charts[0]!.quality;
    expect(quality('financement').map((c) => c.id)).toContain('origine-somme-cout-total-eig-1');
    expect(quality('profils').map((c) => c.id)).toContain('origine-communaute-data-science-eig-2');
    expect(quality('communication').map((c) => c.id)).toContain('origine-articles-blog-eig');
    expect(quality('services-accueil').map((c) => c.id)).toContain('origine-administrations-eig-3');
  });
});

describe('the original site’s addresses', () => {
  const ANCHORS: Record<string, string> = {
    promo: 'promotions',
    selection: 'selection',
    competences: 'profils',
    profils: 'profils',
    genre: 'femmes',
    genres: 'femmes',
    parcours: 'devenir-eig',
    financement: 'financement',
    depenses: 'depenses',
    accompagnement: 'accompagnement',
    communication: 'communication',
    carte: 'carte',
    eig2017: 'salaires',
    eig2018: 'salaires',
    eig2019: 'salaires',
  };

  it('each land on the chart that shows that view', () => {
    const declared = Object.fromEntries(charts.flatMap((c) => (c.legacyAnchors ?? []).map((a) => [a, c.slug])));
    expect(declared).toEqual(ANCHORS);
  });
});
