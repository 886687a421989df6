/**
 * The people of the website, one page each (personnes/*.md), counted and never named: only their promotions,
 * role, défis and expertises are read. They give each défi its team (EIG: role participant; mentors, sponsors:
 * agent-public), and the table communaute-2017-2023 its counts by promotion, role and expertise (a person of two
 * promotions or expertises counts in each), as tests/reference/COMPILATION-2026-11.md derived them.
 */
import type { DefiPage, Promotions } from './defi-pages.ts';
import { promotionOf } from './defi-pages.ts';
import { PageError, type Page } from './front-matter.ts';

/** The front-matter keys a person's page is read for: not the name, the job, the links or the photo. */
export const PERSON_KEYS = ['promos', 'role', 'defis', 'expertises'] as const;

/** The website's roles, from the EIG to the ecosystem: the order of the table; another role comes after them. */
const ROLE_ORDER = ['participant', 'agent-public', 'agent-programme', 'agent-programme-alumni', 'agent-ecosysteme'];

export interface Person {
  file: string;
  /** As written, each with its normalised name. */
  promotions: { written: string; name: string }[];
  role: string;
  defis: string[];
  expertises: string[];
}

export function readPerson(page: Page, promotions: Promotions): Person {
  const role = page.text('role');
  if (role === null) throw new PageError(`${page.file} : clé « role » absente ou vide`);
  return {
    file: page.file,
    promotions: page.list('promos').map((written) => ({ written, name: promotionOf(page, written, promotions) })),
    role,
    defis: page.list('defis'),
    expertises: page.list('expertises'),
  };
}

/** A défi named on a person's page that no défi's title matches, said by the import (the person is not counted). */
export interface UnknownReference {
  file: string;
  reference: string;
}

const exact = (title: string) => title.replace(/\s+/gu, ' ').trim().toLowerCase();
// « e-PSHAD » is ePSHAD, « Estim'action » Estim’Action: spaces, hyphens and apostrophes aside.
const loose = (title: string) => exact(title).replace(/[\s\-'’]/gu, '');

/**
 * The défis a person's page names, by title: exactly (case and spaces aside), then loosely, then, for a name
 * that holds several (« Estim'action, SOS Pont »), each part, a part matching the one title it begins (« SOS
 * Ponts »). Never a guess between two défis: a name that could be two stays unknown.
 */
export function resolver(defis: readonly DefiPage[]): (reference: string) => DefiPage[] | null {
  const one = (key: (t: string) => string) => {
    const map = new Map<string, DefiPage | null>();
    for (const d of defis) map.set(key(d.titre), map.has(key(d.titre)) ? null : d);
    return (name: string) => map.get(key(name)) ?? null;
  };
  const byExact = one(exact);
  const byLoose = one(loose);
  const byStart = (name: string) => {
    const start = loose(name);
    const found = start.length >= 4 ? defis.filter((d) => loose(d.titre).startsWith(start)) : [];
    return found.length === 1 ? found[0]! : null;
  };
  const single = (name: string) => byExact(name) ?? byLoose(name) ?? null;
  return (reference) => {
    const whole = single(reference);
    if (whole) return [whole];
    const parts = reference.split(/\s*,\s*/u).filter(Boolean);
    const found = parts.map((part) => single(part) ?? byStart(part));
    return found.every((d): d is DefiPage => d !== null) ? [...new Set(found)] : null;
  };
}

export interface Teams {
  eig: Map<string, number>;
  mentors: Map<string, number>;
  unknown: UnknownReference[];
}

/** EIG and mentors of each défi (by slug), counted on the people's pages that name it. */
export function countTeams(people: readonly Person[], defis: readonly DefiPage[]): Teams {
  const resolve = resolver(defis);
  const teams: Teams = { eig: new Map(), mentors: new Map(), unknown: [] };
  for (const person of people) {
    const counted = person.role === 'participant' ? teams.eig : person.role === 'agent-public' ? teams.mentors : null;
    const named = new Set<DefiPage>();
    for (const reference of person.defis) {
      const found = resolve(reference);
      if (found) for (const d of found) named.add(d);
      else teams.unknown.push({ file: person.file, reference });
    }
    if (counted) for (const d of named) counted.set(d.slug, (counted.get(d.slug) ?? 0) + 1);
  }
  return teams;
}

export interface PeopleCount {
  promotion: string;
  promotion_source: string;
  role: string;
  expertise: string;
  effectif: number;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Empty last (people without a promotion, without an expertise), the rest by code point. */
const emptyLast = (a: string, b: string) => ((a === '') !== (b === '') ? (a === '' ? 1 : -1) : byCodePoint(a, b));
/** « Promotion 3 », « Promotion 3 - DIG », « Promotion 4 » … « Promotion 10 », then none. */
const byWording = (a: string, b: string) =>
  (a === '') !== (b === '') ? (a === '' ? 1 : -1) : a.localeCompare(b, 'fr', { numeric: true });
const roleRank = (role: string) => {
  const i = ROLE_ORDER.indexOf(role);
  return i < 0 ? ROLE_ORDER.length : i;
};

/** People counted by promotion (as written), role and expertise: each of a person's promotions and expertises. */
export function countPeople(people: readonly Person[]): PeopleCount[] {
  const counts = new Map<string, PeopleCount>();
  for (const person of people) {
    const promotions = person.promotions.length > 0 ? person.promotions : [{ written: '', name: '' }];
    const expertises = person.expertises.length > 0 ? person.expertises : [''];
    for (const promotion of promotions) {
      for (const expertise of expertises) {
        const key = JSON.stringify([promotion.written, person.role, expertise]);
        const entry = counts.get(key) ?? {
          promotion: promotion.name,
          promotion_source: promotion.written,
          role: person.role,
          expertise,
          effectif: 0,
        };
        entry.effectif += 1;
        counts.set(key, entry);
      }
    }
  }
  return [...counts.values()].sort(
    (a, b) =>
      byWording(a.promotion_source, b.promotion_source) ||
      roleRank(a.role) - roleRank(b.role) ||
      byCodePoint(a.role, b.role) ||
      emptyLast(a.expertise, b.expertise),
  );
}
