import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatEuros,
  formatEurosShort,
  formatFigure,
  formatMonth,
  formatNumber,
  formatPercent,
  frenchSpacing,
} from '../../src/lib/format.ts';

const spaces = (text: string) => text.replace(/\u00a0/gu, ' ');

describe('French formats', () => {
  it('writes money with grouped thousands, a decimal comma and a spaced euro sign', () => {
    expect(spaces(formatEuros(1234.56))).toBe('1 234,56 €');
    expect(spaces(formatEuros(5134558.47))).toBe('5 134 558,47 €');
    expect(spaces(formatEuros(800000))).toBe('800 000 €');
    expect(spaces(formatEuros(74209.5))).toBe('74 209,50 €');
    expect(spaces(formatEurosShort(5134558.47))).toBe('5,13 M€');
  });

  it('writes percentages with a space before %, and one decimal only when not whole', () => {
    expect(spaces(formatPercent(56))).toBe('56 %');
    expect(spaces(formatPercent((100 * 10) / 27))).toBe('37,0 %');
    expect(spaces(formatPercent(56.25))).toBe('56,3 %');
  });

  it('keeps the publication’s qualifier', () => {
    expect(spaces(formatFigure({ value: 90, unit: 'pourcent', qualifier: 'plus de' }))).toBe('plus de 90 %');
    expect(spaces(formatFigure({ value: 500, unit: 'candidatures', qualifier: 'environ' }))).toBe('environ 500');
  });

  it('uses no-break spaces so figures never wrap inside', () => {
    expect(formatNumber(4658243)).toBe('4\u00a0658\u00a0243');
    expect(formatEuros(12)).toBe('12\u00a0€');
  });

  it('writes dates in French', () => {
    expect(formatMonth('2019-11')).toBe('novembre 2019');
    // Abbreviated as French typography does: a short name stays whole.
    expect(formatMonth('2019-11', { short: true })).toBe('nov. 2019');
    expect(formatMonth('2021-03', { short: true })).toBe('mars 2021');
    expect(formatMonth('2020-02', { short: true })).toBe('févr. 2020');
    expect(formatDate('2026-11-22')).toBe('22 novembre 2026');
    expect(formatDate('2021-04-01T10:00:00Z')).toBe('1er avril 2021');
    expect(formatDate('2020')).toBe('2020');
  });

  it('keeps punctuation and promotion numbers on the line of the word before them', () => {
    expect(frenchSpacing('Défis, EIG 4 : 17 selon le site ; 16 selon le billet ! « Total » ?')).toBe(
      'Défis, EIG\u00a04\u00a0: 17 selon le site\u202f; 16 selon le billet\u202f! «\u00a0Total\u00a0»\u202f?',
    );
    expect(frenchSpacing('https://example.org/a:b')).toBe('https://example.org/a:b');
  });
});
