import { describe, expect, it } from 'vitest';
import { compareValues, fold } from '../../src/client/table-explorer.ts';

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
