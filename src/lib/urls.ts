/**
 * Addresses that come from outside (data.gouv.fr's API, the data) become links only when they are web
 * addresses: a `javascript:` or `data:` URL in a resource record must stay text.
 */
export function httpHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
