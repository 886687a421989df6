/**
 * A map of France drawn at build time: metropolitan France in a conic conformal projection (Lambert's, with the
 * parallels and meridian of Lambert-93), and an inset zooming on Paris and its inner suburbs. Points are layers
 * (a declaration: which rows, which symbol); each point is drawn once, in the inset when it falls inside the
 * zoomed box, on the main map otherwise.
 *
 * Plot draws one projection per plot, so both projections are applied here and Plot gets pixel positions through
 * its identity projection: outline, frames and points stay one SVG, in one pass of the site's renderer.
 *
 * Each point is drawn once per view (every promotion, then each year): the page shows one view at a time, by CSS
 * (see .view-mark in site.css): the view named in the address (#vue-2017), or every promotion. Each view names its
 * towns beside their symbols, placed without overlaps (map-labels.ts); a key under the inset gives the symbols'
 * sizes, and a scale bar each map's distances. No package found on the npm registry ships the outlines of Paris and
 * its inner suburbs as geographic coordinates under an open licence: the inset's geography is its named towns.
 */
import * as Plot from '@observablehq/plot';
import { geoConicConformal, geoPath, type GeoProjection } from 'd3';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { metropolitanFrance } from '../../lib/geo/france.ts';
import { formatNumber } from '../../lib/format.ts';
import { plural } from '../../lib/text.ts';
import { placeLabels, symbolBox, type Anchor, type Box, type PlacedLabel } from './map-labels.ts';

/** The views of the map: every promotion, or one year's. */
export const MAP_VIEWS = [
  { id: 'tout', label: 'Toutes' },
  { id: '2017', label: '2017' },
  { id: '2018', label: '2018' },
  { id: '2019', label: '2019' },
] as const;
export type MapView = (typeof MAP_VIEWS)[number]['id'];

/** Paris and the nearest of its inner suburbs (Hauts-de-Seine, Seine-Saint-Denis, Val-de-Marne), where most services were. */
export const INSET_BOX = { west: 2.2, east: 2.57, south: 48.755, north: 48.955 } as const;
/** Notre-Dame, the point from which French road distances to Paris are measured: where the main map says « Paris ». */
export const PARIS_ZERO: [number, number] = [2.3488, 48.8534];

export const inInset = (lat: number, lon: number) =>
  lon >= INSET_BOX.west && lon <= INSET_BOX.east && lat >= INSET_BOX.south && lat <= INSET_BOX.north;

// A type, not an interface: a chart's row type must be assignable to the registry's Record rows.
export type MapPoint = {
  /** The layer's name (its legend entry and colour). */
  couche: string;
  nom: string;
  latitude: number | null;
  longitude: number | null;
  /** Défis in each view; a point is drawn in a view only when it has some there. */
  counts: Record<MapView, number>;
  /** Tooltip text. */
  tip: string;
  /** The name written beside the symbol (the towns' commune), or none. */
  label: string | null;
  /** Where a click on the symbol leads (the page listing its défis), or nowhere. */
  page: string | null;
};

export interface MapLayer {
  name: string;
  /** Plot symbol: filled circles for one layer, hollow squares for another… */
  symbol: 'circle' | 'square' | 'diamond' | 'triangle';
  filled: boolean;
  /** Radius in pixels of a point with `n` défis (area proportional to n). */
  radius(n: number, narrow: boolean): number;
  /** What a symbol's size counts, for the key (« défis par commune »). */
  unit: string;
}

/** The lambert conformal conic of Lambert-93: standard parallels 44° and 49° N, central meridian 3° E. */
function lambert(): GeoProjection {
  return geoConicConformal().parallels([44, 49]).rotate([-3, 0]);
}

export interface MapLayout {
  width: number;
  height: number;
  /** Metropolitan France, as drawn. */
  outline: MultiPolygon;
  main: GeoProjection;
  inset: GeoProjection;
  /** The main map's square, in pixels. */
  mainBox: Box;
  /** The inset's frame, in pixels. */
  frame: Box;
  /** Where the key of the symbols' sizes starts (its top left corner), and how wide it may be. */
  key: { x: number; y: number; width: number };
}

const boxPolygon = (): Polygon => {
  const { west, east, south, north } = INSET_BOX;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [west, north],
        [east, north],
        [east, south],
        [west, south],
      ],
    ],
  };
};

/** From this width the inset stands beside the map (a 700 px frame of the old site shows both side by side). */
export const SIDE_BY_SIDE = 540;

/** Main map on the left and inset on the right when wide enough; inset under the map otherwise; the key under the inset. */
export function mapLayout(width: number): MapLayout {
  const outline = metropolitanFrance();
  const pad = 8;
  const stacked = width < SIDE_BY_SIDE;
  const mainSize = stacked ? width - 2 * pad : Math.round(width * 0.5);
  const mainBox = { x0: pad, y0: pad, x1: pad + mainSize, y1: pad + mainSize };
  const main = lambert().fitExtent(
    [
      [mainBox.x0, mainBox.y0],
      [mainBox.x1, mainBox.y1],
    ],
    outline,
  );
  // The inset takes the width left to it, and the height the box's shape asks for.
  const [[bx0, by0], [bx1, by1]] = geoPath(lambert()).bounds(boxPolygon());
  const aspect = (by1 - by0) / (bx1 - bx0);
  const x0 = stacked ? pad : mainSize + 3 * pad;
  const x1 = width - pad;
  const y0 = stacked ? mainSize + 2 * pad + 24 : 24;
  const frame = { x0, y0, x1, y1: y0 + Math.round((x1 - x0) * aspect) };
  const inset = lambert().fitExtent(
    [
      [frame.x0 + 2, frame.y0 + 2],
      [frame.x1 - 2, frame.y1 - 2],
    ],
    boxPolygon(),
  );
  const key = { x: frame.x0, y: frame.y1 + 10, width: frame.x1 - frame.x0 };
  return { width, height: mainBox.y1 + pad, outline, main, inset, mainBox, frame, key };
}

/** A geometry with each position run through `project` (no resampling: these shapes are small and simplified). */
function projected(geometry: Polygon | MultiPolygon, project: GeoProjection): Geometry {
  const point = (p: Position): Position => {
    const [x, y] = project([p[0]!, p[1]!]) ?? [0, 0];
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  };
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(point)) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(point))) };
}

/** Where a point is drawn, in pixels: in the inset or on the main map. */
export function position(layout: MapLayout, lat: number, lon: number): { x: number; y: number; inset: boolean } {
  const inset = inInset(lat, lon);
  const [x, y] = (inset ? layout.inset : layout.main)([lon, lat]) ?? [0, 0];
  // A tenth of a pixel is precise enough, and every decimal more is bytes in the page.
  return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, inset };
}

const rectangle = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

/** A scale bar of `km` kilometres at latitude `lat`, its left end at (x, y), for a projection. */
function scaleBar(projection: GeoProjection, km: number, lat: number, x: number, y: number) {
  const degrees = km / (111.32 * Math.cos((lat * Math.PI) / 180));
  const [ax] = projection([2.35, lat]) ?? [0, 0];
  const [bx] = projection([2.35 + degrees, lat]) ?? [0, 0];
  const length = Math.round((bx - ax) * 10) / 10;
  const ink = { stroke: 'currentColor', strokeWidth: 1.5 } as const;
  return [
    Plot.link([{}], { x1: () => x, x2: () => x + length, y1: () => y, y2: () => y, ...ink }),
    Plot.link([x, x + length], {
      x1: (d: number) => d,
      x2: (d: number) => d,
      y1: () => y - 3,
      y2: () => y + 3,
      ...ink,
    }),
    Plot.text([`${formatNumber(km)} km`], {
      x: () => x + length + 5,
      y: () => y,
      text: (d: string) => d,
      textAnchor: 'start',
      fontSize: 11,
    }),
  ];
}

/** The background: France, the inset's frame, where the inset zooms from, and a scale bar on each. */
export function baseMarks(layout: MapLayout) {
  const { frame, main, inset, outline, mainBox } = layout;
  const zoomed = projected(boxPolygon(), main) as Polygon;
  const ink = { stroke: 'currentColor', fill: 'none' } as const;
  const stacked = layout.width < SIDE_BY_SIDE;
  return [
    Plot.geo([projected(outline, main)], {
      fill: 'currentColor',
      fillOpacity: 0.07,
      stroke: 'currentColor',
      strokeOpacity: 0.45,
      strokeWidth: 0.8,
    }),
    Plot.geo([rectangle(frame.x0, frame.y0, frame.x1, frame.y1)], { ...ink, strokeOpacity: 0.6 }),
    Plot.geo([zoomed], { ...ink, strokeOpacity: 0.8 }),
    Plot.text([{}], {
      x: () => frame.x0,
      y: () => frame.y0,
      text: () => (stacked ? 'Paris et petite couronne' : 'Zoom : Paris et petite couronne'),
      textAnchor: 'start',
      dy: -8,
      fontWeight: 'bold',
      fontSize: 11,
    }),
    // The Bay of Biscay is empty at every width: the main map's scale stands there.
    ...scaleBar(main, 100, 46, mainBox.x0 + 4, mainBox.y0 + (mainBox.y1 - mainBox.y0) * 0.78),
    ...scaleBar(inset, 2, INSET_BOX.south, frame.x0 + 10, frame.y1 - 12),
  ];
}

/** Where each drawn point of a view is, with its size. */
function drawnPoints(points: readonly MapPoint[], layer: MapLayer, layout: MapLayout, view: MapView) {
  const narrow = layout.width < SIDE_BY_SIDE;
  return (
    points
      .filter((p) => p.couche === layer.name && p.latitude !== null && p.longitude !== null && p.counts[view] > 0)
      .map((p) => {
        const at = position(layout, p.latitude!, p.longitude!);
        return { ...p, ...at, n: p.counts[view], r: layer.radius(p.counts[view], narrow) };
      })
      // Large symbols first, so that small ones stay visible (and hoverable) on top.
      .sort((a, b) => b.n - a.n)
  );
}

/**
 * The names of a view's labelled points (the towns), placed without overlaps: on the main map inside its square
 * and off the inset's frame, in the inset inside its frame; the main map's zoomed box is named « Paris ».
 */
function labelMarks(drawn: ReturnType<typeof drawnPoints>, layout: MapLayout, view: MapView, keyBox: Box) {
  const { frame, mainBox, main, width, height } = layout;
  // The inset's names stay in its frame, above its scale bar; the main map's keep off the frame and the key.
  const inner = { x0: frame.x0 + 3, y0: frame.y0 + 3, x1: frame.x1 - 3, y1: frame.y1 - 22 };
  const whole = { x0: 0, y0: 0, x1: width, y1: height };
  const avoid = [{ x0: frame.x0 - 4, y0: frame.y0 - 22, x1: frame.x1 + 4, y1: frame.y1 + 4 }, keyBox];
  const [px, py] = main(PARIS_ZERO) ?? [0, 0];
  const anchors: Anchor[] = [
    { text: 'Paris', x: px, y: py, radius: 8, bounds: { ...whole, x1: Math.min(width, mainBox.x1 + 40) }, avoid },
    ...drawn
      .filter((d) => d.label)
      .map((d) => ({
        text: d.label!,
        x: d.x,
        y: d.y,
        radius: d.r,
        bounds: d.inset ? inner : whole,
        avoid: d.inset ? [] : avoid,
      })),
  ];
  const { placed } = placeLabels(anchors, { symbols: drawn.map((d) => symbolBox(d.x, d.y, d.r)) });
  const className = `view-mark view-${view} map-label`;
  return [
    Plot.link(
      placed.filter((p) => p.leader),
      {
        x1: (p: PlacedLabel) => p.leader!.x1,
        y1: (p: PlacedLabel) => p.leader!.y1,
        x2: (p: PlacedLabel) => p.leader!.x2,
        y2: (p: PlacedLabel) => p.leader!.y2,
        stroke: 'currentColor',
        strokeOpacity: 0.6,
        className: `view-mark view-${view}`,
      },
    ),
    // Plot takes one text anchor per mark: a mark per side of the symbols.
    ...(['start', 'middle', 'end'] as const).map((anchor) =>
      Plot.text(
        placed.filter((p) => p.textAnchor === anchor),
        { x: 'x', y: 'y', text: 'text', textAnchor: anchor, fontSize: 11, className },
      ),
    ),
  ];
}

/** The points of every layer and the towns' names, once per view, each view a group the page's CSS shows or hides. */
export function pointMarks(points: readonly MapPoint[], layers: readonly MapLayer[], layout: MapLayout, keyBox: Box) {
  const marks = [];
  for (const view of MAP_VIEWS) {
    const drawnOfView = [];
    for (const layer of layers) {
      const drawn = drawnPoints(points, layer, layout, view.id);
      drawnOfView.push(...drawn);
      marks.push(
        Plot.dot(drawn, {
          x: 'x',
          y: 'y',
          r: 'r',
          symbol: layer.symbol,
          ...(layer.filled
            ? { fill: () => layer.name, fillOpacity: 0.75 }
            : { stroke: () => layer.name, strokeWidth: 1.6, fill: 'none' }),
          title: (d: MapPoint & { n: number }) =>
            view.id === 'tout' ? d.tip : `${view.label} : ${d.n} ${plural(d.n, 'défi')} — ${d.tip}`,
          href: (d: MapPoint) => d.page,
          className: `view-mark view-${view.id}`,
        }),
      );
    }
    marks.push(...labelMarks(drawnOfView, layout, view.id, keyBox));
  }
  return marks;
}

/**
 * Values the key shows for a layer: 1, the largest, and between them the largest round number (1, 2 or 5 times a
 * power of ten) at most half the largest, when there is one above 1.
 */
export function keyValues(max: number): number[] {
  if (max <= 1) return [1];
  const round = [1, 2, 5]
    .flatMap((m) => [1, 10, 100, 1000].map((p) => m * p))
    .filter((v) => v > 1 && v <= max / 2)
    .sort((a, b) => a - b)
    .at(-1);
  return round === undefined ? [1, max] : [1, round, max];
}

/** Width of a text at 11 px in the site's sans-serif, generously (see map-labels.ts). */
const textWidth = (text: string) => text.length * 7;

/**
 * The key of the symbols' sizes, under the inset: a row per layer, its symbols for 1, a middle value and the
 * largest, each with its count, then what they count (above the row when the width lacks room). Returns the
 * marks and the bottom of the key, which the drawing's height must reach.
 */
export function keyMarks(points: readonly MapPoint[], layers: readonly MapLayer[], layout: MapLayout) {
  const narrow = layout.width < SIDE_BY_SIDE;
  const { key } = layout;
  const marks = [];
  let y = key.y;
  const paint = (layer: MapLayer) =>
    layer.filled
      ? { fill: () => layer.name, fillOpacity: 0.75 }
      : { stroke: () => layer.name, strokeWidth: 1.6, fill: 'none' };
  for (const layer of layers) {
    const counts = points.filter((p) => p.couche === layer.name && p.latitude !== null).map((p) => p.counts.tout);
    if (counts.length === 0) continue;
    const values = keyValues(Math.max(...counts));
    let x = key.x;
    const symbols = values.map((value) => {
      const r = layer.radius(value, narrow);
      const at = { value, x: x + r, r };
      x += 2 * r + 4 + textWidth(formatNumber(value)) + 8;
      return at;
    });
    const above = x + textWidth(layer.unit) > key.x + key.width;
    if (above) {
      const top = y + 6;
      marks.push(
        Plot.text([layer.unit], {
          x: () => key.x,
          y: () => top,
          text: (d: string) => d,
          textAnchor: 'start',
          fontSize: 11,
        }),
      );
      y += 14;
    }
    const rowHeight = 2 * Math.max(...symbols.map((s) => s.r));
    const cy = y + rowHeight / 2;
    marks.push(
      Plot.dot(symbols, { x: 'x', y: () => cy, r: 'r', symbol: layer.symbol, ...paint(layer) }),
      Plot.text(symbols, {
        x: (d: { x: number; r: number }) => d.x + d.r + 4,
        y: () => cy,
        text: (d: { value: number }) => formatNumber(d.value),
        textAnchor: 'start',
        fontSize: 11,
      }),
    );
    if (!above)
      marks.push(
        Plot.text([layer.unit], { x: () => x, y: () => cy, text: (d: string) => d, textAnchor: 'start', fontSize: 11 }),
      );
    y += rowHeight + 8;
  }
  return { marks, bottom: y };
}
