import { codePoint, printable } from '../printable.ts';

export { codePoint };

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
  return printable(text.replace(/[\r\n\u2028\u2029]+/gu, ' '));
}

/**
 * Makes a piece of the file printable inside a one-line message: line breaks shown as ↵, tabs as ⇥, other
 * control characters by their code point, and long values cut (a 100 kB cell must not become a 100 kB message).
 */
function clip(value: string, max = 60): string {
  // Bidirectional controls too: printed raw, they would reverse the message around them in a terminal.
  const visible = printable(value);
  const chars = [...visible];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : visible;
}

/** A value from the file, quoted the French way for a message: « 12,3,4 ». */
export function shown(value: string, max = 60): string {
  return `« ${clip(value, max)} »`;
}
