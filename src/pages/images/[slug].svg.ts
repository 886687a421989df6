import type { APIRoute, GetStaticPaths } from 'astro';
import { chartRoutes } from '../../charts/registry.ts';
import type { AnyChart } from '../../charts/types.ts';
import { chartView, sourceLine } from '../../site/chart-page.ts';
import { renderChartFile } from '../../site/render-chart.ts';

export const getStaticPaths = chartRoutes satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const chart = (props as { chart: AnyChart }).chart;
  const view = chartView(chart);
  const svg = renderChartFile(chart, view.rows, sourceLine(view.sources.map((s) => s.id)));
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
