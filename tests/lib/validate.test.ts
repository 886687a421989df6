import { beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotTables } from '../../src/lib/tables.ts';
import { validateSnapshot } from '../../src/lib/validate.ts';
import { loadContext } from '../support/site-context.ts';

let tables: SnapshotTables;
const known = new Set([
  'rapport-2019-tableau',
  'rapport-2019',
  'blog-2019-05-09',
  'blog-2020-01-17',
  'blog-2021-04-01',
  'blog-2021-04-08',
  'ingenierie-programme',
  'programme-site',
  'data-eig-forever-2019',
  'site-eig-v3',
]);
beforeAll(async () => {
  tables = (await loadContext()).tables;
});

/** The real tables with one row replaced. */
function withRow<T extends keyof SnapshotTables>(
  table: T,
  index: number,
  change: Partial<SnapshotTables[T][number]>,
): SnapshotTables {
  const rows = [...tables[table]] as SnapshotTables[T][number][];
  rows[index] = { ...rows[index]!, ...change };
  return { ...tables, [table]: rows };
}

describe('impossible values', () => {
  it('accepts the real snapshot', () => {
    expect(validateSnapshot(tables, known)).toEqual([]);
  });

  it('rejects a negative amount, naming the file, line and column', () => {
    const [error] = validateSnapshot(withRow('budget', 0, { montant_eur: -5 }), known);
    expect(error?.message).toBe(
      `data/snapshot/budget.csv, ligne ${tables.budget[0]!._line}, colonne 4 (montant_eur) : montant négatif impossible : -5 € pour enveloppe_pia (EIG 1)`,
    );
  });

  it('rejects a share over 100 %', () => {
    const index = tables['chiffres-cles'].findIndex((r) => r.indicateur === 'part_femmes_eig');
    const errors = validateSnapshot(withRow('chiffres-cles', index, { valeur: 120 }), known);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(
      /chiffres-cles\.csv, ligne \d+, colonne 3 \(valeur\) : part impossible : 120 %/u,
    );
  });

  it('rejects a count that is not a whole non-negative number', () => {
    const index = tables['chiffres-cles'].findIndex((r) => r.indicateur === 'eig');
    expect(validateSnapshot(withRow('chiffres-cles', index, { valeur: 10.5 }), known)[0]?.message).toMatch(
      /effectif impossible : 10,5|effectif impossible : 10.5/u,
    );
  });

  it('rejects more respondents than people asked', () => {
    const errors = validateSnapshot(withRow('enquetes', 0, { repondants: 30, cible: 24 }), known);
    expect(errors[0]?.message).toMatch(
      /enquetes\.csv, ligne 2, colonne 3 \(repondants\) : plus de répondants \(30\) que de personnes interrogées \(24\)/u,
    );
  });

  it('rejects a citation of an unknown publication', () => {
    const errors = validateSnapshot(withRow('defis', 3, { source: 'blog-inconnu' }), known);
    expect(errors[0]?.message).toMatch(
      /defis\.csv, ligne 5, colonne 12 \(source\) : publication « blog-inconnu » inconnue/u,
    );
  });
});
