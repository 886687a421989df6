import * as Plot from '@observablehq/plot';
import { formatEuros, formatNumber } from '../lib/format.ts';
import { INDICATOR_LABELS, label } from '../lib/labels.ts';
import { byPromotion, isTotal, ofThePromotions, withYears } from '../lib/promotion-names.ts';
import { bandKey, groupedBands, groupsOf } from './helpers/bands.ts';
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
import { listFr, of, wrapToWidth } from '../lib/text.ts';
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
    const groups = groupsOf(rows, heading);
    const item = (r: Row) => `${r.indicateur}|${r.valeur}`;
    const bands = groupedBands(
      groups.map((g) => ({ heading: g.group, items: g.rows.map((r) => ({ id: item(r), text: '' })) })),
    );
    const y = (r: Row) => bandKey(heading(r), item(r));
    const amounts = rows.filter(isAmount);
    const facts = rows.filter((r) => !isAmount(r));
    const amountLabel = (r: Row) => `${formatMixed(r)}${isForecast(r) ? ` (${FORECAST_STATUS})` : ''}`;
    const factLabel = (r: Row) => `${r.indicateur} : ${formatMixed(r)}${r.precision ? ` (${r.precision})` : ''}`;
    const tip = (r: Row) =>
      `${heading(r)} — ${r.indicateur} : ${formatMixed(r)}${r.statut === 'publié' ? '' : ` (${r.statut})`}`;
    const series = { fill: () => BUDGET };
    return {
      height: bands.domain.length * (narrow ? 27 : 24) + 34,
      marginLeft: 8,
      marginRight: narrow ? 140 : 180,
      marginBottom: 30,
      y: { domain: bands.domain, axis: null, padding: 0.18 },
      x: { label: 'Euros', labelArrow: 'none', ticks: narrow ? 3 : 5, tickFormat: formatNumber },
      color: { domain: [BUDGET], range: palette },
      marks: [
        Plot.text(bands.headings, {
          y: 'key',
          text: 'text',
          frameAnchor: 'left',
          textAnchor: 'start',
          fontWeight: 'bold',
          fontSize: 12,
        }),
        Plot.barX(
          amounts.filter((r) => !isForecast(r)),
          { y, x: 'valeur', ...series, title: tip },
        ),
        Plot.barX(amounts.filter(isForecast), {
          y,
          x: 'valeur',
          ...series,
          stroke: () => BUDGET,
          ...FORECAST_STYLE,
          title: tip,
        }),
        Plot.text(amounts, {
          y,
          x: 'valeur',
          text: amountLabel,
          textAnchor: 'start',
          dx: 4,
          ...series,
          fontSize: 11,
        }),
        Plot.text(facts, {
          y,
          // Wrapped to the drawing's width in the widest usual font (Plot's lineWidth assumes a narrower one).
          text: (r: ChartRow<Row>) => wrapToWidth(factLabel(r), width - 24, 11).join('\n'),
          frameAnchor: 'left',
          textAnchor: 'start',
          dx: 10,
          fontSize: 11,
          title: tip,
        }),
      ],
    };
  },
});
