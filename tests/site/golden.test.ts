/**
 * The site built from the small fixture (tests/fixtures/small, built by tests/global-setup.ts), compared file by file
 * with the copies committed under tests/golden/small/ (`UPDATE_GOLDEN=1` rewrites them; see tests/support/golden.ts):
 *
 * - every chart of the registry: its drawing (the SVG file, wide and in its default view: the marks, legend, notes
 *   and source line; coordinates rounded to a hundredth of a pixel) and its JSON and CSV as built (figures,
 *   reading, notes, provenance), so that a change to any chart, meant or not, shows here as a diff naming it;
 * - for three charts, the whole chart page and embed page (normalised: asset hashes and whitespace between tags),
 *   so that the page around a chart is watched too without 27 copies of the same template. They are picked for
 *   what their data shows on a page: promotions (published figures, one promotion without host services), salaires
 *   (shares that do not add up to 100 %, a promotion without a published split), candidatures (a printed total
 *   that is not the sum of its rows, next to another publication's figure).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { charts } from '../../src/charts/registry.ts';
import { routes } from '../../src/routes.ts';
import { expectGolden, GOLDEN, normaliseHtml, normaliseSvg } from '../support/golden.ts';

const dist = inject('fixtureSiteDir');
const built = (address: string) => {
  const path = address.endsWith('/') ? `${address}index.html` : address;
  return readFileSync(join(dist, path), 'utf8');
};

const slugs = charts.map((chart) => chart.slug);
const PAGE_SAMPLES = ['promotions', 'salaires', 'candidatures'];

/** The golden copies of every chart: what each is, its path under tests/golden/small/, how the built file is read. */
const perChart = [
  {
    what: 'drawing',
    path: (slug: string) => `images/${slug}.svg`,
    read: (slug: string) => normaliseSvg(built(routes.chartSvg(slug))),
  },
  { what: 'JSON', path: (slug: string) => `api/${slug}.json`, read: (slug: string) => built(routes.chartJson(slug)) },
  { what: 'CSV', path: (slug: string) => `data/${slug}.csv`, read: (slug: string) => built(routes.chartCsv(slug)) },
];
const perPage = [
  {
    what: 'page',
    path: (slug: string) => `graphiques/${slug}.html`,
    read: (slug: string) => normaliseHtml(built(routes.chart(slug))),
  },
  {
    what: 'embed page',
    path: (slug: string) => `embed/${slug}.html`,
    read: (slug: string) => normaliseHtml(built(routes.embed(slug))),
  },
];

describe.each(slugs)('the %s chart built from the small fixture', (slug) => {
  it.each(perChart)('has the $what of tests/golden/', ({ path, read }) => {
    expectGolden(`small/${path(slug)}`, read(slug));
  });
});

describe.each(PAGE_SAMPLES)('the %s chart built from the small fixture', (slug) => {
  it.each(perPage)('has the $what of tests/golden/', ({ path, read }) => {
    expectGolden(`small/${path(slug)}`, read(slug));
  });
});

describe('the golden copies', () => {
  it('are those of charts the registry declares (UPDATE_GOLDEN=1 deletes the others)', () => {
    const expected = [
      ...perChart.flatMap(({ path }) => slugs.map(path)),
      ...perPage.flatMap(({ path }) => PAGE_SAMPLES.map(path)),
    ];
    const root = join(GOLDEN, 'small');
    const found = readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => readdirSync(join(root, entry.name)).map((file) => `${entry.name}/${file}`));
    const stale = found.filter((file) => !expected.includes(file));
    if (process.env.UPDATE_GOLDEN === '1') {
      for (const file of stale) rmSync(join(root, file));
      return;
    }
    expect(stale).toEqual([]);
    expect(expected.filter((file) => !existsSync(join(root, file)))).toEqual([]);
  });
});

describe('normalising a page', () => {
  it('hides asset hashes and the amount of whitespace between tags, nothing else', () => {
    expect(
      normaliseHtml(
        '<link href="/assets/a-propos.BUyomay5.css"><a href="/x/">t  u</a> <b>v</b>\n\n<i>w</i><textarea>a  <b>\n</textarea>',
      ),
    ).toBe(
      '<link href="/assets/a-propos.[hash].css">\n<a href="/x/">t  u</a>\n <b>v</b>\n <i>w</i><textarea>a  <b>\n</textarea>\n',
    );
    expect(normaliseHtml('<p>1</p><p>2</p>')).not.toBe(normaliseHtml('<p>1</p> <p>2</p>'));
  });
});

describe('normalising a drawing', () => {
  it('rounds the numbers of attribute values to a hundredth, puts a tag per line, and leaves text as built', () => {
    expect(
      normaliseSvg(
        '<svg viewBox="0 0 720 370"><path d="M0,0L-6,0" transform="translate(40,217.6470588235294)"/>' +
          '<line y1="-0.0012" x1="1.005e-7" x2="12.3456"/><text x="3.14159">0.123456 €</text></svg>',
      ),
    ).toBe(
      '<svg viewBox="0 0 720 370">\n<path d="M0,0L-6,0" transform="translate(40,217.65)"/>\n' +
        '<line y1="0" x1="0" x2="12.35"/>\n<text x="3.14">0.123456 €</text>\n</svg>\n',
    );
    expect(normaliseSvg('<rect x="10.004"/>')).not.toBe(normaliseSvg('<rect x="10.006"/>'));
  });
});
