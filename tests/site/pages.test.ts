import { describe, expect, inject, it } from 'vitest';
import { charts, legacyAnchors } from '../../src/charts/registry.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/site/meta.ts';
import { listFiles, page, readText } from '../support/dist.ts';

const dist = inject('siteDir');
const html = listFiles(dist).filter((f) => f.endsWith('.html'));

describe('every page', () => {
  it.each(html)('%s is French, titled, described and under the Content-Security-Policy', (file) => {
    const doc = page(dist, file);
    expect(doc.documentElement.getAttribute('lang')).toBe('fr');
    expect(doc.querySelector('title')?.textContent?.trim()).toBeTruthy();
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      CONTENT_SECURITY_POLICY,
    );
    expect(doc.querySelectorAll('script:not([src])').length).toBe(0);
    expect(doc.querySelectorAll('style, [style]').length).toBe(0);
    if (!file.match(/^[a-z0-9-]+\/index\.html$/u) || !legacyAnchors().some((a) => file === `${a.anchor}/index.html`)) {
      expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')?.trim()).toBeTruthy();
    }
  });
});

describe('old addresses of data.eig-forever.org', () => {
  it('keeps every old anchor on the home page, pointing at its chart', () => {
    const doc = page(dist, 'index.html');
    for (const { anchor, slug } of legacyAnchors()) {
      const target = doc.getElementById(anchor)?.closest('[data-legacy-target]');
      expect(target?.getAttribute('data-legacy-target'), anchor).toBe(`/graphiques/${slug}/`);
      expect(target?.getAttribute('data-legacy-embed'), anchor).toBe(`/embed/${slug}/`);
    }
    expect(doc.getElementById('a-propos')?.getAttribute('data-legacy-target')).toBe('/a-propos/');
  });

  it('declares the anchors the programme’s May 2019 blog post embedded', () => {
    // Seen in versions of _posts/19-05-09-Chiffres-EIG(.md) of entrepreneur-interet-general/site-eig, and in the
    // original site's menu (etalab/eig-charts): the nine sections embedded with <iframe src=".../#…">.
    const embedded = [
      'promo',
      'carte',
      'competences',
      'genre',
      'selection',
      'financement',
      'depenses',
      'accompagnement',
      'communication',
    ];
    const declared = legacyAnchors().map((a) => a.anchor);
    for (const anchor of embedded) expect(declared, anchor).toContain(anchor);
  });

  it('keeps the older path form (/promo) as a page leading to the chart', () => {
    for (const { anchor, slug } of legacyAnchors()) {
      const doc = page(dist, `${anchor}/index.html`);
      expect(doc.body.getAttribute('data-legacy-target')).toBe(`/graphiques/${slug}/`);
      expect(doc.querySelector('noscript')?.innerHTML).toContain(`url=/graphiques/${slug}/`);
    }
  });
});

describe('site files', () => {
  it('lists every chart page in the sitemap', () => {
    const sitemap = readText(dist, 'sitemap.xml');
    for (const chart of charts) expect(sitemap).toContain(`/graphiques/${chart.slug}/</loc>`);
  });

  it('gives static hosts the same Content-Security-Policy, and lets every page be framed', () => {
    const headers = readText(dist, '_headers');
    expect(headers).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors *`);
    expect(headers).not.toMatch(/X-Frame-Options/iu);
  });
});
