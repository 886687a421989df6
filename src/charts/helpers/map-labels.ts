/**
 * Names beside a map's symbols without overlaps: each label, the largest symbol first, takes the first place
 * around its symbol (right, left, above, below, then the diagonals, then the same farther out with a leader
 * line) where its box meets no label already placed, no symbol, and no area its anchor keeps free (the inset's
 * frame, for the main map's names), and stays inside its bounds. Boxes are measured with the site's text widths (lib/text.ts, with room for
 * WCAG 1.4.12 text spacing): the browser test checks the boxes as Chromium lays them out.
 */
import { textWidth } from '../../lib/text.ts';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A symbol to name: where it is drawn and how far it reaches from its centre. */
export interface Anchor {
  text: string;
  x: number;
  y: number;
  radius: number;
  /** Where this label may go (the main map's drawing, or the inset's frame). */
  bounds: Box;
  /** Areas this label may not cover (the inset's frame, for a label of the main map). */
  avoid?: readonly Box[];
}

export interface PlacedLabel {
  text: string;
  /** The text's anchor point, as Plot's text mark takes it (x, y, textAnchor, middle baseline). */
  x: number;
  y: number;
  textAnchor: 'start' | 'middle' | 'end';
  box: Box;
  /** A line from the symbol's edge to the label, when the label stands away from it. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
}

/** Height of a line of text, in ems. */
const LINE_HEIGHT = 1.2;

export const intersects = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const inside = (a: Box, b: Box) => a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;

export const symbolBox = (x: number, y: number, radius: number): Box => ({
  x0: x - radius,
  y0: y - radius,
  x1: x + radius,
  y1: y + radius,
});

/** Unit directions tried, in order of preference: beside, above and below, then the diagonals. */
const DIRECTIONS: readonly [number, number][] = [
  [1, 0],
  [-1, 0],
  [0, -1],
  [0, 1],
  [1, -1],
  [-1, -1],
  [1, 1],
  [-1, 1],
];
/** Gaps between a symbol's edge and its label, in pixels: next to it, then farther with a leader line. */
const GAPS = [3, 14, 28, 44];

function candidate(anchor: Anchor, [dx, dy]: [number, number], gap: number, fontSize: number): PlacedLabel {
  // With room for the text spacing a reader may set (WCAG 1.4.12), as the other charts' labels.
  const width = textWidth(anchor.text, fontSize);
  const height = fontSize * LINE_HEIGHT;
  const reach = anchor.radius + gap;
  // The point of the label nearest the symbol: its left edge when it stands to the right, and so on.
  const px = anchor.x + dx * reach;
  const py = anchor.y + dy * reach;
  const textAnchor = dx > 0 ? 'start' : dx < 0 ? 'end' : 'middle';
  const x0 = textAnchor === 'start' ? px : textAnchor === 'end' ? px - width : px - width / 2;
  const cy = dy === 0 ? py : py + (dy * height) / 2;
  const box = { x0, y0: cy - height / 2, x1: x0 + width, y1: cy + height / 2 };
  const x = textAnchor === 'start' ? box.x0 : textAnchor === 'end' ? box.x1 : (box.x0 + box.x1) / 2;
  const leader =
    gap > GAPS[0]!
      ? {
          x1: anchor.x + dx * anchor.radius,
          y1: anchor.y + dy * anchor.radius,
          x2: anchor.x + dx * (reach - 2),
          y2: anchor.y + dy * (reach - 2),
        }
      : null;
  return { text: anchor.text, x, y: cy, textAnchor, box, leader };
}

/**
 * Places every label it can; a label that fits nowhere is returned in `unplaced` (the caller decides: a test
 * fails on it, the data table still names the town).
 */
export function placeLabels(
  anchors: readonly Anchor[],
  { symbols, fontSize = 11 }: { symbols: readonly Box[]; fontSize?: number },
): { placed: PlacedLabel[]; unplaced: Anchor[] } {
  const placed: PlacedLabel[] = [];
  const unplaced: Anchor[] = [];
  const ordered = [...anchors].sort((a, b) => b.radius - a.radius || a.text.localeCompare(b.text, 'fr'));
  // A label first avoids every symbol; failing that, it may cover another's symbol, never a label.
  const fits = (label: PlacedLabel, anchor: Anchor, strict: boolean) =>
    inside(label.box, anchor.bounds) &&
    !placed.some((p) => intersects(p.box, label.box)) &&
    !(anchor.avoid ?? []).some((a) => intersects(a, label.box)) &&
    (!strict || !symbols.some((s) => intersects(s, label.box)));
  for (const anchor of ordered) {
    let chosen: PlacedLabel | null = null;
    for (const strict of [true, false]) {
      for (const gap of GAPS) {
        for (const direction of DIRECTIONS) {
          const label = candidate(anchor, direction, gap, fontSize);
          if (fits(label, anchor, strict)) {
            chosen = label;
            break;
          }
        }
        if (chosen) break;
      }
      if (chosen) break;
    }
    if (chosen) placed.push(chosen);
    else unplaced.push(anchor);
  }
  return { placed, unplaced };
}
