/**
 * The pieces of `npm run bench` that compute something: the largest snapshot must be data the site accepts, at its
 * limits (or the benchmark would measure nothing real), the model run must run the model, and the byte and
 * coverage arithmetic must be right.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executedBytes, median } from '../../src/bench/page-load.ts';
import { largestTables, writeLargestSnapshot } from '../../src/bench/largest-snapshot.ts';
import { runModel } from '../../src/bench/model-run.ts';
import { charts } from '../../src/charts/registry.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import { transferOf } from '../../src/bench/transfer.ts';
import { tableNames, tables, type TableName } from '../../src/lib/tables.ts';
import { fixtureDir, loadFixture, loadFolder } from '../support/fixtures.ts';

const bytes = (text: string) => Buffer.byteLength(text);
const dataRows = (text: string) => (parse(text, { relaxColumnCount: true }) as string[][]).slice(1);

async function fixtureFiles(): Promise<Record<TableName, string>> {
  const files = {} as Record<TableName, string>;
  for (const name of tableNames)
    files[name] = await readFile(join(fixtureDir('small'), 'snapshot', tables[name].file), 'utf8');
  return files;
}

// The benchmark grows the tables of data/; here, those of the small fixture (same tables, 184 rows).
describe('the largest snapshot an update accepts', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eig-largest-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('takes as many copies of each table as its rows allow, within every limit', async () => {
    const files = await fixtureFiles();
    const { copies, texts } = largestTables(files);
    let total = 0;
    for (const name of tableNames) {
      const rows = dataRows(files[name]).length;
      total += bytes(texts[name]);
      expect(dataRows(texts[name]), name).toHaveLength(copies[name] * rows);
      expect(copies[name] * rows, name).toBeLessThanOrEqual(LIMITS.rowsPerTable);
      // One more copy would break the table's row limit (bytes do not bind on the fixture).
      expect((copies[name] + 1) * rows, name).toBeGreaterThan(LIMITS.rowsPerTable);
      expect(bytes(texts[name]), name).toBeLessThanOrEqual(LIMITS.bytesPerTable);
    }
    expect(total).toBeLessThanOrEqual(LIMITS.bytesPerSnapshot);
  });

  it('lengthens the défis’ titles into the bytes left, the first to the limit of a field', async () => {
    const { texts } = largestTables(await fixtureFiles());
    const [first] = dataRows(texts['defis-2017-2023']);
    const title = first![Object.keys(tables['defis-2017-2023'].columns).indexOf('titre')]!;
    expect(bytes(title)).toBeLessThanOrEqual(LIMITS.bytesPerField);
    expect(bytes(title)).toBeGreaterThan(LIMITS.bytesPerField - 40);
    expect(bytes(texts['defis-2017-2023'])).toBeGreaterThan(0.9 * LIMITS.bytesPerTable);
  });

  it('gives up copies when the whole snapshot would be too large, and no more than it must', async () => {
    // Five tables padded (an extra column, accepted and not read) to a third of a table's limit a copy: three
    // copies of each fit their own limit, 5 MB in all does not.
    const files = await fixtureFiles();
    const large: TableName[] = ['chiffres-cles', 'budget', 'enquetes', 'communaute', 'suivi-defis'];
    for (const name of large) {
      const [header, ...lines] = files[name].trimEnd().split('\n');
      const pad = Math.floor(LIMITS.bytesPerTable / 3 / lines.length);
      files[name] = [`${header},remplissage`, ...lines.map((l) => `${l},${'r'.repeat(pad)}`)].join('\n') + '\n';
    }
    const { copies, texts } = largestTables(files);
    const total = tableNames.reduce((sum, name) => sum + bytes(texts[name]), 0);
    expect(total).toBeLessThanOrEqual(LIMITS.bytesPerSnapshot);
    expect(total).toBeGreaterThan(LIMITS.bytesPerSnapshot - LIMITS.bytesPerTable / 3 - 2000);
    for (const name of large) expect(copies[name], name).toBeLessThan(3);
  });

  it('is data the site accepts: written and locked, it loads, every copy of a promotion after the programme’s', async () => {
    const copies = await writeLargestSnapshot(fixtureDir('small'), dir);
    const loaded = await loadFolder(dir);
    const { tables: real } = (await loadFixture('small')).snapshot;
    // Every row of the folder first, unchanged but for the défis' lengthened titles.
    const titles: Partial<Record<TableName, string>> = { defis: 'defi', 'defis-2017-2023': 'titre' };
    const untitled = (row: object, column?: string) =>
      Object.fromEntries(Object.entries(row).filter(([key]) => key !== column));
    for (const name of tableNames) {
      const rows = loaded.snapshot.tables[name] as readonly Record<string, unknown>[];
      const column = titles[name];
      expect(rows, name).toHaveLength(copies[name] * real[name].length);
      real[name].forEach((row: Record<string, unknown>, i) => {
        expect(untitled(rows[i]!, column), name).toEqual(untitled(row, column));
        if (column) expect(String(rows[i]![column])).toContain(String(row[column]));
      });
    }
    // The first copy of the défis of 2022: each promotion moved by the last promotion any table names (EIG 7).
    const defi = loaded.snapshot.tables.defis[real.defis.length]!;
    expect(defi.promotion).toBe(real.defis[0]!.promotion.replace(/\d+/u, (n) => String(Number(n) + 7)));
  });
});

describe('the model run', () => {
  it('loads, models and publishes a data folder, and says how long and how much memory it took', async () => {
    const result = await runModel(fixtureDir('small'));
    // 73 key figures, 24 budget lines, 10 survey results, 12 défis, 17 community counts, 14 follow-up figures;
    // 21 figures of the original site, 3 services of its map, 5 défis and 5 community counts of 2017–2023;
    // 5 written host names mapped to bodies.
    expect(result.rows).toBe(189);
    expect(result.charts).toBe(charts.length);
    expect(result.qualityChecks).toBeGreaterThan(0);
    expect(result.seconds).toBeGreaterThanOrEqual(result.loadSeconds + result.modelSeconds);
    expect(result.peakRssMb).toBeGreaterThan(result.heapLiveMb);
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
