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
    super(formatLocation(file, line, column, columnName) + ' : ' + reason);
  }
}

function formatLocation(file: string, line?: number, column?: number, columnName?: string): string {
  let where = file;
  if (line !== undefined) where += `, ligne ${line}`;
  if (column !== undefined) where += `, colonne ${column}`;
  if (columnName !== undefined) where += ` (${columnName})`;
  return where;
}
