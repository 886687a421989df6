import * as Plot from '@observablehq/plot';
import { SPENDING_LINES } from '../lib/aggregates/budget.ts';
import { formatEuros, formatEurosRounded, formatNumber, formatPercentRounded } from '../lib/format.ts';
import { BUDGET_LINE_LABELS, label } from '../lib/labels.ts';
import { byPromotion, isTotal, thePromotions, ofThePromotions, withYears } from '../lib/promotion-names.ts';
import {
  budgetColumns,
  FORECAST_STATUS,
  FORECAST_STYLE,
  forecastKeyNotes,
  isForecast,
  toBudgetRow,
  type BudgetRow,
} from './helpers/budget-rows.ts';
import { listFr, of } from '../lib/text.ts';
import { joinParts, partText, stackList } from './helpers/stack-list.ts';
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import { mergedRefs, percentAsPrinted, sameAs } from './helpers/original.ts';
import { defineChart, type ChartContext, type ChartRow, type Column } from './types.ts';

/** The original site's amount and share for each of the report's lines. */
const ORIGINAL_OF: Record<string, { amount: string; share: string | null }> = {
  salaires: { amount: ORIGINAL.salariesTotal, share: ORIGINAL.shareSalaries },
  programme_accompagnement: { amount: ORIGINAL.accompanimentTotal, share: ORIGINAL.shareAccompaniment },
  communication: { amount: ORIGINAL.communicationTotal, share: ORIGINAL.shareCommunication },
  liens_recherche: { amount: ORIGINAL.researchTotal, share: ORIGINAL.shareResearch },
  budget_total: { amount: ORIGINAL.programmeTotal, share: null },
};
/** The original's sub-lines of the accompaniment programme, and the lines it prints twice. */
const SUB_LINES = [
  { name: ORIGINAL.mentoring, poste: 'dont accompagnement et mentoring' },
  { name: ORIGINAL.technical, poste: 'dont environnement technique' },
  { name: ORIGINAL.thirdPlace, poste: 'dont hébergement par un tiers-lieu' },
  { name: ORIGINAL.development, poste: 'dont développement et amélioration' },
];
const DUPLICATES: Record<string, string> = {
  communication: ORIGINAL.communication,
  liens_recherche: ORIGINAL.research,
};
const SITE_STATUS = 'site d’origine';
const ORIGINAL_TOTAL = 'Coût total du programme (site d’origine)';

type Row = BudgetRow & {
  /** The line's share of the programme's cost, as the original site printed it (two decimals). */
  part: number | null;
};

const LINES = SPENDING_LINES.map((line) => label(BUDGET_LINE_LABELS, line));
const TOTAL = label(BUDGET_LINE_LABELS, 'budget_total');

// The total of the promotions drawn above it.
const name = (promotion: string) => (isTotal(promotion) ? 'Total publié' : promotion);
/** The promotions with lines of their own (the totals aside). */
const promotionsOf = (rows: readonly Row[]) => [...new Set(rows.map((r) => r.promotion).filter((p) => !isTotal(p)))];

export default defineChart({
  slug: 'depenses',
  title: 'Dépenses du programme par poste et par promotion',
  story: 'cout',
  theme: 'financement',
  order: 2,
  description: (rows: ChartRow<Row>[], { promotions }: ChartContext) =>
    `Salaires des EIG, programme d’accompagnement, communication et liens avec la recherche : les postes de dépenses ${withYears(ofThePromotions(promotionsOf(rows)), promotionsOf(rows), promotions)}, et leurs totaux publiés.`,
  legacyAnchors: ['depenses'],
  rows: ({ aggregates }) => {
    const original = aggregates.origine.data.figures;
    const { lines, totals, grandTotals } = aggregates.budget.data;
    const shown = [...SPENDING_LINES, 'budget_total'] as string[];
    const promotionRows = lines.filter((l) => shown.includes(l.line));
    const totalRows = shown.flatMap((line) => {
      const printed =
        line === 'budget_total' ? grandTotals.spending : totals.find((t) => t.indicator === line)?.printed;
      return printed ? [{ promotion: 'Total', line, status: 'publie', figure: printed }] : [];
    });
    const promotionOrder = byPromotion((f: { promotion: string }) => f.promotion);
    const byLine = (a: { line: string }, b: { line: string }) => shown.indexOf(a.line) - shown.indexOf(b.line);
    const sorted = [...promotionRows, ...totalRows].sort((a, b) => promotionOrder(a, b) || byLine(a, b));
    const rows: ChartRow<Row>[] = [];
    for (const line of sorted) {
      const row = toBudgetRow(line);
      const mine = ORIGINAL_OF[line.line];
      const amount = mine ? original.get(mine.amount, line.promotion) : null;
      const same = sameAs(amount, line.figure.value);
      const duplicate = DUPLICATES[line.line]
        ? sameAs(original.get(DUPLICATES[line.line]!, line.promotion), line.figure.value)
        : null;
      const share = mine?.share ? original.value(mine.share, line.promotion) : null;
      // The original site prints the same amounts (and, for two lines, prints them twice) and each line's share.
      rows.push({
        ...row,
        part: share?.value ?? null,
        _from: mergedRefs(row._from, same?.from ?? [], duplicate?.from ?? [], share?.from ?? []),
      });
      if (amount?.figure && !same)
        rows.push({
          promotion: line.promotion,
          poste: line.line === 'budget_total' ? ORIGINAL_TOTAL : `${row.poste} (site d’origine)`,
          montant: amount.figure.value,
          statut: SITE_STATUS,
          part: null,
          _from: amount.figure.from,
        });
      if (line.line === 'programme_accompagnement') {
        for (const sub of SUB_LINES) {
          const figure = original.value(sub.name, line.promotion);
          if (figure)
            rows.push({
              promotion: line.promotion,
              poste: sub.poste,
              montant: figure.value,
              statut: SITE_STATUS,
              part: null,
              _from: figure.from,
            });
        }
      }
    }
    return rows;
  },
  columns: [
    ...(budgetColumns('Poste') as Column<Row>[]),
    {
      key: 'part',
      label: 'Part du coût total (site d’origine)',
      kind: 'pourcent',
      format: (r: Row) => (r.part === null ? '' : percentAsPrinted(r.part)),
    },
  ],
  reading: (rows) => {
    const salaries = rows.find((r) => isTotal(r.promotion) && r.poste === LINES[0]);
    const total = rows.find((r) => isTotal(r.promotion) && r.poste === TOTAL);
    if (!salaries || !total) return 'Les totaux des dépenses ne sont pas publiés.';
    return `Les salaires des EIG sont de loin le premier poste : ${formatEuros(salaries.montant)} sur ${formatEuros(total.montant)} de dépenses publiées pour ${thePromotions(promotionsOf(rows))}.`;
  },
  keyNotes: (rows) => forecastKeyNotes(rows),
  notes: (rows, { aggregates }) => {
    const notes: string[] = [];
    const forecast = [...new Set(rows.filter((r) => isForecast(r)).map((r) => r.promotion))];
    if (forecast.length > 0) {
      notes.push(
        `Les montants ${of(listFr(forecast))} sont prévisionnels (rapport de juin 2019, chiffres arrêtés au 31 mai 2019) : barres en clair au contour pointillé. Les totaux publiés les incluent.`,
      );
    }
    const grand = aggregates.budget.data.totals.find((t) => t.indicator === 'budget_total');
    const exactGrandTotal =
      grand?.difference === 0
        ? ` ; le total général publié des dépenses (${formatEuros(grand.printed.value)}), lui, est la somme exacte, au centime, des promotions`
        : '';
    for (const check of aggregates.budget.data.totals) {
      if (check.difference === 0) continue;
      const line = label(BUDGET_LINE_LABELS, check.indicator);
      notes.push(
        Math.abs(check.difference) < 1
          ? `Le total publié du poste « ${line} », ${formatEuros(check.printed.value)}, est la somme des promotions (${formatEuros(check.computed.value)}) arrondie à l’euro${exactGrandTotal}.`
          : `Le total publié du poste « ${line} », ${formatEuros(check.printed.value)}, ne correspond pas à la somme des promotions (${formatEuros(check.computed.value)}).`,
      );
    }
    notes.push(
      'Parts du coût total et détail de l’accompagnement (mentoring, environnement technique, tiers-lieu, développement) : site d’origine data.eig-forever.org (mai 2019), qui imprime les mêmes montants que le rapport pour les quatre postes.',
    );
    for (const d of rows.filter((r) => r.poste === ORIGINAL_TOTAL)) {
      const sum = rows.find((r) => r.promotion === d.promotion && r.poste === TOTAL);
      notes.push(
        `${d.promotion} : le site d’origine imprime un coût total de ${formatEuros(d.montant)}, mais ses parts de l’année sont calculées sur ${sum ? formatEuros(sum.montant) : 'la somme de ses postes'}, la somme de ses postes et le total du rapport.`,
      );
    }
    notes.push(
      'Les postes les plus petits sont à peine visibles à côté des salaires : leurs montants sont écrits sous chaque barre et dans le tableau.',
    );
    return notes;
  },
  plot: (rows, { narrow, palette, width }) => {
    // Each promotion: its stacked bar and total, then every line in the legend's words with its amount at the
    // precision a drawing is read at (the table and the tooltips keep the cents): the small lines, only a few
    // pixels wide next to the salaries, and the colours are read there.
    const parts = rows.filter((r) => LINES.includes(r.poste));
    const extras = rows.filter((r) => r.statut === SITE_STATUS);
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    const forecastPromotions = new Set(parts.filter(isForecast).map((r) => r.promotion));
    const share = (r: Row) => (r.part !== null ? ` (${formatPercentRounded(r.part)})` : '');
    const words = (p: string) => {
      const subLines = extras.filter((x) => x.promotion === p && x.poste.startsWith('dont '));
      return joinParts([
        ...parts
          .filter((r) => r.promotion === p)
          .map((r) => {
            const detail =
              r.poste === label(BUDGET_LINE_LABELS, 'programme_accompagnement') && subLines.length > 0
                ? `, ${subLines.map((x) => partText(x.poste, formatEurosRounded(x.montant))).join(', ')}`
                : '';
            return `${partText(r.poste, formatEurosRounded(r.montant) + share(r))}${detail}`;
          }),
        ...extras
          .filter((r) => r.promotion === p && !r.poste.startsWith('dont '))
          .map((r) => partText(r.poste, formatEurosRounded(r.montant))),
      ]);
    };
    const total = (p: string) => rows.find((r) => r.promotion === p && r.poste === TOTAL);
    const after = (p: string) => {
      const amount = total(p);
      if (!amount) return undefined;
      const flag = forecastPromotions.has(p)
        ? ` (${FORECAST_STATUS})`
        : isTotal(p) && forecastPromotions.size > 0
          ? ' (dont prévisionnel)'
          : '';
      return formatEurosRounded(amount.montant) + flag;
    };
    const list = stackList(
      promotions.map((p) => ({
        heading: name(p),
        bars: [
          {
            parts: LINES.flatMap((line) => parts.filter((r) => r.promotion === p && r.poste === line)),
            after: after(p),
            below: words(p),
          },
        ],
      })),
      { narrow, width, value: (r) => r.montant },
    );
    type Part = (typeof list.parts)[number];
    const tip = (d: Part) =>
      `${name(d.row.promotion)} — ${d.row.poste} : ${formatEuros(d.row.montant)} (${d.row.statut})`;
    const segment = { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: (d: Part) => d.row.poste, title: tip } as const;
    return {
      ...list.options,
      x: {
        domain: [0, list.max],
        label: 'Millions d’euros',
        labelArrow: 'none',
        ticks: narrow ? 3 : 5,
        tickFormat: (v: number) => formatNumber(v / 1e6),
      },
      color: { domain: LINES, range: palette },
      marks: [
        ...list.marks,
        Plot.rectX(
          list.parts.filter((d) => !isForecast(d.row)),
          segment,
        ),
        Plot.rectX(
          list.parts.filter((d) => isForecast(d.row)),
          { ...segment, stroke: (d: Part) => d.row.poste, ...FORECAST_STYLE },
        ),
      ],
    };
  },
});
