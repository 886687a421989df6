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
  for (const word of text.split(/\s+/u).filter(Boolean)) {
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
