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

export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'eig-site-'));
  const siteDir = join(root, 'site');
  const hostileData = join(root, 'hostile-data');
  const hostileSiteDir = join(root, 'hostile-site');
  const fixtureSiteDir = join(root, 'fixture-site');
  await buildSite(siteDir);
  await makeHostileData(hostileData);
  await buildSite(hostileSiteDir, hostileData);
  // One after the other: builds share the project's .astro/ folder for their intermediate files.
  await buildSite(fixtureSiteDir, fixtureDir('small'));
  project.provide('siteDir', siteDir);
  project.provide('hostileSiteDir', hostileSiteDir);
  project.provide('fixtureSiteDir', fixtureSiteDir);
  return async () => {
    if (!process.env.KEEP_TEST_BUILD) await rm(root, { recursive: true, force: true });
  };
}
