/** The snapshot's history: file names, reading, order, and the committed history against the committed snapshot. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../src/load/history.ts';
import { historyFileName, newestFirst, parseHistoryEntry, type StoredHistoryEntry } from '../../src/lib/history.ts';
import type { Manifest } from '../../src/lib/manifest.ts';
import { tableNames, tables } from '../../src/lib/tables.ts';

const DATA = join(import.meta.dirname, '..', '..', 'data');

describe('history files', () => {
  it('are named after the day of the update, numbered within the day', () => {
    expect(historyFileName('2027-01-15T09:30:00.000Z', [])).toBe('2027-01-15-1.json');
    expect(
      historyFileName('2027-01-15T18:00:00.000Z', [
        '2026-11-22-1.json',
        '2027-01-15-1.json',
        '2027-01-15-2.json',
        '.2027-01-15-9.json.tmp',
      ]),
    ).toBe('2027-01-15-3.json');
    expect(historyFileName('2027-01-16T00:00:00.000Z', ['2027-01-15-1.json'])).toBe('2027-01-16-1.json');
  });

  it('come newest first, the tenth of a day after the ninth', () => {
    const entry = (id: string) => ({ id }) as StoredHistoryEntry;
    expect(
      newestFirst(['2026-11-22-1', '2027-01-15-9', '2027-01-15-10', '2027-01-02-1'].map(entry)).map((e) => e.id),
    ).toEqual(['2027-01-15-10', '2027-01-15-9', '2027-01-02-1', '2026-11-22-1']);
  });

  it('are refused with one line naming the file and the field', () => {
    const good = readFileSync(join(DATA, 'history', '2026-11-22-1.json'), 'utf8');
    const bad = good.replace(/"sha256": "[0-9a-f]{64}"/u, '"sha256": "abc"');
    expect(() => parseHistoryEntry(bad, 'data/history/x.json')).toThrow(
      /^data\/history\/x\.json : entrée d’historique invalide \(champ tables\.[a-z-]+\.sha256 : empreinte SHA-256 attendue\)$/u,
    );
    expect(() => parseHistoryEntry('{', 'data/history/y.json')).toThrow(/^data\/history\/y\.json : JSON illisible/u);
  });
});

describe('the committed history', () => {
  const manifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as Manifest;

  it('starts with the snapshot compiled from the publications on 2026-11-22, honestly described', async () => {
    const history = await readHistory(DATA);
    const first = history.at(-1)!;
    expect(first.id).toBe('2026-11-22-1');
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
      const bytes = readFileSync(join(DATA, 'snapshot', tables[name].file));
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(latest.tables[name], name).toMatchObject({
        file: tables[name].file,
        sha256: sha,
        rows: manifest.tables[name].rows,
      });
    }
  });
});
