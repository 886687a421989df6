import type { APIRoute, GetStaticPaths } from 'astro';
import { chartRoutes } from '../../charts/registry.ts';
import type { AnyChart } from '../../charts/types.ts';
import { chartJson } from '../../site/chart-data.ts';
import { chartView } from '../../site/chart-page.ts';
import { site } from '../../site/data.ts';

export const getStaticPaths = chartRoutes satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site: siteUrl }) => {
  const chart = (props as { chart: AnyChart }).chart;
  return new Response(JSON.stringify(chartJson(chart, chartView(chart).rows, site, siteUrl!.href), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
