import type { APIRoute, GetStaticPaths } from 'astro';
import { charts } from '../../charts/registry.ts';
import type { AnyChart } from '../../charts/types.ts';
import { chartJson } from '../../site/chart-data.ts';
import { site } from '../../site/data.ts';

export const getStaticPaths = (() => charts.map((chart) => ({ params: { slug: chart.slug }, props: { chart } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site: siteUrl }) => {
  const chart = (props as { chart: AnyChart }).chart;
  const rows = chart.rows(site);
  return new Response(JSON.stringify(chartJson(chart, rows, site, siteUrl!.href), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
