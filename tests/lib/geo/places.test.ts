import { beforeAll, describe, expect, it } from 'vitest';
import {
  frenchPlaces,
  gazetteerOf,
  locateSites,
  placeKey,
  type Gazetteer,
  type Located,
} from '../../../src/lib/geo/places.ts';
import { parseTown } from '../../../src/lib/geo/towns.ts';
import { loadGazetteer } from '../../../src/load/gazetteer.ts';
import { reference } from '../../support/reference.ts';

/** France's territories, drawn generously around each (south, north, west, east), written for this test. */
const FRANCE: Record<string, [number, number, number, number]> = {
  metropole: [41.3, 51.1, -5.2, 9.6],
  guadeloupe: [15.8, 16.55, -61.85, -61.0],
  martinique: [14.35, 14.9, -61.25, -60.8],
  guyane: [2.1, 5.8, -54.6, -51.6],
  reunion: [-21.4, -20.85, 55.2, 55.85],
  mayotte: [-13.05, -12.6, 44.95, 45.35],
  'saint-pierre-et-miquelon': [46.7, 47.15, -56.45, -56.1],
  'saint-martin-saint-barthelemy': [17.85, 18.15, -63.2, -62.75],
  'nouvelle-caledonie': [-22.9, -19.5, 163.5, 168.2],
  polynesie: [-28, -7.8, -154.8, -134.4],
  'wallis-et-futuna': [-14.4, -13.1, -178.25, -176.1],
};
const inFrance = (lat: number, lon: number) =>
  Object.values(FRANCE).some(([s, n, w, e]) => lat >= s && lat <= n && lon >= w && lon <= e);

/**
 * Sites of the website's towns that the gazetteer cannot place, with the reason, written by hand. Bare
 * « Montreuil » (one défi) names a commune of Seine-Saint-Denis and one of Pas-de-Calais alike.
 */
const UNMATCHED = [{ raw: 'Montreuil', reason: 'homonymes', candidates: ['62', '93'] }];

let gazetteer: Gazetteer;
let located: Located;
const towns = reference('defis-2017-2023.csv').map((r) => r.ville!);

beforeAll(async () => {
  gazetteer = await loadGazetteer();
  located = locateSites(
    [...new Set(towns)].flatMap((town) => parseTown(town)),
    gazetteer,
  );
}, 30_000);

describe('the website’s towns on the GeoNames gazetteer', () => {
  it('places every site but those listed above, each for the reason given', () => {
    expect(located.unmatched.map((u) => ({ raw: u.site.raw, reason: u.reason, candidates: u.candidates }))).toEqual(
      UNMATCHED,
    );
    expect(located.matched).toHaveLength(47);
  });

  it('places every défi’s town, site by site, except the one bare « Montreuil »', () => {
    const sites = towns.flatMap((town) => parseTown(town));
    const { matched, unmatched } = locateSites(sites, gazetteer);
    expect(sites).toHaveLength(135); // 131 défis, four of them on two sites
    expect(unmatched.map((u) => u.site.raw)).toEqual(['Montreuil']);
    expect(matched).toHaveLength(134);
  });

  it('puts no point outside France, and each in the département the text gives', () => {
    for (const { site, lat, lon, place } of located.matched) {
      expect(inFrance(lat, lon), `${site.raw} : ${lat}, ${lon}`).toBe(true);
      if (site.departement !== null) expect(place.departement, site.raw).toBe(site.departement);
    }
  });

  it('matches names whatever their accents, case and hyphens (« Saint Mandé », « Evry », « La Défense »)', () => {
    const at = (raw: string) => located.matched.find((m) => m.site.raw === raw)!;
    expect(at('Saint Mandé').place).toMatchObject({ name: 'Saint-Mandé', departement: '94' });
    expect(at('91000 Evry').place).toMatchObject({ name: 'Évry', departement: '91' });
    expect(at('92055 La Défense').place.departement).toBe('92');
    expect(at('Étel (56410)').place.departement).toBe('56');
  });

  it('puts the towns where they are: Brest west of Paris, Lyon south-east of it, Lille north', () => {
    const at = (raw: string) => located.matched.find((m) => m.site.raw === raw)!;
    const paris = at('Paris');
    expect(Math.abs(paris.lat - 48.86)).toBeLessThan(0.05);
    expect(Math.abs(paris.lon - 2.35)).toBeLessThan(0.05);
    expect(at('Brest').lon).toBeLessThan(paris.lon - 6);
    expect(at('Lyon').lat).toBeLessThan(paris.lat - 2.5);
    expect(at('Lyon').lon).toBeGreaterThan(paris.lon + 2);
    expect(at('Lille (59)').lat).toBeGreaterThan(paris.lat + 1.5);
  });

  it('says how each site was matched: département, postal code, or a name no other French place has', () => {
    const by = (raw: string) => located.matched.find((m) => m.site.raw === raw)!.by;
    expect(by('Paris (75)')).toBe('departement');
    expect(by('Paris (75007)')).toBe('code-postal');
    expect(by('75007 Paris')).toBe('code-postal');
    expect(by('Brest')).toBe('nom');
  });
});

describe('homonyms', () => {
  it('tells Saint-Denis of Seine-Saint-Denis from Saint-Denis of La Réunion by the département', () => {
    const { matched, unmatched } = locateSites(
      [...parseTown('Saint-Denis (93200)'), ...parseTown('Saint-Denis (974)'), ...parseTown('97400 Saint-Denis')],
      gazetteer,
    );
    expect(unmatched).toEqual([]);
    const [metropole, reunion, reunionByCode] = matched;
    expect(metropole!.place.departement).toBe('93');
    expect(metropole!.lat).toBeGreaterThan(48.8);
    expect(reunion!.place.departement).toBe('974');
    expect(reunion!.lat).toBeLessThan(-20.8);
    expect(reunion!.lon).toBeGreaterThan(55.3);
    expect(reunionByCode!.place).toEqual(reunion!.place);
  });

  it('leaves a bare « Saint-Denis » unmatched rather than pick one', () => {
    const { matched, unmatched } = locateSites(parseTown('Saint-Denis'), gazetteer);
    expect(matched).toEqual([]);
    expect(unmatched[0]!.reason).toBe('homonymes');
    expect(unmatched[0]!.candidates).toEqual(expect.arrayContaining(['93', '974']));
    expect(unmatched[0]!.message).toMatch(/lieux nommés « Saint-Denis » \(départements .*93.*974.*\)/u);
  });

  it('refuses a town written in a département where no place has its name', () => {
    const { unmatched } = locateSites(parseTown('Brest (75)'), gazetteer);
    expect(unmatched.map((u) => [u.reason, u.candidates, u.message])).toEqual([
      ['autre-departement', ['29'], '« Brest » n’est pas dans le département 75 selon le répertoire (département 29)'],
    ]);
  });
});

describe('on a small gazetteer written here', () => {
  const small = gazetteerOf(
    frenchPlaces([
      { name: 'Saint-Mandé', lat: '48.84', lng: '2.42', country: 'FR', admin1: '11', admin2: '94' },
      { name: 'Évry', lat: '48.63', lng: '2.44', country: 'FR', admin1: '11', admin2: '91' },
      { name: 'Le Val', lat: '1', lng: '1', country: 'FR', admin1: '93', admin2: '83' },
      { name: 'Le Val', lat: '2', lng: '2', country: 'FR', admin1: '93', admin2: '83' },
      { name: 'Saint-Denis', lat: '-20.88', lng: '55.45', country: 'RE', admin1: 'RE', admin2: '974' },
      { name: 'Mamoudzou', lat: '-12.78', lng: '45.23', country: 'YT', admin1: '', admin2: '' },
      { name: 'Saint-Denis', lat: '50', lng: '4', country: 'BE', admin1: 'WAL', admin2: '' },
    ]),
  );

  it('keeps French places only, overseas ones under their département', () => {
    expect([...small.byName.keys()].sort()).toEqual(['evry', 'le val', 'mamoudzou', 'saint denis', 'saint mande']);
    expect(small.byName.get('saint denis')).toEqual([
      { name: 'Saint-Denis', departement: '974', lat: -20.88, lon: 55.45 },
    ]);
    expect(small.byName.get('mamoudzou')![0]!.departement).toBe('976');
  });

  it('ignores accents, case, hyphens and apostrophes in names', () => {
    expect(placeKey('SAINT MANDÉ')).toBe(placeKey('Saint-Mandé'));
    expect(placeKey('L’Haÿ-les-Roses')).toBe(placeKey("l'hay les roses"));
    expect(locateSites(parseTown('saint mande'), small).matched[0]?.place.name).toBe('Saint-Mandé');
    expect(locateSites(parseTown('EVRY (91)'), small).matched[0]?.by).toBe('departement');
  });

  it('refuses an unknown name, and two places of one name in one département', () => {
    const { matched, unmatched } = locateSites([...parseTown('Atlantis'), ...parseTown('Le Val (83)')], small);
    expect(matched).toEqual([]);
    expect(unmatched.map((u) => [u.site.raw, u.reason, u.message])).toEqual([
      ['Atlantis', 'absent', 'aucun lieu nommé « Atlantis » dans le répertoire'],
      ['Le Val (83)', 'homonymes', '2 lieux nommés « Le Val » dans le département 83'],
    ]);
  });
});
