/**
 * Runs in /embed/<slug>/ pages. Applies the embed's options (?theme=dark|light|auto, ?plain=1) and tells the
 * parent page the content's height whenever it changes, in two message shapes:
 * - `{ type: 'eig-embed:height', slug, height }`, read by /embed.js (the script given with the embed code);
 * - `{ 'datawrapper-height': { [slug]: height } }`, read by the resize script pages already carry for
 *   Datawrapper charts, which resizes the iframe the message comes from.
 */
export function setUpEmbed(): void {
  const params = new URLSearchParams(location.search);
  const theme = params.get('theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.classList.add(`theme-${theme}`);
  if (params.get('plain') === '1') document.body.classList.add('plain');
  const slug = document.body.dataset.slug ?? '';
  let last = -1;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last || window.parent === window) return;
    last = height;
    window.parent.postMessage({ type: 'eig-embed:height', slug, height }, '*');
    window.parent.postMessage({ 'datawrapper-height': { [slug]: height } }, '*');
  };
  new ResizeObserver(send).observe(document.documentElement);
  send();
}
