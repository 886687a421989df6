/** Reading a built site in tests: its files, its pages parsed with linkedom. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';

export function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(root, path));
    }
  };
  walk(root);
  return files.sort();
}

export function readText(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

export function page(root: string, path: string): Document {
  return parseHTML(readText(root, path)).document as unknown as Document;
}

/** « 1 234,56 € » → 1234.56, « 56 % » → 56, « — » → null: an independent reading of the French formats. */
export function frenchNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€%]/gu, '').replace(',', '.');
  if (cleaned === '—' || cleaned === '') return null;
  return Number(cleaned);
}

/** Text with every kind of space made a plain space, to compare with hand-written French strings. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/gu, ' ');
}

/** The pages made from one template per défi and per host body (/defis/<défi>/, /administrations/<organisme>/). */
const ONE_PER_ENTITY = /^(defis|administrations)\/[^/]+\/index\.html$/u;
/** How many pages of each such template the browser tests measure. */
const ENTITY_SAMPLE = 3;

/**
 * The addresses of the build's pages for the browser tests (layout, accessibility): every page, except that of the
 * hundreds made from one template per défi and per body, only the largest few of each (where long names and lists
 * are); the site tests read all of them (tests/site/entity-pages.test.ts).
 */
export function pagesToMeasure(root: string): string[] {
  const html = listFiles(root).filter((f) => f.endsWith('.html'));
  const size = (f: string) => readText(root, f).length;
  const sampled = ['defis', 'administrations'].flatMap((folder) =>
    html
      .filter((f) => ONE_PER_ENTITY.test(f) && f.startsWith(`${folder}/`))
      .sort((a, b) => size(b) - size(a) || a.localeCompare(b))
      .slice(0, ENTITY_SAMPLE),
  );
  return [...html.filter((f) => !ONE_PER_ENTITY.test(f)), ...sampled].map((f) => '/' + f.replace(/index\.html$/u, ''));
}

/**
 * The addresses of every page of the build (/, /graphiques/<slug>/, /404.html…), for the browser tests that
 * read them all (the accessibility audit).
 */
export function pageAddresses(root: string): string[] {
  return listFiles(root)
    .filter((f) => f.endsWith('.html'))
    .map((f) => '/' + f.replace(/index\.html$/u, ''));
}
