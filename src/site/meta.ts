/**
 * The policy every page carries (as a meta tag, and in public/_headers for hosts that read it): only this
 * origin's scripts, styles, images and data; no inline script or style, no eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * A <meta> tag with its content escaped whole (& < > " '): Astro escapes only quotes and ampersands in attributes,
 * and a défi's title or description in a page's metadata is data, never markup, even where a parser would not run it.
 */
export function metaTag(kind: 'name' | 'property', key: string, content: string): string {
  const escape = (text: string) =>
    text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
  return `<meta ${kind}="${escape(key)}" content="${escape(content)}">`;
}
