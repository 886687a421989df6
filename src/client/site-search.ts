/**
 * The search fields (the header's on every page, the search page's): nothing is loaded until the reader focuses
 * one; then the search engine and the index written at build time, once per page. Results are a list of links
 * under the field, their number announced; Escape empties the field, the down arrow moves to the first result.
 * Without this script, the form sends the words to the search page, which says how to find the pages without it.
 */
import type { SearchEngine } from './search-engine.ts';

let engine: Promise<SearchEngine> | undefined;
const loadEngine = (indexUrl: string) =>
  (engine ??= import('./search-engine.ts').then(({ loadSearchEngine }) => loadSearchEngine(indexUrl)));

function show(form: HTMLFormElement, found: ReturnType<SearchEngine['search']> | null, query: string) {
  const list = form.querySelector<HTMLUListElement>('[data-results]')!;
  const status = form.querySelector<HTMLElement>('[data-status]')!;
  const limit = Number(form.dataset.limit ?? '8');
  list.replaceChildren();
  if (found === null || query.trim() === '') {
    status.textContent = '';
    list.hidden = true;
    return;
  }
  for (const result of found.slice(0, limit)) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = result.url;
    const kind = document.createElement('span');
    kind.className = 'search-kind';
    kind.textContent = result.kindLabel;
    const title = document.createElement('bdi');
    title.className = 'search-title';
    title.textContent = result.title;
    const detail = document.createElement('span');
    detail.className = 'search-detail';
    detail.textContent = result.detail;
    link.append(kind, ' ', title, ' ', detail);
    item.append(link);
    list.append(item);
  }
  if (found.length > limit) {
    // The header shows the first results; the search page, all of them.
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `${form.action}?${new URLSearchParams({ q: query.trim() }).toString()}`;
    link.textContent = `Voir les ${found.length} résultats`;
    item.append(link);
    list.append(item);
  }
  list.hidden = found.length === 0;
  const n = found.length;
  status.textContent =
    n === 0
      ? `Aucun résultat pour « ${query.trim()} »`
      : `${n} ${n > 1 ? 'résultats' : 'résultat'}${n > limit ? `, les ${limit} premiers affichés` : ''}`;
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-site-search]')) {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const indexUrl = form.dataset.index!;
  let latest = 0;
  const update = async () => {
    const ticket = ++latest;
    const query = input.value;
    const found = query.trim() === '' ? null : (await loadEngine(indexUrl)).search(query);
    // A slower earlier search never overwrites a later one's results.
    if (ticket === latest) show(form, found, query);
  };
  input.addEventListener('focus', () => void loadEngine(indexUrl), { once: true });
  input.addEventListener('input', () => void update());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && input.value !== '') {
      input.value = '';
      void update();
    } else if (event.key === 'ArrowDown') {
      const first = form.querySelector<HTMLAnchorElement>('[data-results] a');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  form.querySelector('[data-results]')!.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (key !== 'ArrowDown' && key !== 'ArrowUp') return;
    const links = [...form.querySelectorAll<HTMLAnchorElement>('[data-results] a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    event.preventDefault();
    if (key === 'ArrowUp' && at <= 0) input.focus();
    else links[Math.min(links.length - 1, at + (key === 'ArrowDown' ? 1 : -1))]?.focus();
  });
  // The search page: the words sent by the form are searched at once.
  const sent = form.dataset.fromAddress !== undefined ? new URLSearchParams(location.search).get('q') : null;
  if (sent) {
    input.value = sent;
    void update();
  }
}
