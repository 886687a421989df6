import { formatNumber, formatPercent } from '../lib/format.ts';
import { POPULATION_LABELS, QUESTION_LABELS, label } from '../lib/labels.ts';
import {
  SURVEY_COLUMNS,
  publishedValue,
  sample,
  surveyNotes,
  surveyPlot,
  surveyRows,
  type SurveyRow,
} from './helpers/survey.ts';
import { defineChart, type ChartRow } from './types.ts';

const SURVEYS = ['promo-3', 'promo-3-suivi-2021'];
const EIG = label(POPULATION_LABELS, 'eig');

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const find = (rows: ChartRow<SurveyRow>[], indicator: string) =>
  rows.find((r) => r.question === label(QUESTION_LABELS, indicator));

/** The questionnaires reached part of the promotion; the follow-up figures relate to all of it. */
function populationsNote(rows: ChartRow<SurveyRow>[]): string[] {
  const asked = rows.find((r) => r.population === EIG && r.repondants !== null && r.cible !== null);
  const whole = rows.find((r) => r.population === EIG && r.repondants === null && r.cible !== null);
  if (!asked || !whole || asked.cible === whole.cible) return [];
  return [
    `Les questionnaires de fin 2019 ont été envoyés à ${formatNumber(asked.cible!)} EIG, les autres chiffres portent sur les ${formatNumber(whole.cible!)} EIG de la promotion : les deux populations ne se confondent pas.`,
  ];
}

export default defineChart<SurveyRow>({
  slug: 'enquete-promotion-3',
  title: 'Promotion 3 : le bilan de fin 2019 et le suivi de 2021',
  theme: 'enquetes',
  order: 2,
  description:
    'Les pourcentages publiés sur la promotion 3 : questionnaires de fin de promotion (novembre 2019, publiés en janvier 2020) et suivi d’avril 2021, avec le nombre de répondants quand il est publié.',
  rows: ({ aggregates, publications }) =>
    surveyRows(
      aggregates.enquetes.data.results.filter((r) => SURVEYS.includes(r.survey)),
      publications,
    ),
  columns: SURVEY_COLUMNS,
  reading: (rows) => {
    const satisfied = find(rows, 'satisfaits_resultats_projet');
    const still = find(rows, 'toujours_en_poste_administration_accueil');
    if (!satisfied || !still) return `${rows.length} pourcentages sont publiés sur la promotion 3.`;
    return `Fin 2019, ${publishedValue(satisfied)} des EIG de la promotion 3 (${sample(satisfied)}) se disaient satisfaits des résultats de leur projet ; en 2021, ${formatPercent(still.valeur)} étaient toujours en poste dans leur administration d’accueil.`;
  },
  notes: (rows) => [
    ...surveyNotes(rows),
    'Les chiffres de 2021 viennent d’un questionnaire rempli par les mentors (par les EIG pour les défis dont les mentors n’ont pas répondu) : les EIG n’ont pas été interrogés directement, et ceux qui travaillent dans une autre administration ne sont pas comptés (billet d’avril 2021).',
    ...populationsNote(rows),
  ],
  plot: (rows, context) => surveyPlot(rows, context, { groupOf: (r) => `${r.theme} — ${lowerFirst(r.publication)}` }),
});
