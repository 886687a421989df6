/**
 * Rules a snapshot must obey beyond each cell's type: values that cannot be true (a negative amount, a share
 * over 100 %, more respondents than people asked, a map point outside France), a normalised promotion that
 * says something else than the wording beside it, and citations of unknown publications. A snapshot that breaks
 * one is not published: the build stops on the first line of the report.
 */
import { DataFileError } from './csv/errors.ts';
import { readUnit } from './aggregates/key-figures.ts';
import { inMetropolitanFrance, METROPOLITAN_FRANCE } from './geo/bounds.ts';
import { promotionFromWebsite } from './promotion-names.ts';
import { tables, type SnapshotTables, type TableName } from './tables.ts';

const COUNTED_UNITS = new Set(['personnes', 'défis', 'services', 'candidatures', 'articles', 'structures', 'jours']);
/** Units of the original site's figures that are not counts: every other one counts people, défis, articles… */
const ORIGINAL_SITE_MEASURES = new Set(['pourcent', 'euros', 'ans']);
const frenchDecimal = (n: number) => String(n).replace('.', ',');

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
  for (const row of data['eig-forever-2019']) {
    // Empty where the original wrote a figure it could not know yet: nothing to check.
    if (row.valeur === null) continue;
    const what = `${row.indicateur} (${row.promotion})`;
    if (row.unite === 'pourcent' && (row.valeur < 0 || row.valeur > 100)) {
      fail('eig-forever-2019', row._line, 'valeur', `part impossible : ${row.valeur} % pour ${what}`);
    } else if (ORIGINAL_SITE_MEASURES.has(row.unite) && row.valeur < 0) {
      fail(
        'eig-forever-2019',
        row._line,
        'valeur',
        `valeur négative impossible : ${row.valeur} ${row.unite} pour ${what}`,
      );
    } else if (!ORIGINAL_SITE_MEASURES.has(row.unite) && (!Number.isInteger(row.valeur) || row.valeur < 0)) {
      fail('eig-forever-2019', row._line, 'valeur', `effectif impossible : ${row.valeur} ${row.unite} pour ${what}`);
    }
  }
  const box = METROPOLITAN_FRANCE;
  for (const row of data['carte-2019']) {
    if (inMetropolitanFrance(row.latitude, row.longitude)) continue;
    // The original's source named the two the wrong way round: say so when swapping them would fit.
    const swapped = inMetropolitanFrance(row.longitude, row.latitude) ? ' (latitude et longitude inversées ?)' : '';
    const [column, value, range] =
      row.latitude < box.south || row.latitude > box.north
        ? (['latitude', row.latitude, [box.south, box.north]] as const)
        : (['longitude', row.longitude, [box.west, box.east]] as const);
    fail(
      'carte-2019',
      row._line,
      column,
      `${column} ${frenchDecimal(value)} hors de la France métropolitaine (attendue entre ${frenchDecimal(range[0])} et ${frenchDecimal(range[1])}) pour ${row.service}${swapped}`,
    );
  }
  for (const name of ['defis-2017-2023', 'communaute-2017-2023'] as const) {
    for (const row of data[name]) {
      const wording = row.promotion_source ?? '';
      const meant = wording === '' ? null : promotionFromWebsite(wording);
      // A wording this code does not know yet was normalised by hand: nothing to compare it with.
      if (wording !== '' && meant === null) continue;
      if (meant !== row.promotion) {
        const given = row.promotion === null ? 'promotion vide' : `promotion « ${row.promotion} »`;
        const said = meant === null ? 'le site n’en donne aucune' : `le site écrit « ${wording} » (soit « ${meant} »)`;
        fail(name, row._line, 'promotion', `${given} alors que ${said}`);
      }
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
