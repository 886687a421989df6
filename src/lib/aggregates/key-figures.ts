/** The key-figures table (chiffres-cles.csv), indexed by promotion and indicator. */
import { published, type Figure, type Unit } from '../figures.ts';
import { byPromotion } from '../promotions.ts';
import type { Row } from '../tables.ts';

type KeyFigureRow = Row<'chiffres-cles'>;

const UNITS: Record<string, Unit> = {
  personnes: 'personnes',
  defis: 'défis',
  services: 'services',
  candidatures: 'candidatures',
  pourcent: 'pourcent',
  ans: 'ans',
  jours: 'jours',
  articles: 'articles',
  structures: 'structures',
  postes: 'nombre',
  euros: 'euros',
};

/**
 * The `unite` column mixes the unit with what the publication said about it: « candidatures (environ) »,
 * « personnes (2 contractuels, 1 vacataire, 1 stagiaire) ». The first word is the unit; « environ » is a
 * qualifier; the rest is kept as a note.
 */
export function readUnit(unite: string | null): Pick<Figure, 'unit' | 'qualifier' | 'note'> {
  const text = (unite ?? '').trim();
  const match = /^(\S+)\s*(.*)$/u.exec(text);
  const unit = UNITS[match?.[1] ?? ''] ?? 'nombre';
  let rest = (match?.[2] ?? '').replace(/^\((.*)\)$/u, '$1').trim();
  let qualifier: string | null = null;
  if (/^environ$/iu.test(rest)) {
    qualifier = 'environ';
    rest = '';
  }
  return { unit, qualifier, note: rest === '' ? null : rest };
}

export interface KeyFigures {
  /** The figure published for this promotion and indicator, or null when none was published. */
  get(promotion: string, indicator: string): Figure | null;
  /** Every promotion's figure for an indicator, in promotion order (the « Total » row included, last). */
  series(indicator: string): { promotion: string; figure: Figure }[];
  rows: readonly KeyFigureRow[];
}

export function indexKeyFigures(rows: readonly KeyFigureRow[]): KeyFigures {
  const index = new Map<string, KeyFigureRow>();
  for (const row of rows) index.set(`${row.promotion}\u0000${row.indicateur}`, row);
  // Figures are values: one per row, shared by every aggregate that reads it.
  const figures = new Map<KeyFigureRow, Figure>();
  const toFigure = (row: KeyFigureRow) => {
    let figure = figures.get(row);
    if (!figure) {
      const unit = readUnit(row.unite);
      figure = published('chiffres-cles', row, row.valeur, unit.unit, unit);
      figures.set(row, figure);
    }
    return figure;
  };
  return {
    rows,
    get(promotion, indicator) {
      const row = index.get(`${promotion}\u0000${indicator}`);
      return row ? toFigure(row) : null;
    },
    series(indicator) {
      return rows
        .filter((r) => r.indicateur === indicator)
        .sort(byPromotion((r) => r.promotion))
        .map((r) => ({ promotion: r.promotion, figure: toFigure(r) }));
    },
  };
}
