/**
 * A page whose parts are folded (<details>, as the quality page's groups): the part an address names
 * (/qualite/#<check>) is unfolded, with every fold around it, on load and when the address's fragment changes.
 */
export function unfoldTarget(): void {
  const unfold = () => {
    let target: HTMLElement | null = null;
    try {
      if (location.hash.length > 1) target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch {
      // A malformed escape (#%) names nothing to unfold.
      return;
    }
    let details = target?.closest('details');
    while (details) {
      details.open = true;
      details = details.parentElement?.closest('details') ?? null;
    }
    target?.scrollIntoView();
  };
  unfold();
  window.addEventListener('hashchange', unfold);
}
