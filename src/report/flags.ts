/**
 * What an update report flags « à vérifier »: moves large enough, or losses unexpected enough, that a maintainer
 * should look before publishing. The programme is over: its published figures should not move much, so any
 * large move is more likely a wrong file, a shifted column or a unit change than news.
 *
 * - a count or an amount (kind « nombre » or « euros ») that moves by more than 10 % of its old value, or
 *   leaves zero;
 * - a share (kind « pourcent ») that moves by more than 20 points;
 * - a figure that disappears (a number that becomes empty);
 * - a row removed from a table;
 * - a chart that has fewer rows than before, or can no longer be computed;
 * - a column that disappears from a table;
 * - a data-quality check that finds a problem it did not find before (./quality-changes.ts).
 */
import type { ChartDiff, FigureMove } from './chart-changes.ts';
import { formatNumber, formatPercent } from '../lib/format.ts';
import type { TableDiff } from './table-changes.ts';
import type { TableName } from '../lib/tables.ts';

export const THRESHOLDS = {
  /** Counts and amounts: relative change, as a fraction of the old value. */
  relative: 0.1,
  /** Shares: change in percentage points. */
  points: 20,
} as const;

export type Thresholds = typeof THRESHOLDS;

export type FlagKind =
  | 'chiffre'
  | 'ligne-supprimee'
  | 'graphique-lignes-perdues'
  | 'graphique-erreur'
  | 'colonne-supprimee'
  | 'qualite-cassee';

export interface Flag {
  kind: FlagKind;
  /** One line of French, naming the chart or table, the row and the values. */
  message: string;
  chart?: string;
  table?: TableName;
}

/** Why a move of a chart figure is flagged, or null. */
export function judgeMove(move: Omit<FigureMove, 'flag'>, thresholds: Thresholds = THRESHOLDS): string | null {
  if (move.before !== null && move.after === null) return 'chiffre disparu';
  if (move.before === null || move.after === null || move.change === null) return null;
  if (move.kind === 'pourcent') {
    return Math.abs(move.change) > thresholds.points
      ? `écart de plus de ${formatNumber(thresholds.points)} points`
      : null;
  }
  if (move.before === 0) return 'était nul';
  return Math.abs(move.relative!) > thresholds.relative
    ? `écart de plus de ${formatPercent(thresholds.relative * 100)}`
    : null;
}

export function flagsOf(tableDiffs: readonly TableDiff[], chartDiffs: readonly ChartDiff[]): Flag[] {
  return [...chartDiffs.flatMap(chartFlags), ...tableDiffs.flatMap(tableFlags)];
}

function chartFlags(chart: ChartDiff): Flag[] {
  const flags: Flag[] = [];
  const name = `« ${chart.title} » (${chart.slug})`;
  if (chart.error) {
    flags.push({
      kind: 'graphique-erreur',
      chart: chart.slug,
      message: `${name} : graphique impossible à calculer (${chart.error})`,
    });
  }
  for (const move of chart.moved.filter((m) => m.flag)) {
    flags.push({ kind: 'chiffre', chart: chart.slug, message: `${name} : ${describeMove(move)}, ${move.flag}` });
  }
  if (!chart.error && chart.rowsAfter < chart.rowsBefore) {
    const lost = chart.removed.map((r) => `« ${r.row} »`).join(', ');
    flags.push({
      kind: 'graphique-lignes-perdues',
      chart: chart.slug,
      message: `${name} : ${chart.rowsBefore} → ${chart.rowsAfter} lignes${lost ? ` ; disparues : ${lost}` : ''}`,
    });
  }
  return flags;
}

function tableFlags(table: TableDiff): Flag[] {
  return [
    ...table.removed.map((row): Flag => ({
      kind: 'ligne-supprimee',
      table: table.table,
      message: `${table.file} : ligne supprimée (${describeKey(row.key)} ; ligne ${row.line} de l’ancien fichier)`,
    })),
    ...table.schema.removed.map((column): Flag => ({
      kind: 'colonne-supprimee',
      table: table.table,
      message: `${table.file} : colonne « ${column} » disparue`,
    })),
  ];
}

/** « EIG 2 · Mentors — Nombre : 18 → 25 (+7, +38,9 %) » */
function describeMove(move: FigureMove): string {
  return `${move.row} — ${move.columnLabel} : ${formatMoveValue(move.before, move)} → ${formatMoveValue(move.after, move)}${
    move.change !== null ? ` (${formatChange(move)})` : ''
  }`;
}

export function formatMoveValue(value: number | null, move: Pick<FigureMove, 'kind'>): string {
  if (value === null) return '(vide)';
  if (move.kind === 'pourcent') return formatPercent(value);
  if (move.kind === 'euros') return `${formatNumber(value)}\u00a0€`;
  return formatNumber(value);
}

/** « +7, +38,9 % », « +27 points », « −1 234,5 €, −6,3 % ». */
export function formatChange(move: Pick<FigureMove, 'kind' | 'change' | 'relative'>): string {
  if (move.change === null) return '';
  if (move.kind === 'pourcent') return `${signed(move.change)} point${Math.abs(move.change) >= 2 ? 's' : ''}`;
  const absolute = move.kind === 'euros' ? `${signed(move.change)}\u00a0€` : signed(move.change);
  if (move.relative === null) return absolute;
  return `${absolute}, ${signed(move.relative * 100, 1)}\u00a0%`;
}

function signed(value: number, decimals?: number): string {
  const factor = 10 ** (decimals ?? 2);
  const rounded = Math.round(value * factor) / factor;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${formatNumber(Math.abs(rounded))}`;
}

export function describeKey(key: Record<string, string>): string {
  return Object.entries(key)
    .map(([column, value]) => `${column} = ${value}`)
    .join(', ');
}
