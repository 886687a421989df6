/**
 * What a downloaded table file must pass before it may replace the committed one: not an HTML page, not empty,
 * the size and checksum data.gouv.fr announced, readable by the snapshot's own reader with every expected
 * column, and at least one data row.
 */
import { createHash } from 'node:crypto';
import type { DataFileError } from '../lib/csv/errors.ts';
import { parseTable, type TableRead } from '../lib/csv/parse-table.ts';
import type { TableSpec } from '../lib/csv/schema.ts';
import type { UdataResource } from './udata.ts';

export type Problem =
  | { kind: 'html' }
  | { kind: 'empty' }
  | { kind: 'filesize'; announced: number; received: number }
  | { kind: 'checksum'; type: string; announced: string; computed: string }
  | { kind: 'unreadable'; error: DataFileError }
  | { kind: 'no-rows' };

/** How the checksum announced by data.gouv.fr was used. */
export type ChecksumCheck = 'verified' | 'none' | { notVerified: string };

export type Verification<S extends TableSpec> =
  { ok: true; read: TableRead<S>; checksum: ChecksumCheck } | { ok: false; problem: Problem };

export function verifyDownload<S extends TableSpec>(
  bytes: Uint8Array,
  contentType: string | null,
  resource: UdataResource,
  spec: S,
  label: string,
): Verification<S> {
  // Before the size: an error page served in place of the file is what went wrong, not its size.
  if (isHtml(contentType, bytes)) return { ok: false, problem: { kind: 'html' } };
  if (bytes.byteLength === 0) return { ok: false, problem: { kind: 'empty' } };
  if (resource.filesize !== null && resource.filesize !== bytes.byteLength) {
    return { ok: false, problem: { kind: 'filesize', announced: resource.filesize, received: bytes.byteLength } };
  }
  const checksum = checkChecksum(bytes, resource);
  if (typeof checksum === 'object' && 'mismatch' in checksum) return { ok: false, problem: checksum.mismatch };
  const result = parseTable(bytes, spec, label);
  if (!result.ok) return { ok: false, problem: { kind: 'unreadable', error: result.error } };
  if (result.rows.length === 0) return { ok: false, problem: { kind: 'no-rows' } };
  return { ok: true, read: result, checksum };
}

/** An HTML page, by its content type or by its first characters (error pages are often served as text/plain). */
function isHtml(contentType: string | null, bytes: Uint8Array): boolean {
  if (contentType !== null && /^\s*(text\/html|application\/xhtml\+xml)\b/iu.test(contentType)) return true;
  const start = Buffer.from(bytes.subarray(0, 256))
    .toString('latin1')
    .replace(/^\u00ef\u00bb\u00bf/u, '')
    .trimStart();
  return /^<(!doctype\s+html|html|head|body)\b/iu.test(start);
}

/**
 * udata's checksum types are sha1, sha2, sha256, md5 and crc. `sha2` does not say which SHA-2, so the length of
 * the value decides. `crc` is not verified: udata does not say which CRC nor how the value is written, and a
 * wrong guess would refuse every good file; size and content checks still apply.
 */
function checkChecksum(bytes: Uint8Array, resource: UdataResource): ChecksumCheck | { mismatch: Problem } {
  const checksum = resource.checksum;
  if (!checksum || checksum.value.trim() === '') return 'none';
  const announced = checksum.value.trim().toLowerCase();
  const algorithm = algorithmFor(checksum.type.toLowerCase(), announced);
  if (!algorithm) return { notVerified: checksum.type };
  const computed = createHash(algorithm).update(bytes).digest('hex');
  if (computed === announced) return 'verified';
  return { mismatch: { kind: 'checksum', type: checksum.type, announced, computed } };
}

function algorithmFor(type: string, value: string): string | null {
  switch (type) {
    case 'sha1':
    case 'sha256':
    case 'md5':
      return type;
    case 'sha2':
      return (
        ({ 56: 'sha224', 64: 'sha256', 96: 'sha384', 128: 'sha512' } as Record<number, string>)[value.length] ?? null
      );
    default:
      return null;
  }
}
