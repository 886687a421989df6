/**
 * Turns an explorer table (ChartDef.explorer, e.g. every défi) into an explorer: a text filter, a promotion
 * filter, sortable columns, a live count of the rows shown and a download of those rows as CSV. The table
 * carries each cell's raw value, URI-encoded (data-value), and each column's key and kind (data-key, data-kind),
 * so sorting and the CSV use the values, not their French formatting. Without JavaScript the full table stays as built.
 * papaparse is loaded only when the reader asks for the CSV.
 */
import { plural, stripAccents } from '../lib/text.ts';

type Direction = 'ascending' | 'descending';

interface Column {
  key: string;
  kind: string;
  index: number;
}

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

const encodedValueOf = (row: HTMLTableRowElement, column: Column) => row.cells[column.index]?.dataset.value ?? '';
const valueOf = (row: HTMLTableRowElement, column: Column) => decodeURIComponent(encodedValueOf(row, column));

export function enhanceExplorers(root: Document = document): void {
  for (const controls of root.querySelectorAll<HTMLElement>('[data-explorer-controls]')) {
    const table = root.getElementById(controls.dataset.explorerControls ?? '');
    if (table instanceof HTMLTableElement && !table.hasAttribute('data-enhanced')) enhance(table, controls);
  }
}

function enhance(table: HTMLTableElement, controls: HTMLElement): void {
  table.setAttribute('data-enhanced', '');
  const body = table.tBodies[0];
  if (!body) return;
  const rows = [...body.rows];
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
  const columns: Column[] = headers.flatMap((th, index) =>
    th.dataset.key ? [{ key: th.dataset.key, kind: th.dataset.kind ?? 'texte', index }] : [],
  );
  const promotionColumn = columns.find((c) => c.key === 'promotion');
  const text = controls.querySelector<HTMLInputElement>('[data-filter="texte"]');
  const promotion = controls.querySelector<HTMLSelectElement>('[data-filter="promotion"]');
  const count = controls.querySelector<HTMLElement>('[data-explorer-count]');
  const download = controls.querySelector<HTMLButtonElement>('[data-explorer-download]');
  // What the text filter searches: the data cells, not the provenance column.
  const searchable = new Map(
    rows.map((row) => [row, fold(columns.map((c) => row.cells[c.index]?.textContent ?? '').join(' '))]),
  );
  let sort: { column: Column; direction: Direction } | null = null;

  const update = () => {
    const query = fold(text?.value.trim() ?? '');
    const wanted = promotion?.value ?? '';
    let shown = 0;
    for (const row of rows) {
      const visible =
        (!query || searchable.get(row)!.includes(query)) &&
        (!wanted || !promotionColumn || encodedValueOf(row, promotionColumn) === wanted);
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    if (count) count.textContent = `${shown} ${plural(shown, 'ligne')} ${plural(shown, 'affichée')} sur ${rows.length}`;
    if (download) download.disabled = shown === 0;
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

  text?.addEventListener('input', update);
  promotion?.addEventListener('change', update);
  download?.addEventListener('click', async () => {
    const visible = [...body.rows].filter((row) => !row.hidden);
    const { default: Papa } = await import('papaparse');
    const csv = Papa.unparse(
      { fields: columns.map((c) => c.key), data: visible.map((row) => columns.map((c) => valueOf(row, c))) },
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
