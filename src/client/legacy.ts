/**
 * The original site was one page whose charts were reached by anchors (data.eig-forever.org/#promo), and blog
 * posts embedded those addresses in iframes. The home page carries the old anchors as ids; when one is
 * requested, this sends the reader to the chart: its embed page inside an iframe, its full page otherwise.
 */
export function followLegacyAnchor(): void {
  let id: string;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    // A malformed escape (/#%E0%A4%A) names no anchor: the page stays as it is, its script unbroken.
    return;
  }
  if (!id) return;
  const target = document.getElementById(id)?.closest<HTMLElement>('[data-legacy-target]');
  if (target) goToChart(target);
}

/** Leaves for the chart an old address stands for (data-legacy-target / data-legacy-embed of `element`). */
export function goToChart(element: HTMLElement): void {
  const framed = window.self !== window.top;
  const destination = framed ? element.dataset.legacyEmbed : element.dataset.legacyTarget;
  if (destination) location.replace(destination);
}
