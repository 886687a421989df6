/**
 * Lighthouse 12 (the `lighthouse` devDependency) on a page, with the system's Chromium: the median of a few
 * runs (by performance score, as Lighthouse's documentation advises, since the score varies from run to run),
 * and every audit that cost points.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { chromePath } from './chromium.ts';
import { median } from './page-load.ts';

const run = promisify(execFile);

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
/** The flags the issue asks Lighthouse's Chromium to run with. */
export const LIGHTHOUSE_CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking';

export interface LighthouseResult {
  url: string;
  version: string;
  /** Scores out of 100, of the median run. */
  scores: Record<Category, number>;
  /** Performance score of each run. */
  performanceRuns: number[];
  /** Audits of the median run that cost points: category, id, score, what Lighthouse says. */
  lost: { category: Category; id: string; score: number; value: string }[];
  metrics: Record<string, string>;
}

interface Report {
  lighthouseVersion: string;
  categories: Record<Category, { score: number; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; displayValue?: string; title: string }>;
}

async function once(url: string, output: string): Promise<Report> {
  const cli = join(dirname(createRequire(import.meta.url).resolve('lighthouse/package.json')), 'cli', 'index.js');
  await run(
    process.execPath,
    [
      cli,
      url,
      '--quiet',
      '--output=json',
      `--output-path=${output}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      `--chrome-flags=${LIGHTHOUSE_CHROME_FLAGS}`,
    ],
    { env: { ...process.env, CHROME_PATH: chromePath() }, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(await readFile(output, 'utf8')) as Report;
}

export async function lighthouse(url: string, workDir: string, runs: number): Promise<LighthouseResult> {
  const reports: Report[] = [];
  for (let i = 0; i < runs; i++) reports.push(await once(url, join(workDir, `lighthouse-${i}.json`)));
  const performance = reports.map((r) => r.categories.performance.score);
  const middle = median(performance);
  const report = reports.find((r) => r.categories.performance.score === middle) ?? reports[0]!;
  const lost: LighthouseResult['lost'] = [];
  for (const category of CATEGORIES) {
    for (const ref of report.categories[category].auditRefs) {
      const audit = report.audits[ref.id]!;
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        lost.push({ category, id: ref.id, score: audit.score, value: audit.displayValue ?? audit.title });
      }
    }
  }
  const metrics: Record<string, string> = {};
  for (const id of [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
    'speed-index',
  ]) {
    metrics[id] = report.audits[id]?.displayValue ?? '';
  }
  return {
    url,
    version: report.lighthouseVersion,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(report.categories[c].score * 100)])) as Record<
      Category,
      number
    >,
    performanceRuns: performance.map((p) => Math.round(p * 100)),
    lost,
    metrics,
  };
}
