/**
 * The site built from the small fixture (tests/fixtures/small, built by tests/global-setup.ts), compared file by file
 * with the copies committed under tests/golden/small/: for three charts, the chart page and the embed page
 * (normalised: asset hashes and whitespace between tags, see tests/support/golden.ts), the JSON and the CSV (as
 * built). A change to any of them, meant or not, shows here as a diff; `UPDATE_GOLDEN=1` rewrites the copies.
 *
 * The charts: promotions (published figures, one promotion without host services), salaires (shares that do not
 * add up to 100 %, a promotion without a published split), candidatures (a printed total that is not the sum of
 * its rows, next to another publication's figure).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { routes } from '../../src/routes.ts';
import { expectGolden, normaliseHtml } from '../support/golden.ts';

const dist = inject('fixtureSiteDir');
const built = (address: string) => {
  const path = address.endsWith('/') ? `${address}index.html` : address;
  return readFileSync(join(dist, path), 'utf8');
};

describe.each(['promotions', 'salaires', 'candidatures'])('the %s chart built from the small fixture', (slug) => {
  it('has the page of tests/golden/', () => {
    expectGolden(`small/graphiques/${slug}.html`, normaliseHtml(built(routes.chart(slug))));
  });

  it('has the embed page of tests/golden/', () => {
    expectGolden(`small/embed/${slug}.html`, normaliseHtml(built(routes.embed(slug))));
  });

  it('has the JSON and the CSV of tests/golden/', () => {
    expectGolden(`small/api/${slug}.json`, built(routes.chartJson(slug)));
    expectGolden(`small/data/${slug}.csv`, built(routes.chartCsv(slug)));
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
