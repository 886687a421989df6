/**
 * Survey charts: every published percentage as a horizontal bar drawn at the published value, with the
 * publication's qualifier (« plus de », « près de ») and the respondents it rests on, in the bar's label, its
 * tooltip and the table.
 */
import * as Plot from '@observablehq/plot';
import type { SurveyFigure } from '../../lib/aggregates/surveys.ts';
import type { Publications } from '../../lib/publications.ts';
import { formatFigure, formatNumber, formatPercent } from '../../lib/format.ts';
import { POPULATION_LABELS, QUESTION_LABELS, SURVEY_LABELS, THEME_LABELS, label } from '../../lib/labels.ts';
import type { Column, ChartRow, PlotContext } from '../types.ts';
import { barList, barListFrame } from './bar-list.ts';
import { groupsOf } from './bands.ts';
import { plural } from '../../lib/text.ts';

export type SurveyRow = {
  enquete: string;
  theme: string;
  question: string;
  population: string;
  valeur: number;
  qualificatif: string | null;
  repondants: number | null;
  cible: number | null;
  precision: string | null;
  /** The publication's short name, for headings and tooltips (the table's source column already cites it). */
  publication: string;
};

export function surveyRows(results: readonly SurveyFigure[], publications: Publications): ChartRow<SurveyRow>[] {
  return results.map((s) => ({
    enquete: label(SURVEY_LABELS, s.survey),
    theme: label(THEME_LABELS, s.theme),
    question: label(QUESTION_LABELS, s.indicator),
    population: label(POPULATION_LABELS, s.population),
    valeur: s.figure.value,
    qualificatif: s.figure.qualifier ?? null,
    repondants: s.n,
    cible: s.target,
    precision: s.figure.note ?? null,
    publication: publications.tag(s.figure.from[0]?.source ?? ''),
    _from: s.figure.from,
  }));
}

/** « plus de 90 % », « 33 % (« un tiers ») », « 37 % (10 EIG sur 27) »: the figure as published. */
export function publishedValue(r: SurveyRow): string {
  const value = formatFigure({ value: r.valeur, unit: 'pourcent', qualifier: r.qualificatif });
  if (!r.precision) return value;
  return /\d/u.test(r.precision) ? `${value} (${r.precision})` : `${value} (« ${r.precision} »)`;
}

/** « n = 21 sur 39 », or « répondants non publiés sur 32 ». */
export function sample(r: SurveyRow): string {
  if (r.repondants !== null)
    return `n = ${formatNumber(r.repondants)}${r.cible !== null ? ` sur ${formatNumber(r.cible)}` : ''}`;
  return r.cible !== null ? `répondants non publiés sur ${formatNumber(r.cible)}` : 'répondants non publiés';
}

/** « EIG, n = 21 sur 39 » or « EIG (32), répondants non publiés ». */
export function respondents(r: SurveyRow): string {
  if (r.repondants !== null && r.cible !== null)
    return `${r.population}, n = ${formatNumber(r.repondants)} sur ${formatNumber(r.cible)}`;
  if (r.repondants !== null) return `${r.population}, n = ${formatNumber(r.repondants)}`;
  if (r.cible !== null) return `${r.population} (${formatNumber(r.cible)}), répondants non publiés`;
  return `${r.population}, répondants non publiés`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const SURVEY_COLUMNS: readonly Column<SurveyRow>[] = [
  { key: 'enquete', label: 'Questionnaire', kind: 'texte' },
  { key: 'theme', label: 'Thème', kind: 'texte' },
  { key: 'question', label: 'Résultat', kind: 'texte' },
  { key: 'population', label: 'Population', kind: 'texte' },
  { key: 'valeur', label: 'Pourcentage publié', kind: 'pourcent', format: publishedValue },
  { key: 'qualificatif', label: 'Qualificatif', kind: 'texte' },
  { key: 'repondants', label: 'Répondants', kind: 'nombre' },
  { key: 'cible', label: 'Population interrogée', kind: 'nombre' },
  { key: 'precision', label: 'Précision publiée', kind: 'texte' },
];

/** Notes every survey chart carries, written from its rows. */
export function surveyNotes(rows: readonly SurveyRow[]): string[] {
  const notes: string[] = [];
  const bounded = rows.filter((r) => r.qualificatif);
  if (bounded.length > 0) {
    notes.push(
      `${formatNumber(bounded.length)} ${plural(bounded.length, 'pourcentage est publié', 'pourcentages sont publiés')} avec un qualificatif (« plus de », « près de ») : la barre est dessinée à la valeur publiée, qui est une borne ou un arrondi, pas une mesure exacte.`,
    );
  }
  const unknown = rows.filter((r) => r.repondants === null);
  if (unknown.length > 0) {
    notes.push(
      `Pour ${formatNumber(unknown.length)} ${plural(unknown.length, 'pourcentage')}, le nombre de répondants n’est pas publié : seule la taille de la population est connue.`,
    );
  }
  const small = rows.filter((r) => r.repondants !== null && r.repondants < 30);
  if (small.length > 0) {
    const sizes = [...new Set(small.map((r) => r.repondants!))].sort((a, b) => a - b).map(formatNumber);
    notes.push(
      `Ces questionnaires ont peu de répondants (${sizes.join(', ')}) : une réponse de plus ou de moins déplace un pourcentage de plusieurs points.`,
    );
  }
  return notes;
}

const POPULATION_ORDER = Object.values(POPULATION_LABELS);

/** The series of a bar: who answered (EIG, mentors, both), written after each bar too. */
const populationOf = (r: SurveyRow) => capitalise(r.population);

export interface SurveyPlotOptions<R extends SurveyRow> {
  /** Heading of the group a row belongs to, in order of first appearance. */
  groupOf: (row: R) => string;
  /** `false` when the headings already say who answered (and how many). */
  intro?: false;
}

export function surveyPlot<R extends SurveyRow>(
  rows: ChartRow<R>[],
  { narrow, width, palette }: PlotContext,
  options: SurveyPlotOptions<R>,
) {
  // Each group's heading says who answered and how many; each bar ends with its figure and its population, which
  // is also its colour's series: the bars are read without their colours.
  const heading = (group: string, members: readonly R[]) =>
    options.intro === false ? group : `${group} — ${[...new Set(members.map(respondents))].join(' ; ')}`;
  const groups = groupsOf(rows, options.groupOf).map((g) => ({ heading: heading(g.group, g.rows), rows: g.rows }));
  const valueLabel = (r: R) => `${publishedValue(r)} · ${r.population}`;
  const fontSize = 11;
  const list = barList(groups, (r) => r.question, {
    narrow,
    width,
    valueWidth: 40,
    values: { text: valueLabel, at: (r) => r.valeur, max: 100 },
    labelWidth: 250,
  });
  const series = POPULATION_ORDER.filter((p) => rows.some((r) => r.population === p)).map(capitalise);
  const seriesOfRow = populationOf;
  const tip = (r: R) =>
    `${r.theme} — ${r.question} : ${publishedValue(r)} (${respondents(r)} ; ${r.enquete}, ${r.publication})`;
  const frame = barListFrame(list, fontSize);
  return {
    ...frame.options,
    x: {
      domain: [0, 100],
      label: narrow ? null : 'Pourcentage publié',
      labelArrow: 'none' as const,
      // « 100 % » and its neighbours run into each other every 20 % on phones.
      ticks: narrow ? [0, 50, 100] : 5,
      tickFormat: (v: number) => formatPercent(v),
    },
    color: { domain: series, range: palette },
    marks: [
      ...frame.marks,
      Plot.rectX(list.bars, {
        x1: 0,
        x2: (b: { row: R }) => b.row.valeur,
        y1: 'y1',
        y2: 'y2',
        fill: (b: { row: R }) => seriesOfRow(b.row),
        title: (b: { row: R }) => tip(b.row),
      }),
    ],
  };
}
