/**
 * The progress reporter (tests/support/progress-reporter.ts) in a real Vitest run whose output is a pipe, as in CI:
 * a test file silent for a while (a 1,5 s beforeAll, then three tests of 0,7 s) gets lines naming it and saying
 * what it is doing, before Vitest's line for the finished file.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { duration } from '../support/progress-reporter.ts';

const run = promisify(execFile);

describe('the progress reporter', () => {
  it('says what a silent test file is doing, every half second here, until the file ends', async () => {
    // The child is a run of its own, not a worker of this one: without the variables Vitest sets in its workers.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(VITEST.*|TEST|NODE_ENV)$/u.test(name)),
    );
    const { stdout } = await run('npx', ['vitest', 'run', '--config', 'tests/tooling/progress/vitest.config.ts'], {
      env: { ...env, NO_COLOR: '1' },
    });
    const lines = stdout.split('\n');
    const end = lines.findIndex((line) => /✓ slow\.fixture\.ts \(3 tests\)/u.test(line));
    expect(end, stdout).toBeGreaterThan(0);
    const progress = lines.slice(0, end).filter((line) => line.startsWith('… '));
    expect(
      // Before the first test: in its beforeAll, or (a loaded machine may tick late) just after it.
      progress.some((line) =>
        /running slow\.fixture\.ts \((beforeAll for \d+ s|0 of 3 tests done)\); 0 tests done$/u.test(line),
      ),
      stdout,
    ).toBe(true);
    expect(
      // A line between two tests: 1 or 2 done (a loaded machine may skip a tick, never both).
      progress.some((line) => /running slow\.fixture\.ts \(([12]) of 3 tests done\); \1 tests? done$/u.test(line)),
      stdout,
    ).toBe(true);
    expect(
      lines.slice(end).some((line) => line.startsWith('… ')),
      stdout,
    ).toBe(false);
  }, 60_000);

  it('writes durations in seconds, then minutes and seconds', () => {
    expect([999, 59_999, 60_000, 65_400, 3_725_000].map(duration)).toEqual([
      '0 s',
      '59 s',
      '1 min 00 s',
      '1 min 05 s',
      '62 min 05 s',
    ]);
  });
});
