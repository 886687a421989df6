// @ts-check
import { writeFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { routePatterns, routes } from './src/routes.ts';
import { CONTENT_SECURITY_POLICY } from './src/site/meta.ts';

/**
 * Writes dist/_headers, read by the common static hosts (Netlify, Cloudflare Pages…): the same
 * Content-Security-Policy as the pages' meta tag plus what a meta tag cannot say, frame-ancestors. Only the
 * pages other sites frame may be framed by anyone: the embeds, the home page (blog posts framed
 * https://data.eig-forever.org/#promo) and the old addresses (/promo…); every other page only by the site
 * itself. A path gets one Content-Security-Policy, never two (a host would send both, and the stricter wins),
 * so the policy is written per page, pages of a folder that all agree sharing one rule.
 */
const FRAMED_ROUTES = ['/', '/[legacy]', '/embed/[slug]'];

function staticHostHeaders() {
  return {
    name: 'static-host-headers',
    hooks: {
      /** @param {{ dir: URL, pages: { pathname: string }[], assets: Map<string, URL[]> }} options */
      'astro:build:done': async ({ dir, pages, assets }) => {
        const root = fileURLToPath(dir);
        const framed = new Set(
          FRAMED_ROUTES.flatMap((route) => assets.get(route) ?? []).map((url) =>
            pageOf(relative(root, fileURLToPath(url))),
          ),
        );
        /** @param {boolean} frameable */
        const policy = (frameable) =>
          `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors ${frameable ? '*' : "'self'"}`;
        /** @type {Map<string, [string, boolean][]>} pages (« /graphiques/promotions/ ») by their first folder */
        const folders = new Map();
        // The 404 page answers at any address: no rule of its own.
        for (const { pathname } of pages.filter((p) => p.pathname.replace(/\/$/u, '') !== '404')) {
          const path = `/${pathname}`.replace(/\/?$/u, '/');
          const folder = path.split('/')[1] ?? '';
          folders.set(folder, [...(folders.get(folder) ?? []), [path, framed.has(path)]]);
        }
        /** @type {Map<string, string[]>} header lines by path */
        const rules = new Map();
        /** @param {string} path @param {string[]} lines */
        const add = (path, ...lines) => rules.set(path, [...(rules.get(path) ?? []), ...lines]);
        add('/*', '  X-Content-Type-Options: nosniff', '  Referrer-Policy: strict-origin-when-cross-origin');
        for (const [folder, list] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
          const frameable = list[0]?.[1] ?? false;
          if (folder !== '' && list.length > 1 && list.every(([, f]) => f === frameable))
            add(`/${folder}/*`, policy(frameable));
          else for (const [path, f] of list) add(path, policy(f));
        }
        add(routePatterns.assets, '  Cache-Control: public, max-age=31536000, immutable');
        add(routes.embedScript, '  Access-Control-Allow-Origin: *', '  Cache-Control: public, max-age=3600');
        for (const path of [routePatterns.api, routePatterns.chartData, routePatterns.tables])
          add(path, '  Access-Control-Allow-Origin: *');
        await writeFile(
          new URL('_headers', dir),
          [...rules].flatMap(([path, lines]) => [path, ...lines, '']).join('\n'),
        );
      },
    },
  };
}

/** `embed/promotions/index.html` → `/embed/promotions/`; `index.html` → `/`. @param {string} file */
function pageOf(file) {
  return `/${file.split(sep).join('/')}`.replace(/index\.html$/u, '');
}

// The site is served from the root of its own domain; SITE_URL changes it (e.g. for a mirror or a preview).
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://data.eig-forever.org',
  trailingSlash: 'always',
  // Every page is static and self-contained: no inline script or stylesheet, so a strict
  // Content-Security-Policy holds without hashes.
  build: { format: 'directory', inlineStylesheets: 'never', assets: 'assets' },
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [staticHostHeaders()],
  devToolbar: { enabled: false },
  prefetch: false,
});
