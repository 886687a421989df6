import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { listFiles, page } from '../support/dist.ts';

const dist = inject('siteDir');
const html = listFiles(dist).filter((f) => f.endsWith('.html'));

/** The file a static host serves for a path: /x/ → x/index.html. */
function fileFor(path: string): string | null {
  const clean = decodeURIComponent(path.split('#')[0]!.split('?')[0]!);
  const candidates = clean.endsWith('/') ? [join(clean, 'index.html')] : [clean, join(clean, 'index.html')];
  return candidates.map((c) => c.replace(/^\//u, '')).find((c) => existsSync(join(dist, c))) ?? null;
}

describe('internal links', () => {
  it('all lead to a file, and their anchors to an element of that page', () => {
    const broken: string[] = [];
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      if (!ids.has(file)) ids.set(file, new Set([...page(dist, file).querySelectorAll('[id]')].map((e) => e.id)));
      return ids.get(file)!;
    };
    for (const file of html) {
      const doc = page(dist, file);
      const base = '/' + file.replace(/index\.html$/u, '');
      for (const element of doc.querySelectorAll('a[href], link[href], img[src], script[src]')) {
        const url = element.getAttribute('href') ?? element.getAttribute('src')!;
        if (/^(https?:|mailto:)/u.test(url)) continue;
        const resolved = new URL(url, `http://site${base}`);
        const target = fileFor(resolved.pathname);
        if (!target) {
          broken.push(`${file} → ${url}`);
          continue;
        }
        const anchor = decodeURIComponent(resolved.hash.slice(1));
        if (anchor && target.endsWith('.html') && !idsOf(target).has(anchor))
          broken.push(`${file} → ${url} (ancre absente)`);
      }
    }
    expect(broken).toEqual([]);
  });
});
