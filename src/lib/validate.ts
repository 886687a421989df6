/**
 * Rules a snapshot must obey beyond each cell's type: values that cannot be true (a negative amount, a share
 * over 100 %, more respondents than people asked) and citations of unknown publications. A snapshot that breaks
 * one is not published: the build stops on the first line of the report.
 */
import { DataFileError } from './csv/errors.ts';
import { readUnit } from './aggregates/key-figures.ts';
import { tables, type SnapshotTables, type TableName } from './tables.ts';

const COUNTED_UNITS = new Set(['personnes', 'défis', 'services', 'candidatures', 'articles', 'structures', 'jours']);

export function validateSnapshot(
  data: SnapshotTables,
  publicationIds: ReadonlySet<string>,
  directory = 'data/snapshot',
): DataFileError[] {
  const errors: DataFileError[] = [];
  const fail = (table: TableName, line: number, column: string, reason: string) => {
    const index = Object.keys(tables[table].columns).indexOf(column);
    errors.push(
      new DataFileError(`${directory}/${tables[table].file}`, reason, line, index >= 0 ? index + 1 : undefined, column),
    );
  };

  for (const row of data['chiffres-cles']) {
    const { unit } = readUnit(row.unite);
    const what = `${row.indicateur} (${row.promotion})`;
    if (unit === 'pourcent' && (row.valeur < 0 || row.valeur > 100)) {
      fail('chiffres-cles', row._line, 'valeur', `part impossible : ${row.valeur} % pour ${what}`);
    }
    if (COUNTED_UNITS.has(unit) && (!Number.isInteger(row.valeur) || row.valeur < 0)) {
      fail('chiffres-cles', row._line, 'valeur', `effectif impossible : ${row.valeur} ${unit} pour ${what}`);
    }
    if ((unit === 'euros' || unit === 'ans') && row.valeur < 0) {
      fail('chiffres-cles', row._line, 'valeur', `valeur négative impossible : ${row.valeur} ${unit} pour ${what}`);
    }
  }
  for (const row of data.budget) {
    if (row.montant_eur < 0) {
      fail(
        'budget',
        row._line,
        'montant_eur',
        `montant négatif impossible : ${row.montant_eur} € pour ${row.poste} (${row.promotion})`,
      );
    }
  }
  for (const row of data.enquetes) {
    if (row.repondants !== null && row.cible !== null && row.repondants > row.cible) {
      fail(
        'enquetes',
        row._line,
        'repondants',
        `plus de répondants (${row.repondants}) que de personnes interrogées (${row.cible}) pour ${row.indicateur}`,
      );
    }
    if (row.repondants === 0) {
      fail(
        'enquetes',
        row._line,
        'repondants',
        `aucun répondant : un pourcentage ne peut pas être publié pour ${row.indicateur}`,
      );
    }
  }
  for (const name of Object.keys(data) as TableName[]) {
    for (const row of data[name] as readonly { _line: number; source: string }[]) {
      if (!publicationIds.has(row.source)) {
        fail(name, row._line, 'source', `publication « ${row.source} » inconnue (absente de data/publications.csv)`);
      }
    }
  }
  return errors;
}
