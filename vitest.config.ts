import { defineConfig } from 'vitest/config';

// Two projects: unit tests run on their own in a second; site tests (built output, browser) share two builds
// made once by tests/global-setup.ts.
export default defineConfig({
  test: {
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
            'tests/charts/**/*.test.ts',
          ],
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
