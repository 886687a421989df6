import type { APIRoute, GetStaticPaths } from 'astro';
import type { PublishedChart } from '../../../publish/publish.ts';
import { chartPaths, getSite } from '../../../site/data.ts';

export const getStaticPaths = chartPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ chart: PublishedChart }> = async ({ props }) =>
  new Response((await getSite()).file(props.chart, 'dark'), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
