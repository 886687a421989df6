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
