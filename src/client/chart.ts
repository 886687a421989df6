/**
 * Enhances the charts drawn at build time: legend entries become toggle buttons, marks show their value on
 * hover or touch, and the embed code can be copied in one click. Without JavaScript the page keeps the chart,
 * its legend, the native SVG tooltips and the data table.
 */

export function enhanceCharts(root: ParentNode = document): void {
  for (const figure of root.querySelectorAll<HTMLElement>('.chart-figure:not([data-enhanced])')) {
    figure.dataset.enhanced = '';
    enhanceLegend(figure);
    enhanceTooltips(figure);
  }
  enhanceCopyButtons(root);
}

function enhanceLegend(figure: HTMLElement): void {
  const items = figure.querySelectorAll<HTMLElement>('.legend-item[data-series]');
  if (items.length < 2) return;
  const legend = figure.querySelector('.legend');
  legend?.setAttribute('aria-label', 'Légende : chaque bouton affiche ou masque une série');
  for (const item of items) {
    const series = item.dataset.series!;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'legend-item';
    button.dataset.series = series;
    button.setAttribute('aria-pressed', 'true');
    button.append(...item.childNodes);
    item.replaceWith(button);
    button.addEventListener('click', () => {
      const visible = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(visible));
      for (const mark of figure.querySelectorAll(`svg [data-series="${series}"]`)) {
        mark.toggleAttribute('data-hidden', !visible);
      }
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
  const show = (event: PointerEvent) => {
    const mark = (event.target as Element | null)?.closest?.('[data-tip]');
    if (!mark || !figure.contains(mark)) {
      tooltip.hidden = true;
      return;
    }
    tooltip.textContent = mark.getAttribute('data-tip');
    tooltip.hidden = false;
    const box = figure.getBoundingClientRect();
    const x = Math.min(event.clientX - box.left + 12, box.width - tooltip.offsetWidth - 4);
    tooltip.style.left = `${Math.max(0, x)}px`;
    tooltip.style.top = `${event.clientY - box.top + 16}px`;
  };
  figure.addEventListener('pointermove', show);
  figure.addEventListener('pointerdown', show);
  figure.addEventListener('pointerleave', () => {
    tooltip.hidden = true;
  });
}

function enhanceCopyButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const source = document.getElementById(button.dataset.copy!) as HTMLTextAreaElement | null;
    if (!source) continue;
    button.hidden = false;
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'meta';
    button.after(status);
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(source.value);
      } catch {
        source.select();
        document.execCommand('copy');
      }
      status.textContent = ' Code copié.';
    });
  }
}
