import * as Plot from '@observablehq/plot';
import type { KeyFigure } from '../lib/aggregates/key-figures.ts';
import type { OriginalPayer, PublishedSplit, SalaryFunding } from '../lib/aggregates/salaries.ts';
import type { Figure } from '../lib/figures.ts';
import { formatEuros, formatFigure, formatNumber, formatPercent, formatPercentRounded } from '../lib/format.ts';
import { promotionRank, thePromotions } from '../lib/promotion-names.ts';
import { listFr, of, plural } from '../lib/text.ts';
import { joinParts, partText, stackList, type StackBar } from './helpers/stack-list.ts';
import { percentAsPrinted } from './helpers/original.ts';
import { defineChart, type ChartContext, type ChartRow, type PlotContext } from './types.ts';

type Row = {
  promotion: string;
  financeur: string;
  /** Percent of the salaries. */
  part: number;
  /** Euros, where the original site gives the amount. */
  montant: number | null;
  /** Défis funded this way, where the original site gives them. */
  defis: number | null;
  nature: string;
  precision: string | null;
  /** A sum of the post's shares that is not 100 % (the model says so; not a column). */
  sumIsOff: boolean;
};
type SalaryRow = ChartRow<Row>;

const PIA = 'PIA';
const ADMINISTRATIONS = 'Administrations';
const SUM = 'Somme des deux parts';
const RULE = 'Cofinancement minimum des administrations';
const ORIGINAL_NATURE = 'site d’origine';
/** The post's two shares, by indicator. */
const POST_PAYERS: Record<string, string> = {
  part_pia_dans_salaires: PIA,
  part_administrations_dans_salaires: ADMINISTRATIONS,
};
/** The original site's payers; its PIA is named as the post's, so that both bars give the PIA one colour. */
const ORIGINAL_PAYERS: Record<OriginalPayer, string> = {
  pia: PIA,
  cofinanced: 'Administrations en cofinancement',
  selfFunded: 'Défis autofinancés',
};
const ORIGINAL_SERIES = Object.values(ORIGINAL_PAYERS);
/** Stacked from the left like the post's bar: the administrations' parts first, then the PIA. */
const ORIGINAL_STACK = [...ORIGINAL_SERIES].reverse();
/** Stacked from the left: the administrations' share first, so the co-financing minimum reads on the same scale. */
const POST_STACK = [ADMINISTRATIONS, PIA];

const isOriginal = (r: Row) => r.nature === ORIGINAL_NATURE;
/** A share of the May 2019 post. */
const isPost = (r: Row) => r.nature === 'publié' && (r.financeur === PIA || r.financeur === ADMINISTRATIONS);
const funding = ({ aggregates }: ChartContext): SalaryFunding => aggregates.budget.data.salaryFunding;
const shareText = (r: Row) => (isOriginal(r) ? percentAsPrinted(r.part) : formatPercent(r.part));

const row = (
  fields: Pick<Row, 'promotion' | 'financeur' | 'part' | 'nature'> & Partial<Row>,
  from: SalaryRow['_from'],
) => ({ montant: null, defis: null, precision: null, sumIsOff: false, ...fields, _from: from }) as SalaryRow;

function rows(ctx: ChartContext): SalaryRow[] {
  const { published, rules, original } = funding(ctx);
  const list: SalaryRow[] = [
    ...published.flatMap(({ promotion, shares, sum, sumIsOff }) => [
      ...shares.map((s) =>
        row(
          { promotion, financeur: POST_PAYERS[s.indicator] ?? s.indicator, part: s.figure.value, nature: 'publié' },
          s.figure.from,
        ),
      ),
      ...(sum ? [row({ promotion, financeur: SUM, part: sum.value, nature: 'calculé', sumIsOff }, sum.from)] : []),
    ]),
    ...rules.map((f) =>
      row(
        {
          promotion: f.promotion,
          financeur: RULE,
          part: f.figure.value,
          nature: 'règle du programme',
          precision: f.figure.note ?? null,
        },
        f.figure.from,
      ),
    ),
    ...original.map((s) =>
      row(
        {
          promotion: s.promotion,
          financeur: ORIGINAL_PAYERS[s.payer],
          part: s.share.value,
          montant: s.amount?.value ?? null,
          defis: s.defis?.value ?? null,
          nature: ORIGINAL_NATURE,
        },
        [...s.share.from, ...(s.amount?.from ?? []), ...(s.defis?.from ?? [])],
      ),
    ),
  ];
  // Stable: within a promotion, the original's three payers, then the May 2019 post's shares and the rule.
  const rank = (r: Row) => (isOriginal(r) ? 0 : 1);
  return list.sort((a, b) => promotionRank(a.promotion) - promotionRank(b.promotion) || rank(a) - rank(b));
}

function reading(_rows: readonly Row[], ctx: ChartContext): string {
  const shift = funding(ctx).originalShift;
  if (!shift) return postReading(ctx);
  const { first, last, lastOthers } = shift;
  const others = lastOthers.map(
    (s) => `les ${ORIGINAL_PAYERS[s.payer].toLowerCase()} en paient ${percentAsPrinted(s.share.value)}`,
  );
  return `La part des salaires des EIG payée par le PIA passe de ${percentAsPrinted(first.share.value)} (${first.promotion}) à ${percentAsPrinted(last.share.value)} (${last.promotion}), où ${listFr(others)}.`;
}

/** Without the original site's two-decimal shares, the May 2019 post's. */
function postReading(ctx: ChartContext): string {
  const shift = funding(ctx).postShift;
  if (!shift) return 'Les parts des salaires payées par le PIA ne sont pas publiées pour deux promotions.';
  const { pia, administrations: adm } = shift;
  return `La part des salaires des EIG payée par le PIA passe de ${formatPercent(pia.first.figure.value)} (${pia.first.promotion}) à ${formatPercent(pia.last.figure.value)} (${pia.last.promotion}) ; celle des administrations de ${formatPercent(adm.first.figure.value)} à ${formatPercent(adm.last.figure.value)}.`;
}

/** The promotions whose published shares do not make 100 %, with their sum. */
const oddSums = (ctx: ChartContext) =>
  funding(ctx).published.flatMap((p) => (p.sumIsOff && p.sum ? [{ ...p, sum: p.sum }] : []));

function keyNotes(_rows: readonly Row[], ctx: ChartContext): string[] {
  return [
    ...oddSums(ctx).map(
      ({ promotion, sum }) =>
        `${promotion} : les parts publiées font ${formatPercent(sum.value)}, pas ${formatPercent(100)}.`,
    ),
    ...funding(ctx).unpublished.map((p) => `${p} : répartition non publiée (pas de barre).`),
  ];
}

function oddSumNote({ promotion, shares, sum }: PublishedSplit & { sum: Figure }): string {
  const parts = shares.map(
    (s) => `${POST_PAYERS[s.indicator] === PIA ? 'PIA' : 'administrations'} ${formatPercent(s.figure.value)}`,
  );
  return `${promotion} : les deux parts publiées (${parts.join(', ')}) font ${formatPercent(sum.value)}, pas ${formatPercent(100)} ; le billet de mai 2019 ne dit pas d’où vient l’écart, sans doute des arrondis. La barre s’arrête donc à ${formatPercent(sum.value)}.`;
}

/** What each publication gives, said only of the publications the chart shows. */
function publicationNotes(ctx: ChartContext): string[] {
  const { published, original, onlyOriginal } = funding(ctx);
  const fromOriginal = original.length > 0;
  return [
    ...(fromOriginal
      ? [
          'Site d’origine data.eig-forever.org (mai 2019) : parts à deux décimales, montants en euros et nombre de défis de chaque mode de financement (défis totalement financés par le PIA, cofinancés, autofinancés).' +
            (onlyOriginal.length > 0
              ? ` Le billet de mai 2019 ne publie pas la répartition ${of(listFr(onlyOriginal))} ; seul le site d’origine la donne.`
              : ''),
        ]
      : []),
    ...(published.length > 0
      ? [
          'Billet de mai 2019 : parts arrondies au pourcent ; celle des administrations réunit, selon le billet, « auto-financement et co-financement des défis »' +
            (fromOriginal ? ', soit les deux parts du site d’origine autres que le PIA.' : '.'),
        ]
      : []),
  ];
}

function ruleNote({ promotion, figure }: KeyFigure): string {
  return `La règle « au moins ${formatPercent(figure.value)} ${figure.note ?? ''} à la charge de l’administration d’accueil » vient de la documentation du programme (2020), qui la rattache à ${promotion} ; elle est marquée en pointillé sur la barre du billet de cette promotion.`.replace(
    '  ',
    ' ',
  );
}

function notes(_rows: readonly Row[], ctx: ChartContext): string[] {
  const { unpublished, averageCost: cost, rules } = funding(ctx);
  const rule = rules[0];
  return [
    ...oddSums(ctx).map(oddSumNote),
    ...(unpublished.length > 0
      ? [`La répartition n’a pas été publiée pour ${unpublished.join(', ')} : elle n’est pas estimée ici.`]
      : []),
    ...publicationNotes(ctx),
    ...(rule ? [ruleNote(rule)] : []),
    ...(cost
      ? [
          `Pour situer les montants : la même documentation estime le coût employeur moyen d’un EIG de la ${cost.promotion.replace('EIG ', 'promotion ')} à ${formatFigure(cost.figure)}${cost.figure.note ? ` (${cost.figure.note})` : ''}.`,
        ]
      : []),
  ];
}

// The drawing: per promotion, a heading, then for each publication that gives its split a stacked bar followed by
// the split in the legend's words.
const FONT_SIZE = 11;

const tip = (r: Row) =>
  `${r.promotion} — ${r.financeur} : ${shareText(r)}` +
  (r.montant !== null ? `, ${formatEuros(r.montant)}` : '') +
  (r.defis !== null ? `, ${formatNumber(r.defis)} défis` : '') +
  ` (${isOriginal(r) ? 'site d’origine' : 'billet de mai 2019'})`;

/** A split's parts in the order its bar stacks them, left to right: the words follow the drawing. */
const inStack = (parts: readonly Row[], order: readonly string[]) =>
  [...parts].sort((x, y) => order.indexOf(x.financeur) - order.indexOf(y.financeur));

/** The original site's split of a promotion in words, in whole percents (a promotion is a few dozen salaries). */
function originalLabel(rows: readonly Row[], p: string): string {
  return `Site d’origine : ${joinParts(
    inStack(
      rows.filter((r) => isOriginal(r) && r.promotion === p),
      ORIGINAL_STACK,
    ).map((r) =>
      partText(
        r.financeur,
        formatPercentRounded(r.part) +
          (r.defis !== null ? ` (${formatNumber(r.defis)} ${plural(r.defis, 'défi')})` : ''),
      ),
    ),
  )}`;
}

/** The post's split of a promotion in words, with the co-financing minimum its bar marks. */
function postLabel(rows: readonly Row[], p: string): string {
  const rule = rows.find((r) => r.financeur === RULE && r.promotion === p);
  return (
    `Billet de mai 2019 : ${joinParts(
      inStack(
        rows.filter((r) => isPost(r) && r.promotion === p),
        POST_STACK,
      ).map((r) => partText(r.financeur === PIA ? PIA : 'administrations', formatPercent(r.part))),
    )}` + (rule ? ` ; en pointillé, le minimum des administrations : ${formatPercent(rule.part)}` : '')
  );
}

/** A promotion's bars: the original site's split, then the post's, each when given. */
function promotionBars(rows: readonly SalaryRow[], p: string, narrow: boolean): StackBar<SalaryRow>[] {
  const ordered = (test: (r: Row) => boolean, order: readonly string[]) =>
    order.flatMap((payer) => rows.filter((r) => test(r) && r.promotion === p && r.financeur === payer));
  const sum = rows.find((r) => r.financeur === SUM && r.promotion === p);
  const after = sum ? `= ${formatPercent(sum.part)}${narrow ? '' : ' (somme calculée)'}` : undefined;
  const original = ordered(isOriginal, ORIGINAL_STACK);
  const post = ordered(isPost, POST_STACK);
  return [
    ...(original.length > 0 ? [{ parts: original, below: originalLabel(rows, p) }] : []),
    ...(post.length > 0 ? [{ parts: post, after, below: postLabel(rows, p) }] : []),
  ];
}

type Stack = ReturnType<typeof stackList<SalaryRow>>;
type Part = Stack['parts'][number];

/** What is written after the bars; a sum that is not 100 % is the point to see: in bold. */
function afterMarks(list: Stack, rows: readonly Row[]) {
  const oddSums = new Set(rows.filter((r) => r.sumIsOff).map((r) => r.promotion));
  const text = (afters: Stack['afters'], bold: boolean) =>
    Plot.text(afters, {
      x: 'x',
      y: 'y',
      text: 'text',
      textAnchor: 'start',
      dx: 4,
      fontSize: FONT_SIZE,
      ...(bold ? { fontWeight: 'bold' } : {}),
    });
  return [
    text(
      list.afters.filter((a) => oddSums.has(a.key)),
      true,
    ),
    text(
      list.afters.filter((a) => !oddSums.has(a.key)),
      false,
    ),
  ];
}

/** The co-financing minimum, dashed across the post's bar of its promotion. */
function ruleMarks(list: Stack, rows: readonly Row[]) {
  const postBars = new Map(list.parts.filter((d) => isPost(d.row)).map((d) => [d.row.promotion, d]));
  const rules = rows.filter((r) => r.financeur === RULE && postBars.has(r.promotion));
  return Plot.ruleX(rules, {
    x: 'part',
    y1: (r: Row) => postBars.get(r.promotion)!.y1 - 3,
    y2: (r: Row) => postBars.get(r.promotion)!.y2 + 3,
    strokeDasharray: '3,2',
    strokeWidth: 2,
  });
}

function plot(rows: SalaryRow[], { narrow, width, palette }: PlotContext) {
  const promotions = [...new Set(rows.filter((r) => isOriginal(r) || isPost(r)).map((r) => r.promotion))].sort(
    (a, b) => promotionRank(a) - promotionRank(b),
  );
  const list = stackList(
    promotions.map((p) => ({ heading: p, bars: promotionBars(rows, p, narrow) })),
    { narrow, width, value: (r) => r.part },
  );
  // The legend in the drawing's order: the administrations' parts on the left of every bar, the PIA's on the right.
  const series = [...ORIGINAL_STACK.slice(0, -1), ...POST_STACK];
  return {
    ...list.options,
    x: { domain: [0, 100], label: 'Part des salaires (%)', labelArrow: 'none' as const, ticks: narrow ? 5 : 10 },
    color: { domain: series, range: palette },
    marks: [
      ...list.marks.slice(0, 2),
      ...afterMarks(list, rows),
      ...list.marks.slice(3),
      Plot.rectX(list.parts, {
        x1: 'x1',
        x2: 'x2',
        y1: 'y1',
        y2: 'y2',
        fill: (d: Part) => d.row.financeur,
        insetLeft: 0.5,
        title: (d: Part) => tip(d.row),
      }),
      ruleMarks(list, rows),
    ],
  };
}

export default defineChart({
  slug: 'salaires',
  title: 'Qui paie les salaires des EIG : le PIA ou les administrations ?',
  theme: 'financement',
  order: 3,
  // The original's first versions showed one pie per year of these shares at #eig2017, #eig2018 and #eig2019.
  legacyAnchors: ['eig2017', 'eig2018', 'eig2019'],
  description: (rows: SalaryRow[]) =>
    `Part des salaires des EIG payée par le Programme d’investissements d’avenir (PIA), par les administrations en cofinancement et par les défis autofinancés, avec les montants et le nombre de défis de chaque mode, pour ${thePromotions(rows.map((r) => r.promotion))} ; les parts arrondies du billet de mai 2019 et la règle de cofinancement du programme.`,
  rows,
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'financeur', label: 'Part des salaires', kind: 'texte' },
    {
      key: 'part',
      label: 'Pourcentage',
      kind: 'pourcent',
      format: (r) => (r.financeur === RULE ? `au moins ${formatPercent(r.part)}` : shareText(r)),
    },
    { key: 'montant', label: 'Euros', kind: 'euros' },
    { key: 'defis', label: 'Défis financés ainsi', kind: 'nombre' },
    { key: 'nature', label: 'Nature', kind: 'texte' },
    { key: 'precision', label: 'Précision', kind: 'texte' },
  ],
  reading,
  keyNotes,
  notes,
  plot,
});
