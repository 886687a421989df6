/** Where a point in metropolitan France can be: Ouessant to the east of Corsica, Corsica's southern cape to Bray-Dunes. */
export const METROPOLITAN_FRANCE = { south: 41.3, north: 51.1, west: -5.2, east: 9.6 } as const;

export function inMetropolitanFrance(latitude: number, longitude: number): boolean {
  const box = METROPOLITAN_FRANCE;
  return latitude >= box.south && latitude <= box.north && longitude >= box.west && longitude <= box.east;
}
