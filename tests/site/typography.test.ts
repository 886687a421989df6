/**
 * French typography over the text of every built page: no space before a comma or a full stop (« prévisionnel) ,
 * Etalab » came from line breaks between template expressions), a space kept before « : ; ! ? », and a no-break
 * space, never a plain one, between a number and « % » or « € » (a line must not start with « % »); a no-break
 * space, never a plain one, inside « » and before « : ; ! ? » (« » » started a line on phones), one apostrophe (’),
 * and the programme's acronyms in capitals (« nouveaux eig »). Code (addresses, commands), the embed code's field
 * and the raw tables' cells (the data files as written, /tables/…) are not prose and are left out. The data's own
 * text shown in pages (a défi's title, a ministry's name, a publication quoted between « ») is held to the same
 * rules, since the build writes it with the site's typography (src/site/typography.ts); its downloads (CSV, JSON)
 * keep its characters as published.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { listFiles, readText } from '../support/dist.ts';

const dist = inject('siteDir');
const html = listFiles(dist).filter((f) => f.endsWith('.html'));

/**
 * The prose a reader sees on a page, spaces collapsed; a piece of code counts as one word. Quotations are masked
 * (« citation ») unless `quotes` is set.
 */
function prose(source: string, { quotes = false } = {}): string {
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
  const text = (document.body?.textContent ?? '').replace(/[ \t\r\n\f]+/gu, ' ');
  return quotes ? text : text.replace(/«[^«»]*»/gu, '«\u00a0citation\u00a0»');
}

/** Each fault with a little of its context: `text` without its quotations, `whole` with them (data text too). */
function faults(text: string, whole: string = text): string[] {
  const around = (m: RegExpMatchArray) => text.slice(Math.max(0, m.index! - 25), m.index! + 25);
  const aroundWhole = (m: RegExpMatchArray) => whole.slice(Math.max(0, m.index! - 25), m.index! + 25);
  return [
    ...[...whole.matchAll(/« | »/gu)].map((m) => `espace sécable dans « » : « ${aroundWhole(m)} »`),
    ...[...whole.matchAll(/ [:;!?](?=\s|$)/gu)].map(
      (m) => `espace sécable avant « ${m[0].trim()} » : « ${aroundWhole(m)} »`,
    ),
    ...[...whole.matchAll(/\p{L}'\p{L}/gu)].map((m) => `apostrophe droite : « ${aroundWhole(m)} »`),
    ...[...whole.matchAll(/(?<![\p{L}\p{N}./@_#&=-])(eig|dig)s?(?![\p{L}\p{N}_-])/gu)].map(
      (m) => `sigle en minuscules : « ${aroundWhole(m)} »`,
    ),
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
    expect(faults(prose(page), prose(page, { quotes: true }))).toEqual([
      expect.stringContaining('espace avant « , »'),
      expect.stringContaining('espace avant « . »'),
      expect.stringContaining('pas d’espace avant « : »'),
      expect.stringContaining('pas d’espace avant « ; »'),
      expect.stringContaining('pas d’espace avant « ! »'),
      expect.stringContaining('pas d’espace avant « ? »'),
      expect.stringContaining('espace sécable avant « % »'),
      expect.stringContaining('espace sécable avant « € »'),
    ]);
    const good =
      '<p>Sources\u00a0: un\u202f; deux\u202f! 1,5 et 2.5, «\u00a0l’eig2018\u00a0»\u202f? <a href="#">x</a>. 91,03\u202f% et 5\u00a0€</p>';
    expect(faults(prose(good), prose(good, { quotes: true }))).toEqual([]);
  });

  it('finds plain spaces inside « » and before « : ; ! ? », straight apostrophes and acronyms in lower case, quoted text included', () => {
    const page = "<p>Sources : un ; deux ! trois ? « mentors » l'État « nouveaux eig » <code>l'eig : x</code></p>";
    expect(faults(prose(page), prose(page, { quotes: true }))).toEqual([
      expect.stringContaining('espace sécable dans « »'),
      expect.stringContaining('espace sécable dans « »'),
      expect.stringContaining('espace sécable dans « »'),
      expect.stringContaining('espace sécable dans « »'),
      expect.stringContaining('espace sécable avant « : »'),
      expect.stringContaining('espace sécable avant « ; »'),
      expect.stringContaining('espace sécable avant « ! »'),
      expect.stringContaining('espace sécable avant « ? »'),
      expect.stringContaining('apostrophe droite'),
      expect.stringContaining('sigle en minuscules'),
    ]);
  });
});

describe('every page', () => {
  it('has French punctuation spacing in its text', () => {
    expect(html.length).toBeGreaterThan(20);
    const found = html.flatMap((file) => {
      const source = readText(dist, file);
      return faults(prose(source), prose(source, { quotes: true })).map((f) => `${file} : ${f}`);
    });
    expect(found).toEqual([]);
  });
});
