import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../../site/data.ts';
import type { AggregateName } from '../../../lib/aggregates/index.ts';
import { sources } from '../../../../data/sources.ts';

export const getStaticPaths = (() =>
  Object.keys(site.aggregates).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

/** Every aggregate of a theme, with the provenance of each figure and the snapshot's date. */
export const GET: APIRoute = ({ params }) => {
  const aggregate = site.aggregates[params.name as AggregateName];
  const body = {
    name: params.name,
    title: aggregate.title,
    description: aggregate.description,
    snapshotDate: site.snapshotDate,
    licence: sources.licence,
    publications: site.publications.map(({ _line, ...p }) => p),
    data: aggregate.data,
  };
  return new Response(JSON.stringify(body, null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
