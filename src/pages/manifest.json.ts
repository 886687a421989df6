import type { APIRoute } from 'astro';
import { getSite } from '../site/data.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await getSite()).model.manifest, null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
