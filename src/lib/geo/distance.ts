/** Distances on the Earth, for checks that ask how far a place is from another. */
import { geoDistance } from 'd3';

/** Notre-Dame, where French road distances from Paris are measured. */
export const PARIS_CENTRE = { lat: 48.8534, lon: 2.3488 } as const;

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance, in kilometres. */
export function kilometres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  return geoDistance([lon1, lat1], [lon2, lat2]) * EARTH_RADIUS_KM;
}
