/**
 * The places of the défis (defi-places.ts) counted as the map shows them: each town's (and each unplaced site's)
 * défis per promotion, per year of the original site's map and in all, with their host bodies; and how the défis
 * make the towns' squares (a défi on sites in two towns counts in each, one placed nowhere in none).
 */
import type { Figure } from '../figures.ts';
import { byPromotion, type Promotion } from '../promotion-names.ts';
import type { DefiPlace, Places } from './defi-places.ts';
import type { MAP_YEARS } from './original-site.ts';

export type MapYear = (typeof MAP_YEARS)[number];

export interface PlaceCounts {
  /** The town as the gazetteer spells it, or the site as written when it is not placed. */
  place: string;
  defis: Figure;
  /** Défis per promotion, in programme order. */
  byPromotion: { promotion: string; figure: Figure }[];
  /** Défis of the promotions that started each year of the original site's map (the promotions' years). */
  byYear: Record<MapYear, Figure>;
  /** Host bodies of its défis (names that designate none left out, as in the administrations chart). */
  bodies: Figure;
}

const counted = (members: readonly DefiPlace[]): Figure => ({
  value: members.length,
  unit: 'défis',
  from: members.map((d) => d.ref),
  computed: true,
});

function countsOf(place: string, defis: readonly DefiPlace[], promotions: readonly Promotion[]): PlaceCounts {
  const sorted = [...defis].sort(byPromotion((d) => d.promotion));
  const promotionNames = [...new Set(sorted.map((d) => d.promotion))];
  const ofYear = (year: MapYear) => {
    const started = promotions.filter((p) => p.year === year).map((p) => p.name);
    return counted(defis.filter((d) => started.includes(d.promotion)));
  };
  const bodies = new Set(defis.flatMap((d) => d.bodies.filter((b) => b.status === 'organisme').map((b) => b.key)));
  return {
    place,
    defis: counted(defis),
    byPromotion: promotionNames.map((promotion) => ({
      promotion,
      figure: counted(sorted.filter((d) => d.promotion === promotion)),
    })),
    byYear: { 2017: ofYear(2017), 2018: ofYear(2018), 2019: ofYear(2019) },
    bodies: { ...counted(defis), value: bodies.size, unit: 'structures' },
  };
}

export interface SiteCounts {
  /** Every défi of the current website. */
  defis: Figure;
  /** The towns' défis added up: a défi in two towns counts twice. */
  inTowns: Figure;
  /** Défis with sites in several towns. */
  inSeveralTowns: Figure;
  /** Whether each of those has exactly two towns. */
  twoTownsEach: boolean;
  /** Défis placed in no town. */
  unplaced: Figure;
}

export interface PlaceTallies {
  /** In the order of Places.towns. */
  towns: PlaceCounts[];
  /** In the order of Places.unplaced. */
  unplaced: PlaceCounts[];
  sites: SiteCounts;
}

export function placeTallies(places: Places, promotions: readonly Promotion[]): PlaceTallies {
  const several = places.defis.filter((d) => d.matched.length > 1);
  const towns = places.towns.map((t) => countsOf(t.commune, t.defis, promotions));
  return {
    towns,
    unplaced: places.unplaced.map((u) => countsOf(u.raw, u.defis, promotions)),
    sites: {
      defis: counted(places.defis),
      inTowns: {
        value: towns.reduce((n, t) => n + t.defis.value, 0),
        unit: 'défis',
        from: towns.flatMap((t) => t.defis.from),
        computed: true,
      },
      inSeveralTowns: counted(several),
      twoTownsEach: several.every((d) => d.matched.length === 2),
      unplaced: counted(places.defis.filter((d) => d.matched.length === 0)),
    },
  };
}
