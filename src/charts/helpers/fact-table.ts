/**
 * Yearly figures of mixed units (people, sessions, visitors, euros) as a small table under a chart's bars: a line per
 * figure (its name and unit), a column per promotion (named at its head), each cell the figure: to read across the
 * years, where sentences would pile up. Where the columns are too narrow for their figures (a phone), each figure's
 * name is followed by one line per promotion instead. Placed in pixels from `top` down (`dx` from the frame's left
 * edge, whatever the chart's x axis); `bottom` is where it ends.
 */
import * as Plot from '@observablehq/plot';
import { textWidth, wrapToWidth } from '../../lib/text.ts';
import { groupOf, type MixedRow } from './mixed.ts';

export function factTable<R extends MixedRow>(
  facts: readonly R[],
  {
    width,
    top,
    fontSize,
    marginLeft,
    line,
    cell,
  }: {
    width: number;
    top: number;
    fontSize: number;
    marginLeft: number;
    /** The name of a figure's line. */
    line: (row: R) => string;
    /** A figure as its cell writes it. */
    cell: (row: R) => string;
  },
) {
  const columns = [...new Set(facts.map(groupOf))];
  const lines = [...new Set(facts.map(line))];
  const labelWidth = Math.ceil(Math.min(width * 0.4, Math.max(0, ...lines.map((l) => textWidth(l, fontSize)))));
  const column = (width - labelWidth - 16) / Math.max(1, columns.length);
  const centre = (i: number) => labelWidth + 16 + column * (i + 0.5) - marginLeft;
  const wrapped = (text: string, room: number) => wrapToWidth(text, room, fontSize);
  const widest = (texts: string[]) => Math.max(0, ...texts.map((t) => textWidth(t, fontSize)));
  const fits =
    widest(facts.map(cell)) <= column - 6 && widest(columns.flatMap((c) => c.split(/[ \u00a0]/u))) <= column - 6;
  const heads = fits ? columns.map((c) => wrapped(c, column - 6).join('\n')) : [];
  let y = top;
  const headY = y;
  const labels: { y: number; text: string; bold?: boolean }[] = [];
  const cells: { y: number; text: string; column: number; row: R }[] = [];
  if (fits) {
    y += Math.max(1, ...heads.map((h) => h.split('\n').length)) * 14 + 6;
    for (const name of lines) {
      const text = wrapped(name, labelWidth);
      const middle = y + (text.length * 14) / 2;
      labels.push({ y: middle, text: text.join('\n') });
      columns.forEach((c, index) => {
        const row = facts.find((r) => line(r) === name && groupOf(r) === c);
        if (row) cells.push({ y: middle, text: cell(row), column: index, row });
      });
      y += text.length * 14 + 6;
    }
  } else {
    for (const name of lines) {
      const text = wrapToWidth(name, width - 12, fontSize, { bold: true });
      labels.push({ y: y + (text.length * 14) / 2, text: text.join('\n'), bold: true });
      y += text.length * 14 + 2;
      for (const c of columns) {
        const row = facts.find((r) => line(r) === name && groupOf(r) === c);
        if (!row) continue;
        const entry = wrapped(`${c}\u00a0: ${cell(row)}`, width - 24);
        labels.push({ y: y + (entry.length * 14) / 2, text: entry.join('\n') });
        y += entry.length * 14;
      }
      y += 8;
    }
  }
  const left = { frameAnchor: 'left', fontSize, lineHeight: 14 / fontSize } as const;
  const centred = { ...left, textAnchor: 'middle' } as const;
  return {
    bottom: y,
    marks: (tip: (r: R) => string) => [
      Plot.text(
        labels.filter((l) => l.bold),
        { ...left, y: 'y', text: 'text', textAnchor: 'start', dx: -marginLeft + 4, fontWeight: 'bold' },
      ),
      Plot.text(
        labels.filter((l) => !l.bold),
        { ...left, y: 'y', text: 'text', textAnchor: 'start', dx: -marginLeft + (fits ? 4 : 14) },
      ),
      ...heads.flatMap((_, i) => [
        Plot.text([heads[i]!], {
          ...centred,
          y: () => headY,
          text: (t) => t,
          lineAnchor: 'top',
          fontWeight: 'bold',
          dx: centre(i),
        }),
        Plot.text(
          cells.filter((c) => c.column === i),
          { ...centred, y: 'y', text: 'text', dx: centre(i), title: (c: (typeof cells)[number]) => tip(c.row) },
        ),
      ]),
    ],
  };
}
