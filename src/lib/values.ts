/**
 * How the site writes a value: the one vocabulary shared by chart columns, the JSON files, the update report and
 * the history. (How a CSV cell is read is the reader's column type, src/lib/csv/schema.ts; what a figure counts
 * is its unit, src/lib/figures.ts.)
 */
import { formatEuros, formatNumber, formatPercent } from './format.ts';

export const VALUE_KINDS = ['texte', 'nombre', 'euros', 'pourcent', 'annee'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/** A cell as a table shows it: « 800 000 € », « 56 % », « 2019 », « 1 234 »; « — » when missing. */
export function formatKind(value: unknown, kind: ValueKind): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value !== 'number') return String(value);
  switch (kind) {
    case 'euros':
      return formatEuros(value);
    case 'pourcent':
      return formatPercent(value);
    case 'annee':
      return String(value);
    default:
      return formatNumber(value);
  }
}
