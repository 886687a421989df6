import type { APIRoute } from 'astro';
import { tableNames } from '../lib/tables.ts';
import { routes } from '../routes.ts';
import { getSite } from '../site/data.ts';

/** Every public page, from the registry (embeds and redirects are left out: they are not pages to index). */
export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await getSite();
  const paths = [
    routes.home,
    ...site.charts.map((c) => c.addresses.page),
    routes.defis,
    ...site.entities.defis.map((d) => d.addresses.page),
    routes.bodies,
    ...site.entities.bodies.map((b) => b.addresses.page),
    routes.quality,
    routes.tables,
    ...tableNames.map((t) => routes.table(t)),
    routes.table('publications'),
    routes.history,
    routes.about,
    routes.accessibility,
    routes.siteMap,
  ];
  const urls = paths
    .map((p) => `  <url><loc>${new URL(p, siteUrl).href}</loc><lastmod>${site.model.snapshotDate}</lastmod></url>`)
    .join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
    {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    },
  );
};
