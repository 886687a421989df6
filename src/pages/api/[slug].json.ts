import type { APIRoute, GetStaticPaths } from 'astro';
import { chartJson } from '../../publish/outputs.ts';
import type { PublishedChart } from '../../publish/publish.ts';
import { chartPaths, getSite } from '../../site/data.ts';

export const getStaticPaths = chartPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ chart: PublishedChart }> = async ({ props, site }) => {
  const { model } = await getSite();
  return new Response(JSON.stringify(chartJson(props.chart, model, site!), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
