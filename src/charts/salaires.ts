import * as Plot from '@observablehq/plot';
import { sumOf } from '../lib/figures.ts';
import { formatFigure, formatPercent } from '../lib/format.ts';
import { promotionRank } from '../lib/promotion-names.ts';
import { ORIGINAL } from '../lib/aggregates/original-site.ts';
import { formatEuros, formatNumber } from '../lib/format.ts';
import { bandKey } from './helpers/bands.ts';
import { percentAsPrinted } from './helpers/original.ts';
import { listFr, of, plural, wrapToWidth } from '../lib/text.ts';
import { defineChart, type ChartRow } from './types.ts';

type Row = {
  promotion: string;
  financeur: string;
  /** Percent of the salaries. */
  part: number;
  /** Euros, where the original site gives the amount. */
  montant: number | null;
  /** Défis funded this way, where the original site gives them. */
  defis: number | null;
  nature: string;
  precision: string | null;
};

/** The original site's three payers of the salaries: share, amount, défis funded that way. */
const ORIGINAL_PAYERS = [
  {
    // The post's name, so that both bars give the PIA one colour.
    financeur: 'PIA',
    share: ORIGINAL.sharePia,
    amount: ORIGINAL.salariesPia,
    defis: ORIGINAL.defisFunded,
  },
  {
    financeur: 'Administrations en cofinancement',
    share: ORIGINAL.shareCofinanced,
    amount: ORIGINAL.salariesCofinanced,
    defis: ORIGINAL.defisCofunded,
  },
  {
    financeur: 'Défis autofinancés',
    share: ORIGINAL.shareSelfFunded,
    amount: ORIGINAL.salariesSelfFunded,
    defis: ORIGINAL.defisSelfFunded,
  },
] as const;
const ORIGINAL_SERIES = ORIGINAL_PAYERS.map((p) => p.financeur);
/** A share of the May 2019 post (its PIA is named as the original's). */
const isPost = (r: Row) => r.nature === 'publié' && (r.financeur === 'PIA' || r.financeur === 'Administrations');
/** Stacked from the left like the post's bar: the administrations' parts first, then the PIA. */
const ORIGINAL_STACK = [...ORIGINAL_SERIES].reverse();
const ORIGINAL_NATURE = 'site d’origine';
const isOriginal = (r: Row) => r.nature === ORIGINAL_NATURE;

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
  // The original's first versions showed one pie per year of these shares at #eig2017, #eig2018 and #eig2019.
  legacyAnchors: ['eig2017', 'eig2018', 'eig2019'],
  description:
    'Part des salaires des EIG payée par le Programme d’investissements d’avenir (PIA), par les administrations en cofinancement et par les défis autofinancés, avec les montants et le nombre de défis de chaque mode, pour les promotions 1 à 3 ; les parts arrondies du billet de mai 2019 et la règle de cofinancement du programme.',
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
          montant: null,
          defis: null,
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
          montant: null,
          defis: null,
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
        montant: null,
        defis: null,
        nature: 'règle du programme',
        precision: f.figure.note ?? null,
        _from: f.figure.from,
      });
    }
    const original = aggregates.origine.data.figures;
    for (const promotion of original.promotions) {
      for (const payer of ORIGINAL_PAYERS) {
        const share = original.value(payer.share, promotion);
        const amount = original.value(payer.amount, promotion);
        const defis = original.value(payer.defis, promotion);
        if (!share) continue;
        rows.push({
          promotion,
          financeur: payer.financeur,
          part: share.value,
          montant: amount?.value ?? null,
          defis: defis?.value ?? null,
          nature: ORIGINAL_NATURE,
          precision: null,
          _from: [...share.from, ...(amount?.from ?? []), ...(defis?.from ?? [])],
        });
      }
    }
    // Stable: within a promotion, the original's three payers, then the May 2019 post's shares and the rule.
    const rank = (r: Row) => (isOriginal(r) ? 0 : 1);
    return rows.sort((a, b) => promotionRank(a.promotion) - promotionRank(b.promotion) || rank(a) - rank(b));
  },
  columns: [
    { key: 'promotion', label: 'Promotion', kind: 'texte' },
    { key: 'financeur', label: 'Part des salaires', kind: 'texte' },
    {
      key: 'part',
      label: 'Pourcentage',
      kind: 'pourcent',
      format: (r) =>
        r.financeur === RULE
          ? `au moins ${formatPercent(r.part)}`
          : isOriginal(r)
            ? percentAsPrinted(r.part)
            : formatPercent(r.part),
    },
    { key: 'montant', label: 'Euros', kind: 'euros' },
    { key: 'defis', label: 'Défis financés ainsi', kind: 'nombre' },
    { key: 'nature', label: 'Nature', kind: 'texte' },
    { key: 'precision', label: 'Précision', kind: 'texte' },
  ],
  reading: (rows) => {
    const pia = rows.filter((r) => isOriginal(r) && r.financeur === PIA);
    const [first, last] = [pia[0], pia.at(-1)];
    if (!first || !last || first === last) {
      // Without the original site's two-decimal shares, the May 2019 post's.
      const post = (financeur: string) => rows.filter((r) => isPost(r) && r.financeur === financeur);
      const [p0, p1, a0, a1] = [post(PIA)[0], post(PIA).at(-1), post(ADMINISTRATIONS)[0], post(ADMINISTRATIONS).at(-1)];
      if (!p0 || !p1 || p0 === p1 || !a0 || !a1)
        return 'Les parts des salaires payées par le PIA ne sont pas publiées pour deux promotions.';
      return `La part des salaires des EIG payée par le PIA passe de ${formatPercent(p0.part)} (${p0.promotion}) à ${formatPercent(p1.part)} (${p1.promotion}) ; celle des administrations de ${formatPercent(a0.part)} à ${formatPercent(a1.part)}.`;
    }
    const others = rows.filter((r) => r.promotion === last.promotion && isOriginal(r) && r !== last);
    return `La part des salaires des EIG payée par le PIA passe de ${percentAsPrinted(first.part)} (${first.promotion}) à ${percentAsPrinted(last.part)} (${last.promotion}), où ${listFr(others.map((r) => `les ${r.financeur.toLowerCase()} en paient ${percentAsPrinted(r.part)}`))}.`;
  },
  keyNotes: (rows) => [
    ...rows
      .filter((r) => r.financeur === SUM && r.part !== 100)
      .map(
        (sum) => `${sum.promotion} : les parts publiées font ${formatPercent(sum.part)}, pas ${formatPercent(100)}.`,
      ),
    ...unpublishedPromotions(rows).map((p) => `${p} : répartition non publiée (pas de barre).`),
  ],
  notes: (rows, { aggregates }) => {
    const notes: string[] = [];
    for (const sum of rows.filter((r) => r.financeur === SUM && r.part !== 100)) {
      const parts = rows.filter((r) => r.promotion === sum.promotion && isPost(r));
      notes.push(
        `${sum.promotion} : les deux parts publiées (${parts.map((p) => `${p.financeur === PIA ? 'PIA' : 'administrations'} ${formatPercent(p.part)}`).join(', ')}) font ${formatPercent(sum.part)}, pas ${formatPercent(100)} ; le billet de mai 2019 ne dit pas d’où vient l’écart, sans doute des arrondis. La barre s’arrête donc à ${formatPercent(sum.part)}.`,
      );
    }
    const missing = unpublishedPromotions(rows);
    if (missing.length > 0)
      notes.push(`La répartition n’a pas été publiée pour ${missing.join(', ')} : elle n’est pas estimée ici.`);
    const published = new Set(rows.filter((r) => isPost(r)).map((r) => r.promotion));
    const onlyOriginal = [...new Set(rows.filter(isOriginal).map((r) => r.promotion))].filter((p) => !published.has(p));
    // Each note about a publication only when the chart shows its figures.
    const fromOriginal = rows.some(isOriginal);
    if (fromOriginal)
      notes.push(
        'Site d’origine data.eig-forever.org (mai 2019) : parts à deux décimales, montants en euros et nombre de défis de chaque mode de financement (défis totalement financés par le PIA, cofinancés, autofinancés).' +
          (onlyOriginal.length > 0
            ? ` Le billet de mai 2019 ne publie pas la répartition ${of(listFr(onlyOriginal))} ; seul le site d’origine la donne.`
            : ''),
      );
    if (published.size > 0)
      notes.push(
        'Billet de mai 2019 : parts arrondies au pourcent ; celle des administrations réunit, selon le billet, « auto-financement et co-financement des défis »' +
          (fromOriginal ? ', soit les deux parts du site d’origine autres que le PIA.' : '.'),
      );
    const rule = rows.find((r) => r.financeur === RULE);
    const cost = aggregates.programme.data.allFigures.find((f) => f.indicator === 'cout_employeur_moyen_par_eig');
    if (rule) {
      notes.push(
        `La règle « au moins ${formatPercent(rule.part)} ${rule.precision ?? ''} à la charge de l’administration d’accueil » vient de la documentation du programme (2020), qui la rattache à ${rule.promotion} ; elle est marquée en pointillé sur la barre du billet de cette promotion.`.replace(
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
  plot: (rows, { narrow, palette, width }) => {
    const blog = rows.filter((r) => isPost(r));
    const mine = rows.filter(isOriginal);
    const sums = rows.filter((r) => r.financeur === SUM);
    const rules = rows.filter((r) => r.financeur === RULE);
    const promotions = [...new Set([...mine, ...blog].map((r) => r.promotion))].sort(
      (a, b) => promotionRank(a) - promotionRank(b),
    );
    const head = (p: string) => bandKey(p, '');
    const bar = (p: string, who: string) => bandKey(p, `barre ${who}`);
    const labels = (p: string, who: string) => bandKey(p, `étiquettes ${who}`);
    const domain = promotions.flatMap((p) => [
      head(p),
      ...(mine.some((r) => r.promotion === p) ? [bar(p, 'origine'), labels(p, 'origine')] : []),
      ...(blog.some((r) => r.promotion === p) ? [bar(p, 'billet'), labels(p, 'billet')] : []),
    ]);
    const tip = (r: ChartRow<Row>) =>
      `${r.promotion} — ${r.financeur} : ${isOriginal(r) ? percentAsPrinted(r.part) : formatPercent(r.part)}` +
      (r.montant !== null ? `, ${formatEuros(r.montant)}` : '') +
      (r.defis !== null ? `, ${formatNumber(r.defis)} défis` : '') +
      ` (${isOriginal(r) ? 'site d’origine' : 'billet de mai 2019'})`;
    const series = [...new Set([...ORIGINAL_SERIES, ...SERIES])];
    const fontSize = 11;
    const originalLine = (p: string) =>
      mine
        .filter((r) => r.promotion === p)
        .map(
          (r) =>
            // No-break space: a share stays with its payer when lines wrap.
            `${r.financeur.replace(/ \(.*\)$/u, '')}\u00a0${percentAsPrinted(r.part)}` +
            // On a phone, two lines at most: the défis by funding mode stay in the table and the tooltips.
            (r.defis !== null && !narrow ? ` (${formatNumber(r.defis)} ${plural(r.defis, 'défi')})` : ''),
        )
        .join(' · ');
    // Labels wrapped to the drawing's width in the widest usual font (Plot's lineWidth assumes a narrower one);
    // every band is made tall enough for the longest (three lines on the 288 px drawing).
    const originalLabel = (p: string) => wrapToWidth(`Site d’origine : ${originalLine(p)}`, width - 12, fontSize);
    const blogLabel = (p: string) =>
      wrapToWidth(
        `Billet de mai 2019 : ${blog
          .filter((r) => r.promotion === p)
          .map((r) => `${r.financeur === PIA ? 'PIA' : 'administrations'}\u00a0${formatPercent(r.part)}`)
          .join(' · ')}`,
        width - 12,
        fontSize,
      );
    const mostLines = Math.max(1, ...promotions.flatMap((p) => [originalLabel(p).length, blogLabel(p).length]));
    const step = narrow ? Math.max(30, 13 * mostLines) : 22;
    return {
      height: domain.length * step + 34,
      marginLeft: 8,
      marginRight: narrow ? 64 : 170,
      marginBottom: 30,
      y: { domain, axis: null, padding: 0.1 },
      x: { domain: [0, 100], label: 'Part des salaires (%)', labelArrow: 'none', ticks: narrow ? 5 : 10 },
      color: { domain: series, range: palette },
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
          mine,
          Plot.stackX({
            y: (r: ChartRow<Row>) => bar(r.promotion, 'origine'),
            x: 'part',
            fill: 'financeur',
            order: ORIGINAL_STACK,
            offset: null,
            title: tip,
          }),
        ),
        Plot.text(
          promotions.filter((p) => mine.some((r) => r.promotion === p)),
          {
            y: (p: string) => labels(p, 'origine'),
            x: 0,
            text: (p: string) => originalLabel(p).join('\n'),
            textAnchor: 'start',
            fontSize,
            lineHeight: 1.1,
          },
        ),
        Plot.barX(
          blog,
          Plot.stackX({
            y: (r: ChartRow<Row>) => bar(r.promotion, 'billet'),
            x: 'part',
            fill: 'financeur',
            order: SERIES,
            offset: null,
            title: tip,
          }),
        ),
        Plot.text(
          promotions.filter((p) => blog.some((r) => r.promotion === p)),
          {
            y: (p: string) => labels(p, 'billet'),
            x: 0,
            text: (p: string) => blogLabel(p).join('\n'),
            textAnchor: 'start',
            fontSize,
          },
        ),
        // A sum that is not 100 % is the point to see: in bold.
        ...[false, true].map((off) =>
          Plot.text(
            sums.filter((r) => (r.part !== 100) === off),
            {
              y: (r: ChartRow<Row>) => bar(r.promotion, 'billet'),
              x: 'part',
              text: (r: ChartRow<Row>) => `= ${formatPercent(r.part)}${narrow ? '' : ' (somme calculée)'}`,
              textAnchor: 'start',
              dx: 6,
              fontSize,
              fontWeight: off ? 'bold' : 'normal',
            },
          ),
        ),
        Plot.tickX(
          rules.filter((r) => domain.includes(bar(r.promotion, 'billet'))),
          {
            x: 'part',
            y: (r: ChartRow<Row>) => bar(r.promotion, 'billet'),
            strokeDasharray: '3,2',
            strokeWidth: 2,
            insetTop: -2,
            insetBottom: -4,
          },
        ),
        Plot.text(rules, {
          y: (r: ChartRow<Row>) => head(r.promotion),
          x: 'part',
          text: (r: ChartRow<Row>) => `minimum des administrations : ${formatPercent(r.part)}`,
          textAnchor: 'start',
          dx: 4,
          fontSize,
        }),
      ],
    };
  },
});
