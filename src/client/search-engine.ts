/** The search engine, loaded when a reader first focuses a search field: MiniSearch and the build's index. */
import MiniSearch from 'minisearch';
import { QUERY_OPTIONS, SEARCH_KINDS, SEARCH_OPTIONS, type SearchDocument } from '../lib/search-options.ts';

export interface SearchResult {
  url: string;
  title: string;
  kindLabel: string;
  detail: string;
}

export interface SearchEngine {
  search(query: string): SearchResult[];
}

export async function loadSearchEngine(indexUrl: string): Promise<SearchEngine> {
  const response = await fetch(indexUrl);
  if (!response.ok) throw new Error(`Index de recherche introuvable : ${indexUrl} (${response.status})`);
  const index = MiniSearch.loadJSON<SearchDocument>(await response.text(), SEARCH_OPTIONS);
  return {
    search: (query) =>
      index.search(query, QUERY_OPTIONS).map((r) => ({
        url: r.url as string,
        title: r.title as string,
        kindLabel: SEARCH_KINDS[r.kind as SearchDocument['kind']],
        detail: r.detail as string,
      })),
  };
}
