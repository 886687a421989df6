import * as Plot from '@observablehq/plot';
import { formatEuros, formatEurosRounded, formatNumber } from '../lib/format.ts';
import { BUDGET_LINE_LABELS, label } from '../lib/labels.ts';
import { isTotal, ofThePromotions, withYears } from '../lib/promotion-names.ts';
import { groupsOf } from './helpers/bands.ts';
import { barList, barListFrame } from './helpers/bar-list.ts';
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
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import { mergedRefs, sameAs } from './helpers/original.ts';
import { defineChart, type ChartContext, type ChartRow } from './types.ts';

const ENVELOPE = label(BUDGET_LINE_LABELS, 'enveloppe_pia');
const SPENDING = label(BUDGET_LINE_LABELS, 'budget_total');
const PIA_SALARIES = 'Salaires payés par le PIA';
const ORIGINAL_TOTAL = 'Coût total du programme (site d’origine)';
/** The report's lines and the original site's indicator printing the same amount. */
const ORIGINAL_OF: Record<string, string> = {
  enveloppe_pia: ORIGINAL.envelope,
  salaires: ORIGINAL.salariesTotal,
  budget_total: ORIGINAL.programmeTotal,
};
const SITE_STATUS = 'site d’origine';

const heading = (promotion: string) => (isTotal(promotion) ? 'Total publié' : promotion);

export default defineChart({
  slug: 'financement',
  title: 'Enveloppe du PIA et dépenses du programme, par promotion',
  theme: 'financement',
  order: 1,
  description: (rows: ChartRow<BudgetRow>[], { promotions }: ChartContext) => {
    const shown = [...new Set(rows.map((r) => r.promotion).filter((p) => !isTotal(p)))];
    const forecast = [
      ...new Set(
        rows.filter((r) => isForecast(r) && r.poste === SPENDING && !isTotal(r.promotion)).map((r) => r.promotion),
      ),
    ];
    return (
      `Montant alloué au programme par le Programme d’investissements d’avenir (PIA) et dépenses totales ${withYears(ofThePromotions(shown), shown, promotions)}` +
      (forecast.length > 0 ? ` ; les dépenses ${ofThePromotions(forecast)} sont prévisionnelles.` : '.')
    );
  },
  legacyAnchors: ['financement'],
  rows: ({ aggregates }) => {
    const original = aggregates.origine.data.figures;
    const lines = aggregates.budget.data.lines.filter(
      (l) => l.line === 'enveloppe_pia' || l.line === 'salaires' || l.line === 'budget_total',
    );
    const { envelope, spending } = aggregates.budget.data.grandTotals;
    const totals = [
      envelope && { promotion: 'Total', line: 'enveloppe_pia', status: 'alloue', figure: envelope },
      spending && { promotion: 'Total', line: 'budget_total', status: 'publie', figure: spending },
    ].filter((t) => t !== null);
    const rows: ChartRow<BudgetRow>[] = [];
    for (const line of lines) {
      const row = toBudgetRow(line);
      // The original site prints the same amount: the row cites it too; a different one is its own bar.
      const mine = original.get(ORIGINAL_OF[line.line] ?? '', line.promotion);
      const same = sameAs(mine, line.figure.value);
      rows.push({ ...row, _from: mergedRefs(row._from, same?.from ?? []) });
      if (line.line === 'salaires') {
        const pia = original.value(ORIGINAL.salariesPia, line.promotion);
        if (pia)
          rows.push({
            promotion: line.promotion,
            poste: PIA_SALARIES,
            montant: pia.value,
            statut: SITE_STATUS,
            _from: pia.from,
          });
      }
      if (mine?.figure && !same)
        rows.push({
          promotion: line.promotion,
          poste: line.line === 'budget_total' ? ORIGINAL_TOTAL : `${row.poste} (site d’origine)`,
          montant: mine.figure.value,
          statut: SITE_STATUS,
          _from: mine.figure.from,
        });
    }
    return [...rows, ...totals.map(toBudgetRow)];
  },
  columns: budgetColumns('Montant'),
  reading: (rows) => {
    const total = (poste: string) => rows.find((r) => isTotal(r.promotion) && r.poste === poste);
    const envelope = total(ENVELOPE);
    const spending = total(SPENDING);
    if (!envelope || !spending) return 'Les totaux de l’enveloppe et des dépenses ne sont pas publiés.';
    const promotions = rows.filter((r) => !isTotal(r.promotion) && r.poste === SPENDING);
    const span = promotions.length > 1 ? ` ${ofThePromotions(promotions.map((r) => r.promotion))}` : '';
    const comparison = spending.montant > envelope.montant ? 'dépassent' : 'restent sous';
    return `Les dépenses${span} (${formatEuros(spending.montant)} au total publié) ${comparison} l’enveloppe de ${formatEuros(envelope.montant)} allouée par le PIA.`;
  },
  keyNotes: (rows) => forecastKeyNotes(rows),
  notes: (rows) => {
    const notes: string[] = [];
    const forecasts = rows.filter((r) => isForecast(r) && !isTotal(r.promotion));
    if (forecasts.length > 0) {
      const promotions = listFr([...new Set(forecasts.map((r) => r.promotion))]);
      notes.push(
        `Les dépenses ${of(promotions)} sont prévisionnelles (rapport de juin 2019, chiffres arrêtés au 31 mai 2019, promotion en cours) : elles sont dessinées en clair avec un contour pointillé et le total publié des dépenses les inclut.`,
      );
    }
    const differing = rows.filter((r) => r.poste === ORIGINAL_TOTAL);
    for (const d of differing) {
      const report = rows.find((r) => r.promotion === d.promotion && r.poste === SPENDING);
      notes.push(
        `${d.promotion} : le site d’origine data.eig-forever.org imprime un coût total du programme de ${formatEuros(d.montant)}, le rapport de juin 2019 des dépenses de ${report ? formatEuros(report.montant) : '—'}, qui sont la somme des postes du site d’origine lui-même : son total n’est pas la somme de ses postes, et ses parts de cette année-là sont calculées sur la somme. Les deux montants sont montrés.`,
      );
    }
    notes.push(
      'Salaires et salaires payés par le PIA : site d’origine data.eig-forever.org (mai 2019), dont le coût total des salaires est celui du rapport ; l’écart est payé par les administrations (voir « Qui paie les salaires des EIG »).',
      'Les administrations d’accueil cofinancent aussi les salaires des EIG : le rapport ne dit pas si ses dépenses comprennent cette part, ni comment l’écart entre dépenses et enveloppe est couvert.',
    );
    return notes;
  },
  plot: (rows, { narrow, width, palette }) => {
    // Each bar named on its left (above it on a phone) in the legend's words; amounts at the precision a drawing is
    // read at (the table and the tooltips keep them to the cent).
    const groups = groupsOf(rows, (r) => heading(r.promotion)).map((g) => ({ heading: g.group, rows: g.rows }));
    const flag = (r: ChartRow<BudgetRow>) => {
      if (isForecast(r)) return ` (${FORECAST_STATUS})`;
      if (isTotal(r.promotion) && r.poste === SPENDING && rows.some((o) => isForecast(o) && o.poste === SPENDING)) {
        return ' (dont prévisionnel)';
      }
      return '';
    };
    const amount = (r: ChartRow<BudgetRow>) => formatEurosRounded(r.montant) + flag(r);
    const max = Math.max(...rows.map((r) => r.montant));
    const list = barList(groups, (r) => r.poste, {
      narrow,
      width,
      valueWidth: 40,
      values: { text: amount, at: (r) => r.montant, max },
    });
    type Bar = (typeof list.bars)[number];
    const series = [...new Set(rows.map((r) => r.poste))];
    const tip = (b: Bar) =>
      `${heading(b.row.promotion)} — ${b.row.poste} : ${formatEuros(b.row.montant)} (${b.row.statut})`;
    const bar = {
      x1: 0,
      x2: (b: Bar) => b.row.montant,
      y1: 'y1',
      y2: 'y2',
      fill: (b: Bar) => b.row.poste,
      title: tip,
    } as const;
    const frame = barListFrame(list, 11);
    return {
      ...frame.options,
      x: {
        domain: [0, max],
        grid: true,
        label: 'Millions d’euros',
        labelArrow: 'none',
        ticks: narrow ? 3 : 5,
        tickFormat: (v: number) => formatNumber(v / 1e6),
      },
      color: { domain: series, range: palette },
      marks: [
        ...frame.marks,
        Plot.rectX(
          list.bars.filter((b) => !isForecast(b.row)),
          bar,
        ),
        Plot.rectX(
          list.bars.filter((b) => isForecast(b.row)),
          { ...bar, stroke: (b: Bar) => b.row.poste, ...FORECAST_STYLE },
        ),
      ],
    };
  },
});
