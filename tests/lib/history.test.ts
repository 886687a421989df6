/**
 * The snapshot's history: file names, reading, order, on the small fixture's history (tests/fixtures/small/history).
 * The committed history of data/ against the committed snapshot is checked in tests/published/data-folder.test.ts.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../src/load/history-io.ts';
import { historyFileName, newestFirst, parseHistoryEntry, type StoredHistoryEntry } from '../../src/lib/history.ts';
import { fixtureDir, lockedCopy, removeCopy } from '../support/fixtures.ts';

const FIXTURE = fixtureDir('small');

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
    const good = readFileSync(join(FIXTURE, 'history', '2025-03-14-1.json'), 'utf8');
    const bad = good.replace(/"sha256": "[0-9a-f]{64}"/u, '"sha256": "abc"');
    expect(() => parseHistoryEntry(bad, 'data/history/x.json')).toThrow(
      /^data\/history\/x\.json : entrée d’historique invalide \(champ tables\.[a-z-]+\.sha256 : empreinte SHA-256 attendue\)$/u,
    );
    expect(() => parseHistoryEntry('{', 'data/history/y.json')).toThrow(/^data\/history\/y\.json : JSON illisible/u);
  });
});

describe('reading a folder’s history', () => {
  it('reads every entry, newest first, and ignores other files', async () => {
    const dir = await lockedCopy('small');
    try {
      const first = readFileSync(join(FIXTURE, 'history', '2025-03-14-1.json'), 'utf8');
      const later = first.replace('"kind": "initial"', '"kind": "lock"').replace('2025-03-14T10', '2025-03-15T08');
      await writeFile(join(dir, 'history', '2025-03-15-1.json'), later);
      await writeFile(join(dir, 'history', '.2025-03-15-2.json.tmp'), '{');
      await writeFile(join(dir, 'history', 'LISEZMOI.txt'), 'pas une entrée');
      const history = await readHistory(dir);
      expect(history.map((e) => [e.id, e.kind, e.date])).toEqual([
        ['2025-03-15-1', 'lock', '2025-03-15T08:00:00.000Z'],
        ['2025-03-14-1', 'initial', '2025-03-14T10:00:00.000Z'],
      ]);
      // The fixture's entry, as written there.
      expect(history[1]!.tables['suivi-defis']).toMatchObject({ file: 'suivi-defis.csv', rows: 14, changed: true });
    } finally {
      await removeCopy(dir);
    }
  });

  it('gives none for a folder without history', async () => {
    expect(await readHistory(join(FIXTURE, 'snapshot'))).toEqual([]);
  });
});
