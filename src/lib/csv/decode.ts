/** Turning the bytes of a CSV file into text, the way French open data files actually arrive. */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, UTF-16 when a BOM says so, and otherwise
 * Windows-1252, which is what spreadsheet software on French Windows writes (a superset of Latin-1 for
 * printable characters: it also has €, œ, ’ and the typographic quotes).
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

export type Delimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly Delimiter[] = [';', ',', '\t', '|'];

/**
 * The delimiter is the candidate that splits the header line into the most fields (outside quotes).
 * Ties go to `;` first: a French file whose header has as many commas as semicolons is a semicolon file
 * with commas inside quoted labels far more often than the reverse.
 */
export function detectDelimiter(text: string): Delimiter {
  const header = firstLogicalLine(text.replace(/^[\r\n]+/, ''));
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
