import type { APIRoute, GetStaticPaths } from 'astro';
import { charts } from '../../charts/registry.ts';
import type { AnyChart } from '../../charts/types.ts';
import { chartCsv } from '../../site/chart-data.ts';
import { site } from '../../site/data.ts';

export const getStaticPaths = (() => charts.map((chart) => ({ params: { slug: chart.slug }, props: { chart } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const chart = (props as { chart: AnyChart }).chart;
  return new Response(chartCsv(chart, chart.rows(site)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
