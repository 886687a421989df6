/**
 * The original site's shares against the figures they are shares of: the parts of the programme's cost (on
 * which total were they computed?), the salaries paid by each funder, the profiles and the women among the EIG,
 * the candidates who met a jury and those selected. A share is printed to two decimals or to the unit; printed
 * as its computation rounded, it is the same figure.
 */
import { ORIGINAL as O } from '../aggregates/original-site.ts';
import { shareOf, sumOf, type Figure } from '../figures.ts';
import { formatNumber, formatValue } from '../format.ts';
import { slugify } from '../text.ts';
import { comparisonCheck, written } from './comparison.ts';
import type { OriginalContext } from './original-context.ts';
import type { QualityCheck } from './quality-check.ts';

/** Shares of euros are printed to two decimals: within 0,006 point, the share is its computation rounded. */
const CENT_SHARE = 0.006;
/** Shares of people are printed to the unit. */
const UNIT_SHARE = 0.5;

/** The lines of the programme's cost, as the original adds them up. */
const COST_LINES = [O.salariesTotal, O.communicationTotal, O.accompanimentTotal, O.researchTotal];

/** Each line of the programme's cost with the share of the cost the original printed for it. */
const COST_SHARES: [share: string, part: string][] = [
  [O.shareSalaries, O.salariesTotal],
  [O.shareResearch, O.researchTotal],
  [O.shareAccompaniment, O.accompanimentTotal],
  [O.shareCommunication, O.communicationTotal],
];

const RATIOS: [share: string, part: string, whole: string, tolerance: number][] = [
  [O.sharePia, O.salariesPia, O.salariesTotal, CENT_SHARE],
  [O.shareSelfFunded, O.salariesSelfFunded, O.salariesTotal, CENT_SHARE],
  [O.shareCofinanced, O.salariesCofinanced, O.salariesTotal, CENT_SHARE],
  [O.shareDevelopers, O.developers, O.eig, UNIT_SHARE],
  [O.shareDataScientists, O.dataScientists, O.eig, UNIT_SHARE],
  [O.shareDesigners, O.designers, O.eig, UNIT_SHARE],
  [O.shareWomen, O.women, O.eig, UNIT_SHARE],
  [O.shareWomenDevelopers, O.womenDevelopers, O.developers, UNIT_SHARE],
  [O.shareWomenDataScientists, O.womenDataScientists, O.dataScientists, UNIT_SHARE],
  [O.shareWomenDesigners, O.womenDesigners, O.designers, UNIT_SHARE],
  [O.shareWomenDevelopersOfEig, O.womenDevelopers, O.eig, UNIT_SHARE],
  [O.shareWomenDataScientistsOfEig, O.womenDataScientists, O.eig, UNIT_SHARE],
  [O.shareWomenDesignersOfEig, O.womenDesigners, O.eig, UNIT_SHARE],
  [O.shareJury, O.jury, O.candidates, UNIT_SHARE],
  [O.selectivity, O.laureates, O.candidates, UNIT_SHARE],
];

/** A share of a positive figure; of nothing, there is none. */
const share = (part: Figure, whole: Figure) => (whole.value > 0 ? shareOf(part, whole) : null);

/**
 * The shares of the programme's cost against the printed total, which is not always the sum of the lines: the
 * sentence says what the shares would be on the sum when they were not computed on it.
 */
export function costShareChecks(ctx: OriginalContext, promotion: string): QualityCheck[] {
  const lines = COST_LINES.map((line) => ctx.value(line, promotion));
  const printedTotal = ctx.value(O.programmeTotal, promotion);
  if (!printedTotal || lines.some((l) => l === null)) return [];
  const basis = sumOf(lines as Figure[], 'euros');
  const onTotalText = `le calcul sur le total imprimé (${formatValue(printedTotal.value, 'euros')})`;
  return COST_SHARES.flatMap(([shareName, partName]) => {
    const printed = ctx.value(shareName, promotion);
    const part = ctx.value(partName, promotion);
    const onParts = part && share(part, basis);
    const onTotal = part && share(part, printedTotal);
    if (!printed || !onParts || !onTotal) return [];
    const matchesTotal = Math.abs(onTotal.value - printed.value) <= CENT_SHARE;
    return [
      comparisonCheck({
        id: `origine-part-${slugify(shareName)}-${slugify(promotion)}`,
        compares: `Site d’origine, ${promotion}, « ${shareName} »`,
        a: { source: ctx.site, figure: printed },
        b: {
          source: matchesTotal
            ? onTotalText
            : `${onTotalText} ; sur la somme des postes (${formatValue(basis.value, 'euros')}), le calcul donne ${written(onParts)}`,
          figure: onTotal,
        },
        tolerance: CENT_SHARE,
        asPrinted: true,
      }),
    ];
  });
}

/** Each printed share against the counts or sums it is a share of. */
export function ratioChecks(ctx: OriginalContext, promotion: string): QualityCheck[] {
  return RATIOS.flatMap(([shareName, partName, wholeName, tolerance]) => {
    const printed = ctx.value(shareName, promotion);
    const part = ctx.value(partName, promotion);
    const whole = ctx.value(wholeName, promotion);
    if (!printed || !part || !whole) return [];
    const id = `origine-ratio-${slugify(shareName)}-${slugify(promotion)}`;
    const compares = `Site d’origine, ${promotion}, « ${shareName} »`;
    const computed = share(part, whole);
    if (!computed) return [shareOfNobody(id, compares, printed, whole, wholeName)];
    return [
      comparisonCheck({
        id,
        compares,
        a: { source: ctx.site, figure: printed },
        b: { source: `le calcul ${formatNumber(part.value)} sur ${formatNumber(whole.value)}`, figure: computed },
        tolerance,
        asPrinted: true,
      }),
    ];
  });
}

/** « Pourcentage de femmes parmi les designers » written for a promotion without designers. */
function shareOfNobody(id: string, compares: string, printed: Figure, whole: Figure, wholeName: string): QualityCheck {
  const nobody = wholeName.replace(/^Nombre de /u, '').replace(/s$/u, '');
  return {
    id,
    severity: 'format',
    title: `${compares} : ${written(printed)} écrit alors que la promotion ne compte aucun ${nobody} : une part d’un effectif nul n’existe pas ; les graphiques l’écrivent « sans objet ».`,
    figures: [
      { label: 'Part écrite', figure: printed },
      { label: 'Effectif', figure: whole },
    ],
  };
}
