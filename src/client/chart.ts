/**
 * Enhances the charts drawn at build time: legend entries become toggle buttons whose state is kept in the
 * address (so that a shared link shows the same series), marks show their value on hover, tap or touch, and
 * from the keyboard (arrow keys once the drawing has focus), and the embed code and the page's link can be copied
 * in one click. Without JavaScript the page keeps the chart,
 * its legend, the native SVG tooltips and the data table.
 */

/** The address parameter listing the series a reader has hidden, one value per series (its legend label). */
export const HIDDEN_PARAM = 'masquer';

export function enhanceCharts(root: ParentNode = document): void {
  for (const figure of root.querySelectorAll<HTMLElement>('.chart-figure:not([data-enhanced])')) {
    figure.dataset.enhanced = '';
    enhanceLegend(figure);
    enhanceTooltips(figure);
  }
  enhanceCopyButtons(root);
  openLinkedDetails();
}

/** A link to something inside a folded <details> (« Tableau des données ») unfolds it, so the link lands on it. */
function openLinkedDetails(): void {
  const unfold = (hash: string) => {
    let target: HTMLElement | null = null;
    try {
      if (hash.length > 1) target = document.getElementById(decodeURIComponent(hash.slice(1)));
    } catch {
      // A malformed escape (#%) names nothing to unfold, and must not stop the page's script.
    }
    const details = target?.closest('details');
    if (details && !details.open) details.open = true;
  };
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
    if (link) unfold(link.getAttribute('href')!);
  });
  unfold(location.hash);
}

const labelOf = (item: Element) => item.textContent?.trim().replace(/\s+/gu, ' ') ?? '';

function enhanceLegend(figure: HTMLElement): void {
  const items = figure.querySelectorAll<HTMLElement>('.legend-item[data-series]');
  if (items.length < 2) return;
  const legend = figure.querySelector('.legend');
  legend?.setAttribute('aria-label', 'Légende : chaque bouton affiche ou masque une série');
  const hiddenAtLoad = new Set(new URLSearchParams(location.search).getAll(HIDDEN_PARAM));
  const buttons: HTMLButtonElement[] = [];
  const show = (button: HTMLButtonElement, visible: boolean) => {
    button.setAttribute('aria-pressed', String(visible));
    for (const mark of figure.querySelectorAll(`svg [data-series="${button.dataset.series}"]`)) {
      mark.toggleAttribute('data-hidden', !visible);
    }
  };
  for (const item of items) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'legend-item';
    button.dataset.series = item.dataset.series!;
    button.append(...item.childNodes);
    item.replaceWith(button);
    buttons.push(button);
    show(button, !hiddenAtLoad.has(labelOf(button)));
    button.addEventListener('click', () => {
      show(button, button.getAttribute('aria-pressed') !== 'true');
      const url = new URL(location.href);
      url.searchParams.delete(HIDDEN_PARAM);
      for (const b of buttons)
        if (b.getAttribute('aria-pressed') === 'false') url.searchParams.append(HIDDEN_PARAM, labelOf(b));
      history.replaceState(history.state, '', url);
    });
  }
}

function enhanceTooltips(figure: HTMLElement): void {
  // The marks' <title> becomes the tooltip's text, so the browser does not show its own tooltip as well.
  for (const title of figure.querySelectorAll('svg title')) {
    title.parentElement?.setAttribute('data-tip', title.textContent ?? '');
    title.remove();
  }
  const tooltip = document.createElement('div');
  tooltip.className = 'chart-tooltip';
  tooltip.hidden = true;
  tooltip.setAttribute('aria-hidden', 'true');
  figure.append(tooltip);
  const hide = () => {
    tooltip.hidden = true;
    shown = null;
  };
  let shown: Element | null = null;
  const show = (event: PointerEvent) => {
    const mark = (event.target as Element | null)?.closest?.('[data-tip]');
    if (!mark || !figure.contains(mark)) return hide();
    shown = mark;
    tooltip.replaceChildren(mark.getAttribute('data-tip') ?? '');
    if (mark.hasAttribute('data-href'))
      tooltip.append(linkHint(event.pointerType === 'mouse' ? 'Cliquer' : 'Toucher encore'));
    tooltip.hidden = false;
    const box = figure.getBoundingClientRect();
    const x = Math.min(event.clientX - box.left + 12, box.width - tooltip.offsetWidth - 4);
    tooltip.style.left = `${Math.max(0, x)}px`;
    // Under a finger the tooltip goes above the touch point, where the finger does not cover it.
    const y =
      event.pointerType === 'mouse'
        ? event.clientY - box.top + 16
        : event.clientY - box.top - tooltip.offsetHeight - 24;
    tooltip.style.top = `${Math.max(0, y)}px`;
  };
  // A mouse that leaves a mark for the chart's background keeps the tooltip where it is, so that the pointer can be
  // moved onto it (WCAG 1.4.13, for readers who magnify the screen); another mark, or leaving the chart, changes it.
  figure.addEventListener('pointermove', (event) => {
    if (event.pointerType !== 'mouse') return;
    if ((event.target as Element | null)?.closest?.('[data-tip]')) show(event);
  });
  // A linked mark (data-href, see render-chart.ts) opens its page on a click; under a finger, on a second tap, as the
  // first one shows the tooltip.
  let tapped: Element | null = null;
  figure.addEventListener('pointerdown', (event) => {
    tapped = event.pointerType === 'mouse' ? null : shown;
    show(event);
  });
  figure.addEventListener('click', (event) => {
    const mark = (event.target as Element | null)?.closest?.('[data-href]');
    if (!mark) return;
    const pointer = (event as PointerEvent).pointerType;
    if (pointer === 'mouse' || !pointer || tapped === mark) follow(mark);
  });
  // A mouse leaving the chart hides its tooltip; a finger lifting does not (the reader is reading it): a tap
  // elsewhere does.
  figure.addEventListener('pointerleave', (event) => {
    if (event.pointerType === 'mouse') hide();
  });
  document.addEventListener('pointerdown', (event) => {
    if (!figure.contains(event.target as Node)) hide();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  enhanceKeyboard(figure, tooltip);
}

/** A line under a tooltip's text: what a key or a click does there. */
function hint(text: string): HTMLElement {
  const line = document.createElement('span');
  line.className = 'chart-tooltip-hint';
  line.textContent = text;
  return line;
}

/** What opens a linked mark's page, and where (the map's towns: their défis). */
const linkHint = (action: string) => hint(`${action}\u00a0: voir ses défis${framed() ? ' (nouvelle fenêtre)' : ''}`);

/** Whether the page is inside another site's frame (an embed), where a link must not replace the chart. */
const framed = () => window.self !== window.top;

/** Opens a linked mark's page: here, or in a new window from an embed's frame. */
function follow(mark: Element): void {
  const href = new URL(mark.getAttribute('data-href')!, location.href).href;
  if (framed()) window.open(href, '_blank', 'noopener');
  else location.assign(href);
}

/** Keys that move through a drawing's marks, and where each takes the reader from `index` among `count`. */
const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => Math.min(i + 1, n - 1),
  ArrowDown: (i, n) => Math.min(i + 1, n - 1),
  ArrowLeft: (i) => Math.max(i - 1, 0),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * Each value without a pointer: a drawing is one stop of the Tab key; once it has focus, its first mark shows its
 * tooltip and a ring, and the arrow keys (Home, End) go from mark to mark in reading order, which a polite live
 * region also says to screen readers that pass the keys on. Leaving the drawing hides both.
 */
function enhanceKeyboard(figure: HTMLElement, tooltip: HTMLElement): void {
  const ring = document.createElement('div');
  ring.className = 'chart-mark-focus';
  ring.hidden = true;
  const said = document.createElement('p');
  said.className = 'visually-hidden';
  said.setAttribute('aria-live', 'polite');
  figure.append(ring, said);
  for (const svg of figure.querySelectorAll<SVGSVGElement>('svg.chart-svg')) {
    if (!svg.querySelector('[data-tip]')) continue;
    svg.tabIndex = 0;
    svg.setAttribute('aria-keyshortcuts', 'ArrowLeft ArrowRight Home End');
    let index = 0;
    const select = (marks: Element[], withKeys: boolean) => {
      const mark = marks[index];
      if (!mark) return;
      const text = mark.getAttribute('data-tip') ?? '';
      tooltip.replaceChildren(text);
      const linked = mark.hasAttribute('data-href');
      if (withKeys) tooltip.append(hint('← → : valeur précédente, suivante'));
      if (linked) tooltip.append(linkHint('Entrée'));
      said.textContent = linked ? `${text} (Entrée\u00a0: voir ses défis)` : text;
      placeOver(figure, mark, ring, tooltip);
    };
    svg.addEventListener('focus', () => {
      // A tap or a click also gives the drawing focus: the pointer's own tooltip is the one to show then.
      if (!svg.matches(':focus-visible')) return;
      const marks = readingOrder(shownMarks(svg));
      index = Math.min(index, marks.length - 1);
      select(marks, true);
    });
    svg.addEventListener('blur', () => {
      ring.hidden = true;
      tooltip.hidden = true;
      said.textContent = '';
    });
    svg.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        const mark = readingOrder(shownMarks(svg))[index];
        if (mark?.hasAttribute('data-href')) follow(mark);
        return;
      }
      const move = MOVES[event.key];
      if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      const marks = readingOrder(shownMarks(svg));
      index = move(Math.min(index, marks.length - 1), marks.length);
      select(marks, false);
    });
  }
}

/** The marks of a drawing that are drawn now: not in a series hidden from the legend, nor in a view not shown. */
function shownMarks(svg: SVGSVGElement): Element[] {
  const drawn = (element: Element | null): boolean => {
    for (let e = element; e && e !== svg; e = e.parentElement) {
      if (getComputedStyle(e).display === 'none') return false;
    }
    return true;
  };
  return [...svg.querySelectorAll('[data-tip]')].filter(drawn);
}

/**
 * Marks in the order one reads a chart: rows from top to bottom, and within a row from left to right (then from top
 * to bottom). Marks whose heights overlap or touch share a row, so that the columns of a bar chart, stacked or
 * not, are one row read column by column.
 */
function readingOrder(marks: Element[]): Element[] {
  const boxes = marks.map((mark) => ({ mark, box: mark.getBoundingClientRect() }));
  boxes.sort((a, b) => a.box.top - b.box.top);
  const rows: { mark: Element; box: DOMRect }[][] = [];
  let bottom = -Infinity;
  for (const item of boxes) {
    if (rows.length === 0 || item.box.top > bottom + 0.5) {
      rows.push([item]);
      bottom = item.box.bottom;
    } else {
      rows.at(-1)!.push(item);
      bottom = Math.max(bottom, item.box.bottom);
    }
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box.left - b.box.left || a.box.top - b.box.top).map((i) => i.mark));
}

/** Draws the ring around `mark` and puts the tooltip above it (below, when the chart's top is too near). */
function placeOver(figure: HTMLElement, mark: Element, ring: HTMLElement, tooltip: HTMLElement): void {
  mark.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const frame = figure.getBoundingClientRect();
  const box = mark.getBoundingClientRect();
  const pad = 3;
  ring.hidden = false;
  ring.style.left = `${box.left - frame.left - pad}px`;
  ring.style.top = `${box.top - frame.top - pad}px`;
  ring.style.width = `${box.width + 2 * pad}px`;
  ring.style.height = `${box.height + 2 * pad}px`;
  tooltip.hidden = false;
  const x = box.left - frame.left + box.width / 2 - tooltip.offsetWidth / 2;
  tooltip.style.left = `${Math.max(0, Math.min(x, frame.width - tooltip.offsetWidth - 4))}px`;
  const above = box.top - frame.top - pad - tooltip.offsetHeight - 6;
  tooltip.style.top = `${above >= 0 ? above : box.bottom - frame.top + pad + 6}px`;
}

function enhanceCopyButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    // data-copy names the textarea to copy, or « adresse » for the page's address as it is now (with the
    // series the reader hid).
    const target = button.dataset.copy!;
    const source = target === 'adresse' ? null : (document.getElementById(target) as HTMLTextAreaElement | null);
    if (target !== 'adresse' && !source) continue;
    button.hidden = false;
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'meta';
    button.after(status);
    button.addEventListener('click', async () => {
      const text = source ? source.value : location.href;
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        if (source) {
          source.select();
          document.execCommand('copy');
        }
      }
      status.textContent = source ? ' Code copié.' : ' Lien copié.';
    });
  }
}
