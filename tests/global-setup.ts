/**
 * Builds the site three times before the site and browser tests: from the real snapshot, from a snapshot carrying
 * hostile texts, and from the small fixture (tests/fixtures/small, for the golden files of tests/site/golden.test.ts).
 * Unit tests do not need it (see vitest.config.ts projects).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './support/build-site.ts';
import { fixtureDir } from './support/fixtures.ts';
import { makeHostileData } from './support/hostile-data.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    hostileSiteDir: string;
    fixtureSiteDir: string;
  }
}

async function announced(build: string, run: () => Promise<void>): Promise<void> {
  const start = performance.now();
  console.log(`Building the test site ${build}…`);
  await run();
  console.log(`Built the test site ${build} in ${((performance.now() - start) / 1000).toFixed(0)} s.`);
}

export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'eig-site-'));
  const siteDir = join(root, 'site');
  const hostileData = join(root, 'hostile-data');
  const hostileSiteDir = join(root, 'hostile-site');
  const fixtureSiteDir = join(root, 'fixture-site');
  // All three at once: each build keeps its intermediate files in a folder of its own (see build-site.ts), and
  // together they take three quarters of the time they take one after the other on two cores. Each says when it
  // starts and ends, as Vitest says nothing while a global setup runs.
  await makeHostileData(hostileData);
  await Promise.all([
    announced('the real snapshot', () => buildSite(siteDir)),
    announced('with hostile texts', () => buildSite(hostileSiteDir, hostileData)),
    announced('of the small fixture', () => buildSite(fixtureSiteDir, fixtureDir('small'))),
  ]);
  project.provide('siteDir', siteDir);
  project.provide('hostileSiteDir', hostileSiteDir);
  project.provide('fixtureSiteDir', fixtureSiteDir);
  return async () => {
    if (!process.env.KEEP_TEST_BUILD) await rm(root, { recursive: true, force: true });
  };
}
