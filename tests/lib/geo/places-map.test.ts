/**
 * The défis placed by town and counted by kind of place, and the map's projection, on a gazetteer written here:
 * a bare name shared by two communes stays unplaced, a défi on two kinds of place counts once, as such.
 */
import { describe, expect, it } from 'vitest';
import { placesOf } from '../../../src/lib/aggregates/defi-places.ts';
import { bodyTable } from '../../../src/lib/aggregates/host-bodies.ts';
import { gazetteerOf } from '../../../src/lib/geo/places.ts';
import type { Row } from '../../../src/lib/tables.ts';
import { inInset, mapLayout, position } from '../../../src/charts/helpers/map.ts';

const gazetteer = gazetteerOf([
  { name: 'Paris', departement: '75', lat: 48.8534, lon: 2.3488 },
  { name: 'Saint-Denis', departement: '93', lat: 48.9362, lon: 2.3574 },
  { name: 'Saint-Denis', departement: '974', lat: -20.8823, lon: 55.4504 },
  { name: 'Montreuil', departement: '93', lat: 48.8638, lon: 2.4485 },
  { name: 'Montreuil', departement: '62', lat: 50.4638, lon: 1.7634 },
  { name: 'Brest', departement: '29', lat: 48.3903, lon: -4.4863 },
  { name: 'Rambouillet', departement: '78', lat: 48.6436, lon: 1.8294 },
  { name: 'Lyon', departement: '69', lat: 45.7485, lon: 4.8467 },
  { name: 'Montpellier', departement: '34', lat: 43.6109, lon: 3.8772 },
]);

const defi = (slug: string, promotion: string, ville: string, line: number) =>
  ({
    slug,
    titre: slug,
    promotion,
    ville,
    administration: 'Ministère d’essai',
    source: 'site-eig-v3',
    _line: line,
  }) as unknown as Row<'defis-2017-2023'>;

const rows = [
  defi('a', 'EIG 1', 'Paris', 2),
  defi('b', 'EIG 1', '93200 Saint Denis', 3),
  defi('c', 'EIG 1', 'Montreuil', 4),
  defi('d', 'EIG 2', 'Brest', 5),
  defi('e', 'EIG 2', 'Paris (75) | Rambouillet (78)', 6),
  defi('f', 'EIG 2', 'Paris (75007)', 7),
];

describe('the défis placed by town', () => {
  const places = placesOf(rows, gazetteer, bodyTable([]));

  it('counts each défi once per promotion and kind of place', () => {
    expect(places.byKind.map((k) => [k.promotion, k.kind, k.figure.value])).toEqual([
      ['EIG 1', 'paris', 1],
      ['EIG 1', 'petite-couronne', 1],
      ['EIG 1', 'inconnu', 1],
      ['EIG 2', 'paris', 1],
      ['EIG 2', 'ailleurs', 1],
      ['EIG 2', 'plusieurs', 1],
    ]);
    // Each count cites the défis' rows.
    expect(places.byKind[0]!.figure.from).toEqual([{ table: 'defis-2017-2023', line: 2, source: 'site-eig-v3' }]);
  });

  it('counts them by kind of place, every promotion together', () => {
    expect(places.kindTotals.map((k) => [k.kind, k.figure.value, k.figure.from.map((r) => r.line)])).toEqual([
      ['paris', 2, [2, 7]],
      ['petite-couronne', 1, [3]],
      ['ailleurs', 1, [5]],
      ['plusieurs', 1, [6]],
      ['inconnu', 1, [4]],
    ]);
  });

  it('groups the défis by town, a défi on two sites in each, and lists the name it cannot place', () => {
    expect(places.towns.map((t) => [t.commune, t.departement, t.defis.map((d) => d.slug)])).toEqual([
      ['Paris', '75', ['a', 'e', 'f']],
      ['Brest', '29', ['d']],
      ['Rambouillet', '78', ['e']],
      ['Saint-Denis', '93', ['b']],
    ]);
    expect(places.unplaced.map((u) => [u.raw, u.defis.map((d) => d.slug)])).toEqual([['Montreuil', ['c']]]);
    expect(places.unplaced[0]!.message).toContain('62, 93');
  });

  it('places nothing without a gazetteer, and says so', () => {
    const none = placesOf(rows, null, bodyTable([]));
    expect(none.gazetteer).toBe(false);
    expect(none.towns).toEqual([]);
    // What the text itself says is still read: a written département or postal code.
    expect(none.defis.find((d) => d.slug === 'b')?.kind).toBe('petite-couronne');
    expect(none.defis.find((d) => d.slug === 'a')?.kind).toBe('inconnu');
  });
});

describe('the map’s projection', () => {
  it.each([720, 560, 360])(
    'puts Brest west of Paris and Montpellier south of Lyon, Paris in the inset (%i px)',
    (width) => {
      const layout = mapLayout(width);
      const at = (lat: number, lon: number) => position(layout, lat, lon);
      const brest = at(48.3903, -4.4863);
      const montpellier = at(43.6109, 3.8772);
      const lyon = at(45.7485, 4.8467);
      const rennes = at(48.1173, -1.6778);
      expect(brest.x).toBeLessThan(rennes.x);
      expect(montpellier.y).toBeGreaterThan(lyon.y);
      expect([brest.inset, lyon.inset]).toEqual([false, false]);
      const paris = at(48.8534, 2.3488);
      expect(paris.inset).toBe(true);
      const { frame } = layout;
      expect(paris.x).toBeGreaterThan(frame.x0);
      expect(paris.x).toBeLessThan(frame.x1);
      expect(paris.y).toBeGreaterThan(frame.y0);
      expect(paris.y).toBeLessThan(frame.y1);
      for (const point of [brest, montpellier, lyon]) {
        expect(point.x).toBeGreaterThanOrEqual(0);
        expect(point.x).toBeLessThanOrEqual(width);
        expect(point.y).toBeGreaterThanOrEqual(0);
        expect(point.y).toBeLessThanOrEqual(layout.height);
      }
      expect(inInset(48.9362, 2.3574)).toBe(true); // Saint-Denis
      expect(inInset(48.6436, 1.8294)).toBe(false); // Rambouillet
    },
  );
});
