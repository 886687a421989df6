/**
 * What package.json decides about dependencies, checked on what is installed rather than assumed:
 *
 * - install scripts (npm 11 runs a dependency's only if package.json's allowScripts allows it, and warns about
 *   those it does not cover): every package of package-lock.json that has one is covered, and those denied work
 *   without theirs. esbuild's postinstall and sharp's install only check that their prebuilt platform package
 *   (@esbuild/linux-x64, @img/sharp-linux-x64…) is there, else download a binary or compile libvips: both are
 *   denied, so that an install never depends on a download or a compiler, and the platform packages do the work;
 * - undici: it is in the tree for one use, unifont (Astro's font resolver) setting undici's proxy agent as the
 *   dispatcher of fetch when HTTP(S)_PROXY is set. unifont asks for undici 8, which needs Node 22.19 and fails to
 *   load on Node 20 (unifont then fetches fonts without the proxy, silently); package.json gives it undici 7,
 *   which supports Node 20. That use is run here for real, through a proxy on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import type * as Esbuild from 'esbuild';
import type Sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; hasInstallScript?: boolean }>;
};

/** Every installed copy of a package with an install script: its folder, name and version. */
const withInstallScripts = Object.entries(lock.packages)
  .filter(([, entry]) => entry.hasInstallScript)
  .map(([path, entry]) => ({ path, name: path.replace(/^.*node_modules\//u, ''), version: entry.version ?? '' }));

/** The package installed in `path` (not the one Node would resolve from here, when there are several copies). */
const load = <T>(path: string) => createRequire(join(ROOT, path, 'package.json'))('./') as T;

/** What each package denied its install script must still do, run on its installed copy. */
const checks: Record<string, (path: string) => Promise<void>> = {
  esbuild: async (path) => {
    const esbuild = load<typeof Esbuild>(path);
    const { code } = await esbuild.transform('const n: number = 1;', { loader: 'ts' });
    expect(code).toBe('const n = 1;\n');
  },
  sharp: async (path) => {
    const sharp = load<typeof Sharp>(path);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"><rect width="30" height="20"/></svg>';
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 30, height: 20 });
  },
};

describe('install scripts', () => {
  it('are found in the lockfile (esbuild and sharp at least)', () => {
    expect(withInstallScripts.map((p) => p.name)).toEqual(expect.arrayContaining(['esbuild', 'sharp']));
  });

  it.each(withInstallScripts)('of $path ($version) are allowed or denied in package.json', ({ name, version }) => {
    const entries = manifest.allowScripts ?? {};
    expect(entries[name] ?? entries[`${name}@${version}`], `allowScripts has no entry for ${name}`).toBeTypeOf(
      'boolean',
    );
  });

  const denied = withInstallScripts.filter(({ name }) => manifest.allowScripts?.[name] === false);
  it.each(denied)('of $path are denied, and not needed: it works without', async ({ path, name }) => {
    const check = checks[name];
    expect(check, `${name}'s install script is denied: say here what it must still do`).toBeDefined();
    await check!(path);
  });
});

describe('undici, as unifont uses it', () => {
  // A font server, and a forward proxy that tunnels every CONNECT to it (as undici's proxy agent asks for any
  // address, http: included): the only way from this test to « fonts.example.invalid ».
  let fonts: Server;
  let proxy: Server;
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const savedEnv = { ...process.env };
  // Where undici, and Node's own fetch, keep the dispatcher of fetch: put back as it was after the test.
  const DISPATCHER = Symbol.for('undici.globalDispatcher.1');
  const savedDispatcher = (globalThis as Record<symbol, unknown>)[DISPATCHER];

  beforeAll(async () => {
    fonts = createServer((request, response) => response.end(`police de ${request.headers.host}${request.url}`));
    proxy = createServer((_, response) => response.writeHead(405).end());
    proxy.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
      tunnels.push(request.url ?? '');
      const upstream = connect((fonts.address() as AddressInfo).port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      for (const socket of [client, upstream]) sockets.add(socket);
    });
    for (const server of [fonts, proxy]) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    process.env = savedEnv;
    (globalThis as Record<symbol, unknown>)[DISPATCHER] = savedDispatcher;
    for (const socket of sockets) socket.destroy();
    for (const server of [fonts, proxy]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('loads on this Node, in the version unifont gets', () => {
    const undici = createRequire(join(ROOT, 'node_modules', 'unifont', 'package.json'))('undici') as {
      EnvHttpProxyAgent: unknown;
    };
    expect(undici.EnvHttpProxyAgent).toBeTypeOf('function');
  });

  it('sends fetch through HTTP_PROXY once unifont is set up', async () => {
    const { port } = proxy.address() as AddressInfo;
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'])
      delete process.env[name];
    process.env.HTTP_PROXY = `http://127.0.0.1:${port}`;
    const { createUnifont, defineFontProvider } = await import('unifont');
    // What Astro does with the fonts of its configuration: unifont set up, with a provider (here, one of no fonts).
    await createUnifont([defineFontProvider('aucune', () => undefined)()]);
    const response = await fetch('http://fonts.example.invalid/css2?family=Inter', {
      signal: AbortSignal.timeout(5000),
    });
    expect(await response.text()).toBe('police de fonts.example.invalid/css2?family=Inter');
    expect(tunnels).toEqual(['fonts.example.invalid:80']);
  });
});
