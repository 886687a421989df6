import * as Plot from '@observablehq/plot';
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import { formatValue } from '../lib/format.ts';
import { mergedRefs, sameAs } from './helpers/original.ts';
import { thePromotions } from '../lib/promotion-names.ts';
import { unpublishedFor } from './helpers/unpublished.ts';
import { defineChart, type ChartContext } from './types.ts';

const SERIES = 'Âge moyen';

type Row = { promotion: string; age: number };

const notPublished = (rows: readonly Row[], ctx: ChartContext) =>
  unpublishedFor(
    rows.map((r) => r.promotion),
    ctx,
    (them) => `L’âge moyen n’a pas été publié pour ${them}.`,
  );

export default defineChart({
  slug: 'age-moyen',
  title: 'Âge moyen des EIG sélectionnés',
  theme: 'profils',
  order: 4,
  description: (rows: Row[]) =>
    `Âge moyen des entrepreneurs d’intérêt général sélectionnés dans ${thePromotions(rows.map((r) => r.promotion))}.`,
  rows: ({ aggregates }) =>
    aggregates.profils.data.diversity
      .filter((d) => d.indicator === 'age_moyen')
      .map((d) => {
        // The original site prints the same averages: the row cites it too.
        const same = sameAs(aggregates.origine.data.figures.get(ORIGINAL.age, d.promotion), d.figure.value);
        return { promotion: d.promotion, age: d.figure.value, _from: mergedRefs(d.figure.from, same?.from ?? []) };
      }),
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'age', label: 'Âge moyen (ans)', kind: 'nombre' },
  ],
  reading: (rows) => {
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) return 'Aucun âge moyen n’est publié.';
    return `L’âge moyen des EIG sélectionnés est passé de ${formatValue(first.age, 'ans')} pour la promotion ${first.promotion} à ${formatValue(last.age, 'ans')} pour la promotion ${last.promotion}.`;
  },
  keyNotes: notPublished,
  notes: (rows, ctx) => [
    'Moyennes publiées en années entières par le billet de mai 2019 et par le site d’origine data.eig-forever.org, sans la répartition des âges ni les effectifs.',
    ...notPublished(rows, ctx),
  ],
  plot: (rows, { narrow, palette }) => ({
    height: narrow ? 260 : 280,
    marginTop: 30,
    marginBottom: 30,
    x: { label: null, domain: rows.map((r) => r.promotion), padding: narrow ? 0.3 : 0.45 },
    y: { grid: true, label: 'Âge moyen (ans)', labelArrow: 'none' },
    // One series, so that the bars take the site's series colour (and its dark-mode variant).
    color: { domain: [SERIES], range: palette },
    marks: [
      Plot.barY(rows, {
        x: 'promotion',
        y: 'age',
        fill: () => SERIES,
        title: (d) => `${d.promotion} : ${formatValue(d.age, 'ans')} en moyenne`,
      }),
      Plot.text(rows, {
        x: 'promotion',
        y: 'age',
        text: (d) => formatValue(d.age, 'ans'),
        dy: -8,
        fontSize: narrow ? 11 : 12,
      }),
      Plot.ruleY([0]),
    ],
  }),
});
