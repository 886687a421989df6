/**
 * Issue 14, item 5: the raw tables published for download. Cells a spreadsheet would run as formulas get an
 * apostrophe; numbers, the accounting dash and everything else stay; a file without such cells is served byte
 * for byte; a file with some keeps every record on its line. Read back with csv-parse directly, not with the
 * code under test.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFormulaLike, neutraliseCsv } from '../../../src/lib/csv/neutralise.ts';
import { readTableOrThrow } from '../../../src/lib/csv/parse-table.ts';
import { tables, tableNames } from '../../../src/lib/tables.ts';
import { encodeWindows1252 } from '../../support/fetch-harness.ts';

const DATA = join(import.meta.dirname, '..', '..', '..', 'data');
const HOSTILE = ['=HYPERLINK("http://evil","clic")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '\t=1+1', '\rcalc'];

describe('formula-like cells', () => {
  it.each(HOSTILE)('%j is one', (cell) => expect(isFormulaLike(cell)).toBe(true));

  it.each(['-12,5', '+5', '-1 234 €', '-1\u202f234,5 %', '-', '-€', '12', 'EIG 1', 'Ministère', "'=1", ''])(
    '%j is not',
    (cell) => expect(isFormulaLike(cell)).toBe(false),
  );
});

describe('a raw table for download', () => {
  it.each([...tableNames])('%s of the snapshot is served byte for byte (no formula-like cell)', (name) => {
    const bytes = readFileSync(join(DATA, 'snapshot', tables[name].file));
    const result = neutraliseCsv(bytes);
    expect(result.cells).toBe(0);
    expect(result.bytes).toBe(bytes);
  });

  it('neutralises each hostile cell on its own line, and nothing else', () => {
    const original = readFileSync(join(DATA, 'snapshot', 'defis.csv'), 'utf8').replace(/\n/gu, '\r\n');
    const lines = original.split('\r\n');
    const quote = (text: string) => `"${text.replace(/"/gu, '""')}"`;
    // Line 3 gets two hostile cells, one of them on two lines; line 10 one; the rest is untouched.
    const cells3 = parse(lines[2]!)[0] as string[];
    cells3[0] = HOSTILE[0]!;
    cells3[4] = `${HOSTILE[1]}\nsuite`;
    lines[2] = cells3.map(quote).join(',');
    const cells10 = parse(lines[9]!)[0] as string[];
    cells10[3] = HOSTILE[3]!;
    lines[9] = cells10.map(quote).join(',');
    const text = lines.join('\r\n');
    const { bytes, cells } = neutraliseCsv(Buffer.from(text));
    expect(cells).toBe(3);

    const after = Buffer.from(bytes).toString('utf8');
    const rowsBefore = parse(text, { relax_column_count: true }) as string[][];
    const rowsAfter = parse(after, { relax_column_count: true }) as string[][];
    expect(rowsAfter).toHaveLength(rowsBefore.length);
    rowsAfter.forEach((row, i) =>
      row.forEach((cell, j) => {
        const was = rowsBefore[i]![j]!;
        expect(cell).toBe(/^[=+\-@]/u.test(was) && !/^-?\d+$/u.test(was) ? `'${was}` : was);
      }),
    );
    // Same physical lines: a record that started on line 10 still does.
    expect(after.split('\r\n').length).toBe(text.split('\r\n').length);
    expect(after.split('\r\n')[9]).toMatch(/^[^,]+,EIG \d,\d{4},'-2\+3,/u);
    const untouched = (t: string) => t.split('\r\n').filter((_, i) => i !== 2 && i !== 3 && i !== 9);
    expect(untouched(after)).toEqual(untouched(text));
    // And the snapshot's reader reads the same rows on the same lines.
    const read = readTableOrThrow(bytes, tables.defis, 'defis.csv');
    expect(read.rows.map((r) => r._line)).toEqual(
      readTableOrThrow(Buffer.from(text), tables.defis, 'x').rows.map((r) => r._line),
    );
    expect(read.rows.find((r) => r._line === 3)!.defi).toBe(`'${HOSTILE[0]}`);
  });

  it('a Windows-1252 file with a formula comes out in UTF-8, its accents intact; a BOM is kept', () => {
    const text = 'defi;administration\r\n"=1+1";Ministère de l’Intérieur\r\n';
    const latin = neutraliseCsv(encodeWindows1252(text));
    expect(Buffer.from(latin.bytes).toString('utf8')).toBe("defi;administration\r\n'=1+1;Ministère de l’Intérieur\r\n");
    const bom = neutraliseCsv(Buffer.from(`\ufeff${text}`));
    expect(Buffer.from(bom.bytes).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
