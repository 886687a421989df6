/** Small pieces of French grammar for sentences written from the rows. */

/** « d’EIG 3 », « de la promotion 3 »: the elision of « de » before a vowel. */
export function of(noun: string): string {
  return /^[aeiouyéèêàâîôûh]/iu.test(noun) ? `d’${noun}` : `de ${noun}`;
}

/** « EIG 1 », « EIG 1 et EIG 3 », « EIG 1, EIG 2 et EIG 3 ». */
export function listFr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}
