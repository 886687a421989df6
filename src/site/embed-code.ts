/** The code a journalist copies to embed a chart: the iframe, and the script that keeps its height right. */
import type { PublishedChart } from '../publish/publish.ts';
import { routes } from '../routes.ts';

/** `height`: the frame's height before the embed reports its own (ChartDrawings.embedHeight). */
export function embedCode(chart: PublishedChart, siteUrl: URL, height: number): string {
  const src = new URL(chart.addresses.embed, siteUrl).href;
  const script = new URL(routes.embedScript, siteUrl).href;
  return (
    `<iframe src="${src}" title="${escapeAttribute(chart.title)}" width="100%" height="${height}" ` +
    `style="border:0;width:100%" loading="lazy" data-eig-embed></iframe>\n` +
    `<script async src="${script}"></script>`
  );
}

function escapeAttribute(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}
