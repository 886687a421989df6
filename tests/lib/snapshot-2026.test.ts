/**
 * The four tables added in November 2026 against the reference files they were compiled from: every value of
 * tests/reference/ (read here with csv-parse, not the site's reader) is found in the snapshot as the site's reader
 * reads it, and the snapshot file writes it as the reference does. The one deliberate difference, the original
 * site's « parcours » 0s for promotion 3 (not yet known, not zero), is checked as such.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTable } from '../../src/lib/csv/parse-table.ts';
import { tables, type SnapshotTables } from '../../src/lib/tables.ts';
import { reference, type ReferenceRow } from '../support/reference.ts';
import { loadContext } from '../support/site-context.ts';

let snapshot: SnapshotTables;
beforeAll(async () => {
  snapshot = (await loadContext()).tables;
});

/** The snapshot file's cells as written, by column name (csv-parse, no typing). */
function written(file: string): ReferenceRow[] {
  return parse(readFileSync(new URL(`../../data/snapshot/${file}`, import.meta.url)), {
    columns: true,
    bom: true,
  }) as ReferenceRow[];
}

/** The reader gives text in NFC; one file name of the website writes « é » as e + U+0301. */
const nfc = (text: string) => text.normalize('NFC');
const orNull = (text: string) => (text === '' ? null : text);

describe('eig-forever-2019: the original data.eig-forever.org figures', () => {
  const ref = reference('data-eig-forever-2019.csv');
  const notYetKnown = (r: ReferenceRow) => r.tableau === 'parcours' && r.promotion === 'EIG 3';

  it('has the 222 values of the reference, one row each, in the same order', () => {
    expect(ref).toHaveLength(222);
    const rows = snapshot['eig-forever-2019'];
    expect(rows.map((r) => [r.tableau, r.indicateur, r.promotion])).toEqual(
      ref.map((r) => [r.tableau, r.indicateur, r.promotion]),
    );
  });

  it('reads every value as the reference writes it, year and source included', () => {
    const rows = snapshot['eig-forever-2019'];
    ref.forEach((r, i) => {
      const row = rows[i]!;
      const where = `${r.tableau} / ${r.indicateur} / ${r.promotion}`;
      expect(row.annee, where).toBe(Number(r.annee));
      expect(row.source, where).toBe(r.source);
      if (notYetKnown(r)) return;
      expect(row.valeur, where).toBe(Number(r.valeur));
      expect(row.precision, where).toBeNull();
    });
  });

  it('leaves empty the five « parcours » 0s of promotion 3, with a note that the original wrote 0', () => {
    const exceptions = ref.filter(notYetKnown);
    expect(exceptions.map((r) => r.indicateur)).toEqual([
      'Sont restés dans la fonction publique',
      'Sont partis en thèse',
      'Sont partis dans le privé',
      'Se sont mis en freelance/indépendant',
      'Autres',
    ]);
    for (const r of exceptions) {
      expect(r.valeur).toBe('0');
      const row = snapshot['eig-forever-2019'].find(
        (s) => s.tableau === r.tableau && s.indicateur === r.indicateur && s.promotion === 'EIG 3',
      )!;
      expect(row.valeur, r.indicateur).toBeNull();
      expect(row.precision, r.indicateur).toMatch(/écrivait 0 .*promotion 3 était en cours/u);
    }
    // Promotions 1 and 2 keep their figures, 0s included where they were known.
    const parcours2018 = snapshot['eig-forever-2019'].filter(
      (r) => r.tableau === 'parcours' && r.promotion === 'EIG 2',
    );
    expect(parcours2018.map((r) => r.valeur)).toEqual([14, 1, 6, 4, 3]);
  });

  it('keeps each number written as the original wrote it (25000 beside 25000.00), and reads cents exactly', () => {
    const cells = written('eig-forever-2019.csv');
    ref.forEach((r, i) => {
      expect(cells[i]!.valeur, `${r.indicateur} / ${r.promotion}`).toBe(notYetKnown(r) ? '' : r.valeur);
    });
    const value = (indicator: string, promotion: string) =>
      snapshot['eig-forever-2019'].find((r) => r.indicateur === indicator && r.promotion === promotion)!.valeur;
    expect(value('Coût total du programme', 'EIG 1')).toBe(766553.38);
    expect(value('Salaires pour les défis auto-financés', 'EIG 3')).toBe(476180.09);
    expect(value('Accompagnement et mentoring', 'EIG 1')).toBe(25000);
    expect(value('Coût total accompagnement', 'EIG 1')).toBe(25000);
    expect(cells.find((c) => c.indicateur === 'Accompagnement et mentoring' && c.promotion === 'EIG 1')?.valeur).toBe(
      '25000',
    );
    expect(cells.find((c) => c.indicateur === 'Coût total accompagnement' && c.promotion === 'EIG 1')?.valeur).toBe(
      '25000.00',
    );
  });

  it('gives each indicator its unit: shares in percent, money in euros, the rest counted', () => {
    for (const row of snapshot['eig-forever-2019']) {
      if (/^(Part|Pourcentage|Taux) /u.test(row.indicateur)) expect(row.unite, row.indicateur).toBe('pourcent');
      else if (row.tableau === 'financement') expect(row.unite, row.indicateur).toBe('euros');
      else if (row.indicateur === "Moyenne d'âge") expect(row.unite).toBe('ans');
      else expect(['euros', 'pourcent', 'ans'], row.indicateur).not.toContain(row.unite);
    }
  });
});

describe('carte-2019: the original site’s map', () => {
  const ref = reference('carte-2019.csv');

  it('has the 29 services of the reference with their défis per year, coordinates and remarks', () => {
    expect(ref).toHaveLength(29);
    const rows = snapshot['carte-2019'];
    expect(rows).toHaveLength(29);
    ref.forEach((r, i) => {
      const row = rows[i]!;
      expect([row.tutelle, row.service], r.service).toEqual([r.tutelle, r.service]);
      expect([row.defis_2017, row.defis_2018, row.defis_2019], r.service).toEqual([
        Number(r.defis_2017),
        Number(r.defis_2018),
        Number(r.defis_2019),
      ]);
      expect(row.latitude, r.service).toBe(Number(r.latitude));
      expect(row.longitude, r.service).toBe(Number(r.longitude));
      expect(row.remarque, r.service).toBe(orNull(r.remarque!));
      expect(row.source, r.service).toBe(r.source);
    });
  });

  it('writes the coordinates as the source did (the trailing zero of 2.35120 kept)', () => {
    const cells = written('carte-2019.csv');
    expect(cells.map((c) => [c.latitude, c.longitude])).toEqual(ref.map((r) => [r.latitude, r.longitude]));
    expect(cells.find((c) => c.service === 'En partenariat avec le Mobilier National')?.longitude).toBe('2.35120');
  });
});

describe('defis-2017-2023: the current website’s 131 défis', () => {
  const ref = reference('defis-2017-2023.csv');

  it('keeps every column of the reference as written, and cites site-eig-v3', () => {
    expect(ref).toHaveLength(131);
    const cells = written('defis-2017-2023.csv');
    expect(cells.map((c) => Object.fromEntries(Object.keys(ref[0]!).map((k) => [k, c[k]])))).toEqual(ref);
    expect(new Set(cells.map((c) => c.source))).toEqual(new Set(['site-eig-v3']));
  });

  it('reads every défi as the reference writes it: promotion, lists split on « ; », counts, no year', () => {
    const rows = snapshot['defis-2017-2023'];
    expect(rows).toHaveLength(131);
    ref.forEach((r, i) => {
      const row = rows[i]!;
      const where = r.slug!;
      expect(row.slug, where).toBe(nfc(r.slug!));
      expect(row.titre, where).toBe(nfc(r.titre!));
      expect(row.promotion, where).toBe(r.promotion);
      expect(row.promotion_source, where).toBe(r.promotion_source);
      expect(row.annee, where).toBeNull();
      expect(row.administration, where).toBe(nfc(r.administration!));
      expect(row.ville, where).toBe(orNull(nfc(r.ville!)));
      expect(row.thematiques, where).toEqual(r.thematiques === '' ? [] : nfc(r.thematiques!).split(';'));
      expect(row.expertises, where).toEqual(r.expertises === '' ? [] : nfc(r.expertises!).split(';'));
      expect(row.nb_eig, where).toBe(Number(r.nb_eig));
      expect(row.nb_mentors, where).toBe(Number(r.nb_mentors));
      expect(row.lien_code, where).toBe(orNull(r.lien_code!));
      expect(row.source_fichier, where).toBe(nfc(r.source_fichier!));
      expect(row.source, where).toBe('site-eig-v3');
    });
  });

  it('counts the défis per promotion as the website does: 9, 13, 15, 17 (DIG), 17, 15, 14, 31', () => {
    const count = (p: string) => snapshot['defis-2017-2023'].filter((r) => r.promotion === p).length;
    expect(['EIG 1', 'EIG 2', 'EIG 3', 'DIG', 'EIG 4', 'EIG 5', 'EIG 6', 'EIG 7'].map(count)).toEqual([
      9, 13, 15, 17, 17, 15, 14, 31,
    ]);
  });

  it('leaves the 2022 table of 71 défis as it was', () => {
    expect(snapshot.defis).toHaveLength(71);
    expect(new Set(snapshot.defis.map((r) => r.source))).toEqual(new Set(['programme-site']));
  });
});

describe('communaute-2017-2023: the current website’s people, counted', () => {
  const ref = reference('communaute-2017-2023.csv');
  // Written by hand from the website's wordings (COMPILATION-2026-11.md, §3 and §4).
  const PROMOTION: Record<string, string | null> = {
    'Promotion 1': 'EIG 1',
    'Promotion 2': 'EIG 2',
    'Promotion 3': 'EIG 3',
    'Promotion 3 - DIG': 'DIG',
    'Promotion 4': 'EIG 4',
    'Promotion 5': 'EIG 5',
    'Promotion 6': 'EIG 6',
    'Promotion 7': 'EIG 7',
    '': null,
  };

  it('has the 73 counts of the reference, the website’s wording kept beside the normalised promotion', () => {
    expect(ref).toHaveLength(73);
    const rows = snapshot['communaute-2017-2023'];
    expect(rows).toHaveLength(73);
    ref.forEach((r, i) => {
      const row = rows[i]!;
      const where = `${r.promotion} / ${r.role} / ${r.expertise}`;
      expect(r.promotion! in PROMOTION, where).toBe(true);
      expect(row.promotion, where).toBe(PROMOTION[r.promotion!]);
      expect(row.promotion_source, where).toBe(orNull(r.promotion!));
      expect(row.role, where).toBe(r.role);
      expect(row.expertise, where).toBe(orNull(nfc(r.expertise!)));
      expect(row.effectif, where).toBe(Number(r.effectif));
      expect(row.source_fichier, where).toBe(r.source_fichier);
      expect(row.source, where).toBe('site-eig-v3');
    });
  });

  it('adds up to 444 for 431 people (three with several promotions, three with several expertises)', () => {
    expect(snapshot['communaute-2017-2023'].reduce((sum, r) => sum + r.effectif, 0)).toBe(444);
  });
});

describe('publications', () => {
  it('lists both new sources with every column filled', () => {
    const publications = parse(readFileSync(new URL('../../data/publications.csv', import.meta.url)), {
      columns: true,
    }) as ReferenceRow[];
    for (const id of ['data-eig-forever-2019', 'site-eig-v3']) {
      const row = publications.find((p) => p.id === id);
      expect(row, id).toBeDefined();
      for (const [column, value] of Object.entries(row!)) expect(value, `${id}.${column}`).not.toBe('');
    }
    const original = publications.find((p) => p.id === 'data-eig-forever-2019')!;
    expect(original.url).toBe('https://data.eig-forever.org');
    expect(original.fichier_source).toContain('dc480ae3b5b756d65a4ee981061ab7b962dc2496/src/cljs/eig/report.cljs');
    expect(publications.find((p) => p.id === 'site-eig-v3')!.fichier_source).toContain(
      'site-eig-v3/tree/b1e648286a067bacf1c3d82cafcf9361dec33423',
    );
  });
});

describe('the reader on bad copies of the new tables', () => {
  const read = (name: keyof typeof tables, edit: (text: string) => string) => {
    const text = readFileSync(new URL(`../../data/snapshot/${tables[name].file}`, import.meta.url), 'utf8');
    return parseTable(edit(text), tables[name], tables[name].file);
  };

  it('accepts a new promotion written as the programme writes them, and refuses another spelling with what it meant', () => {
    const eighth = read('defis-2017-2023', (t) => t.replace(',EIG 7,Promotion 7,', ',EIG 8,Promotion 8,'));
    expect(eighth.ok && (eighth.rows[0] as { promotion?: string }).promotion).toBe('EIG 8');
    const refused = (promotion: string) => {
      const result = read('defis-2017-2023', (t) => t.replace(',EIG 7,Promotion 7,', `,${promotion},Promotion 7,`));
      return result.ok ? null : result.error.message;
    };
    const file = new URL(`../../data/snapshot/${tables['defis-2017-2023'].file}`, import.meta.url);
    const column = readFileSync(file, 'utf8').split('\n')[0]!.split(',').indexOf('promotion') + 1;
    const rule = 'une promotion s’écrit « EIG n » (n = 1, 2, 3…) ou « DIG »';
    expect(refused('EIG8')).toBe(
      `defis-2017-2023.csv, ligne 2, colonne ${column} (promotion) : valeur « EIG8 » inattendue : ${rule} ; vouliez-vous écrire « EIG 8 » ?`,
    );
    expect(refused('Eig 3')).toMatch(/valeur « Eig 3 » inattendue : .* ; vouliez-vous écrire « EIG 3 » \?$/u);
    expect(refused('EIG 03')).toMatch(/vouliez-vous écrire « EIG 3 » \?$/u);
    expect(refused('Promotion 3 - DIG')).toMatch(/vouliez-vous écrire « DIG » \?$/u);
    expect(refused('dig')).toMatch(/vouliez-vous écrire « DIG » \?$/u);
    // Nothing to suggest: the message says the rule alone.
    expect(refused('Total')).toMatch(
      /valeur « Total » inattendue : une promotion s’écrit « EIG n » \(n = 1, 2, 3…\) ou « DIG »$/u,
    );
    expect(refused('EIG 0')).toMatch(/« EIG 0 » inattendue : .*« DIG »$/u);
  });

  it('refuses a negative or fractional head count', () => {
    const negative = read('communaute-2017-2023', (t) => t.replace(',Data engineering,1,', ',Data engineering,-1,'));
    expect(negative.ok ? null : negative.error.message).toMatch(
      /^communaute-2017-2023\.csv, ligne 2, colonne 5 \(effectif\) : effectif impossible « -1 »/u,
    );
    const fraction = read('carte-2019', (t) =>
      t.replace('Gendarmerie Nationale,0,1,0,', 'Gendarmerie Nationale,0,1.5,0,'),
    );
    expect(fraction.ok ? null : fraction.error.message).toMatch(
      /ligne 2, colonne 4 \(defis_2018\) : effectif impossible/u,
    );
  });

  it('refuses a unit the original site’s table does not know', () => {
    const result = read('eig-forever-2019', (t) => t.replace(',800000.00,euros,', ',800000.00,dollars,'));
    expect(result.ok ? null : result.error.message).toMatch(
      /ligne 2, colonne 6 \(unite\) : valeur « dollars » inattendue/u,
    );
  });
});
