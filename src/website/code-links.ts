/**
 * A défi's link to its source code, read in its page's text: the GitHub or GitLab addresses it gives (mostly a
 * « Code source » button), the first one kept. An address under an account that may be a person's (not one of
 * the organisations data/sources.ts lists) has its owner masked: the tables name no one.
 */
import { sources } from '../../data/sources.ts';
import { checkText } from './front-matter.ts';

const CODE_HOSTS = /https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com)\/[^\s"'<>()[\]{}]+/giu;

export const MASKED_OWNER = '[compte-personnel]';

export interface CodeLink {
  /** The address kept, its owner masked when it may be a person. */
  url: string | null;
  /** Other addresses the page gives (said, not kept). */
  others: string[];
}

export function codeLink(file: string, body: string): CodeLink {
  const found = [
    ...new Set(
      [...body.matchAll(CODE_HOSTS)].map((m) =>
        // A sentence's full stop or comma ends the address, and « …/eig-link/ » is « …/eig-link ».
        m[0].replace(/[.,;:!?]+$/u, '').replace(/\/+$/u, ''),
      ),
    ),
  ].map(masked);
  for (const url of found) checkText(file, 'lien vers le code source', url);
  return { url: found[0] ?? null, others: found.slice(1) };
}

function masked(url: string): string {
  const parsed = new URL(url);
  const [owner, ...rest] = parsed.pathname.split('/').filter(Boolean);
  if (!owner || (sources.website.codeOwners as readonly string[]).includes(owner.toLowerCase())) return url;
  return `${parsed.origin}/${[MASKED_OWNER, ...rest].join('/')}${parsed.search}`;
}
