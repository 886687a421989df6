/**
 * The data-quality report: every place where the published figures disagree with each other or with
 * themselves, and every check that passed. It lists, never hides; the site shows it on its own page, the API
 * publishes it, `npm run data:check` prints it and the update report says which checks an update breaks.
 */
import type { Figures } from '../aggregates/index.ts';
import type { Publications } from '../publications.ts';
import { bodyChecks } from './body-checks.ts';
import { sourceNames } from './comparison.ts';
import { crossSourceChecks } from './cross-source-checks.ts';
import { followUpChecks } from './follow-up-checks.ts';
import { formatChecks } from './format-checks.ts';
import { originalSiteChecks } from './original-site-checks.ts';
import { profileChecks } from './profile-checks.ts';
import { SEVERITY_ORDER, type QualityCheck, type Severity } from './quality-check.ts';
import { surveyChecks } from './survey-checks.ts';
import { budgetChecks, programmeTotalChecks } from './total-checks.ts';
import { websiteChecks } from './website-checks.ts';

export interface QualityReport {
  /** Problems first (SEVERITY_ORDER), each family's checks in the order it made them. */
  checks: QualityCheck[];
  counts: Record<Severity, number>;
}

/** Every check, computed from the aggregates (never from the tables: adding a table never edits the report). */
export function qualityReport(inputs: Figures, publications: Publications): QualityReport {
  const sourceName = sourceNames(publications);
  const checks = [
    ...programmeTotalChecks(inputs),
    ...budgetChecks(inputs),
    ...crossSourceChecks(inputs, sourceName, publications),
    ...profileChecks(inputs.kf, sourceName),
    ...surveyChecks(inputs, sourceName),
    ...followUpChecks(inputs, sourceName),
    ...formatChecks(inputs.defis),
    ...bodyChecks(inputs),
    ...websiteChecks(inputs, publications),
    ...originalSiteChecks(inputs, publications),
  ];
  const rank = (c: QualityCheck) => SEVERITY_ORDER.indexOf(c.severity);
  const counts = Object.fromEntries(
    SEVERITY_ORDER.map((s) => [s, checks.filter((c) => c.severity === s).length]),
  ) as Record<Severity, number>;
  return { checks: [...checks].sort((a, b) => rank(a) - rank(b)), counts };
}
