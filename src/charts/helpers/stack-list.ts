/**
 * Stacked bars under headings, each followed by its parts in words (« Paris 9 · Petite couronne (92, 93, 94) 8 »):
 * every part is named on the drawing in its legend's words, so no colour needs decoding, and the small parts a bar
 * can hardly show are read there. Laid out in pixels, as a bar list is (helpers/bar-list.ts): Plot gets a linear
 * y scale whose unit is one pixel, so a bar's words take the lines they need.
 */
import * as Plot from '@observablehq/plot';
import { wrapToWidth } from '../../lib/text.ts';
import { marginAfterBars } from './margins.ts';

export interface StackBar<T> {
  /** Its name, left of the bar (above it on a phone); none for a group's only bar. */
  label?: string;
  /** Its parts, in stacking order. */
  parts: T[];
  /** Written after the bar (its total). */
  after?: string;
  /** Its parts in words, wrapped under the bar. */
  below: string;
  /** Written in italics in place of a bar that cannot be drawn (its figures not known). */
  instead?: string;
}

export interface StackOptions<T> {
  narrow: boolean;
  width: number;
  value: (part: T) => number;
  /** Room for the bars' names on a wide screen. */
  labelWidth?: number;
  fontSize?: number;
}

const LINE = 14;
const BAR = 14;

export function stackList<T>(
  groups: readonly { heading: string; bars: readonly StackBar<T>[] }[],
  { narrow, width, value, labelWidth = 200, fontSize = 11 }: StackOptions<T>,
) {
  const named = groups.some((g) => g.bars.some((b) => b.label));
  // At least room for half the axis's first label (« 0 % ») left of the bars.
  const marginLeft = narrow || !named ? 16 : labelWidth + 10;
  const total = (bar: StackBar<T>) => bar.parts.reduce((sum, part) => sum + value(part), 0);
  const max = Math.max(1, ...groups.flatMap((g) => g.bars.map(total)));
  const marginRight = marginAfterBars(
    groups.flatMap((g) => g.bars.flatMap((b) => (b.after ? [{ text: b.after, value: total(b) }] : []))),
    { width, marginLeft, max, min: 24, fontSize },
  );
  // Words under a bar run from its start to the drawing's right edge.
  const room = width - marginLeft - 8;
  const headings: { y: number; text: string }[] = [];
  const labels: { y: number; text: string }[] = [];
  const parts: { row: T; x1: number; x2: number; y1: number; y2: number }[] = [];
  /** The words after each bar, with the heading of its group. */
  const afters: { x: number; y: number; text: string; key: string }[] = [];
  const belows: { y: number; text: string }[] = [];
  const insteads: { y: number; text: string }[] = [];
  let y = 0;
  for (const [index, group] of groups.entries()) {
    if (index > 0) y += 8;
    headings.push({ y, text: group.heading });
    y += 18;
    for (const bar of group.bars) {
      if (bar.label && narrow) {
        labels.push({ y, text: bar.label });
        y += LINE;
      } else if (bar.label)
        labels.push({ y: y + BAR / 2, text: wrapToWidth(bar.label, labelWidth, fontSize).join('\n') });
      if (bar.instead) {
        const lines = wrapToWidth(bar.instead, room, fontSize);
        insteads.push({ y, text: lines.join('\n') });
        y += lines.length * LINE + 6;
        continue;
      }
      let x = 0;
      for (const row of bar.parts) parts.push({ row, x1: x, x2: (x += value(row)), y1: y, y2: y + BAR });
      if (bar.after) afters.push({ x, y: y + BAR / 2, text: bar.after, key: group.heading });
      const lines = wrapToWidth(bar.below, room, fontSize);
      belows.push({ y: y + BAR + 3, text: lines.join('\n') });
      y += BAR + 3 + lines.length * LINE + 6;
    }
  }
  const marginTop = 4;
  const marginBottom = 30;
  const lineHeight = LINE / fontSize;
  const left = {
    frameAnchor: 'left',
    textAnchor: 'start',
    lineAnchor: 'top',
    fontSize,
    lineHeight,
    dx: 4 - marginLeft,
  } as const;
  return {
    parts,
    afters,
    max,
    options: {
      height: y + marginTop + marginBottom,
      marginTop,
      marginBottom,
      marginLeft,
      marginRight,
      y: { domain: [0, y], range: [marginTop, marginTop + y], axis: null },
    },
    marks: [
      Plot.text(headings, { ...left, y: 'y', text: 'text', fontWeight: 'bold', fontSize: 12 }),
      Plot.text(
        labels,
        narrow
          ? { ...left, y: 'y', text: 'text' }
          : {
              frameAnchor: 'left',
              textAnchor: 'end',
              lineAnchor: 'middle',
              dx: -10,
              y: 'y',
              text: 'text',
              fontSize,
              lineHeight,
            },
      ),
      Plot.text(afters, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', dx: 4, fontSize }),
      Plot.text(belows, { ...left, y: 'y', text: 'text', dx: 0 }),
      Plot.text(insteads, { ...left, y: 'y', text: 'text', dx: 0, fontStyle: 'italic' }),
    ],
  };
}

/** « Paris 9 »: a part's name and its figure, which stays with the name's last word when the words wrap. */
export function partText(name: string, figure: string): string {
  return `${name}\u00a0${figure.replace(/ /gu, '\u00a0')}`;
}

/** Parts in words, one after the other: a line that wraps ends on the separator, never starts with it. */
export const joinParts = (parts: readonly string[]) => parts.join('\u00a0· ');
