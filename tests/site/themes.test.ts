/**
 * The image files drawn for dark mode (the home page's thumbnails) use the colours of the site's dark mode, so
 * that a series has the same colour in a thumbnail and on its page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DARK_PALETTE, PALETTE } from '../../src/charts/types.ts';

const css = readFileSync('src/styles/site.css', 'utf8');

/** The --s0… variables of one rule of the stylesheet. */
function seriesColours(selector: string): string[] {
  const start = css.indexOf(`${selector} {`);
  expect(start, selector).toBeGreaterThanOrEqual(0);
  const block = css.slice(start, css.indexOf('}', start));
  return [...block.matchAll(/--s(\d+): (#[0-9a-f]{6});/giu)].map((m) => m[2]!.toLowerCase());
}

describe('series colours', () => {
  it('are the same in light image files and the light stylesheet', () => {
    expect(seriesColours(':root')).toEqual(PALETTE.map((c) => c.toLowerCase()));
  });

  it('are the same in dark image files and the dark stylesheet', () => {
    expect(seriesColours(':root.theme-dark')).toEqual(DARK_PALETTE.map((c) => c.toLowerCase()));
  });
});
