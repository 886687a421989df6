/**
 * Golden files: a built output compared with the copy committed under tests/golden/. `UPDATE_GOLDEN=1` rewrites the
 * copies instead (review them with `git diff tests/golden/` before committing); a difference fails with a short
 * unified diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';

export const GOLDEN = join(import.meta.dirname, '..', 'golden');

const updating = () => process.env.UPDATE_GOLDEN === '1';

/** Lines of diff shown at most: enough to see what moved, short enough to read in a test report. */
const MAX_DIFF_LINES = 60;

/**
 * The HTML of a page with only what may change without the page changing normalised:
 * - the content hash in the name of a built asset (« /assets/a-propos.BUyomay5.css » → « /assets/a-propos.[hash].css »),
 *   which moves whenever any script or stylesheet is edited;
 * - whitespace between two tags, whose amount does not matter: none stays none (a line break is put there, so that
 *   a diff shows one tag per line), some becomes a line break and one space.
 * Text, attributes and the content of <pre> and <textarea> (where whitespace is shown) are left as built.
 */
export function normaliseHtml(html: string): string {
  return (
    html
      .replace(/(\/assets\/[\w.-]+?)\.[\w-]{8}\.(css|js|mjs|svg|png|woff2?)\b/gu, '$1.[hash].$2')
      .split(/(<(pre|textarea)\b[\s\S]*?<\/\2>)/u)
      .map((part, i) => {
        if (i % 3 === 1) return part;
        if (i % 3 === 2) return '';
        return part.replace(/>(\s*)</gu, (_, space: string) => (space ? '>\n <' : '>\n<'));
      })
      .join('')
      .trimEnd() + '\n'
  );
}

/** Decimals kept in a drawing's coordinates: a hundredth of a pixel, well below what a screen shows. */
const SVG_DECIMALS = 2;

/**
 * An SVG drawing normalised as a page is (one tag per line, see normaliseHtml), with the numbers of its attribute
 * values (coordinates, paths, transforms) rounded to a hundredth of a pixel: Plot's scales write 15 or more decimals
 * (« 217.6470588235294 »), whose last digits move when the same figures are summed in another order, though the
 * picture does not. Text is left as built.
 */
export function normaliseSvg(svg: string): string {
  const rounded = svg.replace(/(\s[\w:-]+=")([^"]*)"/gu, (_, name: string, value: string) => {
    const values = value.replace(/-?\d+\.\d{3,}(?:e-?\d+)?/gu, (n) => String(roundTo(Number(n))));
    return `${name}${values}"`;
  });
  return normaliseHtml(rounded);
}

function roundTo(n: number): number {
  const factor = 10 ** SVG_DECIMALS;
  return Math.round(n * factor) / factor;
}

/**
 * Compares `actual` with the golden file `name` (a path under tests/golden/). Throws, with a unified diff, when they
 * differ; writes the file instead with UPDATE_GOLDEN=1.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (updating()) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`tests/golden/${name} is missing: UPDATE_GOLDEN=1 writes it.`);
  }
  const expected = readFileSync(path, 'utf8');
  if (expected === actual) return;
  const patch = createTwoFilesPatch(`tests/golden/${name}`, 'built', expected, actual, '', '', { context: 2 });
  // Without the patch's first line (a row of « = ») and the tabs after the two file names.
  const lines = patch
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^(---|\+\+\+) (.*)\t$/u, '$1 $2'));
  const shown = lines.slice(0, MAX_DIFF_LINES);
  const more = lines.length - shown.length;
  throw new Error(
    [
      `The built ${name} differs from tests/golden/${name} (if the change is meant: UPDATE_GOLDEN=1 npx vitest run --project site tests/site/golden.test.ts, then review git diff tests/golden/):`,
      ...shown,
      ...(more > 0 ? [`… ${more} more lines`] : []),
    ].join('\n'),
  );
}
