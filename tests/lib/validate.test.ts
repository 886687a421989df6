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
    expect(errors.map((e) => e.message)).toEqual([
      `data/snapshot/defis-2017-2023.csv, ligne ${tables['defis-2017-2023'][i]!._line}, colonne 3 (promotion) : promotion « EIG 3 » alors que le site écrit « Promotion 3 - DIG » (soit « DIG »)`,
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
