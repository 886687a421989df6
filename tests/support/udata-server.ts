/**
 * A test double of the data.gouv.fr (udata) API on 127.0.0.1: the dataset JSON (resources inline, with `url` and
 * `latest` pointing back at this server), the files, the `r/{id}` 302 redirect and the 308 of an old slug. It
 * misbehaves on demand (status codes, delays, bodies dripped a byte at a time, truncated or endless bodies,
 * connections closed at once, HTML pages, redirect loops and redirects anywhere, broken JSON, resources whose
 * addresses point anywhere) and counts what it sends, so tests can assert that nothing was downloaded.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ResourceInit {
  id?: string;
  title: string;
  body: Uint8Array | string;
  format?: string;
  mime?: string | null;
  /** File name in the URL (default: from the title). */
  fileName?: string;
  /** `auto` (default): the sha256 of the body; null: none; or any checksum, right or wrong. */
  checksum?: 'auto' | null | { type: string; value: string };
  /** `auto` (default): the body's length; null: none; or any number. */
  filesize?: 'auto' | null | number;
  last_modified?: string;
  filetype?: 'file' | 'remote';
  type?: string;
  /** The `url` the dataset announces (default: the file on this server), any address at all. */
  url?: string;
  /** The `latest` the dataset announces (default: the `r/{id}` redirect on this server); null: none. */
  latest?: string | null;
}

export interface ServedResource {
  id: string;
  title: string;
  body: Uint8Array;
  format: string;
  mime: string | null;
  fileName: string;
  checksum: 'auto' | null | { type: string; value: string };
  filesize: 'auto' | null | number;
  last_modified: string;
  filetype: 'file' | 'remote';
  type: string;
  url?: string;
  latest?: string | null;
}

/** One way of answering a request instead of the normal answer. */
export type Misbehaviour =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** Answer normally, but only after a delay (headers included). */
  | { kind: 'delay'; ms: number }
  /** Answer normally once `until` resolves: the test decides how long a download lasts. */
  | { kind: 'hold'; until: Promise<void> }
  /** Headers (with the full Content-Length) at once, then the body a few bytes at a time. */
  | { kind: 'slow'; chunkBytes: number; intervalMs: number }
  /** Content-Length of the full body, send only `bytes` of it, then close the connection (after 20 ms by default). */
  | { kind: 'truncate'; bytes: number; closeAfterMs?: number }
  /** Status 200 with this body instead of the file. */
  | { kind: 'body'; body: string | Uint8Array; contentType: string }
  /** 302 to itself. */
  | { kind: 'redirect-loop' }
  /** Status 200 and `bytes` bytes of CSV-looking lines, chunked (no Content-Length) unless `contentLength`. */
  | { kind: 'huge'; bytes: number; contentLength?: boolean }
  /** Close the connection without answering. */
  | { kind: 'reset' }
  /** 302 to `location`, wherever it is. */
  | { kind: 'redirect'; location: string };

/** `dataset`: the dataset JSON; a resource id: that resource's file; `r/{id}`: its stable `latest` redirect. */
export type Target = 'dataset' | string;

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  /** Bytes of file body written (0 for the dataset JSON and redirects). */
  fileBytes: number;
}

export interface UdataServer {
  readonly base: string;
  readonly port: number;
  readonly dataset: {
    id: string;
    slug: string;
    title: string;
    last_modified: string;
    license: string;
    /** Slugs answering 308 to the current one. */
    oldSlugs: string[];
  };
  readonly requests: RequestRecord[];
  addResource(init: ResourceInit): ServedResource;
  updateResource(id: string, change: Partial<ResourceInit>): ServedResource;
  removeResource(id: string): void;
  resource(id: string): ServedResource;
  /** Answers the next `times` requests to `target` with `behaviour` (queued after earlier ones). */
  misbehave(target: Target, behaviour: Misbehaviour, times?: number): void;
  /** Resolves when a file request for `id` starts being answered. */
  waitForDownload(id: string): Promise<void>;
  /** Requests for files (including `r/{id}` redirects), and the bytes of file bodies sent. */
  fileRequests(): RequestRecord[];
  fileBytesSent(): number;
  datasetJson(): unknown;
  close(): Promise<void>;
}

const DATASET_ID = '5a0d9e8788ee387f1d5cb4aa';

export async function startUdataServer(options: { slug?: string } = {}): Promise<UdataServer> {
  const resources: ServedResource[] = [];
  const queues = new Map<Target, { behaviour: Misbehaviour; remaining: number }[]>();
  const waiters = new Map<string, (() => void)[]>();
  const requests: RequestRecord[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let base = '';

  const dataset = {
    id: DATASET_ID,
    slug: options.slug ?? 'programme-entrepreneurs-dinteret-general',
    title: 'Programme Entrepreneurs d’intérêt général',
    last_modified: '2024-03-01T10:00:00.000000+00:00',
    license: 'lov2',
    oldSlugs: [] as string[],
  };

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const next = (target: Target): Misbehaviour | null => {
    const queue = queues.get(target);
    const head = queue?.[0];
    if (!queue || !head) return null;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    return head.behaviour;
  };

  const fileUrl = (r: ServedResource) => `${base}/files/${r.id}/${encodeURIComponent(r.fileName)}`;

  const resourceJson = (r: ServedResource) => ({
    id: r.id,
    title: r.title,
    description: null,
    format: r.format,
    url: r.url ?? fileUrl(r),
    latest: r.latest === undefined ? `${base}/api/1/datasets/r/${r.id}` : r.latest,
    checksum:
      r.checksum === 'auto' ? { type: 'sha256', value: createHash('sha256').update(r.body).digest('hex') } : r.checksum,
    filesize: r.filesize === 'auto' ? r.body.byteLength : r.filesize,
    mime: r.mime,
    created_at: '2019-06-01T09:00:00.000000+00:00',
    last_modified: r.last_modified,
    filetype: r.filetype,
    type: r.type,
    extras: {},
  });

  const datasetJson = () => ({
    id: dataset.id,
    slug: dataset.slug,
    title: dataset.title,
    last_modified: dataset.last_modified,
    last_update: dataset.last_modified,
    license: dataset.license,
    organization: { name: 'Direction interministérielle du numérique', slug: 'dinum' },
    page: `${base}/fr/datasets/${dataset.slug}/`,
    resources: resources.map(resourceJson),
  });

  const record = (req: IncomingMessage, status: number, fileBytes = 0) => {
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '', status, fileBytes });
  };

  /** Writes `body` and records how much of it was sent. */
  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: Uint8Array,
    isFile: boolean,
  ) => {
    res.writeHead(status, { 'Content-Length': String(body.byteLength), ...headers });
    res.end(body);
    record(req, status, isFile ? body.byteLength : 0);
  };

  const misbehaveWith = (
    behaviour: Misbehaviour,
    req: IncomingMessage,
    res: ServerResponse,
    normal: () => void,
    body: Uint8Array,
    isFile: boolean,
  ) => {
    switch (behaviour.kind) {
      case 'status': {
        const text = behaviour.body ?? `<!doctype html><title>Erreur ${behaviour.status}</title>`;
        send(
          req,
          res,
          behaviour.status,
          { 'Content-Type': 'text/html; charset=utf-8', ...behaviour.headers },
          Buffer.from(text),
          false,
        );
        return;
      }
      case 'delay':
        later(behaviour.ms, () => {
          if (!res.destroyed) normal();
        });
        return;
      case 'hold':
        void behaviour.until.then(() => {
          if (!res.destroyed) normal();
        });
        return;
      case 'slow': {
        res.writeHead(200, { 'Content-Length': String(body.byteLength), 'Content-Type': 'text/csv' });
        let offset = 0;
        const entry: RequestRecord = { method: req.method ?? 'GET', path: req.url ?? '', status: 200, fileBytes: 0 };
        requests.push(entry);
        const tick = () => {
          if (res.destroyed) return;
          const chunk = body.subarray(offset, offset + behaviour.chunkBytes);
          offset += chunk.byteLength;
          entry.fileBytes += chunk.byteLength;
          if (offset >= body.byteLength) res.end(chunk);
          else {
            res.write(chunk);
            later(behaviour.intervalMs, tick);
          }
        };
        tick();
        return;
      }
      case 'truncate': {
        res.writeHead(200, { 'Content-Length': String(body.byteLength), 'Content-Type': 'text/csv' });
        const part = body.subarray(0, behaviour.bytes);
        res.write(part);
        record(req, 200, isFile ? part.byteLength : 0);
        if (behaviour.closeAfterMs === 0) res.socket?.destroy();
        else later(behaviour.closeAfterMs ?? 20, () => res.socket?.destroy());
        return;
      }
      case 'body':
        send(
          req,
          res,
          200,
          { 'Content-Type': behaviour.contentType },
          typeof behaviour.body === 'string' ? Buffer.from(behaviour.body) : behaviour.body,
          isFile,
        );
        return;
      case 'redirect-loop':
        res.writeHead(302, { Location: req.url ?? '/' });
        res.end();
        record(req, 302);
        return;
      case 'huge': {
        const line = Buffer.from('EIG 1,2017,ligne,1,alloue,rapport-2019\n'.repeat(1600));
        res.writeHead(200, {
          'Content-Type': 'text/csv',
          ...(behaviour.contentLength ? { 'Content-Length': String(behaviour.bytes) } : {}),
        });
        const entry: RequestRecord = { method: req.method ?? 'GET', path: req.url ?? '', status: 200, fileBytes: 0 };
        requests.push(entry);
        let sent = 0;
        const pump = () => {
          while (sent < behaviour.bytes && !res.destroyed) {
            const chunk = line.subarray(0, Math.min(line.byteLength, behaviour.bytes - sent));
            sent += chunk.byteLength;
            entry.fileBytes += chunk.byteLength;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          if (!res.destroyed) res.end();
        };
        res.on('close', () => res.removeAllListeners('drain'));
        pump();
        return;
      }
      case 'reset':
        record(req, 0);
        req.socket.destroy();
        return;
      case 'redirect':
        res.writeHead(302, { Location: behaviour.location });
        res.end();
        record(req, 302);
        return;
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    let match: RegExpExecArray | null;

    if ((match = /^\/api\/1\/datasets\/r\/([^/]+)\/?$/u.exec(path))) {
      const r = resources.find((x) => x.id === match![1]);
      if (!r)
        return send(
          req,
          res,
          404,
          { 'Content-Type': 'application/json' },
          Buffer.from('{"message":"Not found"}'),
          false,
        );
      const behaviour = next(`r/${r.id}`);
      if (behaviour) return misbehaveWith(behaviour, req, res, () => {}, r.body, false);
      res.writeHead(302, { Location: fileUrl(r) });
      res.end();
      record(req, 302);
      return;
    }

    if ((match = /^\/api\/1\/datasets\/([^/]+)\/?$/u.exec(path))) {
      const slug = decodeURIComponent(match[1]!);
      if (dataset.oldSlugs.includes(slug)) {
        res.writeHead(308, { Location: `/api/1/datasets/${dataset.slug}/` });
        res.end();
        record(req, 308);
        return;
      }
      if (slug !== dataset.slug && slug !== dataset.id) {
        return send(
          req,
          res,
          404,
          { 'Content-Type': 'application/json' },
          Buffer.from('{"message":"Not found"}'),
          false,
        );
      }
      const body = Buffer.from(JSON.stringify(datasetJson()));
      const normal = () => send(req, res, 200, { 'Content-Type': 'application/json' }, body, false);
      const behaviour = next('dataset');
      if (behaviour) return misbehaveWith(behaviour, req, res, normal, body, false);
      return normal();
    }

    if ((match = /^\/files\/([^/]+)\/[^/]*$/u.exec(path))) {
      const r = resources.find((x) => x.id === match![1]);
      if (!r)
        return send(
          req,
          res,
          404,
          { 'Content-Type': 'text/html' },
          Buffer.from('<!doctype html><title>404</title>'),
          false,
        );
      for (const wake of waiters.get(r.id) ?? []) wake();
      waiters.delete(r.id);
      const normal = () => send(req, res, 200, { 'Content-Type': r.mime ?? 'text/csv' }, r.body, true);
      const behaviour = next(r.id);
      if (behaviour) return misbehaveWith(behaviour, req, res, normal, r.body, true);
      return normal();
    }

    send(req, res, 404, { 'Content-Type': 'text/plain' }, Buffer.from('not found'), false);
  };

  const server: Server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  const toServed = (init: ResourceInit, id: string): ServedResource => ({
    id,
    title: init.title,
    body: typeof init.body === 'string' ? Buffer.from(init.body) : init.body,
    format: init.format ?? 'csv',
    mime: init.mime === undefined ? 'text/csv' : init.mime,
    fileName:
      init.fileName ??
      `${init.title
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/gu, '-')}.${init.format ?? 'csv'}`,
    checksum: init.checksum === undefined ? 'auto' : init.checksum,
    filesize: init.filesize === undefined ? 'auto' : init.filesize,
    last_modified: init.last_modified ?? '2024-03-01T10:00:00.000000+00:00',
    filetype: init.filetype ?? 'file',
    type: init.type ?? 'main',
    ...(init.url === undefined ? {} : { url: init.url }),
    ...(init.latest === undefined ? {} : { latest: init.latest }),
  });

  const find = (id: string) => {
    const index = resources.findIndex((r) => r.id === id);
    if (index < 0) throw new Error(`udata-server: no resource ${id}`);
    return index;
  };

  return {
    base,
    port,
    dataset,
    requests,
    addResource(init) {
      const served = toServed(init, init.id ?? randomUUID());
      resources.push(served);
      return served;
    },
    updateResource(id, change) {
      const index = find(id);
      const current = resources[index]!;
      const served = toServed({ ...current, ...change }, id);
      resources[index] = served;
      return served;
    },
    removeResource(id) {
      resources.splice(find(id), 1);
    },
    resource(id) {
      return resources[find(id)]!;
    },
    misbehave(target, behaviour, times = Number.POSITIVE_INFINITY) {
      const queue = queues.get(target) ?? [];
      queue.push({ behaviour, remaining: times });
      queues.set(target, queue);
    },
    waitForDownload(id) {
      return new Promise((resolve) => waiters.set(id, [...(waiters.get(id) ?? []), resolve]));
    },
    fileRequests() {
      return requests.filter((r) => r.path.startsWith('/files/') || r.path.startsWith('/api/1/datasets/r/'));
    },
    fileBytesSent() {
      return requests.reduce((n, r) => n + r.fileBytes, 0);
    },
    datasetJson,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
