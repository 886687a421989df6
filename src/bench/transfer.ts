/**
 * What a page costs a reader's connection: every response the browser received while loading it (first visit,
 * empty cache), sized as a static host sends it, gzip for text and as-is for already-compressed formats, and
 * grouped by type. Used by the byte-budget tests and by `npm run bench`.
 */
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Response } from 'playwright-core';

export const RESOURCE_TYPES = ['html', 'css', 'js', 'fonts', 'images', 'other'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface TransferredFile {
  url: string;
  type: ResourceType;
  /** Bytes of the body as served, before compression. */
  raw: number;
  /** Bytes on the wire: gzip for text formats, raw for images and fonts that are compressed already. */
  gzip: number;
}

export interface Transfer {
  files: TransferredFile[];
  /** Wire bytes by type. */
  byType: Record<ResourceType, number>;
  total: number;
}

const TEXT = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/u;

function typeOf(response: Response): ResourceType {
  const request = response.request();
  const contentType = response.headers()['content-type'] ?? '';
  switch (request.resourceType()) {
    case 'document':
      return 'html';
    case 'stylesheet':
      return 'css';
    case 'script':
      return 'js';
    case 'font':
      return 'fonts';
    case 'image':
      return 'images';
    default:
      if (contentType.includes('javascript')) return 'js';
      if (contentType.startsWith('text/css')) return 'css';
      if (contentType.startsWith('image/')) return 'images';
      if (contentType.startsWith('font/')) return 'fonts';
      return 'other';
  }
}

/** Sizes files, as a static host would send them. */
export function transferOf(files: { url: string; type: ResourceType; body: Buffer; contentType: string }[]): Transfer {
  const sized = files.map(({ url, type, body, contentType }) => ({
    url,
    type,
    raw: body.length,
    gzip: TEXT.test(contentType) ? gzipSync(body).length : body.length,
  }));
  const byType = Object.fromEntries(RESOURCE_TYPES.map((t) => [t, 0])) as Record<ResourceType, number>;
  for (const file of sized) byType[file.type] += file.gzip;
  return { files: sized, byType, total: sized.reduce((sum, f) => sum + f.gzip, 0) };
}

/**
 * Loads `url` in a new page of `context` (which should be fresh: nothing cached) and sizes every response of
 * the page and its frames once it has loaded and its network is idle, including what scripts load after the
 * load event. Each request seen is awaited to its end: the network-idle signal alone can come early when a test
 * intercepts requests (page.route).
 */
export async function measureTransfer(context: BrowserContext, url: string): Promise<Transfer> {
  const page = await context.newPage();
  const pending: Promise<{ url: string; type: ResourceType; body: Buffer; contentType: string } | null>[] = [];
  page.on('request', (request) => {
    pending.push(
      request
        .response()
        .then(async (response) =>
          response && response.status() < 300
            ? {
                url: response.url(),
                type: typeOf(response),
                body: await response.body(),
                contentType: response.headers()['content-type'] ?? '',
              }
            : null,
        )
        .catch(() => null),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const files = (await Promise.all(pending)).filter((f) => f !== null);
  await page.close();
  return transferOf(files);
}
