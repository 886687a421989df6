import type { APIRoute } from 'astro';
import { site } from '../site/data.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(site.snapshot.manifest, null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
