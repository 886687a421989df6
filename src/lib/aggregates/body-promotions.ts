/**
 * The host bodies of the current website's défis (current-defis.ts) counted the ways the administrations chart
 * shows them: each body's défis per promotion, and the counts its reading and notes give (défis, bodies, names as
 * written, défis shared by two bodies, défis under a name that designates none). A défi hosted by two bodies
 * counts for each.
 */
import type { Figure, RowRef, Unit } from '../figures.ts';
import { byPromotion } from '../promotion-names.ts';
import type { BodyCount, CurrentDefi } from './current-defis.ts';
import type { BodyStatus } from './host-bodies.ts';

export interface BodyPromotionCount {
  /** The body's key (BodyCount.key). */
  key: string;
  promotion: string;
  /** The body's défis of the promotion, with their rows and the table organismes' rows that name the body. */
  figure: Figure;
}

const counted = (value: number, unit: Unit, from: RowRef[]): Figure => ({ value, unit, from, computed: true });

const hostedBy = (defis: readonly CurrentDefi[], key: string) =>
  defis.filter((d) => d.bodies.some((b) => b.key === key));

/** Each body's défis per promotion, in the order of `byBody`, then of the promotions. */
export function bodyByPromotion(defis: readonly CurrentDefi[], byBody: readonly BodyCount[]): BodyPromotionCount[] {
  return byBody.flatMap((count) => {
    const hosted = hostedBy(defis, count.key);
    const promotions = [...new Set(hosted.map((d) => d.promotion))].sort(byPromotion((p) => p));
    return promotions.map((promotion) => {
      const ofPromotion = hosted.filter((d) => d.promotion === promotion);
      return {
        key: count.key,
        promotion,
        figure: counted(ofPromotion.length, 'défis', [...ofPromotion.map((d) => d.ref), ...count.body.refs]),
      };
    });
  });
}

export interface HostCounts {
  /** Défis with a host: a body, or a name that designates none. */
  defis: Figure;
  /** Bodies (names that designate none left out). */
  bodies: Figure;
  /** Bodies that hosted more than one défi. */
  several: Figure;
  /** Host names as the website writes them. */
  names: Figure;
  /** Bodies the website writes in several ways, each name mapped to the body by the table organismes. */
  writtenSeveralWays: Figure;
  /** Défis hosted by several bodies, once for each body after the first: the chart's extra marks. */
  shared: Figure;
  /** Défis under a name that designates no body, by why (ambiguous, missing from the table organismes). */
  apart: { status: Exclude<BodyStatus, 'organisme'>; figure: Figure }[];
}

/** The counts of the défis' hosts (all défis, or those of some promotions). */
export function hostCounts(defis: readonly CurrentDefi[]): HostCounts {
  const keysOf = (d: CurrentDefi) => [...new Set(d.bodies.map((b) => b.key))];
  const hosted = defis.filter((d) => keysOf(d).length > 0);
  const bodies = new Map<string, CurrentDefi[]>();
  for (const d of defis) {
    for (const body of d.bodies) {
      if (body.status !== 'organisme') continue;
      const members = bodies.get(body.key) ?? bodies.set(body.key, []).get(body.key)!;
      if (members.at(-1) !== d) members.push(d);
    }
  }
  const severalOf = [...bodies.values()].filter((members) => members.length > 1);
  const spelledOf = [...bodies.values()].filter((members) => new Set(members.map((d) => d.administration)).size > 1);
  const sharedOf = hosted.filter((d) => keysOf(d).length > 1);
  const refs = (list: readonly CurrentDefi[]) => list.map((d) => d.ref);
  const bodyRefs = (lists: readonly CurrentDefi[][]) => [...new Set(lists.flat())].map((d) => d.ref);
  const statuses = ['ambigu', 'sans-correspondance'] as const;
  return {
    defis: counted(hosted.length, 'défis', refs(hosted)),
    bodies: counted(bodies.size, 'structures', bodyRefs([...bodies.values()])),
    several: counted(severalOf.length, 'structures', bodyRefs(severalOf)),
    names: counted(new Set(defis.map((d) => d.administration)).size, 'nombre', refs(defis)),
    writtenSeveralWays: counted(spelledOf.length, 'structures', bodyRefs(spelledOf)),
    shared: counted(
      sharedOf.reduce((n, d) => n + keysOf(d).length - 1, 0),
      'défis',
      refs(sharedOf),
    ),
    apart: statuses.map((status) => {
      const of = defis.filter((d) => d.bodies.some((b) => b.status === status));
      return { status, figure: counted(of.length, 'défis', refs(of)) };
    }),
  };
}
