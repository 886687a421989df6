import * as Plot from '@observablehq/plot';
import { formatEuros, formatEurosRounded, formatNumber } from '../lib/format.ts';
import { INDICATOR_LABELS, label } from '../lib/labels.ts';
import { byPromotion, isTotal, ofThePromotions, withYears } from '../lib/promotion-names.ts';
import { barList, barListFrame } from './helpers/bar-list.ts';
import { factTable } from './helpers/fact-table.ts';
import { FORECAST_STATUS, FORECAST_STYLE, forecastKeyNotes, isForecast } from './helpers/budget-rows.ts';
import {
  formatMixed,
  MIXED_COLUMNS,
  fromBudget,
  fromKeyFigures,
  groupOf as heading,
  withGroups,
  type MixedRow,
} from './helpers/mixed.ts';
import { listFr, of } from '../lib/text.ts';
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import { mergedRefs, sameAs } from './helpers/original.ts';
import { defineChart, type ChartContext, type ChartRow } from './types.ts';

/** The original site's yearly counts, and the key figure each repeats where there is one. */
const ORIGINAL_COUNTS = [
  { name: ORIGINAL.sessions, indicateur: 'Sessions d’accompagnement', unite: 'sessions', same: null },
  { name: ORIGINAL.launchWeek, indicateur: 'Semaine de lancement de promotion', unite: 'semaines', same: null },
  { name: ORIGINAL.offSite, indicateur: 'Sessions hors les murs', unite: 'sessions', same: null },
  { name: ORIGINAL.team, indicateur: '', unite: 'personnes', same: 'equipe_coordination' },
  { name: ORIGINAL.eigLink, indicateur: '', unite: 'personnes', same: 'eig_link' },
] as const;

const BUDGET = 'Budget du programme d’accompagnement';
const OTHER_INDICATORS = [
  'equipe_coordination',
  'eig_link',
  'jours_seminaires_hors_les_murs',
  'accompagnement_par_an',
] as const;

type Row = ChartRow<MixedRow>;

const isAmount = (r: MixedRow) => r.unite === 'euros';

export default defineChart({
  slug: 'accompagnement',
  title: 'L’accompagnement des EIG : budget, équipe, EIG Link et séminaires',
  theme: 'programme',
  order: 4,
  description: (rows: Row[], { promotions }: ChartContext) => {
    const budget = [
      ...new Set(rows.filter((r) => r.indicateur === BUDGET && !isTotal(r.promotion)).map((r) => r.promotion)),
    ];
    return `Budget du programme d’accompagnement ${withYears(ofThePromotions(budget), budget, promotions)}, équipe de coordination, EIG Link et séminaires hors les murs, et l’ordre de grandeur annoncé par la documentation du programme.`;
  },
  legacyAnchors: ['accompagnement'],
  rows: (model) => {
    const { aggregates } = model;
    const original = aggregates.origine.data.figures;
    // Rows printing the same figure as the original site cite it too.
    const budget = aggregates.budget.data.lines
      .filter((l) => l.line === 'programme_accompagnement')
      .map((l) => {
        const row = fromBudget(l, BUDGET);
        const same = sameAs(original.get(ORIGINAL.accompanimentTotal, l.promotion), l.figure.value);
        return { ...row, _from: mergedRefs(row._from, same?.from ?? []) };
      });
    const others = fromKeyFigures(aggregates, OTHER_INDICATORS);
    const extra: Row[] = [];
    for (const count of ORIGINAL_COUNTS) {
      for (const entry of original.series(count.name)) {
        if (!entry.figure) continue;
        const indicateur = count.same ? label(INDICATOR_LABELS, count.same) : count.indicateur;
        const twin = others.find((o) => o.promotion === entry.promotion && o.indicateur === indicateur);
        if (twin && twin.valeur === entry.figure.value) {
          twin._from = mergedRefs(twin._from, entry.figure.from);
          continue;
        }
        extra.push({
          promotion: entry.promotion,
          indicateur: twin ? `${indicateur} (site d’origine)` : indicateur,
          valeur: entry.figure.value,
          unite: count.unite,
          statut: 'publié',
          qualificatif: null,
          precision: null,
          _from: entry.figure.from,
        });
      }
    }
    const order = byPromotion((r: Row) => r.promotion);
    return withGroups(
      [...budget, ...others, ...extra].sort((a, b) => order(a, b)),
      model,
    );
  },
  columns: MIXED_COLUMNS,
  reading: (rows) => {
    const budget = rows.filter((r) => r.indicateur === BUDGET);
    const [first, last] = [budget[0], budget.at(-1)];
    if (!first || !last) return 'Le budget du programme d’accompagnement n’est pas publié.';
    const team = rows.find(
      (r) => r.promotion === last.promotion && r.indicateur === label(INDICATOR_LABELS, 'equipe_coordination'),
    );
    const teamText = team ? `, année où l’équipe de coordination compte ${formatMixed(team)}` : '';
    return `Le budget du programme d’accompagnement passe de ${formatEuros(first.valeur)} pour ${first.promotion} à ${formatEuros(last.valeur)}${isForecast(last) ? ' prévus' : ''} pour ${last.promotion}${teamText}.`;
  },
  keyNotes: (rows) => forecastKeyNotes(rows),
  notes: (rows) => {
    const notes: string[] = [];
    const forecast = rows.filter((r) => isForecast(r));
    if (forecast.length > 0) {
      notes.push(
        `Le budget ${of(listFr(forecast.map((r) => r.promotion)))} est prévisionnel (rapport de juin 2019, promotion en cours) : barre en clair au contour pointillé.`,
      );
    }
    const yearly = rows.find((r) => isTotal(r.promotion) && isAmount(r));
    if (yearly) {
      notes.push(
        `« ${formatMixed(yearly)} par an » est un ordre de grandeur donné par la documentation du programme (2020) ; le rapport de 2019 ne détaille pas ce que couvre le budget de chaque promotion : les deux montants ne se comparent qu’avec prudence.`,
      );
    }
    notes.push(
      'Sessions d’accompagnement, semaines de lancement, sessions hors les murs, équipe d’encadrement et EIG Link de chaque année : site d’origine data.eig-forever.org (mai 2019) ; le billet de mai 2019 donne la même équipe et les mêmes EIG Link pour les promotions 2 et 3, et compte les séminaires hors les murs en jours, pas en sessions.',
    );
    return notes;
  },
  plot: (rows, { narrow, palette, width }) => {
    // The budget as bars, one per promotion (and the yearly order of magnitude); under it, the yearly counts as a
    // small table, one line per count and one column per promotion: figures to read across years, not sentences.
    const amounts = rows.filter(isAmount);
    const facts = rows.filter((r) => !isAmount(r));
    const fontSize = 11;
    const amountLabel = (r: Row) =>
      `${r.qualificatif ? `${r.qualificatif} ` : ''}${formatEurosRounded(r.valeur)}${isForecast(r) ? ` (${FORECAST_STATUS})` : ''}`;
    const tip = (r: Row) =>
      `${heading(r)} — ${r.indicateur} : ${formatMixed(r)}${r.precision ? ` (${r.precision})` : ''}${r.statut === 'publié' ? '' : ` (${r.statut})`}`;
    const max = Math.max(...amounts.map((r) => r.valeur));
    const list = barList([{ heading: BUDGET, rows: amounts }], heading, {
      narrow,
      width,
      valueWidth: 40,
      values: { text: amountLabel, at: (r) => r.valeur, max },
    });
    type Bar = (typeof list.bars)[number];
    const table = factTable(facts, {
      width,
      top: list.height + 16,
      fontSize,
      marginLeft: list.marginLeft,
      line: (r) => `${r.indicateur} (${r.unite})`,
      cell: (r) => formatNumber(r.valeur),
    });
    const marginTop = 4;
    const marginBottom = 8;
    const frame = barListFrame(list, fontSize);
    const bar = {
      x1: 0,
      x2: (b: Bar) => b.row.valeur,
      y1: 'y1',
      y2: 'y2',
      fill: () => BUDGET,
      title: (b: Bar) => tip(b.row),
    } as const;
    return {
      ...frame.options,
      height: table.bottom + marginTop + marginBottom,
      marginTop,
      marginBottom,
      y: { domain: [0, table.bottom], range: [marginTop, marginTop + table.bottom], axis: null },
      // Every bar carries its amount: no axis, which would also seem to apply to the table under them.
      x: { domain: [0, max], axis: null },
      color: { domain: [BUDGET], range: palette },
      marks: [
        ...frame.marks,
        Plot.rectX(
          list.bars.filter((b) => !isForecast(b.row)),
          bar,
        ),
        Plot.rectX(
          list.bars.filter((b) => isForecast(b.row)),
          { ...bar, stroke: () => BUDGET, ...FORECAST_STYLE },
        ),
        ...table.marks(tip),
      ],
    };
  },
});
