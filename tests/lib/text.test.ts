import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { flat, frenchSpacing, listFr, of, wrapToWidth, wrapWords } from '../../src/lib/text.ts';

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

describe('flat', () => {
  it('writes what the same template literal writes, whatever the values', () => {
    const values: unknown[] = [
      'texte',
      12.5,
      0,
      -3,
      null,
      undefined,
      true,
      ['a', 'b'],
      { toString: () => 'objet' },
      '',
    ];
    for (const a of values)
      for (const b of values) expect(flat`début ${a} milieu ${b} fin`).toBe(`début ${a} milieu ${b} fin`);
    expect(flat`${'seul'}`).toBe('seul');
    expect(flat`sans valeur`).toBe('sans valeur');
    expect(flat`${1}${2}${3}`).toBe('123');
  });

  it('keeps only the characters, not the pieces they were built from', () => {
    // A template literal's result holds its pieces (V8 builds a tree of them); `flat`'s holds one string.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const retained = (build: (i: number) => string) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept = Array.from({ length: 20_000 }, (_, i) => build(i));
      gc();
      const bytes = process.memoryUsage().heapUsed - before;
      expect(kept).toHaveLength(20_000);
      return bytes;
    };
    const piece = (i: number, what: string) => `${what} ${i}`;
    const tree = retained(
      (i) => `${piece(i, 'Site d’origine')} : ${piece(i, 'valeur')} selon ${piece(i, 'la somme')}.`,
    );
    const flatBytes = retained(
      (i) => flat`${piece(i, 'Site d’origine')} : ${piece(i, 'valeur')} selon ${piece(i, 'la somme')}.`,
    );
    expect(flatBytes).toBeLessThan(tree * 0.75);
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
