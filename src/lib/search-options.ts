/**
 * How the site's search reads French, shared by the index written at build time and the script that loads it
 * (MiniSearch must read a saved index with the options it was written with): accents and case ignored
 * (« sante » finds « Santé »), a final plural -s or -x dropped (« femme » finds « femmes »), the commonest
 * little words left out.
 */
import type { Options, SearchOptions } from 'minisearch';
import { stripAccents } from './text.ts';

/** Kinds of page the search finds, with the label a result shows. */
export const SEARCH_KINDS = {
  defi: 'Défi',
  organisme: 'Administration',
  graphique: 'Graphique',
  table: 'Table de données',
} as const;
export type SearchKind = keyof typeof SEARCH_KINDS;

export interface SearchDocument {
  id: string;
  kind: SearchKind;
  url: string;
  title: string;
  /** Short names it is also known by (a body's acronym, the names the website writes it under). */
  names: string;
  /** What else describes it: description, promotion, body, themes. */
  text: string;
  /** One line shown under the result's title. */
  detail: string;
}

const STOP_WORDS = new Set(
  'a au aux avec ce ces d dans de des du en et il l la le les leur leurs ou par pour qu que qui sa se ses son sur un une'.split(
    ' ',
  ),
);

export function processTerm(term: string): string | null {
  const word = stripAccents(term).toLowerCase();
  if (STOP_WORDS.has(word)) return null;
  return word.length > 3 && /[^s][sx]$/u.test(word) ? word.slice(0, -1) : word;
}

export const SEARCH_OPTIONS: Options<SearchDocument> = {
  fields: ['title', 'names', 'text'],
  storeFields: ['kind', 'url', 'title', 'detail'],
  processTerm,
};

export const QUERY_OPTIONS: SearchOptions = {
  boost: { title: 4, names: 3, text: 1 },
  prefix: (term) => term.length >= 3,
  fuzzy: (term) => (term.length >= 6 ? 0.15 : false),
  combineWith: 'AND',
};
