import type { APIRoute, GetStaticPaths } from 'astro';
import { neutraliseCsv } from '../../lib/csv/neutralise.ts';
import { tableNames } from '../../lib/tables.ts';
import { getSite } from '../../site/data.ts';

export const getStaticPaths = (() =>
  [...tableNames, 'publications' as const].map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

/**
 * The committed file, byte for byte (its SHA-256 is the manifest's), unless a cell would run as a formula in a
 * spreadsheet: then that cell is neutralised, on the same line (../../lib/csv/neutralise.ts).
 */
export const GET: APIRoute = async ({ params }) => {
  const { bytes } = neutraliseCsv(
    (await getSite()).files[params.name as (typeof tableNames)[number] | 'publications']!,
  );
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
