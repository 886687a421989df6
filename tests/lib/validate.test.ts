/** Values that cannot be true, on the small fixture (tests/fixtures/small) with one row changed at a time. */
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotTables } from '../../src/lib/tables.ts';
import { validateSnapshot } from '../../src/lib/validate.ts';
import { load } from '../../src/load/snapshot-io.ts';
import { loadFixture, lockedCopy, removeCopy } from '../support/fixtures.ts';

let tables: SnapshotTables;
// The fixture's publications.csv, read here by the test.
const known = new Set(['rapport-essai', 'billet-essai', 'billet-suivi', 'doc-essai', 'site-essai']);
beforeAll(async () => {
  tables = (await loadFixture('small')).snapshot.tables;
});

/** The fixture's tables with one row replaced. */
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
  it('accepts the fixture as written', () => {
    expect(validateSnapshot(tables, known)).toEqual([]);
  });

  it('rejects a negative amount, naming the file, line and column', () => {
    // Row 0 of budget.csv (line 2): EIG 1, enveloppe_pia.
    expect(validateSnapshot(withRow('budget', 0, { montant_eur: -5 }), known).map((e) => e.message)).toEqual([
      'data/snapshot/budget.csv, ligne 2, colonne 4 (montant_eur) : montant négatif impossible : -5 € pour enveloppe_pia (EIG 1)',
    ]);
  });

  it('rejects a share over 100 %', () => {
    // Row 33 of chiffres-cles.csv (line 35): EIG 1, part_femmes_eig.
    expect(validateSnapshot(withRow('chiffres-cles', 33, { valeur: 120 }), known).map((e) => e.message)).toEqual([
      'data/snapshot/chiffres-cles.csv, ligne 35, colonne 3 (valeur) : part impossible : 120 % pour part_femmes_eig (EIG 1)',
    ]);
  });

  it('rejects a count that is not a whole non-negative number', () => {
    expect(validateSnapshot(withRow('chiffres-cles', 0, { valeur: 10.5 }), known).map((e) => e.message)).toEqual([
      'data/snapshot/chiffres-cles.csv, ligne 2, colonne 3 (valeur) : effectif impossible : 10.5 personnes pour eig (EIG 1)',
    ]);
    expect(validateSnapshot(withRow('chiffres-cles', 0, { valeur: -1 }), known)).toHaveLength(1);
  });

  it('rejects more respondents than people asked, and a percentage without respondents', () => {
    expect(
      validateSnapshot(withRow('enquetes', 0, { repondants: 30, cible: 24 }), known).map((e) => e.message),
    ).toEqual([
      'data/snapshot/enquetes.csv, ligne 2, colonne 3 (repondants) : plus de répondants (30) que de personnes interrogées (24) pour realisations_repondent_aux_attentes',
    ]);
    expect(validateSnapshot(withRow('enquetes', 0, { repondants: 0 }), known)[0]?.message).toBe(
      'data/snapshot/enquetes.csv, ligne 2, colonne 3 (repondants) : aucun répondant : un pourcentage ne peut pas être publié pour realisations_repondent_aux_attentes',
    );
  });

  it('rejects a citation of an unknown publication', () => {
    expect(validateSnapshot(withRow('defis', 3, { source: 'blog-inconnu' }), known).map((e) => e.message)).toEqual([
      'data/snapshot/defis.csv, ligne 5, colonne 12 (source) : publication « blog-inconnu » inconnue (absente de data/publications.csv)',
    ]);
  });
});

describe('load() refuses a folder that breaks a rule, naming it', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await removeCopy(dir);
    dir = undefined;
  });

  it('a negative amount in a locked copy', async () => {
    dir = await lockedCopy('small', {
      budget: (text) => text.replace('EIG 2,2018,communication,20000,', 'EIG 2,2018,communication,-20000,'),
    });
    const result = await load(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual([
      `${dir}/snapshot/budget.csv, ligne 11, colonne 4 (montant_eur) : montant négatif impossible : -20000 € pour communication (EIG 2)`,
    ]);
  });

  it('a file edited after it was locked', async () => {
    dir = await lockedCopy('small');
    const path = `${dir}/snapshot/communaute.csv`;
    await writeFile(path, (await readFile(path, 'utf8')).replace('DIG,DIG,design,2,', 'DIG,DIG,design,3,'));
    const result = await load(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual([
      `${dir}/snapshot/communaute.csv : le fichier ne correspond plus à data/manifest.json (modifié à la main ?) ; si la modification est voulue, lancez « npm run data:lock »`,
    ]);
  });
});
