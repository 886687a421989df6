/**
 * The series colours: twelve, for the programme's promotions and the designers (DIG) with room for promotions the
 * data adds, readable on the page in light and in dark mode, and telling neighbours apart for colour-blind readers
 * too. Colour science from culori (WCAG
 * contrast, CIEDE2000, Machado et al.'s colour-vision-deficiency simulation), not from this repository.
 */
import { readFileSync } from 'node:fs';
import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  parse,
  wcagContrast,
} from 'culori';
import { describe, expect, it } from 'vitest';
import { DARK_PALETTE, PALETTE } from '../../src/charts/types.ts';

const css = readFileSync(new URL('../../src/styles/site.css', import.meta.url), 'utf8');

/** The custom properties of one CSS block, read with a pattern written here (the blocks are flat). */
function variables(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, `${selector} in site.css`).toBeGreaterThanOrEqual(0);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*([^;]+);/gu)].map((m) => [m[1]!, m[2]!.trim()]));
}

const light = variables(':root');
const darkBySystem = variables(':root:not(.theme-light)');
const darkByChoice = variables(':root.theme-dark');
const series = (vars: Record<string, string>) =>
  Object.keys(vars)
    .filter((k) => /^--s\d+$/u.test(k))
    .sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)))
    .map((k) => vars[k]!.toLowerCase());

const modes = [
  { mode: 'clair', colours: series(light), background: light['--bg']! },
  { mode: 'sombre', colours: series(darkByChoice), background: darkByChoice['--bg']! },
];
const difference = differenceCiede2000();
const colour = (hex: string) => parse(hex)!;
const simulations = {
  deutéranopie: filterDeficiencyDeuter(1),
  protanopie: filterDeficiencyProt(1),
  tritanopie: filterDeficiencyTrit(1),
};

describe('series palette', () => {
  it('has twelve colours, the same in the charts (PALETTE, DARK_PALETTE) and in the stylesheet, dark mode by system or by choice', () => {
    expect(PALETTE).toHaveLength(12);
    expect(series(light)).toEqual(PALETTE.map((c) => c.toLowerCase()));
    expect(series(darkBySystem)).toEqual(DARK_PALETTE.map((c) => c.toLowerCase()));
    expect(series(darkBySystem)).toEqual(series(darkByChoice));
    for (const i of PALETTE.keys()) {
      for (const rule of [`.sf${i} {\n  fill: var(--s${i});`, `.ss${i} {\n  stroke: var(--s${i});`]) {
        expect(css, rule).toContain(rule);
      }
      expect(css).toContain(`.swatch.s${i} {\n  background: var(--s${i});`);
    }
  });

  it.for(modes)('has at least 3:1 contrast with the page background in mode $mode', ({ colours, background }) => {
    for (const colour of colours) expect(wcagContrast(colour, background), colour).toBeGreaterThanOrEqual(3);
  });

  it.for(modes)('keeps neighbouring colours apart in mode $mode (CIEDE2000 ≥ 20)', ({ colours }) => {
    for (const [i, colour] of colours.slice(1).entries()) {
      expect(difference(colours[i]!, colour), `${colours[i]} / ${colour}`).toBeGreaterThanOrEqual(20);
    }
  });

  it.for(modes)(
    'keeps neighbouring colours apart for colour-blind readers in mode $mode (ΔE2000 ≥ 10)',
    ({ colours }) => {
      for (const [name, simulate] of Object.entries(simulations)) {
        for (const [i, next] of colours.slice(1).entries()) {
          const gap = difference(simulate(colour(colours[i]!)), simulate(colour(next)));
          expect(gap, `${name} : ${colours[i]} / ${next}`).toBeGreaterThanOrEqual(10);
        }
      }
    },
  );

  it('catches colours too close or too pale (the checks can fail)', () => {
    expect(wcagContrast('#f2c14e', '#ffffff')).toBeLessThan(3);
    expect(difference('#0072b2', '#1f77b4')).toBeLessThan(20);
    const deuteranopia = simulations.deutéranopie;
    expect(difference(deuteranopia(colour('#c75300')), deuteranopia(colour('#806600')))).toBeLessThan(10);
  });
});
