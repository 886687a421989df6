/**
 * What the site accepts, checked by the CSV reader (every table, whoever reads it: fetch before staging a
 * download, data:lock, data:check before the build) and on the whole snapshot before an update is committed.
 *
 * The snapshot is small (the largest table, the défis, has 71 rows and 11 kB; the longest field 190 bytes) and
 * the programme is over, so these leave 28 times the rows and 90 times the bytes of today's largest table while
 * keeping every accepted snapshot buildable: a défis table at every limit at once builds
 * (tests/site/limits-build.test.ts: 26 MB of site, 0,5 GB of memory), where a 50 MB one took the build past
 * 4 GB of memory and a single 15 MB field made a 521 MB site.
 */
import { formatNumber } from './format.ts';

export const LIMITS = {
  /** Data rows in one table (each défi is drawn on several pages: rows cost build time more than bytes do). */
  rowsPerTable: 2_000,
  /** UTF-8 bytes of one field (a cell, or a header name). */
  bytesPerField: 2_000,
  /** Bytes of one table's file, as downloaded. */
  bytesPerTable: 1_000_000,
  /** Bytes of all the tables' files together. */
  bytesPerSnapshot: 4_000_000,
} as const;

/** « 1 Mo », « 2 000 octets »: limits are round numbers, written as such. */
export function limitText(bytes: number): string {
  return bytes >= 1_000_000 && bytes % 1_000_000 === 0
    ? `${formatNumber(bytes / 1_000_000)} Mo`
    : `${formatNumber(bytes)} octets`;
}

/** Where a maintainer who believes a limit is wrong should look. */
export const LIMITS_HINT = 'limite du site, fixée dans src/lib/limits.ts';
