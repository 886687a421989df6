/**
 * The one rule every quality check compares two figures with, on figures written here: what is equal (floating
 * point aside), what is a rounding (within a tolerance, or a share printed as its computation rounded), what is
 * a difference and how grave; and the sentence a comparison writes in each case.
 */
import { describe, expect, it } from 'vitest';
import type { Figure, Unit } from '../../../src/lib/figures.ts';
import { comparisonCheck, judge, written } from '../../../src/lib/quality/comparison.ts';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ');
const figure = (value: number, unit: Unit = 'personnes', extra: Partial<Figure> = {}): Figure => ({
  value,
  unit,
  from: [{ table: 'chiffres-cles', line: 2, source: 'rapport-2019' }],
  computed: false,
  ...extra,
});

describe('judge: equal, a rounding, or a difference', () => {
  it('takes what floating point leaves of a sum for equality, and nothing more', () => {
    expect(judge(0.1 + 0.2, 0.3)).toBe('conforme');
    expect(judge(4658243.47, 4658243.470000001)).toBe('conforme');
    expect(judge(10, 10.00001)).toBe('incoherence');
  });

  it('calls a gap up to the tolerance a rounding, and beyond it the severity it is given', () => {
    expect(judge(4658243, 4658243.47, { tolerance: 1 })).toBe('arrondi');
    expect(judge(99, 100, { tolerance: 1 })).toBe('arrondi');
    expect(judge(98.9, 100, { tolerance: 1 })).toBe('incoherence');
    expect(judge(4, 6, { different: 'ecart' })).toBe('ecart');
    expect(judge(200, 190, { tolerance: 5, different: 'approximation' })).toBe('approximation');
    expect(judge(6, 6, { different: 'ecart' })).toBe('conforme');
  });

  it('takes a share printed as its computation rounded to the printed decimals for the same figure', () => {
    const eightOfEleven = (100 * 8) / 11; // 72,7272…
    expect(judge(73, eightOfEleven, { tolerance: 0.5, asPrinted: true })).toBe('conforme');
    expect(judge(72.73, eightOfEleven, { tolerance: 0.5, asPrinted: true })).toBe('conforme');
    // Printed to two decimals, 72,72 is not 72,7272… rounded: a rounding, not the same figure.
    expect(judge(72.72, eightOfEleven, { tolerance: 0.5, asPrinted: true })).toBe('arrondi');
    expect(judge(80, eightOfEleven, { tolerance: 0.5, asPrinted: true })).toBe('incoherence');
    // Without `asPrinted`, 73 for 72,73 is a rounding.
    expect(judge(73, eightOfEleven, { tolerance: 0.5 })).toBe('arrondi');
  });
});

describe('written: a figure as a comparison prints it', () => {
  it('writes shares to two decimals, rounded, and other figures as the site formats them', () => {
    expect(plain(written(figure(28.125, 'pourcent')))).toBe('28,13 %');
    expect(plain(written(figure(37, 'pourcent')))).toBe('37 %');
    expect(plain(written(figure((100 * 10) / 27, 'pourcent')))).toBe('37,04 %');
    expect(plain(written(figure(4658243.47, 'euros')))).toBe('4 658 243,47 €');
    expect(plain(written(figure(200, 'candidatures', { qualifier: 'environ' })))).toBe('environ 200');
    expect(plain(written(figure(90, 'pourcent', { qualifier: 'plus de' })))).toBe('plus de 90 %');
  });
});

describe('comparisonCheck: the check and its sentence', () => {
  const check = (a: Figure, b: Figure, rule = {}) =>
    comparisonCheck({
      id: 'mentors-eig-1',
      compares: 'Nombre de mentors, EIG 1',
      a: { source: 'la liste du site', figure: a },
      b: { source: 'le rapport 2019', figure: b },
      ...rule,
    });

  it('says two equal figures agree', () => {
    const c = check(figure(6), figure(6));
    expect(c.severity).toBe('conforme');
    expect(plain(c.title)).toBe('Nombre de mentors, EIG 1 : 6 selon la liste du site comme selon le rapport 2019.');
  });

  it('gives both figures of a difference, with who says each, and the labels of its figures', () => {
    const c = check(figure(4), figure(6), { different: 'ecart' });
    expect(c.severity).toBe('ecart');
    expect(plain(c.title)).toBe('Nombre de mentors, EIG 1 : 4 selon la liste du site, 6 selon le rapport 2019.');
    expect(c.figures.map((f) => [f.label, f.figure.value])).toEqual([
      ['La liste du site', 4],
      ['Le rapport 2019', 6],
    ]);
  });

  it('marks a rounding, and a share printed as its computation rounded as the same figure', () => {
    expect(plain(check(figure(28, 'pourcent'), figure(28.125, 'pourcent'), { tolerance: 0.5 }).title)).toBe(
      'Nombre de mentors, EIG 1 : 28 % selon la liste du site, 28,13 % selon le rapport 2019 (arrondi).',
    );
    const printed = check(figure(73, 'pourcent'), figure((100 * 8) / 11, 'pourcent'), {
      tolerance: 0.5,
      asPrinted: true,
    });
    expect(printed.severity).toBe('conforme');
    expect(plain(printed.title)).toBe(
      'Nombre de mentors, EIG 1 : 73 % selon la liste du site, 72,73 % selon le rapport 2019, soit le même chiffre une fois arrondi.',
    );
  });

  it('is plain data: a copy is the same check, with no accessor', () => {
    const c = check(figure(4), figure(6));
    expect(structuredClone(c)).toEqual(c);
    expect(Object.keys(c)).toEqual(['id', 'severity', 'title', 'figures']);
    expect(Object.values(Object.getOwnPropertyDescriptors(c)).some((d) => d.get)).toBe(false);
  });
});
