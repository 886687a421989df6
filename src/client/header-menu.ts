/**
 * The header's menu of charts is a <details> that works without script; with it, Escape closes the menu (focus
 * back on its summary) and so does a tap or a click outside it, as readers expect of a menu.
 */
export function enhanceHeaderMenu(): void {
  for (const menu of document.querySelectorAll<HTMLDetailsElement>('details.header-menu')) {
    menu.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !menu.open) return;
      menu.open = false;
      menu.querySelector('summary')?.focus();
    });
    document.addEventListener('click', (event) => {
      if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
    });
  }
}
