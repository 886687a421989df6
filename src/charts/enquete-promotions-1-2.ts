import { formatNumber } from '../lib/format.ts';
import { POPULATION_LABELS, label } from '../lib/labels.ts';
import { listFr } from '../lib/text.ts';
import {
  SURVEY_COLUMNS,
  publishedValue,
  respondents,
  surveyNotes,
  surveyPlot,
  surveyRows,
  type SurveyRow,
} from './helpers/survey.ts';
import { defineChart, type ChartContext, type ChartRow } from './types.ts';

const SURVEY = 'promos-1-2';

export default defineChart<SurveyRow>({
  slug: 'enquete-promotions-1-2',
  title: 'Questionnaire des promotions 1 et 2 : ce qu’en disent les EIG et les mentors',
  theme: 'enquetes',
  order: 1,
  description: (rows: ChartRow<SurveyRow>[], { publications }: ChartContext) =>
    `Tous les pourcentages publiés par le ${publications.shortLabel(rows[0]?._from[0]?.source ?? '')} à partir des questionnaires envoyés à leurs EIG et à leurs mentors, par thème, avec le nombre de répondants.`,
  rows: ({ aggregates, publications }) =>
    surveyRows(
      aggregates.enquetes.data.results.filter((r) => r.survey === SURVEY),
      publications,
    ),
  columns: SURVEY_COLUMNS,
  reading: (rows) => {
    const top = [...rows].sort((a, b) => b.valeur - a.valeur)[0];
    if (!top) return 'Aucun résultat de ce questionnaire n’est publié.';
    // The « EIG et mentors » results pool the two questionnaires: list each questionnaire once.
    const single = rows.filter(
      (r) => r.repondants !== null && r.cible !== null && r.population !== label(POPULATION_LABELS, 'eig+mentors'),
    );
    const order = Object.values(POPULATION_LABELS);
    const populations = [...new Map(single.map((r) => [r.population, r])).values()].sort(
      (a, b) => order.indexOf(a.population) - order.indexOf(b.population),
    );
    const answered = listFr(
      populations.map((r) => `${formatNumber(r.repondants!)} ${r.population} sur ${formatNumber(r.cible!)}`),
    );
    return `Le rapport publie ${formatNumber(rows.length)} pourcentages tirés des réponses de ${answered} ; le plus élevé : ${publishedValue(top)} (${respondents(top)}) — « ${top.question} ».`;
  },
  notes: (rows) => [
    ...surveyNotes(rows),
    'Certains résultats portent sur les réponses des EIG et des mentors réunies (« EIG et mentors ») : le rapport ne les sépare pas.',
  ],
  plot: (rows, context) => surveyPlot(rows, context, { groupOf: (r) => r.theme }),
});
