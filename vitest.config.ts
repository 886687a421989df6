import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three projects:
// - unit: the code on small fixture snapshots written for the tests (tests/fixtures/), the fetch against a local
//   data.gouv.fr look-alike, and the tooling (tests/tooling/: build comparison, test progress, dependencies); never
//   the live data/, so a legitimate `npm run fetch` leaves them green;
// - published: the real snapshot of data/ against the figures the programme published (tests/reference/); a
//   fetch that moves a published figure fails here, naming it;
// - site: the built site (three builds made once by tests/global-setup.ts: data/, hostile texts, and the small
//   fixture, whose every chart's drawing, JSON and CSV, and three chart pages, are compared with tests/golden/;
//   UPDATE_GOLDEN=1 rewrites those) and the pages in Chromium.
// The reporter is Vitest's default one, which also prints what is running after 30 s without a line of its own when
// the output is not a terminal (CI, a log): the site project's builds and browser tests would otherwise be minutes
// of silence.
// Two test files at a time at least: Vitest's default (one less than the cores) is one on a 2-core machine, whose
// second core then waits while a browser test waits on Chromium or a build on its disk.
export default defineConfig({
  test: {
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ['./tests/support/progress-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'tests/lib/**/*.test.ts',
            'tests/fetch/**/*.test.ts',
            'tests/commands/**/*.test.ts',
            'tests/report/**/*.test.ts',
            'tests/bench/**/*.test.ts',
            'tests/client/**/*.test.ts',
            'tests/publish/**/*.test.ts',
            'tests/tooling/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'published',
          include: ['tests/published/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
