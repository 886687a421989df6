import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { flat, listFr, of, wrapWords } from '../../src/lib/text.ts';

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
