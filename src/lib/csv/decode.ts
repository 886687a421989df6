/** Turning the bytes of a CSV file into text, the way French open data files actually arrive. */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, UTF-16 when a BOM or the zero bytes say so
 * (Excel's « Texte Unicode » export), and otherwise Windows-1252, which is what spreadsheet software on French
 * Windows writes (a superset of Latin-1 for printable characters: it also has €, œ, ’ and the typographic quotes).
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  const utf16 = utf16Of(bytes);
  if (utf16) {
    const hasBom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    return { text: new TextDecoder(utf16).decode(bytes.subarray(hasBom ? 2 : 0)), encoding: utf16 };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // A download cut in the middle of a character is still a UTF-8 file, when what comes before proves it.
    const truncated = utf8WithCutEnd(bytes);
    if (truncated !== null) return { text: truncated, encoding: 'utf-8' };
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // Without a BOM: CSV text is mostly ASCII, so one byte of each pair is zero, always on the same side.
  const sample = Math.min(bytes.length, 512) & ~1;
  if (sample < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) zeroEven++;
    else zeroOdd++;
  }
  const pairs = sample / 2;
  if (zeroOdd >= pairs * 0.7 && zeroEven === 0) return 'utf-16le';
  if (zeroEven >= pairs * 0.7 && zeroOdd === 0) return 'utf-16be';
  return null;
}

function utf8WithCutEnd(bytes: Uint8Array): string | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text: string;
  try {
    text = decoder.decode(bytes, { stream: true }); // keeps an unfinished last character aside instead of failing
  } catch {
    return null;
  }
  return /[^\u0000-\u007f]/u.test(text) ? text : null;
}

// Node 20.18.3+ decodes 'windows-1252' as Latin-1 (nodejs/node#60888): bytes 0x80–0x9F come out as control
// characters instead of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ. So the table is spelled out here
// (WHATWG encoding standard; the five bytes it leaves undefined stay control characters).
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const WINDOWS_1252 = Array.from({ length: 256 }, (_, b) =>
  b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80]! : String.fromCharCode(b),
);

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    let chunk = '';
    const end = Math.min(bytes.length, start + 8192);
    for (let i = start; i < end; i++) chunk += WINDOWS_1252[bytes[i]!]!;
    text += chunk;
  }
  return text;
}

/**
 * Files that are not text at all, recognised by their first bytes: what they are (« une archive gzip »), or null.
 * A spreadsheet saved as .xlsx under a .csv name, or a compressed download, would otherwise be read as garbage.
 */
export function sniffNotText(bytes: Uint8Array): string | null {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'un classeur Excel (.xlsx), OpenDocument (.ods) ou une archive ZIP';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'un ancien classeur Excel (.xls)';
  if (starts(0x1f, 0x8b)) return 'une archive gzip';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'un document PDF';
  if (utf16Of(bytes)) return null;
  let zeros = 0;
  for (const b of bytes.subarray(0, 4096)) if (b === 0) zeros++;
  return zeros >= 2 && zeros * 100 >= Math.min(bytes.length, 4096) ? 'un fichier binaire' : null;
}

export type Delimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly Delimiter[] = [';', ',', '\t', '|'];

/**
 * The delimiter is the candidate that splits the header line into the most fields (outside quotes).
 * Ties go to `;` first: a French file whose header has as many commas as semicolons is a semicolon file
 * with commas inside quoted labels far more often than the reverse.
 */
export function detectDelimiter(text: string): Delimiter {
  const header = firstLogicalLine(text.replace(/^[\s]+/u, ''));
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const candidate of DELIMITERS) {
    const count = countOutsideQuotes(header, candidate);
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function firstLogicalLine(text: string): string {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) return text.slice(0, i);
  }
  return text;
}

function countOutsideQuotes(line: string, char: string): number {
  let inQuotes = false;
  let count = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === char) count++;
  }
  return count;
}

// The characters Windows-1252 (or Latin-1) shows for the bytes 0x80–0xBF that follow the first byte of a UTF-8
// character: what « é » (C3 A9) becomes when read as Windows-1252 is « Ã » followed by one of them.
const CONTINUATION = `[\\u0080-\\u00bf${WINDOWS_1252_HIGH}]`;
const MOJIBAKE = new RegExp(`[ÃÅ]${CONTINUATION}|Â[\\u00a0-\\u00bf]|â[\\u20ac\\u201a\\u201e]${CONTINUATION}`, 'u');
const TO_WINDOWS_1252 = new Map(WINDOWS_1252.map((c, b) => [c, b]));

export interface Mojibake {
  /** The garbled characters as found, e.g. « Ã© ». */
  sequence: string;
  /** What they stood for, e.g. « é ». */
  meant: string;
  index: number;
}

/**
 * UTF-8 text that was read as Windows-1252 and saved again (« SecrÃ©tariat »), found by the sequences it
 * leaves: « Ã » or « Å » then a character of the 0x80–0xBF range, « Â » then a Latin-1 symbol, « â€ », « â‚ ».
 * None of them occurs in correct French.
 */
export function findMojibake(text: string): Mojibake | null {
  const m = MOJIBAKE.exec(text);
  if (!m) return null;
  const bytes = Uint8Array.from([...m[0]].map((c) => TO_WINDOWS_1252.get(c) ?? 0x3f));
  const meant = new TextDecoder('utf-8').decode(bytes);
  return { sequence: m[0], meant, index: m.index };
}

/** Characters that have no place in a data file's text: control codes and the replacement character « � ». */
export function findInvisible(text: string): { char: string; index: number } | null {
  const m = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/u.exec(text);
  return m ? { char: m[0], index: m.index } : null;
}

const BIDI_NAMES: Record<string, string> = {
  '\u202a': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202b': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202c': 'POP DIRECTIONAL FORMATTING',
  '\u202d': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};

/** The first bidirectional embedding, override or isolate control, its Unicode name and position (from 1). */
export function findBidiControl(text: string): { char: string; name: string; position: number } | null {
  const m = /[\u202a-\u202e\u2066-\u2069]/u.exec(text);
  return m ? { char: m[0], name: BIDI_NAMES[m[0]]!, position: [...text.slice(0, m.index)].length + 1 } : null;
}
