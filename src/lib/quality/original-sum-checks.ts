/**
 * The original site against its own totals: each total it printed against the sum of the parts it printed
 * (the programme's cost, the défis by funding, the EIG by profile…), its shares against 100 %, its laureates
 * against its EIG.
 */
import { ORIGINAL as O } from '../aggregates/original-site.ts';
import { sumOf, type Figure } from '../figures.ts';
import { ofPhrase, slugify } from '../text.ts';
import { comparisonCheck } from './comparison.ts';
import type { OriginalContext } from './original-context.ts';
import type { QualityCheck } from './quality-check.ts';

interface Sum {
  id: string;
  what: string;
  /** The printed total; none for shares, which add up to 100 %. */
  total?: string;
  parts: string[];
  /** Shares printed to two decimals may miss 100 % by a few hundredths. */
  tolerance?: number;
}

const SUMS: Sum[] = [
  {
    id: 'cout-total',
    what: 'coût total du programme',
    total: O.programmeTotal,
    parts: [O.salariesTotal, O.communicationTotal, O.accompanimentTotal, O.researchTotal],
  },
  {
    id: 'salaires',
    what: 'coût total des salaires des EIG',
    total: O.salariesTotal,
    parts: [O.salariesPia, O.salariesCofinanced, O.salariesSelfFunded],
  },
  {
    id: 'accompagnement',
    what: 'coût total de l’accompagnement',
    total: O.accompanimentTotal,
    parts: [O.mentoring, O.technical, O.thirdPlace, O.development],
  },
  {
    id: 'defis-financement',
    what: 'défis',
    total: O.defis,
    parts: [O.defisFunded, O.defisCofunded, O.defisSelfFunded],
  },
  {
    id: 'defis-paris',
    what: 'défis à Paris et hors de Paris',
    total: O.defis,
    parts: [O.defisParis, O.defisOutsideParis],
  },
  { id: 'profils', what: 'EIG par profil', total: O.eig, parts: [O.developers, O.dataScientists, O.designers] },
  { id: 'genre', what: 'femmes et hommes', total: O.eig, parts: [O.women, O.men] },
  {
    id: 'femmes-profils',
    what: 'femmes par profil',
    total: O.women,
    parts: [O.womenDevelopers, O.womenDataScientists, O.womenDesigners],
  },
  {
    id: 'parcours',
    what: 'parcours après le programme',
    total: O.eig,
    parts: [O.civilService, O.phd, O.privateSector, O.freelance, O.otherCareers],
  },
  {
    id: 'parts-depenses',
    what: 'parts du coût total',
    parts: [O.shareSalaries, O.shareResearch, O.shareAccompaniment, O.shareCommunication],
    tolerance: 0.05,
  },
  {
    id: 'parts-salaires',
    what: 'parts des salaires',
    parts: [O.sharePia, O.shareSelfFunded, O.shareCofinanced],
    tolerance: 0.05,
  },
];

const HUNDRED: Figure = { value: 100, unit: 'pourcent', from: [], computed: true };

export function originalSumChecks(ctx: OriginalContext, promotion: string): QualityCheck[] {
  return SUMS.flatMap((sum) => {
    const parts = sum.parts.map((p) => ctx.value(p, promotion));
    const total = sum.total === undefined ? HUNDRED : ctx.value(sum.total, promotion);
    if (!total || parts.some((p) => p === null)) return [];
    return [
      comparisonCheck({
        id: `origine-somme-${sum.id}-${slugify(promotion)}`,
        compares: `Site d’origine, ${promotion}, ${sum.what}`,
        a: { source: sum.total === undefined ? 'le total attendu' : `le total ${ofPhrase(ctx.site)}`, figure: total },
        b: { source: 'la somme de ses parties', figure: sumOf(parts as Figure[]) },
        tolerance: sum.tolerance,
      }),
    ];
  });
}

export function laureateChecks(ctx: OriginalContext, promotion: string): QualityCheck[] {
  const laureates = ctx.value(O.laureates, promotion);
  const eig = ctx.value(O.eig, promotion);
  if (!laureates || !eig) return [];
  return [
    comparisonCheck({
      id: `origine-laureats-${slugify(promotion)}`,
      compares: `Site d’origine, ${promotion}, lauréats et EIG`,
      a: { source: 'ses lauréats', figure: laureates },
      b: { source: 'son nombre d’EIG', figure: eig },
    }),
  ];
}
