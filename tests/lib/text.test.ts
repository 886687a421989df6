import { describe, expect, it } from 'vitest';
import { frenchSpacing, listFr, of, wrapToWidth, wrapWords } from '../../src/lib/text.ts';

describe('French text helpers', () => {
  it('lists with commas and a final « et »', () => {
    expect(listFr([])).toBe('');
    expect(listFr(['EIG 1'])).toBe('EIG 1');
    expect(listFr(['EIG 1', 'EIG 3'])).toBe('EIG 1 et EIG 3');
    expect(listFr(['EIG 1', 'EIG 2', 'EIG 3'])).toBe('EIG 1, EIG 2 et EIG 3');
  });

  it('elides « de » before a vowel', () => {
    expect(of('EIG 3')).toBe('d’EIG 3');
    expect(of('la promotion 3')).toBe('de la promotion 3');
  });

  it('wraps words into lines no longer than asked, without breaking a word', () => {
    const lines = wrapWords('Sources : rapport d’analyse des promotions 1 et 2 (Etalab, 2019)', 20);
    expect(lines).toEqual(['Sources : rapport', 'd’analyse des', 'promotions 1 et 2', '(Etalab, 2019)']);
    expect(wrapWords('anticonstitutionnellement court', 10)).toEqual(['anticonstitutionnellement', 'court']);
  });
});

describe('wrapping', () => {
  // « 55 % » and « 1 234 € » are written with no-break spaces (U+202F, U+00A0): never cut there, never turned into
  // plain spaces.
  const text = 'parts : PIA 55\u202f% · administrations 1\u202f234\u00a0€ · autofinancés 12\u202f%';
  it('keeps no-break spaces in lines of at most n characters', () => {
    for (const max of [5, 10, 20, 40]) {
      const lines = wrapWords(text, max);
      expect(lines.join(' ')).toBe(text);
      expect(lines.some((l) => /(^|\s)(%|€|234)/u.test(l) && /^(%|€|234)/u.test(l))).toBe(false);
    }
  });
  it('keeps no-break spaces in lines of at most n pixels', () => {
    for (const width of [40, 80, 160, 320]) {
      const lines = wrapToWidth(text, width, 11);
      expect(lines.join(' ')).toBe(text);
      for (const line of lines) expect(line).not.toMatch(/^(%|€|234)/u);
    }
  });
});

describe('frenchSpacing', () => {
  it('puts a no-break space between a number and « % » or « € », and touches nothing else', () => {
    expect(frenchSpacing('29 % de 14 projets, 4 000 € nets')).toBe('29\u00a0% de 14 projets, 4 000\u00a0€ nets');
    expect(frenchSpacing('plus de 90\u202f% ; 5 €uros ; % 3 ; EIG 3')).toBe(
      'plus de 90\u202f% ; 5\u00a0€uros ; % 3 ; EIG 3',
    );
  });
});
