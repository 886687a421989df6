import { describe, expect, it } from 'vitest';
import { frenchSpacing } from '../../src/lib/format.ts';
import {
  compareValues,
  countPhrase,
  fold,
  leaderPhrase,
  selectionPhrase,
  spaced,
} from '../../src/client/table-explorer.ts';

describe('table explorer ordering and search', () => {
  it('sorts numbers as numbers and text in French order, both ways, empty cells last', () => {
    const sorted = (values: string[], kind: string, direction: 'ascending' | 'descending') =>
      [...values].sort((a, b) => compareValues(a, b, kind, direction));
    expect(sorted(['10', '', '9', '2'], 'nombre', 'ascending')).toEqual(['2', '9', '10', '']);
    expect(sorted(['10', '', '9', '2'], 'nombre', 'descending')).toEqual(['10', '9', '2', '']);
    expect(sorted(['Étel', 'Paris', '', 'eig'], 'texte', 'ascending')).toEqual(['eig', 'Étel', 'Paris', '']);
    expect(sorted(['EIG 10', 'EIG 2'], 'texte', 'ascending')).toEqual(['EIG 2', 'EIG 10']);
  });

  it('finds text without its case or accents', () => {
    expect(fold('Ministère de l’Éducation')).toContain(fold('education'));
    expect(fold('DÉFI')).toBe('defi');
  });
});

describe('the selection in words', () => {
  const noun = ['défi', 'défis'] as const;

  it('counts the rows shown among all, then names the filters as a reading does', () => {
    expect(selectionPhrase(15, 131, noun, [{ label: 'Promotion', value: 'EIG 5' }])).toBe(
      '15 défis sur 131 : promotion EIG 5',
    );
    expect(
      selectionPhrase(1, 131, noun, [
        { label: 'Recherche', value: '« santé »' },
        { label: 'Thématique', value: 'Santé' },
      ]),
    ).toBe('1 défi sur 131 : recherche « santé », thématique Santé');
    expect(selectionPhrase(0, 1234, noun, [{ label: 'Ville', value: 'Lyon' }])).toBe(
      `0 défi sur ${(1234).toLocaleString('fr-FR')} : ville Lyon`,
    );
    expect(selectionPhrase(131, 131, noun, [])).toBe('131 défis');
    expect(countPhrase(15, 131, noun, true)).toBe('15 défis sur 131');
    expect(countPhrase(131, 131, noun, false)).toBe('131 défis');
  });

  it('names the most frequent value of the rows’ lists, the first in French order among equals', () => {
    const verb = ['demande l’expertise', 'demandent l’expertise'] as const;
    expect(leaderPhrase([['Développement', 'Design'], ['Développement'], ['Design']], verb)).toBe(
      '2 demandent l’expertise « Design »',
    );
    expect(leaderPhrase([['Juriste', 'Data'], ['Juriste'], ['Data'], ['Juriste']], verb)).toBe(
      '3 demandent l’expertise « Juriste »',
    );
    expect(leaderPhrase([['Écologie'], ['Eau']], verb)).toBe('1 demande l’expertise « Eau »');
    expect(leaderPhrase([['Juriste']], verb)).toBe('1 demande l’expertise « Juriste »');
    expect(leaderPhrase([[], []], verb)).toBeNull();
  });

  it('spaces French punctuation as the built pages do', () => {
    for (const text of [
      '15 défis sur 131 : promotion EIG 5 ; 8 demandent l’expertise « Design ».',
      'Retirer le filtre Recherche : « a ; b » ! ?',
      'DIG 2 et EIG 10',
    ])
      expect(spaced(text)).toBe(frenchSpacing(text));
    expect(spaced('a : « b »')).toBe('a\u00a0: «\u00a0b\u00a0»');
  });
});
