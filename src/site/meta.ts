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
