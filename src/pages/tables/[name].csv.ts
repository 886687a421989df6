import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { dataDir } from '../../load/snapshot-io.ts';
import { neutraliseCsv } from '../../lib/csv/neutralise.ts';
import { tableNames, tables } from '../../lib/tables.ts';
import { sources } from '../../../data/sources.ts';

export const getStaticPaths = (() =>
  [...tableNames, 'publications'].map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

/**
 * The committed file, byte for byte (its SHA-256 is the manifest's), unless a cell would run as a formula in a
 * spreadsheet: then that cell is neutralised, on the same line (../../lib/csv/neutralise.ts).
 */
export const GET: APIRoute = async ({ params }) => {
  const name = params.name as (typeof tableNames)[number] | 'publications';
  const path =
    name === 'publications'
      ? join(dataDir(), sources.publications.file)
      : join(dataDir(), 'snapshot', tables[name].file);
  const { bytes } = neutraliseCsv(await readFile(path));
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
