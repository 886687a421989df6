/**
 * Rows of charts that mix units (euros per promotion drawn as bars, people or articles written as labelled
 * text): every row carries its unit, so the table never lets « 4 » pass for euros.
 */
import type { Aggregates } from '../../lib/aggregates/index.ts';
import type { Model } from '../../lib/model.ts';
import { isTotal, promotionWithYear } from '../../lib/promotion-names.ts';
import type { BudgetFigure } from '../../lib/aggregates/budget.ts';
import type { Figure } from '../../lib/figures.ts';
import { formatFigure } from '../../lib/format.ts';
import { BUDGET_STATUS_LABELS, INDICATOR_LABELS, label } from '../../lib/labels.ts';
import type { ChartRow, Column } from '../types.ts';

export type MixedRow = {
  /** The group a row is drawn in: its promotion with its year, or « Par an (…) » for a yearly figure. Not a
   * column: written from the model when the rows are made, drawn by the chart. */
  _groupe?: string;
  promotion: string;
  indicateur: string;
  valeur: number;
  unite: string;
  /** « réalisé », « prévisionnel », « publié » (a programme figure), « ordre de grandeur »… */
  statut: string;
  qualificatif: string | null;
  precision: string | null;
};

const UNIT_NAMES: Partial<Record<Figure['unit'], string>> = {
  euros: 'euros',
  personnes: 'personnes',
  jours: 'jours',
  articles: 'articles',
};

export function fromBudget(f: BudgetFigure, indicateur: string): ChartRow<MixedRow> {
  return {
    promotion: f.promotion,
    indicateur,
    valeur: f.figure.value,
    unite: 'euros',
    statut: label(BUDGET_STATUS_LABELS, f.status),
    qualificatif: null,
    precision: null,
    _from: f.figure.from,
  };
}

/** Every published figure of these indicators in the key-figures table, in the order given. */
export function fromKeyFigures(aggregates: Aggregates, indicators: readonly string[]): ChartRow<MixedRow>[] {
  const all = aggregates.programme.data.allFigures;
  return indicators.flatMap((indicator) =>
    all
      .filter((f) => f.indicator === indicator)
      .map((f) => ({
        promotion: f.promotion,
        indicateur: label(INDICATOR_LABELS, f.indicator),
        valeur: f.figure.value,
        unite: UNIT_NAMES[f.figure.unit] ?? f.figure.unit,
        statut: 'publié',
        qualificatif: f.figure.qualifier ?? null,
        precision: f.figure.note ?? null,
        _from: f.figure.from,
      })),
  );
}

/** Rows with their group: « EIG 1 (2017) », or « Par an (blog, mai 2019) » for a programme-wide figure. */
export function withGroups<R extends ChartRow<MixedRow>>(rows: R[], model: Model): R[] {
  return rows.map((r) => ({
    ...r,
    _groupe: isTotal(r.promotion)
      ? `Par an (${model.publications.tag(r._from[0]?.source ?? '').toLowerCase()})`
      : promotionWithYear(r.promotion, model.promotions),
  }));
}

/** The group of a row made by withGroups. */
export const groupOf = (r: MixedRow) => r._groupe ?? r.promotion;

/** « environ 50 000 € », « 4 personnes », « 2 jours ». */
export function formatMixed(row: MixedRow): string {
  const unit = (Object.entries(UNIT_NAMES).find(([, name]) => name === row.unite)?.[0] ?? 'nombre') as Figure['unit'];
  return formatFigure({ value: row.valeur, unit, qualifier: row.qualificatif }, { withUnit: true });
}

/** The data table of a mixed-unit chart: each value written with its unit, next to its status and wording. */
export const MIXED_COLUMNS: readonly Column<MixedRow>[] = [
  { key: 'promotion', label: 'Promotion', kind: 'texte' },
  { key: 'indicateur', label: 'Indicateur', kind: 'texte' },
  { key: 'valeur', label: 'Valeur', kind: 'nombre', format: formatMixed },
  { key: 'unite', label: 'Unité', kind: 'texte' },
  { key: 'statut', label: 'Statut', kind: 'texte' },
  { key: 'qualificatif', label: 'Qualificatif', kind: 'texte' },
  { key: 'precision', label: 'Précision', kind: 'texte' },
];
