import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { processTerm, QUERY_OPTIONS, SEARCH_OPTIONS, type SearchDocument } from '../../src/lib/search-options.ts';
import { uniqueSlugs } from '../../src/lib/text.ts';

const doc = (id: string, title: string, text = ''): SearchDocument => ({
  id,
  kind: 'defi',
  url: `/${id}/`,
  title,
  names: '',
  text,
  detail: '',
});

describe('the search reads French', () => {
  it('without accents or case, a final plural -s or -x, nor little words', () => {
    expect(processTerm('Santé')).toBe('sante');
    expect(processTerm('femmes')).toBe(processTerm('femme'));
    expect(processTerm('réseaux')).toBe('reseau');
    expect(processTerm('accès')).toBe('acce');
    expect(processTerm('des')).toBeNull();
    expect(processTerm('bus')).toBe('bus');
  });

  it('finds « Santé » from « sante », and a title before a mention, through a saved index', () => {
    const index = new MiniSearch(SEARCH_OPTIONS);
    index.addAll([doc('a', 'Données de santé'), doc('b', 'Justice', 'pour la santé aussi'), doc('c', 'Écobalyse')]);
    const loaded = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(index), SEARCH_OPTIONS);
    expect(loaded.search('sante', QUERY_OPTIONS).map((r) => r.id)).toEqual(['a', 'b']);
    expect(loaded.search('ecobalyse', QUERY_OPTIONS)[0]?.url).toBe('/c/');
    expect(loaded.search('donnee sante', QUERY_OPTIONS).map((r) => r.id)).toEqual(['a']);
  });
});

describe('page slugs', () => {
  it('are at most 80 characters, cut between words, whatever the name', () => {
    const slug = uniqueSlugs(['Office ' + 'Anticonstitutionnellement'.repeat(12)])
      .values()
      .next().value!;
    expect(slug).toBe('office');
    const words = uniqueSlugs(['mot '.repeat(40)])
      .values()
      .next().value!;
    expect(words.length).toBeLessThanOrEqual(80);
    expect(words.endsWith('mot')).toBe(true);
  });

  it('are ASCII and unique, the first of two keys of one slug keeping it', () => {
    const slugs = uniqueSlugs(['1-élève-1-stage', 'aides-simplifiées', 'aides-simplifiees', 'Aides simplifiées']);
    expect([...slugs.values()]).toEqual([
      '1-eleve-1-stage',
      'aides-simplifiees',
      'aides-simplifiees-2',
      'aides-simplifiees-3',
    ]);
  });
});
