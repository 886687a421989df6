// @ts-check
import { defineConfig } from 'astro/config';

// The site is served from the root of its own domain; SITE_URL changes it (e.g. for a mirror or a preview).
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://data.eig-forever.org',
  trailingSlash: 'always',
  // Every page is static and self-contained: no inline script or stylesheet, so a strict
  // Content-Security-Policy holds without hashes.
  build: { format: 'directory', inlineStylesheets: 'never', assets: 'assets' },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  prefetch: false,
});
