/** The key-figures table (chiffres-cles.csv), indexed by promotion and indicator. */
import { published, type Figure, type Unit } from '../figures.ts';
import { byPromotion } from '../promotion-names.ts';
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

/** One published figure of the key-figures table, named by its promotion and indicator. */
export interface KeyFigure {
  promotion: string;
  indicator: string;
  figure: Figure;
}

export interface KeyFigures {
  /** The figure published for this promotion and indicator, or null when none was published. */
  get(promotion: string, indicator: string): Figure | null;
  /** Every promotion's figure for an indicator, in promotion order (the « Total » row included, last). */
  series(indicator: string): readonly KeyFigure[];
  /** Every figure, in the order of the file. */
  all: readonly KeyFigure[];
  /** Promotions named in the table, in the order of the file. */
  promotions: readonly string[];
}

/**
 * Every row read once into one figure, shared by every aggregate that shows or checks it (the programme, the
 * profiles, the quality report): on a large snapshot, copies would be most of the aggregates' memory.
 */
export function indexKeyFigures(rows: readonly KeyFigureRow[]): KeyFigures {
  const all = rows.map<KeyFigure>((row) => {
    const { unit, qualifier, note } = readUnit(row.unite);
    return {
      promotion: row.promotion,
      indicator: row.indicateur,
      figure: published('chiffres-cles', row, row.valeur, unit, { qualifier, note }),
    };
  });
  const byIndicator = new Map<string, KeyFigure[]>();
  for (const entry of all) {
    const list = byIndicator.get(entry.indicator);
    if (list) list.push(entry);
    else byIndicator.set(entry.indicator, [entry]);
  }
  const index = new Map<string, Map<string, Figure>>();
  for (const [indicator, list] of byIndicator) {
    list.sort(byPromotion((e) => e.promotion));
    index.set(indicator, new Map(list.map((e) => [e.promotion, e.figure])));
  }
  return {
    all,
    promotions: [...new Set(all.map((e) => e.promotion))],
    get: (promotion, indicator) => index.get(indicator)?.get(promotion) ?? null,
    series: (indicator) => byIndicator.get(indicator) ?? [],
  };
}
