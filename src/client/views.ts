/**
 * The views of a chart (the map's promotions) are chosen by links to #vue-<id>, and shown by CSS (:target), so
 * they work without JavaScript. This tells assistive technologies which view is shown (aria-current, and a live
 * region when it changes), and keeps the focus on the link that was followed: the fragment's target is an empty
 * marker, and the browser would otherwise leave the focus on the page's body.
 */
export function enhanceViews(root: ParentNode = document): void {
  const links = [...root.querySelectorAll<HTMLAnchorElement>('.chart-views a[data-view]')];
  if (links.length === 0) return;
  const said = document.createElement('p');
  said.className = 'visually-hidden';
  said.setAttribute('role', 'status');
  links[0]!.closest('.chart-views')!.append(said);
  let followed: HTMLAnchorElement | null = null;
  const mark = () => {
    const chosen = location.hash.startsWith('#vue-') ? location.hash.slice('#vue-'.length) : 'tout';
    for (const link of links) {
      if (link.dataset.view === chosen) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
    return links.find((link) => link.dataset.view === chosen);
  };
  mark();
  for (const link of links)
    link.addEventListener('click', () => {
      if (link.hash !== location.hash) followed = link;
    });
  window.addEventListener('hashchange', () => {
    const current = mark();
    if (current) said.textContent = `Vue affichée : ${current.textContent?.trim()}`;
    followed?.focus({ preventScroll: true });
    followed = null;
  });
}
