/**
 * The pieces of `npm run bench` that compute something: the synthetic rows of the scale run must be data the
 * site would accept (or the benchmark would measure nothing real), and the byte and coverage arithmetic must
 * be right.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { executedBytes, median } from '../../src/bench/load.ts';
import { limitFactors, runScale, syntheticTables } from '../../src/bench/scale.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import { transferOf } from '../../src/bench/transfer.ts';
import { tables, type TableName } from '../../src/lib/tables.ts';
import { validateSnapshot } from '../../src/lib/validate.ts';
import { fixtureDir, loadFixture } from '../support/fixtures.ts';

// The benchmark multiplies the rows of data/; here, those of the small fixture (same tables, 150 rows).
describe('synthetic rows of the scale benchmark', async () => {
  const { snapshot } = await loadFixture('small');
  const base = snapshot.tables;
  const factor = 7;
  const synthetic = syntheticTables(base, factor);

  it('are `factor` times the folder’s rows, table by table', () => {
    for (const name of Object.keys(base) as TableName[])
      expect(synthetic[name]).toHaveLength(base[name].length * factor);
  });

  it('keep every table’s key and file line unique, as the reader requires', () => {
    for (const name of Object.keys(base) as TableName[]) {
      const rows = synthetic[name] as readonly Record<string, unknown>[];
      const keys = new Set(rows.map((row) => tables[name].key.map((column) => String(row[column])).join('\u0000')));
      expect(keys.size, name).toBe(rows.length);
      expect(new Set(rows.map((row) => row._line)).size, name).toBe(rows.length);
    }
  });

  it('pass the snapshot’s validation (no impossible value, every publication known)', () => {
    const publications = new Set(snapshot.publications.map((p) => p.id));
    expect(validateSnapshot(synthetic, publications)).toEqual([]);
  });

  it('start with the folder’s rows unchanged', () => {
    expect(synthetic.defis.slice(0, base.defis.length)).toEqual(base.defis);
    expect(synthetic.defis[base.defis.length]).toEqual({
      ...base.defis[0],
      // Copies start after the last promotion of the programme, EIG 7.
      promotion: base.defis[0]!.promotion.replace(/\d+/u, (n) => String(Number(n) + 7)),
      _line: base.defis[0]!._line + base.defis.length,
    });
  });
});

describe('the largest snapshot an update accepts', () => {
  it('takes as many copies of each table as its limits allow, and no more', async () => {
    const { snapshot } = await loadFixture('small');
    const sizes = snapshot.manifest.tables;
    const factors = limitFactors(sizes);
    let bytes = 0;
    for (const name of Object.keys(sizes) as TableName[]) {
      const { rows, bytes: tableBytes } = sizes[name];
      bytes += factors[name] * tableBytes;
      expect(factors[name] * rows, name).toBeLessThanOrEqual(LIMITS.rowsPerTable);
      expect(factors[name] * tableBytes, name).toBeLessThanOrEqual(LIMITS.bytesPerTable);
      // One more copy would break a limit of the table (the snapshot's byte limit does not bind on the fixture).
      expect(
        (factors[name] + 1) * rows > LIMITS.rowsPerTable || (factors[name] + 1) * tableBytes > LIMITS.bytesPerTable,
        name,
      ).toBe(true);
    }
    expect(bytes).toBeLessThanOrEqual(LIMITS.bytesPerSnapshot);
  });

  it('gives up copies when the whole snapshot would be too large, and no more than it must', () => {
    // Five tables of half the per-table limit: two copies each fit their own limit, 5 MB in all does not.
    const half = LIMITS.bytesPerTable / 2;
    const large: TableName[] = ['defis', 'budget', 'enquetes', 'communaute', 'suivi-defis'];
    const sizes = Object.fromEntries(
      (Object.keys(tables) as TableName[]).map((name) => [name, { rows: 1, bytes: large.includes(name) ? half : 1 }]),
    ) as Parameters<typeof limitFactors>[0];
    const factors = limitFactors(sizes);
    const total = (Object.keys(sizes) as TableName[]).reduce((sum, name) => sum + factors[name] * sizes[name].bytes, 0);
    expect(total).toBeLessThanOrEqual(LIMITS.bytesPerSnapshot);
    expect(total).toBeGreaterThan(LIMITS.bytesPerSnapshot - half);
    for (const name of large) expect(factors[name], name).toBeGreaterThanOrEqual(1);
  });

  it('is data the site would accept', async () => {
    const { snapshot } = await loadFixture('small');
    const synthetic = syntheticTables(snapshot.tables, limitFactors(snapshot.manifest.tables));
    const publications = new Set(snapshot.publications.map((p) => p.id));
    expect(validateSnapshot(synthetic, publications)).toEqual([]);
    for (const rows of Object.values(synthetic)) expect(rows.length).toBeLessThanOrEqual(LIMITS.rowsPerTable);
  });
});

describe('the scale run', () => {
  it('builds the model of `factor` times the rows of a data folder', async () => {
    const once = await runScale(1, fixtureDir('small'));
    const five = await runScale(5, fixtureDir('small'));
    // 73 key figures, 24 budget lines, 10 survey results, 12 défis, 17 community counts, 14 follow-up figures;
    // 21 figures of the original site, 3 services of its map, 5 défis and 5 community counts of 2017–2023.
    expect([once.realRows, once.rows]).toEqual([184, 184]);
    expect([five.realRows, five.rows]).toEqual([184, 920]);
    expect(five.qualityChecks).toBeGreaterThan(once.qualityChecks);
  });
});

describe('executed JavaScript', () => {
  it('counts the bytes whose innermost coverage range ran', () => {
    // A 100-byte script that ran, with a function (20–60) that never ran, holding a block (30–40) counted as run.
    const functions = [
      { ranges: [{ startOffset: 0, endOffset: 100, count: 1 }] },
      {
        ranges: [
          { startOffset: 20, endOffset: 60, count: 0 },
          { startOffset: 30, endOffset: 40, count: 2 },
        ],
      },
    ];
    expect(executedBytes('x'.repeat(100), functions)).toBe(100 - 40 + 10);
  });
});

describe('bytes transferred', () => {
  it('are gzip for text and raw for compressed images, by type', () => {
    const html = Buffer.from('<p>bonjour</p>'.repeat(200));
    const png = Buffer.alloc(500, 7);
    const transfer = transferOf([
      { url: 'http://x/', type: 'html', body: html, contentType: 'text/html; charset=utf-8' },
      { url: 'http://x/a.png', type: 'images', body: png, contentType: 'image/png' },
    ]);
    expect(transfer.byType.html).toBe(gzipSync(html).length);
    expect(transfer.byType.images).toBe(500);
    expect(transfer.total).toBe(gzipSync(html).length + 500);
  });

  it('median of an odd and of an even number of runs', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
