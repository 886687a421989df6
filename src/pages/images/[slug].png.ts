import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { chartRoutes } from '../../charts/registry.ts';
import type { AnyChart } from '../../charts/types.ts';
import { chartView, sourceLine } from '../../site/chart-page.ts';
import { renderChartFile } from '../../site/render-chart.ts';

export const getStaticPaths = chartRoutes satisfies GetStaticPaths;

/** The same image as the SVG download, rasterised at twice its size for sharp screens and slides. */
export const GET: APIRoute = async ({ props }) => {
  const chart = (props as { chart: AnyChart }).chart;
  const view = chartView(chart);
  const svg = renderChartFile(chart, view.rows, sourceLine(view.sources.map((s) => s.id)));
  const png = await sharp(Buffer.from(svg), { density: 144 }).png({ compressionLevel: 9 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
