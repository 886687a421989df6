/** How a chart names the publication a row comes from, when two versions of one website stand side by side. */
import type { Publications } from '../../lib/publications.ts';

/** « Site du programme, 2026 », « Site du programme, 2022 »: the publication's tag with its year, once. */
export function datedTag(publications: Publications, id: string): string {
  const tag = publications.tag(id);
  const year = /\d{4}/u.exec(publications.get(id)?.date ?? '')?.[0];
  return year && !tag.includes(year) ? `${tag}, ${year}` : tag;
}
