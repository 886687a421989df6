import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCsv } from '../../publish/outputs.ts';
import type { PublishedChart } from '../../publish/publish.ts';
import { chartPaths } from '../../site/data.ts';

export const getStaticPaths = chartPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ chart: PublishedChart }> = ({ props }) =>
  new Response(chartCsv(props.chart), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
