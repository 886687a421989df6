/**
 * Metropolitan France's outline, from Natural Earth's 1:50m countries (public domain) as the `world-atlas`
 * package (ISC) ships them as TopoJSON, simplified with topojson-simplify and kept to the mainland and Corsica
 * (the overseas départements are not on this map). Read at build time only: the JSON is bundled into the
 * build's server code, never into a page; pages get the projected path.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-50m.json' with { type: 'json' };
import { inMetropolitanFrance } from './bounds.ts';

/** ISO 3166 numeric code of France, the id world-atlas gives it. */
const FRANCE = '250';

/**
 * Triangles of less than this area (in square degrees) are dropped by Visvalingam's method: about 8 km², some
 * 4 px² at the widest drawing (720 px for some 1 000 km); 399 of the outline's 602 points are kept.
 */
const MIN_WEIGHT = 0.001;

export const OUTLINE_CREDIT = {
  name: 'Natural Earth',
  licence: 'domaine public',
  url: 'https://www.naturalearthdata.com/',
  package: 'world-atlas',
} as const;

/** The outline, simplified anew at each call (some 0,1 s: a map computes it once per drawing, see mapLayout). */
export function metropolitanFrance(): MultiPolygon {
  // presimplify weighs copies of the arcs (they are quantized: it decodes each point into a new array), and
  // simplify and feature build new objects: the imported module is left as it is.
  const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
  const simplified = simplify(presimplify(topology), MIN_WEIGHT);
  const countries = feature(simplified, simplified.objects.countries);
  const france = countries.features.find((f) => String(f.id) === FRANCE);
  if (!france) throw new Error('world-atlas : la France (250) est absente du fichier countries-50m.json');
  const geometry = france.geometry as Polygon | MultiPolygon;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const metropolitan = polygons.filter((polygon) => {
    const [lon, lat] = polygon[0]![0] as Position;
    return inMetropolitanFrance(lat!, lon!);
  });
  return { type: 'MultiPolygon', coordinates: metropolitan };
}
