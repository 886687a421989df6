import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import type { PublishedChart } from '../../publish/publish.ts';
import { chartPaths } from '../../site/data.ts';
import { renderChartFile } from '../../site/render-chart.ts';

export const getStaticPaths = chartPaths satisfies GetStaticPaths;

/** The same image as the SVG download, rasterised at twice its size for sharp screens and slides. */
export const GET: APIRoute<{ chart: PublishedChart }> = async ({ props }) => {
  const svg = renderChartFile(props.chart);
  const png = await sharp(Buffer.from(svg), { density: 144 }).png({ compressionLevel: 9 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
