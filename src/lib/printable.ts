/**
 * Text from outside (a resource's title or address from data.gouv.fr, a file name, a cell) made safe to write
 * where a person reads it: a terminal, a log, a report. Control characters are shown, never obeyed: an ESC
 * sequence in a title cleared and coloured the maintainer's terminal, a line break in one forged a whole line
 * (« Code de sortie 0 : tout va bien ») in the output and the Markdown report, and a bidirectional control
 * reverses the text after it.
 *
 * One rule for every place that writes such text (../effects.ts for every printed line, the update report, the
 * reader's error messages, the JSON files a command writes): line breaks become « ↵ », tabs « ⇥ », every other
 * control character its code point, « <U+001B> ».
 */

/**
 * C0 controls (ESC, CR, LF… included), DEL, C1 controls, the Unicode line and paragraph separators, and the
 * bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E–200F, U+202A–202E, U+2066–2069).
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** The same, without the ones JSON.stringify already escapes (C0). */
const UNESCAPED_BY_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** « U+202E » */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether `text` holds a character {@link printable} would show escaped. */
export function hasControls(text: string): boolean {
  return new RegExp(CONTROLS.source, 'u').test(text);
}

/** `text` on one line, every control character shown: « ↵ » for a line break, « ⇥ » for a tab, « <U+001B> ». */
export function printable(text: string): string {
  return text
    .replace(/\r\n|\r|\n/gu, '↵')
    .replace(/\t/gu, '⇥')
    .replace(CONTROLS, (char) => `<${codePoint(char)}>`);
}

/**
 * JSON text whose strings hold no raw control character: what JSON.stringify leaves as is (C1, separators,
 * bidirectional controls) is written as a \u escape. The values read back are the same; a file viewed in a
 * terminal or an editor shows them instead of obeying them.
 */
export function inertJson(json: string): string {
  return json.replace(UNESCAPED_BY_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
