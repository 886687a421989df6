import type { APIRoute, GetStaticPaths } from 'astro';
import { aggregateFiles, aggregateJson, type AggregateName } from '../../../publish/outputs.ts';
import { getSite } from '../../../site/data.ts';

export const getStaticPaths = (async () =>
  Object.keys(aggregateFiles((await getSite()).model)).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

/**
 * Every aggregate of a theme, with the provenance of each figure and the snapshot's date. As bytes: a string body is
 * checked character by character (USVString), seconds for the tens of MB of a snapshot at its limits.
 */
export const GET: APIRoute = async ({ params }) =>
  new Response(Buffer.from(aggregateJson(params.name as AggregateName, (await getSite()).model)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
