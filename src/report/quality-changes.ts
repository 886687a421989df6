/**
 * Which data-quality checks (../lib/quality/) an update breaks or fixes: a hand edit that makes the promotions
 * add up to 77 against a published 71 turns « EIG : le total publié (71) est bien la somme… » into an
 * incoherence, and the report must say so. Checks are matched by their stable id.
 */
import type { Model } from '../lib/model.ts';
import { SEVERITY_LABELS, type QualityCheck, type Severity } from '../lib/quality/quality-check.ts';

/** What a reader of /qualite/ would call a problem; rounding and announced approximations are not. */
const PROBLEMS: readonly Severity[] = ['incoherence', 'ecart', 'format'];

export interface QualityChange {
  id: string;
  /** `cassee`: the check now finds a problem it did not; `reparee`: the reverse. */
  kind: 'cassee' | 'reparee';
  before: Severity | null;
  after: Severity | null;
  /** The check's sentence in the new snapshot (in the old one when it is gone). */
  title: string;
}

export function diffQuality(before: Model | Error, after: Model | Error): QualityChange[] {
  const old = checksOf(before);
  const now = checksOf(after);
  if (!old || !now) return [];
  const changes: QualityChange[] = [];
  for (const [id, check] of now) {
    const was = old.get(id)?.severity ?? null;
    const problemNow = PROBLEMS.includes(check.severity);
    const problemBefore = was !== null && PROBLEMS.includes(was);
    if (problemNow !== problemBefore)
      changes.push({
        id,
        kind: problemNow ? 'cassee' : 'reparee',
        before: was,
        after: check.severity,
        title: check.title,
      });
  }
  for (const [id, check] of old) {
    if (!now.has(id) && PROBLEMS.includes(check.severity))
      changes.push({ id, kind: 'reparee', before: check.severity, after: null, title: check.title });
  }
  return changes;
}

/** A snapshot whose model cannot be built has no quality report: the chart diff says why. */
function checksOf(model: Model | Error): Map<string, QualityCheck> | null {
  return model instanceof Error ? null : new Map(model.quality.checks.map((c) => [c.id, c]));
}

/** « Budget EIG 1 : … donne 867 208,73 € (incohérence ; avant : conforme) ». */
export function describeQualityChange(change: QualityChange): string {
  const label = (s: Severity | null) => (s === null ? 'vérification absente' : SEVERITY_LABELS[s].toLowerCase());
  return `${change.title.replace(/\.$/u, '')} (${label(change.after)} ; avant : ${label(change.before)})`;
}
