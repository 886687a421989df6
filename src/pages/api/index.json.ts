import type { APIRoute } from 'astro';
import { catalogue } from '../../publish/outputs.ts';
import { getSite } from '../../site/data.ts';

/** Catalogue of the site's JSON and CSV files, for anyone who wants the data rather than the pages. */
export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(catalogue(await getSite(), site!), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
