import type { APIRoute } from 'astro';
import { charts } from '../charts/registry.ts';
import { tableNames } from '../lib/tables.ts';
import { site } from '../site/data.ts';
import { chartPath } from '../charts/types.ts';

/** Every public page, from the registry (embeds and redirects are left out: they are not pages to index). */
export const GET: APIRoute = ({ site: siteUrl }) => {
  const paths = [
    '/',
    ...charts.map((c) => chartPath(c.slug)),
    '/qualite/',
    '/tables/',
    ...tableNames.map((t) => `/tables/${t}/`),
    '/tables/publications/',
    '/historique/',
    '/a-propos/',
    '/accessibilite/',
    '/plan-du-site/',
  ];
  const urls = paths
    .map((p) => `  <url><loc>${new URL(p, siteUrl).href}</loc><lastmod>${site.snapshotDate}</lastmod></url>`)
    .join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
    {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    },
  );
};
