import * as Plot from '@observablehq/plot';
import { SPENDING_LINES } from '../lib/aggregates/budget.ts';
import { formatEuros, formatNumber } from '../lib/format.ts';
import { BUDGET_LINE_LABELS, label } from '../lib/labels.ts';
import { byPromotion, isTotal, thePromotions, ofThePromotions, withYears } from '../lib/promotion-names.ts';
import { bandKey, formatMillions } from './helpers/bands.ts';
import {
  budgetColumns,
  FORECAST_STATUS,
  FORECAST_STYLE,
  forecastKeyNotes,
  isForecast,
  toBudgetRow,
  type BudgetRow,
} from './helpers/budget-rows.ts';
import { listFr, of, wrapToWidth } from '../lib/text.ts';
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
/** Words used in the line under each bar. */
const SHORT: Record<string, string> = {
  [label(BUDGET_LINE_LABELS, 'salaires')]: 'salaires',
  [label(BUDGET_LINE_LABELS, 'programme_accompagnement')]: 'accompagnement',
  [label(BUDGET_LINE_LABELS, 'communication')]: 'communication',
  [label(BUDGET_LINE_LABELS, 'liens_recherche')]: 'recherche',
};

// The total of the promotions drawn above it.
const name = (promotion: string) => (isTotal(promotion) ? 'Total publié' : promotion);
/** The promotions with lines of their own (the totals aside). */
const promotionsOf = (rows: readonly Row[]) => [...new Set(rows.map((r) => r.promotion).filter((p) => !isTotal(p)))];

const heading = (promotion: string) => bandKey(name(promotion), '');
const bar = (promotion: string) => bandKey(name(promotion), 'barre');
const detail = (promotion: string) => bandKey(name(promotion), 'détail');

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
    const parts = rows.filter((r) => LINES.includes(r.poste));
    const extras = rows.filter((r) => r.statut === SITE_STATUS);
    const totals = rows.filter((r) => r.poste === TOTAL);
    const promotions = [...new Set(rows.map((r) => r.promotion))];
    // Each promotion: its name, its stacked bar, then the amount of every line written out (the small lines are
    // only a few pixels wide next to the salaries).
    const y = (r: ChartRow<BudgetRow>) => bar(r.promotion);
    const details = promotions.map((p) => ({
      key: detail(p),
      text: [
        ...parts
          .filter((r) => r.promotion === p)
          .map((r) => {
            const subLines = extras.filter((x) => x.promotion === p && x.poste.startsWith('dont '));
            const detail =
              r.poste === label(BUDGET_LINE_LABELS, 'programme_accompagnement') && subLines.length > 0
                ? ` dont ${subLines.map((x) => `${x.poste.replace(/^dont /u, '')} ${formatEuros(x.montant)}`).join(', ')}`
                : '';
            // No-break space: a share stays with its amount when lines wrap.
            return `${SHORT[r.poste] ?? r.poste} ${formatEuros(r.montant)}${r.part !== null ? `\u00a0(${percentAsPrinted(r.part)})` : ''}${detail}`;
          }),
        ...extras
          .filter((r) => r.promotion === p && !r.poste.startsWith('dont '))
          .map(
            (r) =>
              `${r.poste.replace(' (site d’origine)', '').toLowerCase()} selon le site d’origine ${formatEuros(r.montant)}`,
          ),
      ].join(' · '),
    }));
    const tip = (r: ChartRow<BudgetRow>) =>
      `${name(r.promotion)} — ${r.poste} : ${formatEuros(r.montant)} (${r.statut})`;
    const order = { order: LINES, offset: null } as const;
    const stacked = (data: ChartRow<BudgetRow>[], extra: Record<string, unknown>) =>
      Plot.barX(data, Plot.stackX({ y, x: 'montant', fill: 'poste', title: tip, ...order, ...extra, z: 'poste' }));
    const forecastPromotions = new Set(parts.filter(isForecast).map((r) => r.promotion));
    // Each promotion: its heading, its bar, then one band per line of its written amounts (their length varies:
    // the original's sub-lines make some promotions' text three times longer than others').
    // Phone layouts wrap to the drawing's width in the widest usual font: Plot's line width, in ems, let long
    // amounts stick out of the 288 px drawing.
    const wrapped = (text: string) => wrapToWidth(text, width - 12, 11);
    const lines = (p: string) => {
      const text = details.find((d) => d.key === detail(p))?.text ?? '';
      return narrow ? wrapped(text).length : Math.ceil(text.length / 110);
    };
    const domain = promotions.flatMap((p) => [
      heading(p),
      bar(p),
      detail(p),
      ...Array.from({ length: Math.max(0, lines(p) - 1) }, (_, i) => bandKey(name(p), `suite ${i}`)),
    ]);
    return {
      height: domain.length * 15 + promotions.length * 12 + 36,
      marginLeft: 6,
      marginRight: narrow ? 84 : 200,
      marginBottom: 30,
      y: { domain, axis: null, padding: 0.1 },
      x: {
        label: narrow ? 'Millions d’euros' : 'Euros',
        labelArrow: 'none',
        ticks: narrow ? 3 : 5,
        tickFormat: (v: number) => formatNumber(narrow ? v / 1e6 : v),
      },
      color: { domain: LINES, range: palette },
      marks: [
        stacked(
          parts.filter((r) => !isForecast(r)),
          {},
        ),
        stacked(parts.filter(isForecast), { stroke: 'poste', ...FORECAST_STYLE }),
        Plot.text(totals, {
          y,
          x: 'montant',
          text: (r: ChartRow<BudgetRow>) =>
            (narrow ? formatMillions(r.montant) : formatEuros(r.montant)) +
            (forecastPromotions.has(r.promotion)
              ? ` (${FORECAST_STATUS})`
              : isTotal(r.promotion) && forecastPromotions.size > 0 && !narrow
                ? ' (dont prévisionnel)'
                : ''),
          textAnchor: 'start',
          dx: 4,
          fontSize: 11,
          title: tip,
        }),
        Plot.text(promotions, {
          y: heading,
          text: name,
          frameAnchor: 'left',
          textAnchor: 'start',
          lineAnchor: 'bottom',
          dy: 8,
          fontWeight: 'bold',
          fontSize: 12,
        }),
        Plot.text(details, {
          y: 'key',
          text: narrow ? (d: { text: string }) => wrapped(d.text).join('\n') : 'text',
          frameAnchor: 'left',
          textAnchor: 'start',
          lineAnchor: 'top',
          dy: -6,
          fontSize: 11,
          lineWidth: narrow ? Infinity : 60,
          fillOpacity: 0.85,
        }),
      ],
    };
  },
});
