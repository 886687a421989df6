/**
 * Every HTML page of the build goes through French typography once (src/site/typography.ts); other files (CSV,
 * JSON, images) are left as they are.
 */
import { defineMiddleware } from 'astro:middleware';
import { typesetHtml } from './site/typography.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  // Bytes, not a string: a string body is checked character by character (USVString), seconds on a large build.
  const body = Buffer.from(typesetHtml(await response.text()));
  return new Response(body, { status: response.status, headers: response.headers });
});
