/** A test file that keeps silent for a while: in a beforeAll, then in each of its tests (see ../progress-reporter.test.ts). */
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, expect, it } from 'vitest';

beforeAll(() => sleep(1500));

it.each([1, 2, 3])('waits, then passes (%i)', async () => {
  await sleep(700);
  expect(true).toBe(true);
});
