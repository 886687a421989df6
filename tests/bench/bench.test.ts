/**
 * The pieces of `npm run bench` that compute something: the synthetic rows of the scale run must be data the
 * site would accept (or the benchmark would measure nothing real), and the byte and coverage arithmetic must
 * be right.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { executedBytes, median } from '../../src/bench/load.ts';
import { syntheticTables } from '../../src/bench/scale.ts';
import { transferOf } from '../../src/bench/transfer.ts';
import { load } from '../../src/load/snapshot-io.ts';
import { tables, type TableName } from '../../src/lib/tables.ts';
import { validateSnapshot } from '../../src/lib/validate.ts';

describe('synthetic rows of the scale benchmark', async () => {
  const loaded = await load('data');
  if (!loaded.ok) throw new Error('instantané illisible');
  const { snapshot } = loaded.data;
  const real = snapshot.tables;
  const factor = 7;
  const synthetic = syntheticTables(real, factor);

  it('are `factor` times the real rows, table by table', () => {
    for (const name of Object.keys(real) as TableName[])
      expect(synthetic[name]).toHaveLength(real[name].length * factor);
  });

  it('keep every table’s key and file line unique, as the reader requires', () => {
    for (const name of Object.keys(real) as TableName[]) {
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

  it('start with the real rows unchanged', () => {
    expect(synthetic.defis.slice(0, real.defis.length)).toEqual(real.defis);
    expect(synthetic.defis[real.defis.length]).toEqual({
      ...real.defis[0],
      // Copies start after the last real promotion, EIG 7 (defis-2017-2023).
      promotion: real.defis[0]!.promotion.replace(/\d+/u, (n) => String(Number(n) + 7)),
      _line: real.defis[0]!._line + real.defis.length,
    });
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
