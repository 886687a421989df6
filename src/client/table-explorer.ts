/**
 * Turns an explorer table (ChartDef.explorer, e.g. every défi) into an explorer: a text search and the chart's
 * filters (ChartDef.filters), kept in the page's address (?promotion=EIG+5&theme=Santé, so that a filtered view
 * can be shared), sortable columns, the selection said in words (« 15 défis sur 131 : promotion EIG 5 ») in the
 * controls, the page's reading and its title, each active filter a button that removes it, a message when nothing
 * matches, the chart's tagged bars redrawn for the rows shown, and a download of those rows as CSV with the full
 * CSV's columns. The table carries each cell's raw value
 * and each row's filter values and last CSV fields, URI-encoded (data-value, data-f-<filter>, data-csv-<field>),
 * so that sorting, filtering and the CSV use the values, not their French formatting. Without JavaScript the full
 * table and the chart of every row stay as built. papaparse is loaded only when the reader asks for the CSV.
 */
import { stripAccents } from '../lib/text.ts';

type Direction = 'ascending' | 'descending';

interface Column {
  key: string;
  kind: string;
  index: number;
}

/** The address parameter of the text search. */
export const TEXT_PARAM = 'q';

/** Text compared without case or accents: « defi » finds « Défi ». */
export function fold(text: string): string {
  return stripAccents(text).toLowerCase();
}

/** Order of two raw values of a column: numbers as numbers, text in French order; empty cells always last. */
export function compareValues(a: string, b: string, kind: string, direction: Direction): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  const order =
    kind === 'texte' ? a.localeCompare(b, 'fr', { sensitivity: 'base', numeric: true }) : Number(a) - Number(b);
  return direction === 'ascending' ? order : -order;
}

/** A row's values for one filter, from its data-f-<filter> attribute (several joined with « | »). */
export function filterValues(encoded: string | null): string[] {
  return encoded ? encoded.split('|').map(decodeURIComponent) : [];
}

/** Does a row pass every filter chosen (each a value its list must hold) and the text search? */
export function matches(
  values: ReadonlyMap<string, readonly string[]>,
  text: string,
  chosen: ReadonlyMap<string, string>,
  query: string,
): boolean {
  if (query && !text.includes(query)) return false;
  for (const [param, wanted] of chosen) if (wanted && !(values.get(param) ?? []).includes(wanted)) return false;
  return true;
}

/** A filter as the reader chose it: its label (« Promotion ») and value (« EIG 5 »). */
export interface ActiveFilter {
  label: string;
  value: string;
}

const frenchNumber = (n: number) => n.toLocaleString('fr-FR');

/**
 * The pages' French spacing (lib/format.ts frenchSpacing, which this bundle does not import: it would bring
 * d3-format along), for the text this script writes; tests/client/table-explorer.test.ts holds both to one rule.
 */
export function spaced(text: string): string {
  return text
    .replace(/ :/gu, '\u00a0:')
    .replace(/ ([;!?])/gu, '\u202f$1')
    .replace(/« /gu, '«\u00a0')
    .replace(/ »/gu, '\u00a0»')
    .replace(/\b(EIG|DIG) (\d)/gu, '$1\u00a0$2');
}
const nounOf = (n: number, [one, many]: readonly [string, string]) => (Math.abs(n) >= 2 ? many : one);

/** « promotion EIG 5, thématique Santé », « recherche « sante » »: the filters as a reading names them. */
export function filtersPhrase(active: readonly ActiveFilter[]): string {
  return active.map((f) => `${f.label.toLocaleLowerCase('fr')} ${f.value}`).join(', ');
}

/** « 15 défis sur 131 » when filters are on, « 131 défis » otherwise. */
export function countPhrase(shown: number, total: number, noun: readonly [string, string], filtered: boolean): string {
  return filtered
    ? `${frenchNumber(shown)} ${nounOf(shown, noun)} sur ${frenchNumber(total)}`
    : `${frenchNumber(total)} ${nounOf(total, noun)}`;
}

/** « 15 défis sur 131 : promotion EIG 5 », or « 131 défis » when no filter is on. */
export function selectionPhrase(
  shown: number,
  total: number,
  noun: readonly [string, string],
  active: readonly ActiveFilter[],
): string {
  const counted = countPhrase(shown, total, noun, active.length > 0);
  return active.length === 0 ? counted : `${counted} : ${filtersPhrase(active)}`;
}

/**
 * « 8 demandent l’expertise « Développement » »: the value the most rows shown have in their lists (the first
 * met among equals, as the built reading counts), or null when none has any.
 */
export function leaderPhrase(lists: readonly (readonly string[])[], verb: readonly [string, string]): string | null {
  const counts = new Map<string, number>();
  for (const values of lists) for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  // A tie goes to the first in French order, as in the built reading (the model's byExpertise).
  const [top, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr'))[0] ?? [null, 0];
  return top === null ? null : `${frenchNumber(count)} ${nounOf(count, verb)} « ${top} »`;
}

const pair = (text: string | undefined, fallback: readonly [string, string]): readonly [string, string] => {
  const [one, many] = (text ?? '').split('|');
  return one && many ? [one, many] : fallback;
};

const encodedValueOf = (row: HTMLTableRowElement, column: Column) => row.cells[column.index]?.dataset.value ?? '';
const valueOf = (row: HTMLTableRowElement, column: Column) => decodeURIComponent(encodedValueOf(row, column));

export function enhanceExplorers(root: Document = document): void {
  for (const controls of root.querySelectorAll<HTMLElement>('[data-explorer-controls]')) {
    const table = root.getElementById(controls.dataset.explorerControls ?? '');
    if (table instanceof HTMLTableElement && !table.hasAttribute('data-enhanced')) enhance(root, table, controls);
  }
}

function enhance(root: Document, table: HTMLTableElement, controls: HTMLElement): void {
  table.setAttribute('data-enhanced', '');
  const body = table.tBodies[0];
  if (!body) return;
  const rows = [...body.rows];
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
  const columns: Column[] = headers.flatMap((th, index) =>
    th.dataset.key ? [{ key: th.dataset.key, kind: th.dataset.kind ?? 'texte', index }] : [],
  );
  const extraFields = (table.dataset.csvExtra ?? '').split(' ').filter(Boolean);
  const text = controls.querySelector<HTMLInputElement>(`[data-filter="${TEXT_PARAM}"]`);
  const selects = [...controls.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const count = controls.querySelector<HTMLElement>('[data-explorer-count]');
  const activeList = controls.querySelector<HTMLUListElement>('[data-explorer-active]');
  const empty = controls.querySelector<HTMLElement>('[data-explorer-empty]');
  const download = controls.querySelector<HTMLButtonElement>('[data-explorer-download]');
  const reset = controls.querySelector<HTMLButtonElement>('[data-explorer-reset]');
  const noun = pair(controls.dataset.noun, ['ligne', 'lignes']);
  const leader = controls.dataset.leader;
  const leaderVerb = pair(controls.dataset.leaderVerb, ['a', 'ont']);
  const reading = root.getElementById(controls.dataset.reading ?? '');
  const builtReading = reading?.textContent ?? '';
  const builtTitle = root.title;
  const labelOf = (field: HTMLInputElement | HTMLSelectElement) =>
    field.labels?.[0]?.textContent?.trim() ?? field.dataset.filter ?? '';
  // What each row holds, read once: its filter values and the text the search looks in (data cells only).
  const rowValues = new Map(
    rows.map((row) => [
      row,
      new Map(selects.map((s) => [s.dataset.filter!, filterValues(row.getAttribute(`data-f-${s.dataset.filter}`))])),
    ]),
  );
  const searchable = new Map(
    rows.map((row) => [row, fold(columns.map((c) => row.cells[c.index]?.textContent ?? '').join(' '))]),
  );
  // Bars of the chart that follow the filters (see src/charts/explorateur-defis.ts), in both drawn widths.
  const followers = [...root.querySelectorAll<SVGGElement>('svg [data-follows]')];
  let sort: { column: Column; direction: Direction } | null = null;

  // Choices are URI-encoded in the page (see TableExplorer.astro): compared and written in the address decoded.
  const state = () => new Map(selects.map((s) => [s.dataset.filter!, decodeURIComponent(s.value)]));

  const redraw = (visible: HTMLTableRowElement[]) => {
    for (const group of followers) {
      const param = group.dataset.follows!;
      const counts = new Map<string, number>();
      for (const row of visible) {
        for (const value of rowValues.get(row)?.get(param) ?? []) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      for (const mark of group.querySelectorAll<SVGElement>('[data-bar]')) {
        const all = Number(mark.dataset.count);
        const shown = counts.get(decodeURIComponent(mark.dataset.bar!)) ?? 0;
        if (mark instanceof SVGRectElement) {
          // The full width was drawn for every row; the selection's share of it, from the same origin.
          mark.dataset.width ??= mark.getAttribute('width') ?? '0';
          mark.setAttribute('width', String((Number(mark.dataset.width) * shown) / all));
        } else {
          mark.textContent = shown === all ? String(all) : `${shown} sur ${all}`;
        }
      }
    }
  };

  /** The filters on, each with the field that sets it, in the fields' order. */
  const activeFilters = () => {
    const active: (ActiveFilter & { field: HTMLInputElement | HTMLSelectElement })[] = [];
    const query = text?.value.trim() ?? '';
    if (text && query) active.push({ label: 'Recherche', value: `« ${query} »`, field: text });
    for (const select of selects) {
      if (select.value) active.push({ label: labelOf(select), value: decodeURIComponent(select.value), field: select });
    }
    return active;
  };

  /** A button per active filter, which removes it and gives the focus to its field. */
  const showActive = (active: ReturnType<typeof activeFilters>) => {
    if (!activeList) return;
    activeList.replaceChildren(
      ...active.map((filter) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'explorer-chip';
        button.setAttribute('aria-label', spaced(`Retirer le filtre ${filter.label} : ${filter.value}`));
        const cross = document.createElement('span');
        cross.setAttribute('aria-hidden', 'true');
        cross.textContent = ' ×';
        button.append(spaced(`${filter.label} : ${filter.value}`), cross);
        button.addEventListener('click', () => {
          filter.field.value = '';
          update();
          filter.field.focus();
        });
        item.append(button);
        return item;
      }),
    );
    activeList.hidden = active.length === 0;
  };

  /** The page's reading and title say the selection; without a filter, they are the built ones again. */
  const say = (visible: HTMLTableRowElement[], active: ReturnType<typeof activeFilters>) => {
    const phrase = selectionPhrase(visible.length, rows.length, noun, active);
    // The filters themselves are the buttons beside it: the count alone.
    if (count) count.textContent = countPhrase(visible.length, rows.length, noun, active.length > 0);
    if (!reading) return;
    if (active.length === 0) {
      reading.textContent = builtReading;
      root.title = builtTitle;
      return;
    }
    const top = leader
      ? leaderPhrase(
          visible.map((row) => rowValues.get(row)?.get(leader) ?? []),
          leaderVerb,
        )
      : null;
    reading.textContent = spaced(`${phrase}${top ? ` ; ${top}` : ''}.`);
    root.title = spaced(`${phrase} — ${builtTitle}`);
  };

  const update = () => {
    const query = fold(text?.value.trim() ?? '');
    const chosen = state();
    const visible: HTMLTableRowElement[] = [];
    for (const row of rows) {
      row.hidden = !matches(rowValues.get(row)!, searchable.get(row)!, chosen, query);
      if (!row.hidden) visible.push(row);
    }
    const active = activeFilters();
    say(visible, active);
    showActive(active);
    if (empty) empty.hidden = visible.length > 0;
    if (reset) reset.hidden = active.length === 0;
    if (download) download.disabled = visible.length === 0;
    redraw(visible);
    const params = new URLSearchParams();
    if (text?.value.trim()) params.set(TEXT_PARAM, text.value.trim());
    for (const [param, value] of chosen) if (value) params.set(param, value);
    const search = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  };

  const reorder = () => {
    const ordered = sort
      ? [...rows].sort((a, b) =>
          compareValues(valueOf(a, sort!.column), valueOf(b, sort!.column), sort!.column.kind, sort!.direction),
        )
      : rows;
    body.append(...ordered);
    for (const c of columns) {
      const th = headers[c.index]!;
      if (sort?.column === c) th.setAttribute('aria-sort', sort.direction);
      else th.removeAttribute('aria-sort');
      const arrow = th.querySelector('[aria-hidden]');
      if (arrow) arrow.textContent = sort?.column === c ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕';
    }
  };

  for (const column of columns) {
    const th = headers[column.index]!;
    const button = document.createElement('button');
    button.type = 'button';
    const arrow = document.createElement('span');
    arrow.setAttribute('aria-hidden', 'true');
    button.append(...th.childNodes, '\u00a0', arrow);
    th.append(button);
    button.addEventListener('click', () => {
      sort = {
        column,
        direction: sort?.column === column && sort.direction === 'ascending' ? 'descending' : 'ascending',
      };
      reorder();
    });
  }
  const hint = document.createElement('span');
  hint.className = 'visually-hidden';
  hint.textContent = ' (cliquez sur un en-tête de colonne pour trier)';
  table.caption?.append(hint);

  // The address's filters first (a shared link), each only if it names a choice the list has.
  const params = new URLSearchParams(location.search);
  if (text) text.value = params.get(TEXT_PARAM) ?? '';
  for (const select of selects) {
    const wanted = encodeURIComponent(params.get(select.dataset.filter!) ?? '');
    select.value = [...select.options].some((o) => o.value === wanted) ? wanted : '';
  }

  text?.addEventListener('input', update);
  for (const select of selects) select.addEventListener('change', update);
  reset?.addEventListener('click', () => {
    if (text) text.value = '';
    for (const select of selects) select.value = '';
    update();
  });
  download?.addEventListener('click', async () => {
    const visible = [...body.rows].filter((row) => !row.hidden);
    const { default: Papa } = await import('papaparse');
    const csv = Papa.unparse(
      {
        fields: [...columns.map((c) => c.key), ...extraFields],
        data: visible.map((row) => [
          ...columns.map((c) => valueOf(row, c)),
          ...extraFields.map((f) => decodeURIComponent(row.getAttribute(`data-csv-${f}`) ?? '')),
        ]),
      },
      { escapeFormulae: true, newline: '\n' },
    );
    const url = URL.createObjectURL(new Blob([`${csv}\n`], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${controls.dataset.slug ?? 'donnees'}-selection.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });

  table.closest('details')?.setAttribute('open', '');
  controls.hidden = false;
  reorder();
  update();
}
