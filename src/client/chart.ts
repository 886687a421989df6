/**
 * Enhances the charts drawn at build time: legend entries become toggle buttons whose state is kept in the
 * address (so that a shared link shows the same series), marks show their value on hover, tap or touch, and
 * the embed code and the page's link can be copied in one click. Without JavaScript the page keeps the chart,
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
  };
  const show = (event: PointerEvent) => {
    const mark = (event.target as Element | null)?.closest?.('[data-tip]');
    if (!mark || !figure.contains(mark)) return hide();
    tooltip.textContent = mark.getAttribute('data-tip');
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
  figure.addEventListener('pointermove', (event) => {
    if (event.pointerType === 'mouse') show(event);
  });
  figure.addEventListener('pointerdown', show);
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
