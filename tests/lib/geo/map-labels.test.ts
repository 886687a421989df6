import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intersects, placeLabels, symbolBox, type Anchor } from '../../../src/charts/helpers/map-labels.ts';
import { keyValues } from '../../../src/charts/helpers/map.ts';
import { doubtOf } from '../../../src/charts/carte.ts';

const bounds = { x0: 0, y0: 0, x1: 400, y1: 300 };

describe('placeLabels', () => {
  it('puts a lone label to the right of its symbol, off it', () => {
    const { placed, unplaced } = placeLabels([{ text: 'Lyon', x: 100, y: 100, radius: 5, bounds }], {
      symbols: [symbolBox(100, 100, 5)],
    });
    expect(unplaced).toEqual([]);
    expect(placed[0]!.textAnchor).toBe('start');
    expect(placed[0]!.box.x0).toBeGreaterThan(105);
    expect(placed[0]!.leader).toBeNull();
  });

  it('moves a label to the left when the bounds end to the right, and away from an area to avoid', () => {
    const edge = placeLabels([{ text: 'Strasbourg', x: 390, y: 100, radius: 4, bounds }], { symbols: [] });
    expect(edge.placed[0]!.textAnchor).toBe('end');
    const avoid = { x0: 0, y0: 0, x1: 400, y1: 100 };
    const below = placeLabels([{ text: 'Lille', x: 200, y: 110, radius: 4, bounds, avoid: [avoid] }], { symbols: [] });
    expect(intersects(below.placed[0]!.box, avoid)).toBe(false);
  });

  it('says which label fits nowhere rather than overlapping', () => {
    const tiny = { x0: 0, y0: 0, x1: 30, y1: 20 };
    const { placed, unplaced } = placeLabels([{ text: 'Clermont-Ferrand', x: 15, y: 10, radius: 3, bounds: tiny }], {
      symbols: [],
    });
    expect(placed).toEqual([]);
    expect(unplaced.map((a) => a.text)).toEqual(['Clermont-Ferrand']);
  });

  it('never lets two placed labels overlap, nor leave their bounds (random towns)', () => {
    const anchor = fc.record({
      text: fc.string({ minLength: 1, maxLength: 18 }),
      x: fc.integer({ min: 0, max: 400 }),
      y: fc.integer({ min: 0, max: 300 }),
      radius: fc.integer({ min: 2, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(anchor, { maxLength: 25 }), (list) => {
        const anchors: Anchor[] = list.map((a) => ({ ...a, bounds }));
        const { placed, unplaced } = placeLabels(anchors, {
          symbols: anchors.map((a) => symbolBox(a.x, a.y, a.radius)),
        });
        expect(placed.length + unplaced.length).toBe(anchors.length);
        for (const [i, a] of placed.entries()) {
          expect(a.box.x0).toBeGreaterThanOrEqual(0);
          expect(a.box.x1).toBeLessThanOrEqual(400);
          expect(a.box.y0).toBeGreaterThanOrEqual(0);
          expect(a.box.y1).toBeLessThanOrEqual(300);
          for (const b of placed.slice(i + 1)) expect(intersects(a.box, b.box)).toBe(false);
        }
      }),
    );
  });
});

describe('the map’s key', () => {
  it('shows 1, a round number at most half the largest, and the largest', () => {
    expect(keyValues(1)).toEqual([1]);
    expect(keyValues(2)).toEqual([1, 2]);
    expect(keyValues(3)).toEqual([1, 3]);
    expect(keyValues(4)).toEqual([1, 2, 4]);
    expect(keyValues(15)).toEqual([1, 5, 15]);
    expect(keyValues(91)).toEqual([1, 20, 91]);
  });
});

describe('the original site’s doubts, in French', () => {
  const shown = (year: number) => ({ 2018: 1, 2019: 3 })[year] ?? null;

  it('writes a « FIXME » on a year’s figure as the doubt it is', () => {
    expect(doubtOf('FIXME: eig2018 = 2?', shown)).toBe(
      'pour 2018, la carte du site d’origine montre 1 défi, mais une note laissée dans son code source se demande s’il ne fallait pas écrire 2',
    );
    expect(doubtOf('FIXME: eig2019 = 2 ?', shown)).toContain('montre 3 défis');
    expect(doubtOf('fixme : EIG2019=4?', shown)).toContain('écrire 4');
  });

  it('quotes a comment of another form as written', () => {
    expect(doubtOf('à vérifier', shown)).toBe(
      'une note laissée dans le code source du site d’origine, sans suite, dit : « à vérifier »',
    );
  });
});
