/**
 * The original site's map (carte-2019) counted: the services that hosted a défi in each of its years, and the
 * ministries or bodies over them (its « tutelle » column), each count with the map's rows it comes from.
 */
import type { Figure } from '../figures.ts';
import { MAP_YEARS, type MapService } from './original-site.ts';

export interface MapHosts {
  /** Services on the map. */
  services: Figure;
  /** Their ministries or supervising bodies, each counted once. */
  tutelles: Figure;
}

const hostsOf = (services: readonly MapService[]): MapHosts => {
  const from = services.map((s) => s.ref);
  return {
    services: { value: services.length, unit: 'structures', from, computed: true },
    tutelles: { value: new Set(services.map((s) => s.tutelle)).size, unit: 'structures', from, computed: true },
  };
};

/** Every service of the map; and each year's, those the map gives at least one défi that year (none: no count). */
export function mapHosts(map: readonly MapService[]) {
  return {
    all: hostsOf(map),
    byYear: MAP_YEARS.flatMap((year) => {
      const hosting = map.filter((s) => s.defis[year].value > 0);
      return hosting.length > 0 ? [{ year, ...hostsOf(hosting) }] : [];
    }),
  };
}
