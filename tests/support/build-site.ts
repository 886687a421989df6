/** Builds the site in a child process, as `npm run build` does, into a chosen folder and from a chosen data folder. */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Where builds are made before they are moved to the folder asked for. Astro keeps a build's intermediate files in
 * the project's .astro/ when its output folder is outside the project, and deletes .astro/ when it ends: two builds
 * at once (Vitest runs two test files at a time) would delete each other's. Inside the project, each build keeps
 * them in its own output folder.
 */
const STAGING = join(import.meta.dirname, '..', '..', '.astro-tests');

export async function buildSite(outDir: string, dataDir = 'data'): Promise<void> {
  // Vitest runs with NODE_ENV=test and sets Vite's PROD, DEV, MODE… in the environment: passed on, they would make
  // Astro build without its production-only parts (the CSP meta tag). The child gets the environment a shell has.
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of Object.keys(env)) if (/^(PROD|DEV|MODE|SSR|TEST|BASE_URL|VITEST.*)$/u.test(name)) delete env[name];
  Object.assign(env, { NODE_ENV: 'production', EIG_DATA_DIR: dataDir, ASTRO_TELEMETRY_DISABLED: '1' });
  await mkdir(STAGING, { recursive: true });
  const staged = await mkdtemp(join(STAGING, 'build-'));
  try {
    await run('npx', ['astro', 'build', '--outDir', staged], { env, maxBuffer: 64 * 1024 * 1024 });
    await moved(staged, outDir);
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`astro build a échoué (${dataDir} → ${outDir}) :\n${e.stderr || e.stdout || e.message}`, {
      cause: error,
    });
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
}

/** `from` moved to `to` (replacing it), copied when they are on two file systems. */
async function moved(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
  }
}
