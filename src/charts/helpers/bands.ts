/**
 * Layout helpers shared by several charts (this folder is not scanned by the registry: only src/charts/*.ts are
 * charts).
 *
 * Charts that group horizontal bars under headings (survey themes, follow-up indicators, promotions) draw
 * everything on one band scale: each group gets a heading band followed by one band per item. Plot facets
 * cannot do this (facets share their y domain, so every group would get every group's rows).
 */
import { NBSP, formatNumber } from '../../lib/format.ts';

const SEPARATOR = '\u0001';

export interface Bands {
  /** The y domain: a heading key, then its items' keys, group after group. */
  domain: string[];
  /** Heading bands, with the heading's text. */
  headings: { key: string; text: string }[];
  /** Text of an item band's tick (empty for headings). */
  tick: (key: string) => string;
}

/** The band key of an item within its group. */
export function bandKey(group: string, item: string): string {
  return `${group}${SEPARATOR}${item}`;
}

/**
 * Bands for items grouped under headings, in the order given. `items` lists, for each group, its item ids and
 * their tick texts.
 */
export function groupedBands(groups: { heading: string; items: { id: string; text: string }[] }[]): Bands {
  const domain: string[] = [];
  const headings: Bands['headings'] = [];
  const ticks = new Map<string, string>();
  for (const group of groups) {
    const key = bandKey(group.heading, '');
    domain.push(key);
    headings.push({ key, text: group.heading });
    ticks.set(key, '');
    for (const item of group.items) {
      const itemKey = bandKey(group.heading, item.id);
      if (ticks.has(itemKey)) continue;
      domain.push(itemKey);
      ticks.set(itemKey, item.text);
    }
  }
  return { domain, headings, tick: (key) => ticks.get(key) ?? '' };
}

/** Groups of `rows` in order of first appearance. */
export function groupsOf<T>(rows: readonly T[], groupOf: (row: T) => string): { group: string; rows: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(groupOf(row), [...(groups.get(groupOf(row)) ?? []), row]);
  return [...groups].map(([group, members]) => ({ group, rows: members }));
}

/** « 2,43 M€ »: a short amount for bar labels on phones (the table and tooltips keep the exact amount). */
export function formatMillions(value: number): string {
  return `${formatNumber(Math.round(value / 10_000) / 100)}${NBSP}M€`;
}
