/**
 * The review gate. A report with « à vérifier » points stays pending until a maintainer acknowledges it with
 * `npm run data:ack -- <code>`, the code printed at the end of the report: `--strict` exits with code 4 as
 * long as it is pending, on every run, even one that changes nothing (an update killed after its commit point
 * must not be published unread). A newer report made while one is pending carries the older points along, so
 * no update can push unread points out of sight. The code is a fingerprint of the report: acknowledging needs
 * the report one has read, not whichever is newest.
 */
import { createHash } from 'node:crypto';
import type { Flag } from './flags.ts';

export interface Acknowledgement {
  /** When (ISO 8601). */
  at: string;
  code: string;
}

/** « À vérifier » points of earlier reports of the same folder that no one acknowledged. */
export interface Unreviewed {
  generatedAt: string;
  label: string;
  flags: Flag[];
}

interface Reviewable {
  generatedAt: string;
  after: { label: string };
  flags: Flag[];
  unreviewed?: Unreviewed[];
  acknowledged?: Acknowledgement | null;
}

/** The report's fingerprint, its acknowledgement left out: 8 hexadecimal digits, short enough to type. */
export function reviewCode(report: Reviewable): string {
  const { acknowledged: _acknowledged, ...rest } = report;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 8);
}

/** The points awaiting acknowledgement: none once the report is acknowledged. */
export function pendingFlags(report: Reviewable): Flag[] {
  if (report.acknowledged) return [];
  return [...report.flags, ...(report.unreviewed ?? []).flatMap((u) => u.flags)];
}

/**
 * `report`, carrying the points of `previous` (the report it replaces) that are still pending, except those it
 * states again itself (the same comparison made twice is one to read, not two).
 */
export function carryOver<R extends Reviewable>(report: R, previous: Reviewable | null): R {
  if (!previous || pendingFlags(previous).length === 0) return report;
  const stated = new Set(report.flags.map((f) => f.message));
  const carried: Unreviewed[] = [
    { generatedAt: previous.generatedAt, label: previous.after.label, flags: previous.flags },
    ...(previous.unreviewed ?? []),
  ]
    .map((u) => ({ ...u, flags: u.flags.filter((f) => !stated.has(f.message)) }))
    .filter((u) => u.flags.length > 0);
  return carried.length === 0 ? report : { ...report, unreviewed: [...(report.unreviewed ?? []), ...carried] };
}

export function acknowledge<R extends Reviewable>(report: R, at: string): R {
  return { ...report, acknowledged: { at, code: reviewCode(report) } };
}
