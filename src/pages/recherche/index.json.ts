import type { APIRoute } from 'astro';
import MiniSearch from 'minisearch';
import { SEARCH_OPTIONS } from '../../lib/search-options.ts';
import { searchDocuments } from '../../publish/search-documents.ts';
import { getSite } from '../../site/data.ts';

/** The search index, written once per build; the search script loads it with the same options. */
export const GET: APIRoute = async () => {
  const site = await getSite();
  const index = new MiniSearch(SEARCH_OPTIONS);
  index.addAll(searchDocuments(site, site.entities));
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
