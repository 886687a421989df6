/**
 * One list of data-quality checks, read three ways: `npm run data:check` prints it, /qualite/ shows it (from
 * getSite, as the page reads it) and the update report says which of its problems an update breaks. They once
 * counted 288 and 291: data:check modelled the snapshot without the gazetteer the build places the défis with.
 * Each way is run here on a copy of data/, as its command or page runs.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkData } from '../../src/commands/check.ts';
import { compareSnapshots } from '../../src/update/report-files.ts';
import { SEVERITY_LABELS, type Severity } from '../../src/lib/quality/quality-check.ts';
import type { QualityReport } from '../../src/lib/quality/quality-report.ts';
import { tableNames, type SnapshotTables } from '../../src/lib/tables.ts';
import { withEffects } from '../../src/effects.ts';
import { load } from '../../src/load/load-folder.ts';
import { getSite } from '../../src/site/data.ts';

let dir: string;
let page: QualityReport;
const previousDir = process.env.EIG_DATA_DIR;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eig-quality-lists-'));
  await cp(join(import.meta.dirname, '..', '..', 'data'), dir, { recursive: true });
  process.env.EIG_DATA_DIR = dir;
  page = (await getSite()).model.quality;
}, 60_000);

afterAll(async () => {
  if (previousDir === undefined) delete process.env.EIG_DATA_DIR;
  else process.env.EIG_DATA_DIR = previousDir;
  await rm(dir, { recursive: true, force: true });
});

/** What the update report calls a problem: what an update can break. */
const PROBLEMS: readonly Severity[] = ['incoherence', 'ecart', 'format'];

describe('the quality checks of data/', () => {
  it('are the same in npm run data:check as on /qualite/: the count, the counts by severity, each sentence', async () => {
    const lines: string[] = [];
    expect(await checkData(['--verbose'], { env: { EIG_DATA_DIR: dir }, log: (l) => lines.push(l) })).toBe(0);
    const summary = lines.find((l) => l.startsWith('Qualité des données'));
    const shown = (Object.keys(page.counts) as Severity[])
      .filter((s) => page.counts[s] > 0)
      .map((s) => `${SEVERITY_LABELS[s].toLowerCase()} : ${page.counts[s]}`);
    expect(summary).toBe(`Qualité des données (${page.checks.length} vérifications) — ${shown.join(', ')}.`);
    const printed = lines.filter((l) => l.startsWith('  ['));
    expect(printed).toEqual(page.checks.map((c) => `  [${SEVERITY_LABELS[c.severity]}] ${c.title}`));
    // The défis placed with the gazetteer have their checks in both (the two lists parted there).
    expect(page.checks.filter((c) => c.id.startsWith('origine-paris-site-')).length).toBeGreaterThan(0);
  });

  it('are the ones the update report reads: from a snapshot with no problem, every problem of /qualite/ is new', async () => {
    const result = await load(dir);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    const { snapshot } = result.data;
    const empty = Object.fromEntries(tableNames.map((name) => [name, []])) as unknown as SnapshotTables;
    const report = await compareSnapshots(
      { snapshot: { ...snapshot, tables: empty }, label: 'vide' },
      { snapshot, label: dir },
      withEffects({ now: () => new Date('2027-01-15T09:30:00Z') }),
    );
    const problems = page.checks.filter((c) => PROBLEMS.includes(c.severity));
    expect(problems.length).toBeGreaterThan(0);
    expect(report.quality.map((q) => [q.kind, q.id, q.after, q.title])).toEqual(
      problems.map((c) => ['cassee', c.id, c.severity, c.title]),
    );
  });
});
