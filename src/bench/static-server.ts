/**
 * Serves a built site (dist/) on 127.0.0.1, the way a static host does: /dir/ → /dir/index.html, unknown paths
 * → 404.html with status 404, and the headers of public/_headers (so CSP and caching rules are exercised). Text
 * is sent gzip to a client that accepts it, as hosts do: Lighthouse's simulated slow network weighs what travels,
 * and an uncompressed page would read several times slower than it is served.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** The formats a host compresses: text, not images already compressed (PNG). */
const COMPRESSED = /^(text\/|application\/(json|xml)|image\/svg)/u;

export interface StaticServer {
  url: string;
  port: number;
  close: () => Promise<void>;
  /** Paths requested, in order (for tests that count requests). */
  requests: string[];
}

/** Header rules of a Netlify/Cloudflare-style _headers file: a path pattern, then indented « Name: value » lines. */
function parseHeaders(text: string): { pattern: RegExp; headers: [string, string][] }[] {
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/u.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/gu, '\\$&')
        .replace(/\*/gu, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`, 'u'), headers: [] });
    } else {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1)?.headers.push([name!.trim(), value.join(':').trim()]);
    }
  }
  return rules;
}

export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  let rules: ReturnType<typeof parseHeaders> = [];
  try {
    rules = parseHeaders(await readFile(join(root, '_headers'), 'utf8'));
  } catch {
    // No _headers file: plain responses.
  }
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const raw = new URL(request.url ?? '/', 'http://localhost').pathname;
    // A malformed escape names no file: the 404 page, as a host would serve it.
    const path = (() => {
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    })();
    requests.push(path);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const headers: Record<string, string> = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
      for (const rule of rules)
        if (rule.pattern.test(path)) for (const [name, value] of rule.headers) headers[name] = value;
      const gzip =
        COMPRESSED.test(headers['Content-Type']!) && /\bgzip\b/u.test(request.headers['accept-encoding'] ?? '');
      if (gzip) Object.assign(headers, { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      const sent = gzip ? gzipSync(body) : body;
      response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : sent);
    } catch {
      let body: Buffer | string = 'Not found';
      try {
        body = await readFile(join(root, '404.html'));
      } catch {
        // No 404 page.
      }
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
