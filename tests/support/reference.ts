/**
 * The programme's published figures, as gathered in tests/reference/ (a copy of the publications' figures,
 * kept apart from the snapshot): tests compare what the site computes and shows with these, read here with
 * csv-parse directly, not with the site's reader.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export type ReferenceRow = Record<string, string>;

export function reference(file: string): ReferenceRow[] {
  return parse(readFileSync(new URL(`../reference/${file}`, import.meta.url)), {
    columns: true,
    bom: true,
  }) as ReferenceRow[];
}

/** A published figure of chiffres-cles-2019.csv, as a number. */
export function keyFigure(promotion: string, indicator: string): number {
  const row = reference('chiffres-cles-2019.csv').find((r) => r.promotion === promotion && r.indicateur === indicator);
  if (!row) throw new Error(`aucun chiffre publié pour ${promotion} / ${indicator}`);
  return Number(row.valeur);
}

/** A published amount of budget-2017-2019.csv, in euros. */
export function budgetAmount(promotion: string, line: string): number {
  const row = reference('budget-2017-2019.csv').find((r) => r.promotion === promotion && r.poste === line);
  if (!row) throw new Error(`aucun montant publié pour ${promotion} / ${line}`);
  return Number(row.montant_eur);
}
