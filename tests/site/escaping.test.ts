import { parse } from 'csv-parse/sync';
import { describe, expect, inject, it } from 'vitest';
import { HOSTILE } from '../support/hostile-data.ts';
import { listFiles, page, readText } from '../support/dist.ts';

const dist = inject('hostileSiteDir');
const files = listFiles(dist);
const html = files.filter((f) => f.endsWith('.html'));

describe('hostile text in the data', () => {
  it('is never written as markup in a page or an SVG', () => {
    for (const file of [...html, ...files.filter((f) => f.endsWith('.svg'))]) {
      const text = readText(dist, file);
      expect(text, file).not.toContain(HOSTILE.script);
      expect(text, file).not.toContain('<img src=x');
      expect(text, file).not.toMatch(/href="javascript:/iu);
    }
  });

  it('appears as text in the pages that list défis', () => {
    const shown = html.filter((file) => {
      const doc = page(dist, file);
      return doc.body.textContent!.includes(HOSTILE.script) || doc.body.textContent!.includes(HOSTILE.attribute);
    });
    expect(shown.length).toBeGreaterThan(0);
    for (const file of html) {
      const doc = page(dist, file);
      for (const script of doc.querySelectorAll('script')) expect(script.getAttribute('src'), file).toMatch(/^\//u);
      expect(doc.querySelectorAll('[onerror], [onload], [onclick]').length, file).toBe(0);
    }
  });

  it('round-trips unchanged through the JSON API', () => {
    const json = files.filter((f) => f.startsWith('api/') && f.endsWith('.json')).map((f) => readText(dist, f));
    const texts = json.map((text) => JSON.stringify(JSON.parse(text)));
    expect(texts.some((t) => t.includes(JSON.stringify(HOSTILE.script).slice(1, -1)))).toBe(true);
  });

  it('cannot run as a formula in a spreadsheet opening a CSV download (plain, or for French spreadsheets)', () => {
    let cells = 0;
    let spreadsheetCells = 0;
    for (const file of files.filter((f) => f.startsWith('data/') && f.endsWith('.csv'))) {
      const spreadsheet = file.startsWith('data/tableur/');
      const rows = parse(readText(dist, file), spreadsheet ? { delimiter: ';', bom: true } : {}) as string[][];
      for (const row of rows.slice(1)) {
        for (const cell of row) {
          if (/^[=+\-@\t\r]/u.test(cell) && !/^-?\d/u.test(cell))
            throw new Error(`${file} : cellule dangereuse « ${cell} »`);
          if (cell.startsWith("'=") || cell.startsWith("'+") || cell.startsWith("'@") || cell.startsWith("'-")) {
            cells++;
            if (spreadsheet) spreadsheetCells++;
          }
        }
      }
    }
    expect(cells).toBeGreaterThan(0);
    expect(spreadsheetCells).toBeGreaterThan(0);
  });

  it('cannot run as a formula in the raw tables offered for download, each row still on its line', () => {
    const numberLike = /^\s*[+-]?(?:\d+|\d{1,3}(?:[ \u00a0\u202f.]\d{3})+)(?:[.,]\d+)?\s*[€%]?\s*$|^\s*-\s*€?\s*$/u;
    let neutralised = 0;
    for (const file of files.filter((f) => /^tables\/[^/]+\.csv$/u.test(f))) {
      for (const row of parse(readText(dist, file), { bom: true, relax_column_count: true }) as string[][]) {
        for (const cell of row) {
          if (/^[\t\r]|^\s*[=+\-@]/u.test(cell) && !numberLike.test(cell))
            throw new Error(`${file} : cellule dangereuse « ${cell} »`);
          if (/^'[\t=+\-@]/u.test(cell)) neutralised++;
        }
      }
    }
    // =HYPERLINK, +33 1 23, -2+3, @SUM, the tab and +cmd of the hostile défis (defis.csv), and =HYPERLINK,
    // +33 1 23, -2+3 and @SUM of the current list's (defis-2017-2023.csv).
    expect(neutralised).toBe(10);
    // The défi named <script>… is at the line its table page gives it, with its formula neutralised there.
    const doc = page(dist, 'tables/defis/index.html');
    const row = [...doc.querySelectorAll('tbody tr[id^="L"]')].find((tr) => tr.textContent!.includes(HOSTILE.script))!;
    const line = Number(row.getAttribute('id')!.slice(1));
    const lines = readText(dist, 'tables/defis.csv').split(/\r?\n/u);
    expect(lines[line - 1]).toContain(`'${HOSTILE.formula.replace(/"/gu, '""')}`);
    expect(lines[line - 1]).toContain('<script>');
  });
});
