/** Small pieces of French text shared by the quality report, the charts' sentences and the image files. */

/** « d’EIG 3 », « de la promotion 3 »: the elision of « de » before a vowel. */
export function of(noun: string): string {
  return /^[aeiouyéèêàâîôûh]/iu.test(noun) ? `d’${noun}` : `de ${noun}`;
}

/** « EIG 1 », « EIG 1 et EIG 3 », « EIG 1, EIG 2 et EIG 3 ». */
export function listFr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}

/** Words wrapped greedily into lines of at most `max` characters (SVG text does not wrap by itself). */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Only breaking spaces: the no-break spaces of « 55 % » and « 1 234 € » hold their words together.
  for (const word of text.split(/[ \t\r\n]+/u).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Text without its accents (« Défi » → « Defi »): to compare or to build identifiers, never to show. */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** « Nombre d’EIG, EIG 1 » → « nombre-d-eig-eig-1 »: a stable identifier, usable as an anchor. */
export function slugify(text: string): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
}

/**
 * Each key's slug (of its text: the key itself by default), unique among them: the first of two keys with one slug keeps it, the next get « -2 », « -3 »…
 * (in the keys' order, so a key's address does not depend on what sorts before it elsewhere).
 */
const SLUG_MAX = 80;

export function uniqueSlugs(
  keys: readonly string[],
  textOf: (key: string) => string = (key) => key,
): Map<string, string> {
  const taken = new Set<string>();
  const slugs = new Map<string, string>();
  for (const key of keys) {
    if (slugs.has(key)) continue;
    // Cut between words to a length every file system takes as a folder name (a name may be a paragraph).
    const full = slugify(textOf(key));
    const base =
      (full.length <= SLUG_MAX ? full : full.slice(0, SLUG_MAX).replace(/-[^-]*$/u, '') || full.slice(0, SLUG_MAX)) ||
      'sans-nom';
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugs.set(key, slug);
  }
  return slugs;
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** « Administrations » → « administrations », but « EIG » and « PIA » stay as they are. */
export const lowerFirst = (text: string) =>
  /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

/** The word for `n` things: « ligne » for 0 or 1 (French uses the singular below 2), « lignes » from 2. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return Math.abs(n) >= 2 ? pluralForm : singular;
}

/** « le rapport 2019 » → « du rapport 2019 », « la liste » → « de la liste », « les billets » → « des billets ». */
export function ofPhrase(phrase: string): string {
  if (/^le\s/iu.test(phrase)) return `du ${phrase.slice(3)}`;
  if (/^les\s/iu.test(phrase)) return `des ${phrase.slice(4)}`;
  return of(phrase);
}

/**
 * Advance widths of DejaVu Sans, in ems (measured in Chromium). It is the widest of the usual system
 * sans-serif fonts, and the one Linux renderers (librsvg for the PNG files, Chromium) fall back to: text laid
 * out with these widths fits in any of them.
 */
const EM_WIDTHS: Record<string, number> = Object.fromEntries(
  (
    [
      ['\u202f', 0.2],
      ["ijlIJ'", 0.28],
      [' \u00a0.,’·', 0.32],
      [';:/', 0.34],
      ['f', 0.35],
      ['-', 0.36],
      ['t()', 0.39],
      ['r!', 0.41],
      ['–', 0.5],
      ['sz', 0.52],
      ['?', 0.53],
      ['c', 0.55],
      ['L', 0.56],
      ['kF', 0.58],
      ['vxy', 0.59],
      ['P', 0.6],
      ['aoTY«»', 0.61],
      ['e', 0.62],
      ['bdghnpquES', 0.63],
      ['0123456789€', 0.64],
      ['K', 0.66],
      ['AV', 0.68],
      ['BRXZ', 0.69],
      ['C', 0.7],
      ['U', 0.73],
      ['HN', 0.75],
      ['DG', 0.77],
      ['OQ', 0.79],
      ['w', 0.82],
      ['M', 0.86],
      ['%', 0.95],
      ['=+≠<>×', 0.84],
      ['m', 0.97],
      ['W', 0.99],
      ['—', 1],
    ] as const
  ).flatMap(([chars, width]) => [...chars].map((char) => [char, width])),
);
/** Bold DejaVu Sans is about 12 % wider. */
const BOLD = 1.12;
/**
 * The spacing WCAG 1.4.12 lets a reader add without losing content, in ems: after every character, and again after
 * every space (SVG text takes it too). A chart's labels are laid out with room for it.
 */
const LETTER_SPACING = 0.12;
const WORD_SPACING = 0.16;

/**
 * The width of `text` set in `fontSize` px, in the widest usual sans-serif font (an upper bound, not a measure),
 * with room for the letter and word spacing a reader may set (`spaced`, the default, for what a page shows; an
 * image file is drawn once, unspaced).
 */
export function textWidth(text: string, fontSize: number, { bold = false, spaced = true } = {}): number {
  let ems = 0;
  let characters = 0;
  let spaces = 0;
  for (const char of text) {
    ems += EM_WIDTHS[char] ?? EM_WIDTHS[stripAccents(char)] ?? 0.7;
    characters++;
    if (char === ' ' || char === '\u00a0') spaces++;
  }
  const spacing = spaced ? characters * LETTER_SPACING + spaces * WORD_SPACING : 0;
  return (ems * (bold ? BOLD : 1) + spacing) * fontSize;
}

/** Words wrapped greedily into lines at most `width` px wide (textWidth); a word longer than that stays whole. */
export function wrapToWidth(
  text: string,
  width: number,
  fontSize: number,
  options: { bold?: boolean; spaced?: boolean } = {},
): string[] {
  const lines: string[] = [];
  let line = '';
  // Only breaking spaces: the no-break spaces of « 55 % » and « 1 234 € » hold their words together.
  for (const word of text.split(/[ \t\r\n]+/u).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize, options) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * French spacing in a text written by hand in the data (a note such as « 29 % de 14 projets »): a no-break space
 * between a number and « % » or « € », as the site's own figures have, so that a line never starts with the unit.
 */
export function frenchSpacing(text: string): string {
  return text.replace(/(\d) ([%€])/gu, '$1\u00a0$2');
}
