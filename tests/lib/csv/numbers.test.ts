import { describe, expect, it } from 'vitest';
import { decimalMarkEvidence, parseNumber, type DecimalMark } from '../../../src/lib/csv/numbers.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

// Every expected value below is written by hand from what a French reader would understand.
const readable: [raw: string, hint: DecimalMark, value: number | null, suffix: '' | '€' | '%'][] = [
  ['1 234,56 €', ',', 1234.56, '€'],
  [`1${NBSP}234,56${NBSP}€`, ',', 1234.56, '€'],
  [`1${NNBSP}234${NNBSP}567,5`, ',', 1234567.5, ''],
  ['56 %', ',', 56, '%'],
  [`56${NNBSP}%`, ',', 56, '%'],
  ['12,5%', ',', 12.5, '%'],
  ['1.234,56', ',', 1234.56, ''],
  ['1.234,56', '.', 1234.56, ''],
  ['4658243', ',', 4658243, ''],
  ['4658243', '.', 4658243, ''],
  ['756553.38', ',', 756553.38, ''],
  ['756553.38', '.', 756553.38, ''],
  ['1.500', ',', 1500, ''],
  ['1.500', '.', 1.5, ''],
  ['1,500', ',', 1.5, ''],
  ['1,500', '.', 1500, ''],
  ['12,5', ',', 12.5, ''],
  ['12,5', '.', 12.5, ''],
  ['1,234.56', ',', 1234.56, ''],
  ['1,234,567.89', '.', 1234567.89, ''],
  ['1.234.567', ',', 1234567, ''],
  ['1.234.567', '.', 1234567, ''],
  ['1 500', '.', 1500, ''],
  ['0,500', ',', 0.5, ''],
  // A leading zero cannot start a group of thousands: « 0.500 » is a half whatever the hint.
  ['0.500', ',', 0.5, ''],
  ['-€', ',', 0, '€'],
  ['-   €', ',', 0, '€'],
  ['-', ',', 0, ''],
  ['–', ',', 0, ''],
  ['', ',', null, ''],
  ['   ', ',', null, ''],
  [NBSP, ',', null, ''],
  ['-12,5', ',', -12.5, ''],
  ['\u221212,5', ',', -12.5, ''],
  ['- 1 234,56 €', ',', -1234.56, '€'],
  ['+7', ',', 7, ''],
  ['-0', ',', 0, ''],
  ['0', ',', 0, ''],
  ['007', ',', 7, ''],
  ['  42  ', ',', 42, ''],
  ['1234 EUR', ',', 1234, '€'],
  ['1234 euros', ',', 1234, '€'],
  ['80 000 €', ',', 80000, '€'],
  ['2 100 364,09', ',', 2100364.09, ''],
  ['9007199254740991', ',', 9007199254740991, ''],
];

describe('parseNumber reads French and other spreadsheet numbers', () => {
  it.each(readable)('« %s » (décimale %s) → %s', (raw, hint, value, suffix) => {
    const parsed = parseNumber(raw, hint);
    expect(parsed).toEqual({ ok: true, value, suffix });
    if (parsed.ok && parsed.value === 0) expect(Object.is(parsed.value, -0)).toBe(false);
  });

  it('uses « , » as the default decimal hint', () => {
    expect(parseNumber('1.500')).toEqual({ ok: true, value: 1500, suffix: '' });
    expect(parseNumber('1,500')).toEqual({ ok: true, value: 1.5, suffix: '' });
  });
});

const unreadable: [raw: string, reasonPart: string][] = [
  ['abc', 'nombre illisible « abc »'],
  ['12a', 'nombre illisible'],
  ['1e5', 'nombre illisible'],
  ['0x10', 'nombre illisible'],
  ['NaN', 'nombre illisible'],
  ['Infinity', 'nombre illisible'],
  ['∞', 'nombre illisible'],
  ['€', 'nombre illisible'],
  ['%', 'nombre illisible'],
  ['- %', 'nombre illisible'],
  ['--5', 'nombre illisible'],
  ['5-', 'nombre illisible'],
  ['1..2', 'nombre illisible'],
  ['1,,2', 'nombre illisible'],
  ['.5', 'nombre illisible'],
  ['5,', 'nombre illisible'],
  ['(12)', 'nombre illisible'],
  ['12 k€', 'nombre illisible'],
  ['١٢', 'nombre illisible'],
  ['12 34', 'séparateur de milliers mal placé'],
  ['1 2', 'séparateur de milliers mal placé'],
  ['1 23', 'séparateur de milliers mal placé'],
  ['12 345 6', 'séparateur de milliers mal placé'],
  ['1234 567', 'séparateur de milliers mal placé'],
  ['1.23.456', 'séparateur de milliers mal placé'],
  ['1,2345.6', 'séparateur de milliers mal placé'],
  ['1,2,3', 'séparateur de milliers mal placé'],
  ['1 234.567,5', 'nombre illisible'],
  ['1.234,567,8', 'nombre illisible'],
  ['1,5 %%', 'nombre illisible'],
  ['12 % €', 'nombre illisible'],
  ['999999999999999999999', 'hors limites'],
];

describe('parseNumber refuses what it cannot read for sure', () => {
  it.each(unreadable)('« %s » → erreur (%s)', (raw, reasonPart) => {
    const parsed = parseNumber(raw, ',');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toContain(reasonPart);
      expect(parsed.reason).not.toMatch(/[\r\n]/u);
    }
  });

  it('shows a long or multi-line cell on one short line in its reason', () => {
    const parsed = parseNumber(`12\n34${'x'.repeat(5000)}`, ',');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).not.toMatch(/[\r\n]/u);
      expect(parsed.reason.length).toBeLessThan(200);
    }
  });
});

describe('decimalMarkEvidence: what a single number proves about its file’s decimal mark', () => {
  it.each([
    ['12,5', ','],
    ['756553.38', '.'],
    ['1 234,56', ','],
    ['1.234,56', ','],
    ['1,234.56', '.'],
    ['1.234.567', ','],
    ['1,234,567', '.'],
    ['0.500', '.'],
    ['1234,567', ','],
    ['1.500', null],
    ['1,500', null],
    ['4658243', null],
    ['1 500', null],
    ['-€', null],
    ['', null],
    ['abc', null],
  ] as const)('« %s » → %s', (raw, mark) => {
    expect(decimalMarkEvidence(raw)).toBe(mark);
  });
});
