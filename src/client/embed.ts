/**
 * Runs in /embed/<slug>/ pages. Applies the embed's options (?theme=auto|dark|light, ?plain=1) and tells the
 * parent page the content's height whenever it changes, in two message shapes:
 * - `{ type: 'eig-embed:height', slug, height }`, read by /embed.js (the script given with the embed code);
 * - `{ 'datawrapper-height': { [slug]: height } }`, read by the resize script pages already carry for
 *   Datawrapper charts, which resizes the iframe the message comes from.
 *
 * The page is light unless asked otherwise (an article is light more often than its reader's system), and its
 * stylesheet fits it to the frame's height: inside a fixed frame with no resize script (the programme's old
 * blog posts) the chart shrinks so that the title, the chart and its source all show — but never so far that its
 * labels fall under 9 px: a chart that would, keeps its size and shows its first part, with a link to see it whole
 * (fitCharts). The height sent is the one the content would take whole and unshrunk, so that a page that does
 * resize the frame gives it all the room it needs.
 * It is said again after 1 and 3 s and when /embed.js asks (`{ type: 'eig-embed:ask-height' }`), for the host
 * scripts that start listening after the frame has loaded.
 */
export function setUpEmbed(): void {
  const params = new URLSearchParams(location.search);
  const theme = params.get('theme');
  const root = document.documentElement;
  if (theme === 'auto' || theme === 'dark') root.classList.remove('theme-light');
  if (theme === 'dark') root.classList.add('theme-dark');
  if (params.get('plain') === '1') document.body.classList.add('plain');
  const slug = document.body.dataset.slug ?? '';
  const main = document.querySelector('main') ?? document.body;
  fitCharts(main);
  window.addEventListener('resize', () => fitCharts(main));
  let last = -1;
  const send = (again = false) => {
    const height = naturalHeight(main);
    if ((height === last && !again) || window.parent === window) return;
    last = height;
    window.parent.postMessage({ type: 'eig-embed:height', slug, height }, '*');
    window.parent.postMessage({ 'datawrapper-height': { [slug]: height } }, '*');
  };
  new ResizeObserver(() => send()).observe(main);
  send();
  // The host's resize script comes after the iframe in its page, and may start listening after this frame has
  // spoken (a busy phone, a slow article): say the height again a little later, and whenever /embed.js asks.
  for (const delay of [1000, 3000]) setTimeout(() => send(true), delay);
  window.addEventListener('message', (event) => {
    if (event.source === window.parent && (event.data as { type?: unknown } | null)?.type === 'eig-embed:ask-height')
      send(true);
  });
}

/** The smallest text a chart's labels may be shown at, in CSS pixels. */
const LEGIBLE = 9;

/**
 * Marks `data-clipped` the chart figures the frame would shrink below legibility (labels under LEGIBLE px): the
 * stylesheet then keeps their drawing at its size, shows its first part and the link to the whole chart.
 */
function fitCharts(main: Element): void {
  for (const figure of main.querySelectorAll<HTMLElement>('figure.chart-figure')) {
    figure.removeAttribute('data-clipped');
    const svg = [...figure.querySelectorAll<SVGSVGElement>('svg.chart-svg')].find(
      (s) => s.getBoundingClientRect().width > 0,
    );
    const view = svg?.viewBox.baseVal;
    if (!svg || !view?.width) continue;
    const box = svg.getBoundingClientRect();
    const scale = Math.min(box.width / view.width, box.height / view.height);
    const smallest = Math.min(
      ...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize)),
    );
    if (smallest * scale < LEGIBLE) figure.setAttribute('data-clipped', '');
  }
}

/**
 * The content's height with every chart whole, at the height its width gives it (the stylesheet may have shrunk it,
 * or shown its first part only, with a link that then goes).
 */
function naturalHeight(main: Element): number {
  let height = main.getBoundingClientRect().top + window.scrollY + main.scrollHeight;
  for (const svg of main.querySelectorAll<SVGSVGElement>('svg.chart-svg')) {
    const box = svg.getBoundingClientRect();
    const view = svg.viewBox.baseVal;
    if (!box.width || !view?.width) continue;
    const shrunk = (box.width * view.height) / view.width - box.height;
    if (shrunk > 0.5) height += shrunk;
  }
  for (const figure of main.querySelectorAll<HTMLElement>('figure.chart-figure[data-clipped]'))
    height += figure.scrollHeight - figure.clientHeight;
  const more = main.querySelector('.embed-more');
  if (more && main.querySelector('[data-clipped]'))
    height -= more.getBoundingClientRect().height + parseFloat(getComputedStyle(more).marginTop);
  return Math.ceil(height);
}
