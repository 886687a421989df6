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
 * (see .view-mark in site.css): the view named in the address (#vue-2017), or every promotion.
 */
import * as Plot from '@observablehq/plot';
import { geoCircle, geoConicConformal, geoPath, type GeoProjection } from 'd3';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { metropolitanFrance } from '../../lib/geo/france.ts';
import { plural } from '../../lib/text.ts';

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
/** Notre-Dame, the point from which French road distances to Paris are measured. */
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
};

export interface MapLayer {
  name: string;
  /** Plot symbol: filled circles for one layer, hollow squares for another… */
  symbol: 'circle' | 'square' | 'diamond' | 'triangle';
  filled: boolean;
  /** Radius in pixels of a point with `n` défis (area proportional to n). */
  radius(n: number, narrow: boolean): number;
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
  /** The inset's frame, in pixels. */
  frame: { x0: number; y0: number; x1: number; y1: number };
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

/** Main map on the left and inset on the right when wide; inset under the map when narrow. */
export function mapLayout(width: number, narrow: boolean): MapLayout {
  const outline = metropolitanFrance();
  const pad = 8;
  const mainSize = narrow ? width - 2 * pad : Math.round(width * 0.5);
  const main = lambert().fitExtent(
    [
      [pad, pad],
      [pad + mainSize, pad + mainSize],
    ],
    outline,
  );
  // The inset takes the width left to it, and the height the box's shape asks for.
  const [[bx0, by0], [bx1, by1]] = geoPath(lambert()).bounds(boxPolygon());
  const aspect = (by1 - by0) / (bx1 - bx0);
  const x0 = narrow ? pad : mainSize + 3 * pad;
  const x1 = width - pad;
  const y0 = narrow ? mainSize + 2 * pad + 24 : 40;
  const frame = { x0, y0, x1, y1: y0 + Math.round((x1 - x0) * aspect) };
  const inset = lambert().fitExtent(
    [
      [frame.x0 + 2, frame.y0 + 2],
      [frame.x1 - 2, frame.y1 - 2],
    ],
    boxPolygon(),
  );
  const height = narrow ? frame.y1 + pad : Math.max(pad * 2 + mainSize, frame.y1 + pad);
  return { width, height, outline, main, inset, frame };
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

/** The background: France, the inset's frame and rings, and where the inset zooms from. */
export function baseMarks(layout: MapLayout, narrow: boolean) {
  const { frame, main, inset, outline } = layout;
  const zoomed = projected(boxPolygon(), main) as Polygon;
  const rings = [5, 10].map((km) => ({
    km,
    ring: projected(
      geoCircle()
        .center(PARIS_ZERO)
        .radius(km / 111.2)
        .precision(4)() as Polygon,
      inset,
    ),
  }));
  const [zx, zy] = inset(PARIS_ZERO) ?? [0, 0];
  const ink = { stroke: 'currentColor', fill: 'none' } as const;
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
    Plot.geo(
      rings.map((r) => r.ring),
      { ...ink, strokeOpacity: 0.35, strokeDasharray: '3,3' },
    ),
    Plot.text(rings, {
      x: () => zx,
      y: (r: { km: number }) => zy - (r.km / 111.2) * (inset.scale() * (Math.PI / 180)),
      text: (r: { km: number }) => `${r.km} km`,
      dy: -4,
      fontSize: 11,
      fillOpacity: 0.75,
    }),
    Plot.text([{}], {
      x: () => frame.x0,
      y: () => frame.y0,
      text: () => (narrow ? 'Paris et petite couronne' : 'Zoom : Paris et petite couronne'),
      textAnchor: 'start',
      dy: -8,
      fontWeight: 'bold',
      fontSize: 11,
    }),
    Plot.dot([{}], { x: () => zx, y: () => zy, symbol: 'plus', r: 3, stroke: 'currentColor', strokeOpacity: 0.6 }),
    Plot.text([{}], {
      x: () => (main(PARIS_ZERO) ?? [0, 0])[0],
      y: () => (main(PARIS_ZERO) ?? [0, 0])[1],
      text: () => 'Paris',
      dx: 9,
      dy: -9,
      textAnchor: 'start',
      fontSize: 11,
    }),
  ];
}

/** The points of every layer, once per view, each view a group the page's CSS shows or hides. */
export function pointMarks(
  points: readonly MapPoint[],
  layers: readonly MapLayer[],
  layout: MapLayout,
  narrow: boolean,
) {
  const marks = [];
  for (const view of MAP_VIEWS) {
    for (const layer of layers) {
      const drawn = points
        .filter((p) => p.couche === layer.name && p.latitude !== null && p.longitude !== null && p.counts[view.id] > 0)
        .map((p) => ({ ...p, ...position(layout, p.latitude!, p.longitude!), n: p.counts[view.id] }))
        // Large symbols first, so that small ones stay visible (and hoverable) on top.
        .sort((a, b) => b.n - a.n);
      marks.push(
        Plot.dot(drawn, {
          x: 'x',
          y: 'y',
          r: (d: { n: number }) => layer.radius(d.n, narrow),
          symbol: layer.symbol,
          ...(layer.filled
            ? { fill: () => layer.name, fillOpacity: 0.75 }
            : { stroke: () => layer.name, strokeWidth: 1.6, fill: 'none' }),
          title: (d: MapPoint & { n: number }) =>
            view.id === 'tout' ? d.tip : `${view.label} : ${d.n} ${plural(d.n, 'défi')} — ${d.tip}`,
          className: `view-mark view-${view.id}`,
        }),
      );
    }
  }
  return marks;
}
