/**
 * Issue 14, item 2: whatever the site accepts must build. The real snapshot with a défis table at every limit
 * at once (2 000 rows, a 2 000-byte field, just under 1 MB) passes data:check and builds, into a site of
 * bounded size whose raw table is the file itself.
 */
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkData } from '../../src/commands/check.ts';
import { lockData } from '../../src/commands/lock.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import { buildSite } from '../support/build-site.ts';
import { listFiles, page } from '../support/dist.ts';
import { largeDefis } from '../support/large-table.ts';

let root: string;
let data: string;
let dist: string;
const defis = largeDefis();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'eig-limits-'));
  data = join(root, 'data');
  dist = join(root, 'dist');
  await cp('data', data, { recursive: true, filter: (path) => !path.includes('unmapped') });
  await writeFile(join(data, 'snapshot', 'defis.csv'), defis);
  await lockData(data, { log: () => {} });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a snapshot at the limits', () => {
  it('is a table at every limit', () => {
    expect(defis.byteLength).toBeLessThanOrEqual(LIMITS.bytesPerTable);
    expect(defis.byteLength).toBeGreaterThan(0.9 * LIMITS.bytesPerTable);
    const lines = defis.toString('utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(LIMITS.rowsPerTable + 1);
    expect(
      Math.max(...lines.flatMap((l) => l.split(',')).map((c) => Buffer.byteLength(c.replace(/^"|"$/gu, '')))),
    ).toBe(LIMITS.bytesPerField);
  });

  it('passes data:check and builds, into a site of bounded size', async () => {
    const lines: string[] = [];
    expect(await checkData([], { env: { EIG_DATA_DIR: data }, log: (l) => lines.push(l) }), lines.join('\n')).toBe(0);
    const started = performance.now();
    await buildSite(dist, data);
    const seconds = (performance.now() - started) / 1000;
    const files = listFiles(dist);
    let bytes = 0;
    for (const file of files) bytes += (await stat(join(dist, file))).size;
    // Printed, not asserted: build times depend on the machine (26 s, 26 MB on a loaded 2-core machine).
    console.log(`limits build: ${seconds.toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB in ${files.length} files`);
    expect(bytes).toBeLessThan(100_000_000);
    expect(readFileSync(join(dist, 'tables', 'defis.csv'))).toEqual(defis);
    expect(page(dist, 'tables/defis/index.html').querySelectorAll('tbody tr[id^="L"]')).toHaveLength(2_000);
  }, 240_000);
});
