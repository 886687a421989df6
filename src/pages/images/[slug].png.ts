import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import type { PublishedChart } from '../../publish/publish.ts';
import { chartPaths, getSite } from '../../site/data.ts';

export const getStaticPaths = chartPaths satisfies GetStaticPaths;

// Each image is made once: libvips's cache of operations would only hold on to their memory.
sharp.cache(false);

/**
 * The longest side of an image: 4 096 px, more than any chart of the real snapshot needs at twice its size (the
 * longest, 3 272 px) and far below librsvg's limit (32 767 px); a chart of a very large snapshot, some 20 000 px
 * high, comes out smaller rather than as a 1 200 × 32 767 px image that takes seconds and 160 MB to draw.
 */
const MAX_SIDE = 4_096;

/** Twice the SVG's size (144 dpi) for sharp screens and slides, less for a drawing whose double would pass MAX_SIDE. */
function densityOf(svg: string): number {
  const root = /<svg\b[^>]*>/u.exec(svg)?.[0] ?? '';
  const side = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`, 'u').exec(root)?.[1] ?? 0);
  return 72 * Math.min(2, MAX_SIDE / Math.max(1, side('width'), side('height')));
}

/** The same image as the SVG download, rasterised for sharp screens and slides. */
export const GET: APIRoute<{ chart: PublishedChart }> = async ({ props }) => {
  const svg = (await getSite()).file(props.chart, 'light');
  const png = await sharp(Buffer.from(svg), { density: densityOf(svg) })
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
