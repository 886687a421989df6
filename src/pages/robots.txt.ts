import type { APIRoute } from 'astro';
import { routes } from '../routes.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(routes.sitemapXml, site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
