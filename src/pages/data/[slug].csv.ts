import type { APIRoute, GetStaticPaths } from 'astro';
import { chartRoutes } from '../../charts/registry.ts';
import type { AnyChart } from '../../charts/types.ts';
import { chartCsv } from '../../site/chart-data.ts';
import { chartView } from '../../site/chart-page.ts';

export const getStaticPaths = chartRoutes satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const chart = (props as { chart: AnyChart }).chart;
  return new Response(chartCsv(chart, chartView(chart).rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
