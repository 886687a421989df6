/**
 * A chart's PNG, rasterised from its image file (the SVG download) for sharp screens and slides, and the build's
 * queue of them: librsvg draws them one after another in sharp's threads from the start of the build, on the
 * second core while the pages render on the first, instead of holding up the build when their route comes.
 */
import sharp from 'sharp';

// Each image is made once: libvips's cache of operations would only hold on to their memory.
sharp.cache(false);
// One thread of libvips: the other core is the pages'.
sharp.concurrency(1);

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

/** The PNG of an SVG drawing. Compression level 6: within 3 % of level 9's size, in a third of its time. */
export async function rasterised(svg: string): Promise<Uint8Array<ArrayBuffer>> {
  const png = await sharp(Buffer.from(svg), { density: densityOf(svg) })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return new Uint8Array(png);
}

/**
 * The PNGs of `keys`, drawn one at a time from now on, in order (one image in memory while it is drawn): each
 * key's promise. A failure fails its own image's route, not the queue.
 */
export function pngQueue(
  keys: readonly string[],
  svgOf: (key: string) => string,
): Map<string, Promise<Uint8Array<ArrayBuffer>>> {
  const pngs = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  let previous: Promise<unknown> = Promise.resolve();
  for (const key of keys) {
    const png = previous.then(() => rasterised(svgOf(key)));
    // Handled here so that a failure waits for its route to report it.
    previous = png.catch(() => undefined);
    pngs.set(key, png);
  }
  return pngs;
}
