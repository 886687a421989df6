// @ts-check
import { writeFile } from 'node:fs/promises';
import { defineConfig } from 'astro/config';
import { routePatterns, routes } from './src/routes.ts';
import { CONTENT_SECURITY_POLICY } from './src/site/meta.ts';

/**
 * Writes dist/_headers, read by the common static hosts (Netlify, Cloudflare Pages…): the same
 * Content-Security-Policy as the pages' meta tag plus what a meta tag cannot say. Every page may be framed
 * (frame-ancestors *): blog posts embed the charts and the old addresses.
 */
function staticHostHeaders() {
  return {
    name: 'static-host-headers',
    hooks: {
      /** @param {{ dir: URL }} options */
      'astro:build:done': async ({ dir }) => {
        const headers = [
          '/*',
          `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors *`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: strict-origin-when-cross-origin',
          routePatterns.assets,
          '  Cache-Control: public, max-age=31536000, immutable',
          routes.embedScript,
          '  Access-Control-Allow-Origin: *',
          '  Cache-Control: public, max-age=3600',
          routePatterns.api,
          '  Access-Control-Allow-Origin: *',
          routePatterns.chartData,
          '  Access-Control-Allow-Origin: *',
          routePatterns.tables,
          '  Access-Control-Allow-Origin: *',
          '',
        ];
        await writeFile(new URL('_headers', dir), headers.join('\n'));
      },
    },
  };
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
