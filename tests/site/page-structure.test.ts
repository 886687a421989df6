/**
 * What every built page must get right for assistive technologies, read from the files (RGAA 8.2, 9.1, 13.2):
 * unique ids, one main heading, and links that open a new window say so.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { listFiles, page } from '../support/dist.ts';

const dist = inject('siteDir');
const html = listFiles(dist).filter((f) => f.endsWith('.html'));
/** Each page parsed once, for the three checks. */
const pages = new Map(html.map((file) => [file, page(dist, file)]));

/** Ids written more than once in the page, with their count. */
function duplicateIds(doc: Document): string[] {
  const counts = new Map<string, number>();
  for (const element of doc.querySelectorAll('[id]')) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([id, n]) => `#${id} ×${n}`);
}

/** A link's name as a screen reader gives it: aria-label, else its text without what is hidden from it, and title. */
function linkName(link: Element): string {
  const label = link.getAttribute('aria-label');
  if (label) return label;
  const copy = link.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return `${copy.textContent ?? ''} ${link.getAttribute('title') ?? ''}`.replace(/\s+/gu, ' ').trim();
}

/** Links that open another window (or tab) without saying « nouvelle fenêtre » in their name. */
function silentNewWindows(doc: Document): string[] {
  return [...doc.querySelectorAll('a[target], area[target], form[target]')]
    .filter((e) => !['_self', '_parent', '_top'].includes(e.getAttribute('target')!.toLowerCase()))
    .filter((e) => !/nouvelle fenêtre/iu.test(linkName(e)))
    .map((e) => `${e.getAttribute('href') ?? e.getAttribute('action')} « ${linkName(e)} »`);
}

describe('the checks', () => {
  it('find a duplicate id and a link to a new window that does not say so', () => {
    const { document } = parseHTML(`<!doctype html><html><body>
      <li id="carte"><span id="carte"></span></li><p id="seul"></p>
      <a href="/a" target="_blank">Les données</a>
      <a href="/b" target="_blank">Les données<span aria-hidden="true"> (nouvelle fenêtre)</span></a>
      <a href="/c" target="_blank">Les données<span class="visually-hidden"> (nouvelle fenêtre)</span></a>
      <a href="/d" target="_blank" title="Les données (nouvelle fenêtre)">Les données</a>
      <a href="/e" target="_top">Les données</a></body></html>`);
    const doc = document as unknown as Document;
    expect(duplicateIds(doc)).toEqual(['#carte ×2']);
    expect(silentNewWindows(doc)).toEqual(['/a « Les données »', '/b « Les données »']);
  });
});

describe('every page', () => {
  it('has no id written twice', () => {
    const found = [...pages].flatMap(([file, doc]) => duplicateIds(doc).map((d) => `${file} : ${d}`));
    expect(found).toEqual([]);
  });

  it('says so on every link that opens a new window', () => {
    const found = [...pages].flatMap(([file, doc]) => silentNewWindows(doc).map((d) => `${file} : ${d}`));
    expect(found).toEqual([]);
    // The embeds' footer link is one of them: it leaves the frame's page where it is.
    expect(pages.get(html.find((f) => f.startsWith('embed/'))!)!.querySelector('a[target="_blank"]')).not.toBeNull();
  });

  it('has one main heading, the old addresses too while their script leaves for the chart', () => {
    const found = [...pages].map(([file, doc]) => [file, doc.querySelectorAll('h1').length]).filter(([, n]) => n !== 1);
    expect(found).toEqual([]);
  });
});
