/**
 * A checkout of the programme's website, as `npm run data:import-site` is given it: the repository itself (its
 * pages under site/content/), that folder, or a copy of its three page folders (defis/, personnes/, promos/, the
 * layout of tests/reference/site-eig-v3). Pages are listed and read here, each held to a size a page can have;
 * the commit they come from is the one given, or the clone's own.
 */
import { join } from 'node:path';
import type { Effects } from '../effects.ts';
import { formatNumber } from '../lib/format.ts';
import { limitText } from '../lib/limits.ts';
import { PageError } from './front-matter.ts';

/** The website's page folders read: its défis, its people, its promotions. */
export const PAGE_FOLDERS = ['defis', 'personnes', 'promos'] as const;
export type PageFolder = (typeof PAGE_FOLDERS)[number];

/**
 * A page of the website is a few kilobytes (its largest défi, 7 kB) and a folder a few hundred pages: far beyond
 * that, a file is not a page of the website, and reading it would only cost memory.
 */
export const PAGE_LIMITS = { bytesPerPage: 1_000_000, pagesPerFolder: 20_000, bytesPerCheckout: 50_000_000 } as const;

export interface Checkout {
  /** The folder holding defis/, personnes/ and promos/. */
  content: string;
  /** The commit read, 40 hexadecimal digits. */
  commit: string;
  /** Each folder's pages (`.md` files but the section's `_index.md`), by name, sorted. */
  pages: Record<PageFolder, string[]>;
}

type Fx = Pick<Effects, 'fs'>;

const isDir = async (path: string, fx: Fx) => {
  try {
    return (await fx.fs.stat(path)).isDirectory();
  } catch {
    return false;
  }
};

/** Finds the page folders in `folder`, and the commit (`commit` when given, else the clone's HEAD). */
export async function openCheckout(folder: string, commit: string | null, fx: Fx): Promise<Checkout> {
  const candidates = [folder, join(folder, 'site', 'content')];
  let content: string | null = null;
  for (const candidate of candidates) {
    const found = await Promise.all(PAGE_FOLDERS.map((name) => isDir(join(candidate, name), fx)));
    if (found.every(Boolean)) content = candidate;
  }
  if (content === null) {
    throw new PageError(
      `${folder} n’est pas une copie du site du programme : ni ${PAGE_FOLDERS.map((f) => `${f}/`).join(', ')} ni site/content/ avec ces dossiers (dépôt entrepreneur-interet-general/site-eig-v3)`,
    );
  }
  const pages = {} as Checkout['pages'];
  let bytes = 0;
  for (const name of PAGE_FOLDERS) {
    pages[name] = await listPages(join(content, name), fx);
    // Sizes known before anything is read: a page too large, or too many bytes in all, is refused unread.
    for (const page of pages[name]) {
      const stats = await fx.fs.stat(join(content, name, page));
      // A device or a pipe named like a page would be read without end.
      if (!stats.isFile()) throw new PageError(`${name}/${page} : ce n’est pas un fichier`);
      bytes += checkedSize(name, page, stats.size);
    }
  }
  if (bytes > PAGE_LIMITS.bytesPerCheckout) {
    throw new PageError(
      `${content} : ${formatNumber(bytes)} octets de pages, au-delà de ${limitText(PAGE_LIMITS.bytesPerCheckout)} pour le site`,
    );
  }
  if (pages.defis.length === 0) throw new PageError(`${join(content, 'defis')} : aucune page de défi (fichier .md)`);
  return { content, commit: commit ?? (await cloneHead(folder, fx)), pages };
}

async function listPages(dir: string, fx: Fx): Promise<string[]> {
  const names = (await fx.fs.readdir(dir)).filter((name) => name.endsWith('.md') && name !== '_index.md');
  if (names.length > PAGE_LIMITS.pagesPerFolder) {
    throw new PageError(
      `${dir} : ${formatNumber(names.length)} pages, au-delà des ${formatNumber(PAGE_LIMITS.pagesPerFolder)} qu’un dossier du site peut avoir`,
    );
  }
  // By code point, as the website's files were compiled (« a-just » before « achadef »).
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function checkedSize(folder: PageFolder, name: string, size: number): number {
  if (size > PAGE_LIMITS.bytesPerPage) {
    throw new PageError(
      `${folder}/${name} : ${formatNumber(size)} octets, au-delà de ${limitText(PAGE_LIMITS.bytesPerPage)} pour une page du site ; ce n’est pas une page du site`,
    );
  }
  return size;
}

/** A page's text (its size checked again: it may have grown since it was listed). */
export async function readPageFile(checkout: Checkout, folder: PageFolder, name: string, fx: Fx): Promise<string> {
  const bytes = await fx.fs.readFile(join(checkout.content, folder, name));
  checkedSize(folder, name, bytes.byteLength);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PageError(`${folder}/${name} : le fichier n’est pas du texte UTF-8`);
  }
}

const SHA = /^[0-9a-f]{40}$/u;

/** The commit a clone has checked out: HEAD, directly or through its branch (loose or packed). */
async function cloneHead(folder: string, fx: Fx): Promise<string> {
  const git = join(folder, '.git');
  const read = async (path: string) => {
    try {
      return (await fx.fs.readFile(path, 'utf8')).trim();
    } catch {
      return null;
    }
  };
  const head = await read(join(git, 'HEAD'));
  const ref = head?.startsWith('ref: ') ? head.slice(5) : null;
  const sha =
    ref === null
      ? head
      : ((await read(join(git, ref))) ??
        (await read(join(git, 'packed-refs')))
          ?.split('\n')
          .find((line) => line.endsWith(` ${ref}`))
          ?.split(' ')[0] ??
        null);
  if (sha && SHA.test(sha)) return sha;
  throw new PageError(
    `${folder} : impossible de savoir de quel commit du dépôt viennent ces pages (ce n’est pas un clone git) ; donnez-le : --commit <40 chiffres hexadécimaux>`,
  );
}
