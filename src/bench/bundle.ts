/**
 * The benchmark bundles two throwaway programs with the tools the site's build already has, so that it needs no
 * dependency of its own: the client-rendered Plot page with the esbuild Vite ships, and the model run with Vite
 * itself (it reads the chart registry's import.meta.glob as the site's build does).
 */
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import type * as esbuild from 'esbuild';
import type * as vite from 'vite';

type Esbuild = typeof esbuild;

const fromVite = () => createRequire(createRequire(import.meta.url).resolve('vite/package.json'));

export async function viteEsbuild(): Promise<Esbuild> {
  return (await import(fromVite().resolve('esbuild'))) as Esbuild;
}

/** `entry` bundled for Node into `outFile` (ES module), its packages left to node_modules. */
export async function viteBundle(entry: string, outFile: string): Promise<void> {
  const { build } = (await import(createRequire(import.meta.url).resolve('vite'))) as typeof vite;
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      ssr: entry,
      outDir: dirname(outFile),
      emptyOutDir: false,
      target: 'node20',
      rollupOptions: { output: { entryFileNames: basename(outFile), format: 'es' } },
    },
  });
}
