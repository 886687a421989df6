/** How a chart names the publication a row comes from, when two versions of one website stand side by side. */
import type { Publications } from '../../lib/publications.ts';

/** « Site du programme, 2026 », « Site du programme, 2022 »: the publication's tag with its year, once. */
export function datedTag(publications: Publications, id: string): string {
  const tag = publications.tag(id);
  const year = /\d{4}/u.exec(publications.get(id)?.date ?? '')?.[0];
  return year && !tag.includes(year) ? `${tag}, ${year}` : tag;
}

/** What the programme itself printed, beside the sums of a website's défis. */
export const PUBLISHED_FIGURE = 'Chiffre publié par le programme';

/**
 * A source's name as a chart draws it, beside each of its bars and in its legend: « Site 2026 », « Site 2022 »,
 * « Chiffre publié » (the data table keeps the whole name). Short enough to sit left of a bar on a phone.
 */
export function shortSource(source: string): string {
  if (source === PUBLISHED_FIGURE) return 'Chiffre publié';
  const year = /\d{4}/u.exec(source)?.[0];
  return year ? `Site ${year}` : source;
}
