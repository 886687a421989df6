/**
 * A list of horizontal bars under headings, laid out in pixels: each bar's label sits to its left, or, on a phone
 * whose width its labels would eat, above the bar (long labels wrap). Plot draws it on a linear y scale whose unit is
 * one pixel, so headings, labels and bars can each take the height they need (a band scale would give every
 * line the same height).
 */

import * as Plot from '@observablehq/plot';
import { textWidth, wrapToWidth } from '../../lib/text.ts';
import { marginAfterBars } from './margins.ts';

/**
 * Greedy word wrap to `width` pixels, with room for a reader's text spacing (textWidth); lines are joined with
 * « \n », which Plot's text mark honours.
 */
export function wrap(text: string, width: number, fontSize: number, options: { bold?: boolean } = {}): string {
  return wrapToWidth(text, width, fontSize, options).join('\n');
}

const lineCount = (text: string) => text.split('\n').length;

export interface BarListOptions<T> {
  narrow: boolean;
  width: number;
  /** Pixels kept right of the longest bar for its value label (at least; see `values`). */
  valueWidth: number;
  /**
   * The label of each bar's value, written after it (`dx` 4, at `at` on a 0–`max` axis: the right margin leaves
   * room for each one, with a reader's text spacing), or, where labels stand above their bars on a phone, with the
   * label above it, so that the bars keep the drawing's width. barListFrame draws them.
   */
  values?: { text: (row: T) => string; at: (row: T) => number; max: number };
  /** Width of the label column on wide screens. */
  labelWidth?: number;
  fontSize?: number;
  /** Text written above the first heading, in the label size. */
  intro?: string;
}

/** On a phone, labels stay left of their bars, in at most this share of the width and two lines. */
const BESIDE_ON_PHONES = 0.45;

export interface PlacedBar<T> {
  row: T;
  /** Top and bottom of the bar, and its middle (for the value label), in pixels from the top of the frame. */
  y1: number;
  y2: number;
  y: number;
}

export interface BarList<T> {
  /** Height of the frame; give Plot `height: height + marginTop + marginBottom`. */
  height: number;
  marginLeft: number;
  marginRight: number;
  headings: { y: number; text: string }[];
  /** A line above everything (e.g. who answered), wrapped; empty when none was asked for. */
  intro: { y: number; text: string }[];
  /** Labels: above their bar on phones (lineAnchor top), left of it otherwise (lineAnchor middle, textAnchor end). */
  labels: { y: number; text: string }[];
  bars: PlacedBar<T>[];
  /** Options shared by the label marks. */
  labelMark: {
    frameAnchor: 'left';
    textAnchor: 'start' | 'end';
    lineAnchor: 'top' | 'middle';
    dx: number;
    fontSize: number;
    /** In ems: the lines' pitch the layout counts with. */
    lineHeight: number;
  };
  /** The values written after their bars (none where they stand above them). */
  values: { x: number; y: number; text: string }[];
  /** The y scale to give Plot: one unit is one pixel, 0 at the top. */
  y: { domain: [number, number]; range: [number, number]; axis: null };
}

export function barList<T>(
  groups: readonly { heading: string; rows: readonly T[] }[],
  labelOf: (row: T) => string,
  { narrow, width, valueWidth, labelWidth = 300, fontSize = 11, intro, values }: BarListOptions<T>,
  marginTop = 4,
): BarList<T> {
  const texts = groups.flatMap((g) => g.rows.map(labelOf));
  const widest = Math.ceil(Math.max(0, ...texts.map((l) => textWidth(l, fontSize))));
  const besideWidth = Math.min(widest, narrow ? Math.floor(width * BESIDE_ON_PHONES) : labelWidth);
  // Labels above their bars on a phone, unless they are short enough to sit beside them.
  const above = narrow && texts.some((l) => lineCount(wrap(l, besideWidth, fontSize)) > 2);
  const marginLeft = above ? 14 : besideWidth + 12;
  const marginRight =
    values && !above
      ? marginAfterBars(
          groups.flatMap((g) => g.rows.map((r) => ({ text: values.text(r), value: values.at(r) }))),
          { width, marginLeft, max: values.max, min: valueWidth, fontSize },
        )
      : above
        ? // Room for half the axis's last label (« 100 % »).
          24
        : valueWidth;
  const headingSize = 12;
  const lineHeight = Math.round(fontSize * 1.25);
  const barHeight = narrow ? 12 : 14;
  const barGap = 3;
  const headings: BarList<T>['headings'] = [];
  const labels: BarList<T>['labels'] = [];
  const bars: PlacedBar<T>[] = [];
  const valueLabels: BarList<T>['values'] = [];
  let y = 0;
  const introLines: BarList<T>['intro'] = [];
  if (intro) {
    const text = wrap(intro, width - 8, fontSize);
    introLines.push({ y, text });
    y += lineCount(text) * lineHeight + 10;
  }
  for (const [index, group] of groups.entries()) {
    if (index > 0) y += 10;
    const heading = wrap(group.heading, width - 8, headingSize, { bold: true });
    headings.push({ y, text: heading });
    y += lineCount(heading) * 15 + 6;
    // Consecutive rows with the same label share it: their bars are drawn one under the other.
    const clusters: T[][] = [];
    for (const row of group.rows) {
      const last = clusters.at(-1);
      if (last && labelOf(last[0]!) === labelOf(row)) last.push(row);
      else clusters.push([row]);
    }
    for (const cluster of clusters) {
      const label = labelOf(cluster[0]!);
      const barsHeight = cluster.length * barHeight + (cluster.length - 1) * barGap;
      let top: number;
      if (above) {
        // The value joins the label of a lone bar; bars sharing a label each get a line of their own.
        const room = width - marginLeft - 4;
        const lone = values && cluster.length === 1 ? `${label}\u00a0: ${values.text(cluster[0]!)}` : label;
        const text = wrap(lone, room, fontSize);
        labels.push({ y, text });
        y += lineCount(text) * lineHeight + 2;
        for (const [i, row] of cluster.entries()) {
          if (values && cluster.length > 1) {
            const line = wrap(values.text(row), room, fontSize);
            labels.push({ y, text: line });
            y += lineCount(line) * lineHeight;
          }
          bars.push({ row, y1: y, y2: y + barHeight, y: y + barHeight / 2 });
          y += barHeight + (i < cluster.length - 1 ? barGap : 8);
        }
        continue;
      } else {
        const text = wrap(label, besideWidth, fontSize);
        const pitch = narrow
          ? Math.max(barsHeight + 6, lineCount(text) * lineHeight + 2)
          : Math.max(barsHeight + 8, lineCount(text) * lineHeight + 6);
        labels.push({ y: y + pitch / 2, text });
        top = y + (pitch - barsHeight) / 2;
        y += pitch;
      }
      for (const [i, row] of cluster.entries()) {
        const y1 = top + i * (barHeight + barGap);
        bars.push({ row, y1, y2: y1 + barHeight, y: y1 + barHeight / 2 });
        if (values) valueLabels.push({ x: values.at(row), y: y1 + barHeight / 2, text: values.text(row) });
      }
    }
  }
  return {
    height: y,
    marginLeft,
    marginRight,
    headings,
    intro: introLines,
    labels,
    bars,
    values: valueLabels,
    labelMark: above
      ? {
          frameAnchor: 'left',
          textAnchor: 'start',
          lineAnchor: 'top',
          dx: 0,
          fontSize,
          lineHeight: lineHeight / fontSize,
        }
      : {
          frameAnchor: 'left',
          textAnchor: 'end',
          lineAnchor: 'middle',
          dx: -10,
          fontSize,
          lineHeight: lineHeight / fontSize,
        },
    y: { domain: [0, y], range: [marginTop, marginTop + y], axis: null },
  };
}

/**
 * What every chart drawn as a bar list shares: the frame (height, margins, the pixel y scale) and the marks of
 * its headings, its intro line, its labels and its values. Charts add their x scale, colours and bars.
 */
export function barListFrame<T>(list: BarList<T>, fontSize: number) {
  const marginTop = 4;
  const marginBottom = 26;
  const left = {
    y: 'y',
    text: 'text',
    frameAnchor: 'left',
    textAnchor: 'start',
    lineAnchor: 'top',
    dx: 4 - list.marginLeft,
  } as const;
  return {
    options: {
      height: list.height + marginTop + marginBottom,
      marginTop,
      marginBottom,
      marginLeft: list.marginLeft,
      marginRight: list.marginRight,
      y: list.y,
    },
    marks: [
      Plot.text(list.headings, { ...left, fontWeight: 'bold', fontSize: 12, lineHeight: 15 / 12 }),
      Plot.text(list.intro, { ...left, fontSize, fontStyle: 'italic', lineHeight: list.labelMark.lineHeight }),
      Plot.text(list.labels, { y: 'y', text: 'text', ...list.labelMark }),
      Plot.text(list.values, {
        x: 'x',
        y: 'y',
        text: 'text',
        textAnchor: 'start',
        dx: 4,
        fontSize: list.labelMark.fontSize,
      }),
    ],
  };
}
