/** An error in a data file, always located: which file, which line and column, what was wrong. */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
    readonly columnName?: string,
  ) {
    // Maintainers read this in a terminal or a CI log: it must stay on one line whatever the file holds.
    super(oneLine(formatLocation(file, line, column, columnName) + ' : ' + reason));
  }
}

/** A file refused for going beyond what the site accepts (../limits.ts), not for being wrong. */
export class LimitExceeded extends DataFileError {}

function formatLocation(file: string, line?: number, column?: number, columnName?: string): string {
  let where = file;
  if (line !== undefined) where += `, ligne ${line}`;
  if (column !== undefined) where += `, colonne ${column}`;
  if (columnName !== undefined) where += ` (${clip(columnName, 40)})`;
  return where;
}

function oneLine(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/gu, ' ')
    .replace(/[\u202a-\u202e\u2066-\u2069]/gu, (c) => `<${codePoint(c)}>`);
}

/**
 * Makes a piece of the file printable inside a one-line message: line breaks shown as ↵, tabs as ⇥, other
 * control characters by their code point, and long values cut (a 100 kB cell must not become a 100 kB message).
 */
function clip(value: string, max = 60): string {
  const visible = value
    .replace(/\r\n|\r|\n/gu, '↵')
    .replace(/\t/gu, '⇥')
    // Bidirectional controls too: printed raw, they would reverse the message around them in a terminal.
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, (c) => `<${codePoint(c)}>`);
  const chars = [...visible];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : visible;
}

/** « U+202E » */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A value from the file, quoted the French way for a message: « 12,3,4 ». */
export function shown(value: string, max = 60): string {
  return `« ${clip(value, max)} »`;
}
