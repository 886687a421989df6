/**
 * The benchmark bundles two throwaway programs (the client-rendered Plot page, the scale run) with the esbuild
 * that Vite ships, so that it needs no dependency of its own.
 */
import { createRequire } from 'node:module';
import type * as esbuild from 'esbuild';

type Esbuild = typeof esbuild;

export async function viteEsbuild(): Promise<Esbuild> {
  const fromVite = createRequire(createRequire(import.meta.url).resolve('vite/package.json'));
  return (await import(fromVite.resolve('esbuild'))) as Esbuild;
}
