/**
 * Builds the site twice before the site and browser tests: from the real snapshot, and from a snapshot carrying
 * hostile texts. Unit tests do not need it (see vitest.config.ts projects).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './support/build-site.ts';
import { makeHostileData } from './support/hostile-data.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    hostileSiteDir: string;
  }
}

export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'eig-site-'));
  const siteDir = join(root, 'site');
  const hostileData = join(root, 'hostile-data');
  const hostileSiteDir = join(root, 'hostile-site');
  await buildSite(siteDir);
  await makeHostileData(hostileData);
  await buildSite(hostileSiteDir, hostileData);
  project.provide('siteDir', siteDir);
  project.provide('hostileSiteDir', hostileSiteDir);
  return async () => {
    if (!process.env.KEEP_TEST_BUILD) await rm(root, { recursive: true, force: true });
  };
}
