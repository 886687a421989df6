import type { APIRoute, GetStaticPaths } from 'astro';
import type { PublishedChart } from '../../../publish/publish.ts';
import { chartPaths } from '../../../site/data.ts';
import { renderChartFile } from '../../../site/render-chart.ts';

export const getStaticPaths = chartPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ chart: PublishedChart }> = ({ props }) =>
  new Response(renderChartFile(props.chart, 'wide', 'dark'), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
