/** Values that cannot be true, on the small fixture (tests/fixtures/small) with one row changed at a time. */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotTables } from '../../src/lib/tables.ts';
import { validateSnapshot } from '../../src/lib/validate.ts';
import { load } from '../../src/load/load-folder.ts';
import { loadFixture, lockedCopy, removeCopy } from '../support/fixtures.ts';

let tables: SnapshotTables;
// The fixture's publications.csv, read here by the test.
const known = new Set([
  'rapport-essai',
  'billet-essai',
  'billet-suivi',
  'doc-essai',
  'site-essai',
  'site-origine-essai',
  'site-v3-essai',
  'organismes-essai',
]);
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
      `${dir}/snapshot/communaute.csv : le fichier ne correspond plus à ${dir}/manifest.json (modifié à la main ?) ; si la modification est voulue, lancez « npm run data:lock -- ${dir} »`,
    ]);
  });
});

describe('the original site’s tables and the 2017–2023 tables', () => {
  const indexOf = <T extends keyof SnapshotTables>(table: T, test: (row: SnapshotTables[T][number]) => boolean) => {
    const index = (tables[table] as SnapshotTables[T][number][]).findIndex(test);
    expect(index, `aucune ligne trouvée dans ${table}`).toBeGreaterThanOrEqual(0);
    return index;
  };

  it('rejects a share of the original site over 100 %, naming the file, line and column', () => {
    const i = indexOf('eig-forever-2019', (r) => r.indicateur === 'Taux de sélectivité sur le total des candidats');
    const errors = validateSnapshot(withRow('eig-forever-2019', i, { valeur: 113 }), known);
    expect(errors.map((e) => e.message)).toEqual([
      `data/snapshot/eig-forever-2019.csv, ligne ${tables['eig-forever-2019'][i]!._line}, colonne 5 (valeur) : part impossible : 113 % pour Taux de sélectivité sur le total des candidats (EIG 1)`,
    ]);
  });

  it('rejects a negative share and accepts 0 and 100', () => {
    const i = indexOf('eig-forever-2019', (r) => r.indicateur === 'Part des designers parmi les EIG');
    expect(validateSnapshot(withRow('eig-forever-2019', i, { valeur: -1 }), known)[0]?.message).toMatch(
      /part impossible : -1 %/u,
    );
    expect(validateSnapshot(withRow('eig-forever-2019', i, { valeur: 100 }), known)).toEqual([]);
    expect(validateSnapshot(withRow('eig-forever-2019', i, { valeur: 0 }), known)).toEqual([]);
  });

  it('rejects a count of the original site that is not a whole non-negative number', () => {
    const i = indexOf('eig-forever-2019', (r) => r.indicateur === 'Nombre de femmes' && r.promotion === 'EIG 2');
    expect(validateSnapshot(withRow('eig-forever-2019', i, { valeur: 7.5 }), known)[0]?.message).toMatch(
      /eig-forever-2019\.csv, ligne \d+, colonne 5 \(valeur\) : effectif impossible : 7.5 personnes pour Nombre de femmes \(EIG 2\)/u,
    );
    expect(validateSnapshot(withRow('eig-forever-2019', i, { valeur: -2 }), known)).toHaveLength(1);
  });

  it('accepts amounts in cents and a missing figure, rejects a negative amount', () => {
    const i = indexOf('eig-forever-2019', (r) => r.indicateur === 'Coût total du programme' && r.promotion === 'EIG 1');
    expect(validateSnapshot(withRow('eig-forever-2019', i, { valeur: 766553.38 }), known)).toEqual([]);
    expect(validateSnapshot(withRow('eig-forever-2019', i, { valeur: null }), known)).toEqual([]);
    expect(validateSnapshot(withRow('eig-forever-2019', i, { valeur: -1 }), known)[0]?.message).toMatch(
      /valeur négative impossible : -1 euros/u,
    );
  });

  it('rejects a map point outside metropolitan France on one line naming file, line and column', () => {
    const i = indexOf('carte-2019', (r) => r.service === 'Direction Générale du Travail');
    const line = tables['carte-2019'][i]!._line;
    const south = validateSnapshot(withRow('carte-2019', i, { latitude: 4.9 }), known);
    expect(south.map((e) => e.message)).toEqual([
      `data/snapshot/carte-2019.csv, ligne ${line}, colonne 6 (latitude) : latitude 4,9 hors de la France métropolitaine (attendue entre 41,3 et 51,1) pour Direction Générale du Travail`,
    ]);
    const east = validateSnapshot(withRow('carte-2019', i, { longitude: 12.5 }), known);
    expect(east.map((e) => e.message)).toEqual([
      `data/snapshot/carte-2019.csv, ligne ${line}, colonne 7 (longitude) : longitude 12,5 hors de la France métropolitaine (attendue entre -5,2 et 9,6) pour Direction Générale du Travail`,
    ]);
    expect(south[0]!.message).not.toMatch(/[\r\n]/u);
  });

  it('says when latitude and longitude look swapped, as in the original’s source', () => {
    const i = indexOf('carte-2019', (r) => r.service === 'Bibliothèque Nationale de France');
    const errors = validateSnapshot(withRow('carte-2019', i, { latitude: 2.37576, longitude: 48.8335 }), known);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(
      /colonne 6 \(latitude\) : latitude 2,37576 .*\(latitude et longitude inversées \?\)$/u,
    );
  });

  it('accepts the edges of metropolitan France: Ouessant, Corsica, Bray-Dunes', () => {
    const i = indexOf('carte-2019', (r) => r.service === 'Direction Générale du Travail');
    for (const [latitude, longitude] of [
      [48.4569, -5.0976], // Ouessant
      [41.3871, 9.1593], // Bonifacio
      [42.9866, 9.4489], // Cap Corse
      [51.0728, 2.5219], // Bray-Dunes
    ] as const) {
      expect(validateSnapshot(withRow('carte-2019', i, { latitude, longitude }), known)).toEqual([]);
    }
  });

  it('rejects a normalised promotion that says something else than the website’s wording', () => {
    const i = indexOf('defis-2017-2023', (r) => r.promotion_source === 'Promotion 3 - DIG');
    const errors = validateSnapshot(withRow('defis-2017-2023', i, { promotion: 'EIG 3' }), known);
    const header = readFileSync(new URL('../../data/snapshot/defis-2017-2023.csv', import.meta.url), 'utf8').split(
      '\n',
    )[0]!;
    const column = header.split(',').indexOf('promotion') + 1;
    expect(errors.map((e) => e.message)).toEqual([
      `data/snapshot/defis-2017-2023.csv, ligne ${tables['defis-2017-2023'][i]!._line}, colonne ${column} (promotion) : promotion « EIG 3 » alors que le site écrit « Promotion 3 - DIG » (soit « DIG »)`,
    ]);
    const k = indexOf('communaute-2017-2023', (r) => r.promotion_source === 'Promotion 6');
    expect(validateSnapshot(withRow('communaute-2017-2023', k, { promotion: null }), known)[0]?.message).toMatch(
      /colonne 1 \(promotion\) : promotion vide alors que le site écrit « Promotion 6 » \(soit « EIG 6 »\)$/u,
    );
    const j = indexOf('communaute-2017-2023', (r) => r.promotion_source === null);
    expect(validateSnapshot(withRow('communaute-2017-2023', j, { promotion: 'EIG 1' }), known)[0]?.message).toMatch(
      /communaute-2017-2023\.csv, ligne \d+, colonne 1 \(promotion\) : promotion « EIG 1 » alors que le site n’en donne aucune$/u,
    );
  });
});
