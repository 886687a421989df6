import type { APIRoute, GetStaticPaths } from 'astro';
import type { PublishedChart } from '../../publish/publish.ts';
import { chartPaths, getSite } from '../../site/data.ts';

export const getStaticPaths = chartPaths satisfies GetStaticPaths;

/** The same image as the SVG download, rasterised for sharp screens and slides (src/site/chart-png.ts). */
export const GET: APIRoute<{ chart: PublishedChart }> = async ({ props }) =>
  new Response(await (await getSite()).png(props.chart), { headers: { 'Content-Type': 'image/png' } });
