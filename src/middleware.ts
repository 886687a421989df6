/**
 * Every HTML page of the build goes through French typography once (src/site/typography.ts); other files (CSV,
 * JSON, images) are left as they are.
 */
import { defineMiddleware } from 'astro:middleware';
import { typesetHtml } from './site/typography.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  return new Response(typesetHtml(await response.text()), { status: response.status, headers: response.headers });
});
