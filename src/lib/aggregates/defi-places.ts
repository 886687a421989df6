/**
 * Where the défis of 2017–2023 were (defis-2017-2023, the programme's current website): each town value read
 * into sites (geo/towns.ts), each site matched with the gazetteer (geo/places.ts), never guessed. Towns group the
 * défis for the map; kinds of place (Paris, inner suburbs, elsewhere) count them per promotion.
 */
import { refOf, type Figure, type RowRef } from '../figures.ts';
import { locateSites, type Gazetteer, type MatchedSite, type UnmatchedSite } from '../geo/places.ts';
import { parseTown, type TownSite } from '../geo/towns.ts';
import { byPromotion } from '../promotion-names.ts';
import type { Row } from '../tables.ts';
import { bodiesOf, type Body, type BodyTable } from './host-bodies.ts';

/** Paris (75), its inner suburbs (Hauts-de-Seine, Seine-Saint-Denis, Val-de-Marne), the rest of France. */
export type PlaceKind = 'paris' | 'petite-couronne' | 'ailleurs' | 'plusieurs' | 'inconnu';

export const PLACE_KINDS: readonly PlaceKind[] = ['paris', 'petite-couronne', 'ailleurs', 'plusieurs', 'inconnu'];

const INNER_SUBURBS = new Set(['92', '93', '94']);

export interface DefiPlace {
  slug: string;
  titre: string;
  promotion: string;
  ref: RowRef;
  /** The town value as the website writes it. */
  ville: string;
  /** Its host bodies (../aggregates/host-bodies.ts). */
  bodies: readonly Body[];
  matched: MatchedSite[];
  unmatched: UnmatchedSite[];
  kind: PlaceKind;
}

export interface TownPoint {
  /** As the gazetteer spells it. */
  commune: string;
  departement: string | null;
  lat: number;
  lon: number;
  /** The défis with a site in this town, in the website's order. */
  defis: DefiPlace[];
}

export interface UnplacedSite {
  /** The site as written. */
  raw: string;
  message: string;
  defis: DefiPlace[];
}

export interface Places {
  defis: DefiPlace[];
  towns: TownPoint[];
  unplaced: UnplacedSite[];
  /** Défis per promotion and kind of place, each count with the défis' rows. */
  byKind: { promotion: string; kind: PlaceKind; figure: Figure }[];
  /** Défis per kind of place, every promotion together. */
  kindTotals: { kind: PlaceKind; figure: Figure }[];
  /** False when no gazetteer was given: no site is placed, and the map's second layer is empty. */
  gazetteer: boolean;
}

function kindOfSite(departement: string | null): PlaceKind {
  if (departement === null) return 'inconnu';
  if (departement === '75') return 'paris';
  return INNER_SUBURBS.has(departement) ? 'petite-couronne' : 'ailleurs';
}

function kindOfDefi(sites: readonly TownSite[], matched: readonly MatchedSite[]): PlaceKind {
  const kinds = new Set(
    sites.map((site) =>
      kindOfSite(site.departement ?? matched.find((m) => m.site === site)?.place.departement ?? null),
    ),
  );
  if (kinds.size === 0) return 'inconnu';
  if (kinds.size === 1) return [...kinds][0]!;
  return kinds.has('inconnu') ? 'inconnu' : 'plusieurs';
}

export function placesOf(
  rows: readonly Row<'defis-2017-2023'>[],
  gazetteer: Gazetteer | null,
  bodyNames: BodyTable,
): Places {
  const empty: Gazetteer = { byName: new Map() };
  // A few dozen spellings of towns for all the défis: each read and located once, its result shared.
  const byTown = new Map<string, Pick<DefiPlace, 'matched' | 'unmatched' | 'kind'>>();
  const locate = (ville: string) => {
    const known = byTown.get(ville);
    if (known) return known;
    const sites = parseTown(ville);
    const { matched, unmatched } = locateSites(sites, gazetteer ?? empty);
    const located = { matched, unmatched, kind: kindOfDefi(sites, matched) };
    byTown.set(ville, located);
    return located;
  };
  const defis = rows.map<DefiPlace>((row) => {
    // Every field in the literal (no spread): a défi per row of a large snapshot, and spread fields would each
    // cost a separate property store.
    const { matched, unmatched, kind } = locate(row.ville ?? '');
    return {
      slug: row.slug,
      titre: row.titre,
      promotion: row.promotion,
      ref: refOf('defis-2017-2023', row),
      ville: row.ville ?? '',
      bodies: bodiesOf(bodyNames, row.administration),
      matched,
      unmatched,
      kind,
    };
  });

  const towns = new Map<string, TownPoint>();
  const unplaced = new Map<string, UnplacedSite>();
  for (const defi of defis) {
    for (const m of defi.matched) {
      const key = `${m.place.name}\u0001${m.place.departement ?? ''}\u0001${m.lat}\u0001${m.lon}`;
      const town = towns.get(key) ?? {
        commune: m.place.name,
        departement: m.place.departement,
        lat: m.lat,
        lon: m.lon,
        defis: [],
      };
      // A défi on two sites of one town counts once there (its sites come one after the other).
      if (town.defis.at(-1) !== defi) town.defis.push(defi);
      towns.set(key, town);
    }
    for (const u of defi.unmatched) {
      const entry = unplaced.get(u.site.raw) ?? { raw: u.site.raw, message: u.message, defis: [] };
      entry.defis.push(defi);
      unplaced.set(u.site.raw, entry);
    }
  }

  const promotionOrder = byPromotion((e: { promotion: string }) => e.promotion);
  const count = (members: readonly DefiPlace[]): Figure => ({
    value: members.length,
    unit: 'défis',
    from: members.map((d) => d.ref),
    computed: true,
  });
  const groups = new Map<string, DefiPlace[]>();
  for (const defi of defis) {
    const key = `${defi.promotion}\u0001${defi.kind}`;
    const group = groups.get(key);
    if (group) group.push(defi);
    else groups.set(key, [defi]);
  }
  const byKind = [...groups]
    .map(([key, members]) => {
      const [promotion, kind] = key.split('\u0001') as [string, PlaceKind];
      return { promotion, kind, figure: count(members) };
    })
    .sort((a, b) => promotionOrder(a, b) || PLACE_KINDS.indexOf(a.kind) - PLACE_KINDS.indexOf(b.kind));

  return {
    defis,
    towns: [...towns.values()].sort((a, b) => b.defis.length - a.defis.length || a.commune.localeCompare(b.commune)),
    unplaced: [...unplaced.values()],
    byKind,
    kindTotals: PLACE_KINDS.map((kind) => ({ kind, figure: count(defis.filter((d) => d.kind === kind)) })).filter(
      (k) => k.figure.value > 0,
    ),
    gazetteer: gazetteer !== null,
  };
}
