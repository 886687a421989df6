/** Phrases about promotions, as pages write them from the data (nothing about a promotion is written by hand). */
import { describe, expect, it } from 'vitest';
import {
  PROMOTION_NAMING,
  promotionRange,
  promotionSpan,
  promotionsBesides,
  promotionYears,
  thePromotions,
  yearsPhrase,
  type Promotion,
} from '../../src/lib/promotion-names.ts';
import { formatYearSpan } from '../../src/lib/format.ts';
import { ofPhrase } from '../../src/lib/text.ts';

const promotions: Promotion[] = [
  { name: 'EIG 1', year: 2017 },
  { name: 'EIG 2', year: 2018 },
  { name: 'EIG 3', year: 2019 },
  { name: 'EIG 4', year: null },
  { name: 'EIG 5', year: 2024 },
  { name: 'DIG', year: 2019 },
];

describe('promotion names', () => {
  it('accepts the programme’s naming only, and says what another spelling meant', () => {
    for (const good of ['EIG 1', 'EIG 8', 'EIG 12', 'DIG']) expect(PROMOTION_NAMING.accepts(good), good).toBe(true);
    for (const bad of ['EIG8', 'Eig 3', 'EIG 03', 'EIG 0', 'dig', 'Promotion 4', 'Total', ''])
      expect(PROMOTION_NAMING.accepts(bad), bad).toBe(false);
    expect(
      ['EIG8', 'Eig 3', 'EIG 03', 'eig-12', 'Promotion 4', 'Promotion 3 - DIG', 'dig', 'Total', 'EIG 2024'].map((v) =>
        PROMOTION_NAMING.meant(v),
      ),
    ).toEqual(['EIG 8', 'EIG 3', 'EIG 3', 'EIG 12', 'EIG 4', 'DIG', 'DIG', null, null]);
  });

  it('writes spans of promotions, the other programmes after them', () => {
    expect(promotionSpan(['EIG 3'])).toBe('promotion 3');
    expect(promotionSpan(['EIG 2', 'EIG 1'])).toBe('promotions 1 et 2');
    expect(promotionSpan(['EIG 1', 'EIG 2', 'EIG 3', 'EIG 4', 'EIG 5', 'EIG 6', 'EIG 7', 'DIG'])).toBe(
      'promotions 1 à 7 et DIG',
    );
    expect(promotionSpan(['EIG 1', 'EIG 3', 'EIG 4'])).toBe('promotions 1, 3 et 4');
    expect(promotionSpan(['EIG 1', 'EIG 2', 'DIG'])).toBe('promotions 1 et 2 ainsi que DIG');
    expect(promotionSpan(['DIG'])).toBe('DIG');
    expect(promotionSpan([])).toBe('');
  });

  it('writes them with their article, for a sentence', () => {
    expect(thePromotions(['EIG 4'])).toBe('la promotion 4');
    expect(thePromotions(['EIG 4', 'EIG 5', 'EIG 6', 'EIG 7', 'DIG'])).toBe(
      'les promotions 4 à 7 et les designers d’intérêt général',
    );
    expect(ofPhrase(thePromotions(['EIG 1', 'EIG 2', 'EIG 3']))).toBe('des promotions 1 à 3');
    expect(ofPhrase(thePromotions(['EIG 3']))).toBe('de la promotion 3');
  });

  it('writes the first and the last promotion with their years, only where the data gives them', () => {
    expect(promotionRange(['EIG 1', 'EIG 2', 'EIG 3', 'EIG 4'], promotions)).toBe(
      'de la promotion 1 (2017) à la promotion 4',
    );
    expect(promotionRange(['EIG 5', 'EIG 1', 'DIG'], promotions)).toBe(
      'de la promotion 1 (2017) à la promotion 5 (2024)',
    );
    expect(promotionRange(['EIG 3'], promotions)).toBe('la promotion 3 (2019)');
  });

  it('states a period only when every promotion has its year', () => {
    expect(promotionYears(['EIG 1', 'EIG 2', 'EIG 3', 'DIG'], promotions)).toEqual([2017, 2019]);
    expect(promotionYears(['EIG 1', 'EIG 4'], promotions)).toBeNull();
    expect(promotionYears(['EIG 9'], promotions)).toBeNull();
    expect(yearsPhrase([2017, 2019])).toBe('de 2017 à 2019');
    expect(yearsPhrase([2019, 2019])).toBe('en 2019');
    expect(formatYearSpan([2017, 2019])).toBe('2017\u20132019');
    expect(formatYearSpan([2019, 2019])).toBe('2019');
  });

  it('finds the promotions a chart has no figure for', () => {
    expect(promotionsBesides(['EIG 1', 'EIG 2', 'EIG 3'], promotions)).toEqual(['EIG 4', 'EIG 5', 'DIG']);
  });
});
