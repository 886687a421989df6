/**
 * The programme's published figures, as gathered in tests/reference/ (a copy of the publications' figures,
 * kept apart from the snapshot): tests compare what the site computes and shows with these, read here with
 * csv-parse directly, not with the site's reader.
 *
 * When a fetch moves a figure, the failure must say which published figure moved: each comparison passes the
 * figure's name (`keyRef`, `budgetRef`, `rowRef`: « chiffres-cles-2019.csv: EIG 1 / eig (line 2, valeur = 11) »)
 * as the message of its `expect`.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';

export type ReferenceRow = Record<string, string>;

const cache = new Map<string, ReferenceRow[]>();

export function reference(file: string): ReferenceRow[] {
  let rows = cache.get(file);
  if (!rows) {
    rows = parse(readFileSync(new URL(`../reference/${file}`, import.meta.url)), {
      columns: true,
      bom: true,
    }) as ReferenceRow[];
    cache.set(file, rows);
  }
  // A copy of the list (callers may sort it), of the same rows (rowRef finds a row's line by identity).
  return [...rows];
}

/** « defis.csv: Hopkins / EIG 2 (line 19) »: a row of a reference file, by its position (the header is line 1). */
export function rowRef(file: string, row: ReferenceRow, key: readonly string[], column?: string): string {
  const line = cache.get(file)!.indexOf(row) + 2;
  const name = key.map((k) => row[k] ?? '').join(' / ');
  return `${file}: ${name} (line ${line}${column ? `, ${column} = ${row[column] ?? ''}` : ''})`;
}

/** The row of a reference file whose columns have these values, or an error naming what is missing. */
export function referenceRow(file: string, match: Record<string, string>): ReferenceRow {
  const row = reference(file).find((r) => Object.entries(match).every(([k, v]) => r[k] === v));
  if (!row) throw new Error(`${file}: no row ${Object.values(match).join(' / ')}`);
  return row;
}

const KEY_FIGURES = 'chiffres-cles-2019.csv';
const BUDGET = 'budget-2017-2019.csv';

/** A published figure of chiffres-cles-2019.csv, as a number. */
export function keyFigure(promotion: string, indicator: string): number {
  return Number(referenceRow(KEY_FIGURES, { promotion, indicateur: indicator }).valeur);
}

/** « chiffres-cles-2019.csv: EIG 1 / eig (line 2, valeur = 11) », or several joined by « ; ». */
export function keyRef(promotions: string | readonly string[], indicator: string): string {
  return [promotions]
    .flat()
    .map((promotion) =>
      rowRef(
        KEY_FIGURES,
        referenceRow(KEY_FIGURES, { promotion, indicateur: indicator }),
        ['promotion', 'indicateur'],
        'valeur',
      ),
    )
    .join(' ; ');
}

/** A published amount of budget-2017-2019.csv, in euros. */
export function budgetAmount(promotion: string, line: string): number {
  return Number(referenceRow(BUDGET, { promotion, poste: line }).montant_eur);
}

/** « budget-2017-2019.csv: EIG 1 / salaires (line 6, montant_eur = 756553.38) », or several joined by « ; ». */
export function budgetRef(promotions: string | readonly string[], line: string): string {
  return [promotions]
    .flat()
    .map((promotion) =>
      rowRef(BUDGET, referenceRow(BUDGET, { promotion, poste: line }), ['promotion', 'poste'], 'montant_eur'),
    )
    .join(' ; ');
}

/** `actual` is the published figure of chiffres-cles-2019.csv; a failure names it. */
export function expectKeyFigure(actual: unknown, promotion: string, indicator: string): void {
  expect(actual, keyRef(promotion, indicator)).toBe(keyFigure(promotion, indicator));
}

/** `actual` is the published amount of budget-2017-2019.csv; a failure names it. */
export function expectBudgetAmount(actual: unknown, promotion: string, line: string): void {
  expect(actual, budgetRef(promotion, line)).toBe(budgetAmount(promotion, line));
}
