/**
 * How the series of a chart's drawings are told apart, measured in the page (see tests/e2e/colour-independence.test.ts):
 * passed to page.evaluate, so it uses nothing but the browser's DOM.
 */

export interface Drawing {
  variant: string;
  /** Series with marks in this drawing, by index, with their legend label. */
  series: { index: number; label: string }[];
  /** Series no text names beside their marks and no look of their own tells apart. */
  unnamed: string[];
  /** Pairs of neighbouring bars whose order is not the legend's. */
  misordered: string[];
}

/** Runs in a chart page: every drawing of its chart figure, shown (display: block) beforehand. */
export function measureDrawings(): Drawing[] {
  /** How far a label may sit from its mark, in the drawing's pixels: an axis tick's padding, a label's `dx`. */
  const near = 12;
  /** Two bars side by side in a stack or a group are at most this far apart; groups are set further apart. */
  const neighbours = 4;

  const normalise = (text: string) =>
    text
      .replace(/[\u00a0\u202f\s]+/gu, ' ')
      .replace(/['’]/gu, '’')
      .trim()
      .toLowerCase();
  const figure = document.querySelector('figure.chart-figure')!;
  const labels = new Map<number, string>();
  for (const item of figure.querySelectorAll<HTMLElement>('.legend [data-series]'))
    labels.set(Number(item.dataset.series), normalise(item.textContent ?? ''));
  type Box = { left: number; right: number; top: number; bottom: number };
  const distance = (a: Box, b: Box) =>
    Math.hypot(Math.max(0, a.left - b.right, b.left - a.right), Math.max(0, a.top - b.bottom, b.top - a.bottom));
  const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0);
  return [...figure.querySelectorAll<SVGSVGElement>('svg.chart-svg')].map((svg) => {
    const variant = [...svg.classList].find((c) => c.startsWith('chart-svg--'))!.slice('chart-svg--'.length);
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const box = (element: Element): Box => {
      const r = element.getBoundingClientRect();
      return { left: r.left / scale, right: r.right / scale, top: r.top / scale, bottom: r.bottom / scale };
    };
    const texts = [...svg.querySelectorAll('text')]
      .filter((t) => t.getBoundingClientRect().width > 0)
      .map((t) => {
        const lines = [...t.querySelectorAll('tspan')].map((s) => s.textContent ?? '');
        return { box: box(t), content: normalise(lines.length > 0 ? lines.join(' ') : (t.textContent ?? '')) };
      });
    const marks = [...svg.querySelectorAll<SVGGraphicsElement>('[data-series]')]
      .filter((m) => m.tagName.toLowerCase() !== 'text' && m.getBoundingClientRect().width > 0)
      .map((m) => {
        const b = box(m);
        const style = getComputedStyle(m);
        // A glyph drawn on the mark (a letter or a number written inside it) is part of its look.
        const glyphs = texts
          .filter((t) => {
            const x = (t.box.left + t.box.right) / 2;
            const y = (t.box.top + t.box.bottom) / 2;
            return x > b.left && x < b.right && y > b.top && y < b.bottom;
          })
          .map((t) => t.content)
          .sort();
        const shape =
          m.tagName.toLowerCase() === 'path'
            ? (m.getAttribute('d') ?? '').replace(/[^a-z]/giu, '').replace(/(.)\1+/gu, '$1')
            : m.tagName.toLowerCase();
        const look = [
          shape,
          style.fill === 'none' ? 'hollow' : 'filled',
          style.strokeDasharray,
          /url\(/u.test(style.fill) ? style.fill : '',
          glyphs.join('|'),
        ].join(' ; ');
        // A mark that carries its series' glyph is read by it, wherever it stands: only bars without one have an order.
        return {
          series: Number(m.getAttribute('data-series')),
          box: b,
          look,
          bar: m.tagName.toLowerCase() === 'rect' && glyphs.length === 0,
        };
      });
    const indices = [...new Set(marks.map((m) => m.series))].sort((a, b) => a - b);
    const series = indices.map((index) => ({ index, label: labels.get(index) ?? `série ${index}` }));
    const unnamed: string[] = [];
    // A stack: bars of one row touching each other. Words written next to a stack name its parts in order (« Paris 9 ·
    // Petite couronne 8 » under the bar): a part is named by words next to any part of its stack.
    const stackOf = new Map<(typeof marks)[number], (typeof marks)[number][]>();
    for (const m of marks) stackOf.set(m, [m]);
    for (const a of marks)
      for (const b of marks) {
        if (a === b || !a.bar || !b.bar || stackOf.get(a) === stackOf.get(b)) continue;
        const height = Math.min(a.box.bottom - a.box.top, b.box.bottom - b.box.top);
        const touching = Math.max(a.box.left - b.box.right, b.box.left - a.box.right) <= 1;
        if (!touching || overlap(a.box.top, a.box.bottom, b.box.top, b.box.bottom) < height * 0.9) continue;
        const merged = [...stackOf.get(a)!, ...stackOf.get(b)!];
        for (const m of merged) stackOf.set(m, merged);
      }
    if (indices.length >= 2) {
      for (const { index, label } of series) {
        const own = marks.filter((m) => m.series === index);
        const named = texts.some(
          (t) =>
            t.content.includes(label) &&
            own.some((m) => stackOf.get(m)!.some((part) => distance(t.box, part.box) <= near)),
        );
        const looks = new Set(own.map((m) => m.look));
        const apart = marks.every((m) => m.series === index || !looks.has(m.look));
        if (!named && !apart) unnamed.push(label);
      }
    }
    const misordered: string[] = [];
    const bars = marks.filter((m) => m.bar);
    for (const a of bars)
      for (const b of bars) {
        if (a.series >= b.series) continue;
        const height = Math.min(a.box.bottom - a.box.top, b.box.bottom - b.box.top);
        const width = Math.min(a.box.right - a.box.left, b.box.right - b.box.left);
        const sameRow = overlap(a.box.top, a.box.bottom, b.box.top, b.box.bottom) >= height / 2;
        const sameColumn = overlap(a.box.left, a.box.right, b.box.left, b.box.right) >= width / 2;
        const gapX = Math.max(a.box.left - b.box.right, b.box.left - a.box.right);
        const gapY = Math.max(a.box.top - b.box.bottom, b.box.top - a.box.bottom);
        // b follows a in the legend: it must come after it, to its right in a row, below it in a column.
        if (sameRow && gapX > -1 && gapX <= neighbours && b.box.left < a.box.left)
          misordered.push(`« ${labels.get(b.series)} » à gauche de « ${labels.get(a.series)} »`);
        if (sameColumn && gapY > -1 && gapY <= neighbours && b.box.top < a.box.top)
          misordered.push(`« ${labels.get(b.series)} » au-dessus de « ${labels.get(a.series)} »`);
      }
    return { variant, series, unnamed, misordered: [...new Set(misordered)] };
  });
}
