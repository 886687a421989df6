/** The run of ./slow.fixture.ts with the progress reporter, a line after half a second without one. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['slow.fixture.ts'],
    reporters: [['../../support/progress-reporter.ts', { every: 500 }]],
  },
});
