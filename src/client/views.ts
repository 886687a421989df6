/**
 * The views of a chart (the map's promotions) are chosen by links to #vue-<id>, and shown by CSS (:target), so
 * they work without JavaScript. This only tells assistive technologies which view is shown.
 */
export function enhanceViews(root: ParentNode = document): void {
  const links = [...root.querySelectorAll<HTMLAnchorElement>('.chart-views a[data-view]')];
  if (links.length === 0) return;
  const mark = () => {
    const chosen = location.hash.startsWith('#vue-') ? location.hash.slice('#vue-'.length) : 'tout';
    for (const link of links) {
      if (link.dataset.view === chosen) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  };
  mark();
  window.addEventListener('hashchange', mark);
}
