import { describe, expect, it } from 'vitest';
import { listFr, of, wrapWords } from '../../src/lib/text.ts';

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
