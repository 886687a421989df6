/**
 * The base of the défis' locator maps: metropolitan France with the map chart's projection and outline
 * (../charts/helpers/map.ts), projected once per build (the outline costs some 0,1 s to compute), and where a
 * place falls on it.
 */
import { geoPath } from 'd3';
import { mapLayout } from '../charts/helpers/map.ts';
import { inMetropolitanFrance } from '../lib/geo/bounds.ts';

export interface LocatorBase {
  size: number;
  outline: string;
  /** Where a place is drawn, in pixels; null outside metropolitan France (overseas places are named, not drawn). */
  point(lat: number, lon: number): [number, number] | null;
}

export function locatorBase(size: number): LocatorBase {
  const { main, outline } = mapLayout(size);
  return {
    size,
    outline: geoPath(main).digits(0)(outline) ?? '',
    point: (lat, lon) => {
      if (!inMetropolitanFrance(lat, lon)) return null;
      const [x, y] = main([lon, lat]) ?? [0, 0];
      return [Math.round(x), Math.round(y)];
    },
  };
}
