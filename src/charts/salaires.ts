import * as Plot from '@observablehq/plot';
import { sumOf } from '../lib/figures.ts';
import { formatFigure, formatPercent } from '../lib/format.ts';
import { promotionRank } from '../lib/promotions.ts';
import { bandKey } from './helpers/bands.ts';
import { defineChart, type ChartRow } from './types.ts';

type Row = {
  promotion: string;
  financeur: string;
  part: number;
  nature: string;
  precision: string | null;
};

const PIA = 'PIA';
const ADMINISTRATIONS = 'Administrations';
const SUM = 'Somme des deux parts';
const RULE = 'Cofinancement minimum des administrations';
const FUNDERS: Record<string, string> = {
  part_pia_dans_salaires: PIA,
  part_administrations_dans_salaires: ADMINISTRATIONS,
};
/** Stacked from the left: the administrations' share first, so the co-financing minimum reads on the same scale. */
const SERIES = [ADMINISTRATIONS, PIA];

/** Promotions between the first and the last shown whose split was not published. */
function unpublishedPromotions(rows: readonly Row[]): string[] {
  const promotions = rows.filter((r) => SERIES.includes(r.financeur)).map((r) => promotionRank(r.promotion));
  const missing: string[] = [];
  for (let rank = Math.min(...promotions) + 1; rank < Math.max(...promotions); rank++) {
    if (!promotions.includes(rank)) missing.push(`EIG ${rank}`);
  }
  return missing;
}

export default defineChart({
  slug: 'salaires',
  title: 'Qui paie les salaires des EIG : le PIA ou les administrations ?',
  theme: 'financement',
  order: 3,
  description:
    'Part des salaires des EIG financée par le Programme d’investissements d’avenir (PIA) et part financée par les administrations d’accueil, pour les promotions 1 et 3, et la règle de cofinancement du programme.',
  rows: ({ aggregates }) => {
    const shares = aggregates.budget.data.salaryShares;
    const rows: ChartRow<Row>[] = [];
    for (const promotion of [...new Set(shares.map((s) => s.promotion))]) {
      const ofPromotion = shares.filter((s) => s.promotion === promotion);
      for (const s of ofPromotion) {
        rows.push({
          promotion,
          financeur: FUNDERS[s.indicator] ?? s.indicator,
          part: s.figure.value,
          nature: 'publié',
          precision: null,
          _from: s.figure.from,
        });
      }
      if (ofPromotion.length > 1) {
        const total = sumOf(
          ofPromotion.map((s) => s.figure),
          'pourcent',
        );
        rows.push({
          promotion,
          financeur: SUM,
          part: total.value,
          nature: 'calculé',
          precision: null,
          _from: total.from,
        });
      }
    }
    for (const f of aggregates.programme.data.allFigures.filter(
      (f) => f.indicator === 'cofinancement_minimum_administrations',
    )) {
      rows.push({
        promotion: f.promotion,
        financeur: RULE,
        part: f.figure.value,
        nature: 'règle du programme',
        precision: f.figure.note ?? null,
        _from: f.figure.from,
      });
    }
    return rows.sort((a, b) => promotionRank(a.promotion) - promotionRank(b.promotion));
  },
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'financeur', label: 'Part des salaires', kind: 'texte' },
    {
      key: 'part',
      label: 'Pourcentage',
      kind: 'pourcent',
      format: (r) => (r.financeur === RULE ? `au moins ${formatPercent(r.part)}` : formatPercent(r.part)),
    },
    { key: 'nature', label: 'Nature', kind: 'texte' },
    { key: 'precision', label: 'Précision', kind: 'texte' },
  ],
  reading: (rows) => {
    const pia = rows.filter((r) => r.financeur === PIA);
    const administrations = rows.filter((r) => r.financeur === ADMINISTRATIONS);
    const [first, last] = [pia[0], pia.at(-1)];
    const [firstA, lastA] = [administrations[0], administrations.at(-1)];
    if (!first || !last || first === last || !firstA || !lastA)
      return 'Les parts des salaires financées par le PIA et par les administrations ne sont pas publiées pour deux promotions.';
    return `La part des salaires des EIG payée par le PIA passe de ${formatPercent(first.part)} (${first.promotion}) à ${formatPercent(last.part)} (${last.promotion}) ; celle des administrations de ${formatPercent(firstA.part)} à ${formatPercent(lastA.part)}.`;
  },
  keyNotes: (rows) => [
    ...rows
      .filter((r) => r.financeur === SUM && r.part !== 100)
      .map((sum) => `${sum.promotion} : les parts publiées font ${formatPercent(sum.part)}, pas 100 %.`),
    ...unpublishedPromotions(rows).map((p) => `${p} : répartition non publiée (pas de barre).`),
  ],
  notes: (rows, { aggregates }) => {
    const notes: string[] = [];
    for (const sum of rows.filter((r) => r.financeur === SUM && r.part !== 100)) {
      const parts = rows.filter((r) => r.promotion === sum.promotion && SERIES.includes(r.financeur));
      notes.push(
        `${sum.promotion} : les deux parts publiées (${parts.map((p) => `${p.financeur === PIA ? 'PIA' : 'administrations'} ${formatPercent(p.part)}`).join(', ')}) font ${formatPercent(sum.part)}, pas 100 % ; le billet de mai 2019 ne dit pas d’où vient l’écart probablement des arrondis. La barre s’arrête donc à ${formatPercent(sum.part)}.`,
      );
    }
    const missing = unpublishedPromotions(rows);
    if (missing.length > 0)
      notes.push(`La répartition n’a pas été publiée pour ${missing.join(', ')} : elle n’est pas estimée ici.`);
    notes.push(
      'Ces parts sont des moyennes par promotion (billet de mai 2019) ; celle des administrations réunit, selon le billet, « auto-financement et co-financement des défis ».',
    );
    const rule = rows.find((r) => r.financeur === RULE);
    const cost = aggregates.programme.data.allFigures.find((f) => f.indicator === 'cout_employeur_moyen_par_eig');
    if (rule) {
      notes.push(
        `La règle « au moins ${formatPercent(rule.part)} ${rule.precision ?? ''} à la charge de l’administration d’accueil » vient de la documentation du programme (2020), qui la rattache à ${rule.promotion} ; elle est marquée en pointillé sur la barre de cette promotion.`.replace(
          '  ',
          ' ',
        ),
      );
    }
    if (cost) {
      notes.push(
        `Pour situer les montants : la même documentation estime le coût employeur moyen d’un EIG de la ${cost.promotion.replace('EIG ', 'promotion ')} à ${formatFigure(cost.figure)}${cost.figure.note ? ` (${cost.figure.note})` : ''}.`,
      );
    }
    return notes;
  },
  plot: (rows, { narrow, palette }) => {
    const shares = rows.filter((r) => SERIES.includes(r.financeur));
    const sums = rows.filter((r) => r.financeur === SUM);
    const rules = rows.filter((r) => r.financeur === RULE);
    const ranks = shares.map((r) => promotionRank(r.promotion));
    const promotions: string[] = [];
    for (let rank = Math.min(...ranks); rank <= Math.max(...ranks); rank++) promotions.push(`EIG ${rank}`);
    const missing = promotions.filter((p) => !shares.some((r) => r.promotion === p));
    const head = (p: string) => bandKey(p, '');
    const bar = (p: string) => bandKey(p, 'barre');
    const labels = (p: string) => bandKey(p, 'étiquettes');
    const stack = { order: SERIES, offset: null } as const;
    const tip = (r: ChartRow<Row>) =>
      `${r.promotion} — part des salaires financée par ${r.financeur === PIA ? 'le PIA' : 'les administrations'} : ${formatPercent(r.part)}`;
    return {
      height: promotions.length * (narrow ? 78 : 74) + 34,
      marginLeft: 8,
      marginRight: narrow ? 64 : 170,
      marginBottom: 30,
      y: { domain: promotions.flatMap((p) => [head(p), bar(p), labels(p)]), axis: null, padding: 0.08 },
      x: { domain: [0, 100], label: 'Part des salaires (%)', labelArrow: 'none', ticks: narrow ? 5 : 10 },
      color: { domain: SERIES, range: palette },
      marks: [
        Plot.text(promotions, {
          y: head,
          text: (p: string) => p,
          frameAnchor: 'left',
          textAnchor: 'start',
          fontWeight: 'bold',
          fontSize: 12,
        }),
        Plot.barX(
          shares,
          Plot.stackX({
            y: (r: ChartRow<Row>) => bar(r.promotion),
            x: 'part',
            fill: 'financeur',
            ...stack,
            title: tip,
          }),
        ),
        // Labels under the bar: the administrations' share at the left edge, the PIA's at the end of its segment.
        Plot.text(
          shares.filter((r) => r.financeur === ADMINISTRATIONS),
          {
            y: (r: ChartRow<Row>) => labels(r.promotion),
            x: 0,
            text: (r: ChartRow<Row>) => `Administrations ${formatPercent(r.part)}`,
            textAnchor: 'start',
            fill: 'financeur',
            fontSize: narrow ? 10 : 11,
          },
        ),
        Plot.text(
          shares.filter((r) => r.financeur === PIA),
          {
            y: (r: ChartRow<Row>) => labels(r.promotion),
            x: (r: ChartRow<Row>) =>
              r.part + (shares.find((o) => o.promotion === r.promotion && o.financeur === ADMINISTRATIONS)?.part ?? 0),
            text: (r: ChartRow<Row>) => `PIA ${formatPercent(r.part)}`,
            textAnchor: 'end',
            fill: 'financeur',
            fontSize: narrow ? 10 : 11,
          },
        ),
        // A sum that is not 100 % is the point to see: in bold.
        ...[false, true].map((off) =>
          Plot.text(
            sums.filter((r) => (r.part !== 100) === off),
            {
              y: (r: ChartRow<Row>) => bar(r.promotion),
              x: 'part',
              text: (r: ChartRow<Row>) => `= ${formatPercent(r.part)}${narrow ? '' : ' (somme calculée)'}`,
              textAnchor: 'start',
              dx: 6,
              fontSize: narrow ? 10 : 11,
              fontWeight: off ? 'bold' : 'normal',
            },
          ),
        ),
        Plot.tickX(rules, {
          x: 'part',
          y: (r: ChartRow<Row>) => bar(r.promotion),
          strokeDasharray: '3,2',
          strokeWidth: 2,
          insetTop: -6,
          insetBottom: -4,
        }),
        Plot.text(rules, {
          y: (r: ChartRow<Row>) => head(r.promotion),
          x: 'part',
          text: (r: ChartRow<Row>) => `minimum des administrations : ${formatPercent(r.part)}`,
          textAnchor: 'start',
          dx: 4,
          fontSize: narrow ? 10 : 11,
        }),
        Plot.text(missing, {
          y: bar,
          x: 0,
          text: () => 'Répartition non publiée',
          textAnchor: 'start',
          fontStyle: 'italic',
          fontSize: 11,
        }),
      ],
    };
  },
});
