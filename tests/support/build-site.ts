/** Builds the site in a child process, as `npm run build` does, into a chosen folder and from a chosen data folder. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function buildSite(outDir: string, dataDir = 'data'): Promise<void> {
  // Vitest runs with NODE_ENV=test and sets Vite's PROD, DEV, MODE… in the environment: passed on, they would make
  // Astro build without its production-only parts (the CSP meta tag). The child gets the environment a shell has.
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of Object.keys(env)) if (/^(PROD|DEV|MODE|SSR|TEST|BASE_URL|VITEST.*)$/u.test(name)) delete env[name];
  Object.assign(env, { NODE_ENV: 'production', EIG_DATA_DIR: dataDir, ASTRO_TELEMETRY_DISABLED: '1' });
  try {
    await run('npx', ['astro', 'build', '--outDir', outDir], { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`astro build a échoué (${dataDir} → ${outDir}) :\n${e.stderr || e.stdout || e.message}`, {
      cause: error,
    });
  }
}
