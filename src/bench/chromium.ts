/**
 * Starts the system's Chromium (Debian's /usr/bin/chromium, or CHROME_PATH) through playwright-core, for the
 * browser tests and the benchmark. `npx playwright install` cannot download anything here, so the browser is
 * the one the machine has (.ci/run installs it).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const DEFAULT_CHROME_PATH = '/usr/bin/chromium';

/** Flags shared by the tests, the benchmark and Lighthouse: no sandbox (CI runs as root), nothing phoning home. */
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
] as const;

export function chromePath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.CHROME_PATH || DEFAULT_CHROME_PATH;
  if (!existsSync(path)) {
    throw new Error(
      `Chromium introuvable (${path}) : installez-le (« apt-get install -y chromium fonts-dejavu-core », ce que fait .ci/run) ou donnez son chemin dans CHROME_PATH.`,
    );
  }
  return path;
}

/**
 * A headless Chromium. Playwright gives each launch a fresh user-data dir of its own in the temp folder
 * (playwright_chromiumdev_profile-*) and deletes it on close, so no profile, cache or cookie survives a run;
 * unlike launchPersistentContext, it lets a test open several contexts (JavaScript off, dark mode, clipboard).
 * `args` are added to CHROME_FLAGS.
 */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env, args: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(env), headless: true, args: [...CHROME_FLAGS, ...args] });
}
