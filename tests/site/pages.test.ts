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
    // Every chart from the header (issue 21, point 8), on every page but embeds and the old addresses' stubs.
    if (doc.querySelector('header.site-header')) {
      const menu = [...doc.querySelectorAll('header.site-header details.header-menu a')].map((a) =>
        a.getAttribute('href'),
      );
      expect(menu.sort(), file).toEqual(charts.map((c) => `/graphiques/${c.slug}/`).sort());
    }
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

  it('gives static hosts the same Content-Security-Policy, and lets other sites frame only embeds, the home page and old addresses', () => {
    const headers = readText(dist, '_headers');
    expect(headers).not.toMatch(/X-Frame-Options/iu);
    // Rules as static hosts read them: a path (`*` for any characters), then indented « Name: value » lines.
    const rules: { pattern: RegExp; policy: string | null }[] = [];
    for (const line of headers.split('\n')) {
      if (/^\S/u.test(line))
        rules.push({
          pattern: new RegExp(
            `^${line
              .trim()
              .replace(/[.+?^${}()|[\]\\]/gu, '\\$&')
              .replace(/\*/gu, '.*')}$`,
            'u',
          ),
          policy: null,
        });
      const csp = /^\s+Content-Security-Policy: (.*)$/u.exec(line);
      if (csp) rules.at(-1)!.policy = csp[1]!;
    }
    const framable = new Set([
      '/',
      ...legacyAnchors().map((a) => `/${a.anchor}/`),
      ...charts.map((c) => `/embed/${c.slug}/`),
    ]);
    let framed = 0;
    for (const file of html.filter((f) => f !== '404.html')) {
      const path = `/${file.replace(/index\.html$/u, '')}`;
      const policies = rules.filter((r) => r.policy && r.pattern.test(path)).map((r) => r.policy);
      // One policy per page: two would both apply, the stricter winning.
      expect(policies, path).toHaveLength(1);
      const frame = framable.has(path) ? '*' : "'self'";
      if (framable.has(path)) framed++;
      expect(policies[0], path).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors ${frame}`);
    }
    expect(framed).toBe(framable.size);
    expect(html).toContain('graphiques/promotions/index.html');
  });
});
