/**
 * French typography over the text of every built page: no space before a comma or a full stop (« prévisionnel) ,
 * Etalab » came from line breaks between template expressions), a space kept before « : ; ! ? », and a no-break
 * space, never a plain one, between a number and « % » or « € » (a line must not start with « % »). Code
 * (addresses, commands) and the raw tables' cells (the data files as written) are not prose and are left out.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { listFiles, readText } from '../support/dist.ts';

const dist = inject('siteDir');
const html = listFiles(dist).filter((f) => f.endsWith('.html'));

/** The prose a reader sees on a page, spaces collapsed; a piece of code counts as one word. */
function prose(source: string): string {
  const { document } = parseHTML(
    source.includes('<body') ? source : `<!doctype html><html><body>${source}</body></html>`,
  );
  for (const element of document.querySelectorAll('script, style, textarea')) element.remove();
  for (const element of document.querySelectorAll('code, pre')) element.replaceWith(document.createTextNode('code'));
  // The raw tables' cells are the data files as written (« FIXME: eig2018 = 2? » in the original's map): data,
  // not the site's prose.
  for (const element of document.querySelectorAll('.raw-table tbody td'))
    element.replaceWith(document.createTextNode('donnée'));
  // Blocks end a line: their last word does not run into the next block's first.
  for (const block of document.querySelectorAll('p, li, td, th, caption, h1, h2, h3, h4, div, summary, figcaption, br'))
    block.append(document.createTextNode(' '));
  // What is between « » quotes a publication or a data file word for word (« FIXME: eig2018 = 2? »).
  // Plain white space collapsed; no-break spaces (U+00A0, U+202F) kept, they are what the number rule checks.
  return (document.body?.textContent ?? '').replace(/[ \t\r\n\f]+/gu, ' ').replace(/«[^«»]*»/gu, '« citation »');
}

/** Each fault with a little of its context. */
function faults(text: string): string[] {
  const around = (m: RegExpMatchArray) => text.slice(Math.max(0, m.index! - 25), m.index! + 25);
  return [
    ...[...text.matchAll(/\s[,.](?![.\d])/gu)].map((m) => `espace avant « ${m[0].trim()} » : « ${around(m)} »`),
    ...[...text.matchAll(/[\p{L}\p{N})»”][:;!?](?=\s|$)/gu)].map(
      (m) => `pas d’espace avant « ${m[0].slice(-1)} » : « ${around(m)} »`,
    ),
    ...[...text.matchAll(/\d [%€]/gu)].map((m) => `espace sécable avant « ${m[0].slice(-1)} » : « ${around(m)} »`),
  ];
}

describe('the check', () => {
  it('finds a space before a comma or a full stop, and a missing space before « : ; ! ? »', () => {
    const page =
      '<p>prévisionnel) , Etalab <b>3</b> . Fin</p><p>Sources: un; deux! trois?</p><code>/#promo , x</code><p>91,03 % et 5 €</p>';
    expect(faults(prose(page))).toEqual([
      expect.stringContaining('espace avant « , »'),
      expect.stringContaining('espace avant « . »'),
      expect.stringContaining('pas d’espace avant « : »'),
      expect.stringContaining('pas d’espace avant « ; »'),
      expect.stringContaining('pas d’espace avant « ! »'),
      expect.stringContaining('pas d’espace avant « ? »'),
      expect.stringContaining('espace sécable avant « % »'),
      expect.stringContaining('espace sécable avant « € »'),
    ]);
    expect(
      faults(prose('<p>Sources : un ; deux ! 1,5 et 2.5, « trois » ? <a href="#">x</a>. 91,03\u202f% et 5\u00a0€</p>')),
    ).toEqual([]);
  });
});

describe('every page', () => {
  it('has French punctuation spacing in its text', () => {
    expect(html.length).toBeGreaterThan(20);
    const found = html.flatMap((file) => faults(prose(readText(dist, file))).map((f) => `${file} : ${f}`));
    expect(found).toEqual([]);
  });
});
