/**
 * Golden files for the CSV reader: each tests/lib/csv/fixtures/<table>--<case>.csv is read with the spec named
 * before `--` (a real table of data/sources.ts, or `sample` below), and the outcome is compared with
 * <table>--<case>.expected.json: the typed rows with the dialect, headers and extra/absent columns, or the
 * one-line error with its location.
 *
 * UPDATE_GOLDEN=1 npx vitest run tests/lib/csv/golden.test.ts rewrites the expected files. Whoever does it
 * reads every rewritten file and checks each value by hand against the CSV before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sources } from '../../../data/sources.ts';
import { DataFileError } from '../../../src/lib/csv/errors.ts';
import { parseTable, readTableOrThrow, type TableResult } from '../../../src/lib/csv/parse-table.ts';
import type { TableSpec } from '../../../src/lib/csv/schema.ts';

/** A small table with one column of each numeric type, for the reader's corner cases. */
export const sample = {
  file: 'sample.csv',
  title: 'Table d’essai',
  description: 'Une colonne de chaque type numérique, pour les cas limites du lecteur.',
  resource: { titlePattern: '^$' },
  key: ['libelle'],
  columns: {
    libelle: { type: 'text', aliases: ['libellé', 'nom'] },
    montant: { type: 'euros', aliases: ['montant (€)', 'montant en euros'] },
    part: { type: 'percent', optional: true, aliases: ['part (%)'] },
    effectif: { type: 'count', optional: true, aliases: ['nombre'] },
    valeur: { type: 'decimal', optional: true },
    commentaire: { type: 'text', optional: true, aliases: ['remarque'] },
  },
} as const satisfies TableSpec;

const specs: Record<string, TableSpec> = { sample, ...sources.tables };

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const cases = readdirSync(fixtures)
  .filter((name) => name.endsWith('.csv'))
  .map((name) => name.slice(0, -'.csv'.length))
  .sort();
const update = process.env.UPDATE_GOLDEN === '1';

function outcome(result: TableResult<TableSpec>): unknown {
  if (!result.ok) {
    const { message, line, column, columnName } = result.error;
    return { error: message, line, column, columnName };
  }
  const { dialect, headers, extraColumns, absentColumns, rows } = result;
  return { dialect, headers, extraColumns, absentColumns, rows };
}

function nonFiniteNumbers(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some(nonFiniteNumbers);
  if (value && typeof value === 'object') return Object.values(value).some(nonFiniteNumbers);
  return false;
}

describe('CSV reader golden files', () => {
  it('has fixtures, each named after a known spec, and no expected file without its CSV', () => {
    expect(cases.length).toBeGreaterThan(30);
    for (const name of cases) expect(Object.keys(specs), name).toContain(name.split('--')[0]);
    const orphans = readdirSync(fixtures)
      .filter((name) => name.endsWith('.expected.json'))
      .filter((name) => !existsSync(join(fixtures, name.replace(/\.expected\.json$/u, '.csv'))));
    expect(orphans).toEqual([]);
  });

  it.each(cases)('%s', (name) => {
    const spec = specs[name.split('--')[0]!]!;
    const file = `${name}.csv`;
    const result = parseTable(readFileSync(join(fixtures, file)), spec, file);
    const actual = outcome(result);
    const expectedPath = join(fixtures, `${name}.expected.json`);
    if (update) writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');

    expect(nonFiniteNumbers(actual)).toBe(false);
    if (!result.ok) {
      expect(result.error).toBeInstanceOf(DataFileError);
      expect(result.error.message).not.toMatch(/[\r\n\u2028\u2029]/u);
      expect(result.error.message.startsWith(`${file}`)).toBe(true);
      expect(() => readTableOrThrow(readFileSync(join(fixtures, file)), spec, file)).toThrow(result.error.message);
    }
    expect(existsSync(expectedPath), `${expectedPath} manque : UPDATE_GOLDEN=1 puis relire`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
});
