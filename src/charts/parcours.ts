import { formatPercent } from '../lib/format.ts';
import { listFr } from '../lib/text.ts';
import { QUESTION_LABELS, label } from '../lib/labels.ts';
import {
  SURVEY_COLUMNS,
  publishedValue,
  respondents,
  sample,
  surveyNotes,
  surveyPlot,
  surveyRows,
  type SurveyRow,
} from './helpers/survey.ts';
import { defineChart, type ChartRow } from './types.ts';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const find = (rows: ChartRow<SurveyRow>[], indicator: string) =>
  rows.find((r) => r.question === label(QUESTION_LABELS, indicator));

export default defineChart<SurveyRow>({
  slug: 'parcours',
  title: 'Que deviennent les EIG après le programme ?',
  theme: 'enquetes',
  order: 3,
  description: (rows: ChartRow<SurveyRow>[]) =>
    `Les parcours des EIG après le programme : envie de travailler pour l’administration, recrutements, EIG toujours en poste, d’après ${listFr([...new Set(rows.map((r) => `le ${lowerFirst(r.enquete)}`))])}.`,
  rows: ({ aggregates, publications }) =>
    surveyRows(
      aggregates.enquetes.data.results.filter((r) => r.theme === 'parcours'),
      publications,
    ),
  columns: SURVEY_COLUMNS,
  reading: (rows) => {
    const before = find(rows, 'souhait_administration_avant');
    const after = find(rows, 'souhait_administration_apres');
    if (!before || !after) return `${rows.length} pourcentages sont publiés sur les parcours des EIG.`;
    const still = find(rows, 'toujours_en_poste_administration_accueil');
    const later = still
      ? ` ; en 2021, ${formatPercent(still.valeur)} des EIG de la promotion 3 étaient toujours en poste dans leur administration d’accueil`
      : '';
    return `Avant le programme, ${publishedValue(before)} des EIG des promotions 1 et 2 (${sample(before)}) souhaitaient travailler dans l’administration, après, ${publishedValue(after)}${later}.`;
  },
  notes: (rows) => [
    'Ces pourcentages ne portent ni sur les mêmes personnes, ni sur la même date, ni sur la même question : chaque groupe de barres dit sa population, son nombre de répondants et sa publication. Ils ne se comparent pas d’un groupe à l’autre.',
    ...surveyNotes(rows),
    'Les chiffres de 2021 viennent d’un questionnaire rempli par les mentors (par les EIG pour les défis dont les mentors n’ont pas répondu) et ne comptent pas les EIG partis dans une autre administration (billet d’avril 2021) ; « un tiers » (janvier 2020) les compte.',
  ],
  plot: (rows, context) =>
    surveyPlot(rows, context, {
      groupOf: (r) => `${r.enquete}, ${lowerFirst(r.publication)} — ${respondents(r)}`,
      intro: false,
    }),
});
