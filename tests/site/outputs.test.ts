import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { charts } from '../../src/charts/registry.ts';
import { VARIANTS } from '../../src/charts/types.ts';
import { routes } from '../../src/routes.ts';
import { frenchNumber, page, plainSpaces, readText } from '../support/dist.ts';
import { budgetAmount, keyFigure } from '../support/reference.ts';

/** A text with the marks French typography changes made alike: no-break spaces as spaces, ’ as '. */
const typographyAside = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ').replace(/’/gu, "'");

const dist = inject('siteDir');

describe.each(charts.map((c) => [c.slug, c] as const))('chart %s', (slug, chart) => {
  it('has its page, embed, JSON, CSV, SVG and PNG', async () => {
    for (const path of [
      `graphiques/${slug}/index.html`,
      `embed/${slug}/index.html`,
      `api/${slug}.json`,
      `data/${slug}.csv`,
      `images/${slug}.svg`,
    ]) {
      expect(existsSync(join(dist, path)), path).toBe(true);
    }
    const png = await sharp(readFileSync(join(dist, `images/${slug}.png`))).metadata();
    expect(png.format).toBe('png');
    expect(png.width).toBeGreaterThan(600);
  });

  it('shows its SVG in the page, with an accessible name and the reading as description', () => {
    const doc = page(dist, `graphiques/${slug}/index.html`);
    const svgs = doc.querySelectorAll('figure.chart-figure svg[role="img"]');
    expect(svgs.length).toBe(Object.keys(VARIANTS).length);
    for (const svg of svgs) {
      expect(svg.getAttribute('aria-label')).toBe(chart.title);
      const description = doc.getElementById(svg.getAttribute('aria-describedby')!);
      expect(description?.textContent?.trim().length).toBeGreaterThan(20);
    }
    expect(plainSpaces(doc.querySelector('h1')!.textContent!)).toBe(plainSpaces(chart.title));
  });

  it('offers a CSV with exactly the figures of its data table', () => {
    const csv = parse(readText(dist, `data/${slug}.csv`), { columns: true }) as Record<string, string>[];
    const doc = page(dist, `graphiques/${slug}/index.html`);
    const table = doc.querySelector('#donnees')!;
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    const bodyRows = [...table.querySelectorAll('tbody tr')];
    expect(bodyRows.length).toBe(csv.length);
    const columns = chart.columns as { key: string; label: string; kind: string; format?: unknown }[];
    expect(headers.slice(0, columns.length)).toEqual(columns.map((c) => c.label));
    bodyRows.forEach((tr, i) => {
      const cells = [...tr.children].map((td) => td.textContent!.trim());
      columns.forEach((column, j) => {
        const value = csv[i]![column.key]!;
        if (column.kind === 'texte' || column.format) {
          // The page writes the data's text with French typography (no-break spaces, ’): the CSV keeps its
          // characters, the same but for these.
          if (column.kind === 'texte' && !column.format)
            expect(typographyAside(cells[j]!)).toBe(
              typographyAside(value === '' ? '—' : value.replace(/^'(?=[=+\-@])/u, '')),
            );
          return;
        }
        const shown = frenchNumber(cells[j]!);
        expect(shown === null ? '' : shown, `${column.key}, ligne ${i + 1}`).toBe(value === '' ? '' : Number(value));
      });
    });
  });

  it('offers the same table for French spreadsheets: UTF-8 with a BOM, « ; », decimal commas', () => {
    const path = routes.chartSpreadsheetCsv(slug);
    expect(
      page(dist, `graphiques/${slug}/index.html`).querySelector(`a[href="${path}"]`),
      'lien sur la page',
    ).not.toBeNull();
    const bytes = readFileSync(join(dist, path));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\n')[0]!.endsWith('\r')).toBe(true);
    const rows = parse(text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    const plain = parse(readText(dist, `data/${slug}.csv`), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(plain.length);
    expect(Object.keys(rows[0]!)).toEqual(Object.keys(plain[0]!));
    const numeric = new Set(chart.columns.filter((c) => c.kind !== 'texte').map((c) => c.key));
    rows.forEach((row, i) => {
      for (const [key, value] of Object.entries(row)) {
        const expected = plain[i]![key]!;
        if (numeric.has(key) && expected !== '') {
          // A number in French: a decimal comma, no point, and the same value.
          expect(value, `${key}, ligne ${i + 1}`).not.toContain('.');
          expect(Number(value.replace(',', '.')), `${key}, ligne ${i + 1}`).toBe(Number(expected));
        } else {
          expect(value, `${key}, ligne ${i + 1}`).toBe(expected);
        }
      }
    });
  });

  it('publishes the same rows in its JSON, with provenance', () => {
    const json = JSON.parse(readText(dist, `api/${slug}.json`));
    const csv = parse(readText(dist, `data/${slug}.csv`), { columns: true }) as Record<string, string>[];
    expect(json.rows).toHaveLength(csv.length);
    for (const row of json.rows) {
      expect(row.provenance.length).toBeGreaterThan(0);
      for (const ref of row.provenance) expect(ref.href).toMatch(/\/tables\/[a-z0-9-]+\/#L\d+$/u);
    }
  });
});

describe('published figures in the built site', () => {
  it('shows the programme’s total spending as printed in the 2019 report', () => {
    const total = budgetAmount('Total', 'budget_total');
    expect(total).toBe(5134558.47);
    expect(plainSpaces(readText(dist, 'index.html'))).toContain('5 134 558,47 €');
  });

  it('lists the 85 printed vs 94 summed défis proposed on the quality page', () => {
    const doc = page(dist, 'qualite/index.html');
    const check = doc.getElementById('total-defis-proposes')!;
    const text = plainSpaces(check.textContent!);
    expect(text).toContain(String(keyFigure('Total', 'defis_proposes')));
    const sum = ['EIG 1', 'EIG 2', 'EIG 3'].reduce((s, p) => s + keyFigure(p, 'defis_proposes'), 0);
    expect(sum).toBe(94);
    expect(text).toContain(String(sum));
    // Among the disagreements, marked as an inconsistency.
    expect(check.closest('section')!.getAttribute('aria-labelledby')).toBe('desaccords');
    expect(check.getAttribute('data-severity')).toBe('incoherence');
  });

  it('writes every aggregate as JSON with the snapshot date and provenance', () => {
    const index = JSON.parse(readText(dist, 'api/index.json'));
    const manifest = JSON.parse(readText(dist, 'manifest.json'));
    expect(index.aggregates.length).toBeGreaterThan(5);
    for (const aggregate of index.aggregates) {
      const body = JSON.parse(readText(dist, `api/agregats/${aggregate.name}.json`));
      expect(body.snapshotDate).toBe(manifest.snapshotDate);
      expect(JSON.stringify(body.data)).toMatch(/"from":\[\{"table":"[a-z0-9-]+","line":\d+/u);
    }
    expect(index.charts.map((c: { slug: string }) => c.slug)).toEqual(charts.map((c) => c.slug));
  });

  it('serves every snapshot table byte for byte, as fingerprinted in the manifest', async () => {
    const { createHash } = await import('node:crypto');
    const manifest = JSON.parse(readText(dist, 'manifest.json'));
    for (const [name, lock] of Object.entries(manifest.tables) as [string, { sha256: string; rows: number }][]) {
      const bytes = readFileSync(join(dist, `tables/${name}.csv`));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(lock.sha256);
      const doc = page(dist, `tables/${name}/index.html`);
      expect(doc.querySelectorAll('tbody tr[id^="L"]').length).toBe(lock.rows);
    }
  });
});

describe('embeds', () => {
  it('say under the chart which amounts are forecasts, wherever the chart’s table has some', () => {
    let forecasts = 0;
    for (const chart of charts) {
      const table = page(dist, `graphiques/${chart.slug}/index.html`).querySelector('#donnees tbody')!;
      if (!/prévisionnel/u.test(table.textContent ?? '')) continue;
      forecasts++;
      const notes = [...page(dist, `embed/${chart.slug}/index.html`).querySelectorAll('.embed-foot .key-note')];
      expect(
        notes.some((n) => /prévisionnel/u.test(n.textContent ?? '')),
        chart.slug,
      ).toBe(true);
    }
    expect(forecasts).toBeGreaterThan(0);
  });
});
