/**
 * The committed data folder (data/) holds together: its history ends with the snapshot as committed. Moved here from
 * the unit tests, which read fixtures only: this is a property of data/, which a fetch or `npm run data:lock` keeps.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/lib/manifest.ts';
import { tableNames, tables } from '../../src/lib/tables.ts';
import { readHistory } from '../../src/load/history-io.ts';

const DATA = join(import.meta.dirname, '..', '..', 'data');

describe('the committed history of data/', () => {
  const manifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as Manifest;

  it('starts with the snapshot compiled from the publications on 2026-11-22, honestly described', async () => {
    const history = await readHistory(DATA);
    const first = history.at(-1)!;
    expect(first.id, 'data/history/: the oldest entry').toBe('2026-11-22-1');
    expect(first.kind).toBe('initial');
    expect(first.note).toMatch(/compilé à la main le 22 novembre 2026 à partir des publications du programme/u);
    expect(first.note).toMatch(/n’ont pas pu être téléchargés/u);
    expect(first.summary).toBeNull();
    for (const table of Object.values(first.tables))
      expect([table.origin, table.resource]).toEqual(['publications', null]);
  });

  it('ends with the snapshot as committed: every file’s SHA-256 and row count', async () => {
    const latest = (await readHistory(DATA))[0]!;
    for (const name of tableNames) {
      const where = `data/history/${latest.id}.json, table ${name}, against data/snapshot/${tables[name].file} and data/manifest.json`;
      const bytes = readFileSync(join(DATA, 'snapshot', tables[name].file));
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(latest.tables[name], where).toMatchObject({
        file: tables[name].file,
        sha256: sha,
        rows: manifest.tables[name].rows,
      });
    }
  });
});
