/**
 * GET over a bad network: an inactivity timeout on every request, a deadline on the whole download (all its
 * tries included) and on the whole run, retries with exponential backoff on 5xx, 429 and network errors
 * (honouring Retry-After), redirects followed by hand so a loop is named as such and each address is checked
 * before it is requested (./addresses.ts: http and https only, no loopback, private or link-local address unless
 * allowed, the origins a download is bound to), and a size cap that aborts a body larger than allowed instead of
 * filling the disk. Failures come back typed, never thrown, so the caller can say in one line what went wrong.
 *
 * The inactivity timeout alone let a server dripping one byte a second hold a download for hours: every byte
 * restarted it. The deadlines count from the first request, whatever arrives.
 */
import type { Effects } from '../effects.ts';
import { refusal, type AddressRule, type Refusal } from './addresses.ts';

export interface HttpPolicy {
  /** A request fails when nothing arrives for this long (connection, headers or any part of the body). */
  timeoutMs: number;
  /** A download (all its tries and waits included) fails when it has not ended after this long. */
  deadlineMs: number;
  /** Tries per request, the first included. */
  attempts: number;
  /** Wait before the second try; doubles at each further try. */
  backoffMs: number;
  /** A Retry-After longer than this is not waited for: the request fails, saying how long the server asked. */
  maxRetryAfterMs: number;
  maxRedirects: number;
}

export const defaultPolicy: HttpPolicy = {
  timeoutMs: 30_000,
  deadlineMs: 180_000,
  attempts: 4,
  backoffMs: 1_000,
  maxRetryAfterMs: 120_000,
  maxRedirects: 5,
};

export type HttpFailure =
  /** Nothing answers at all: DNS failure, connection refused, no route. */
  | { kind: 'unreachable'; host: string; code: string }
  /** The connection broke (reset, closed early) without a size to compare with. */
  | { kind: 'network'; code: string }
  | { kind: 'timeout'; ms: number }
  /** The download's deadline (`download`) or the whole run's (`run`) passed. */
  | { kind: 'deadline'; scope: 'download' | 'run'; ms: number; received: number; expected: number | null }
  /** `received` null: the connection closed before the response could be read, so nothing counted. */
  | { kind: 'truncated'; received: number | null; expected: number }
  | { kind: 'status'; status: number; retryAfterMs: number | null }
  | { kind: 'redirect-loop'; url: string }
  | { kind: 'too-many-redirects'; count: number }
  | { kind: 'too-large'; limit: number; received: number; announced: number | null }
  /** Not requested at all: its scheme, origin or address is not one a download may reach. */
  | { kind: 'refused'; refusal: Refusal };

export interface HttpBody {
  /** The address that finally answered, after redirects. */
  url: string;
  contentType: string | null;
  bytes: Uint8Array;
}

export type HttpResult =
  { ok: true; response: HttpBody; attempts: number } | { ok: false; failure: HttpFailure; attempts: number };

export interface GetOptions {
  /** Bytes beyond which the body is refused and the download aborted. */
  maxBytes: number;
  /** The size the file is announced to have, if known: a connection closed before any byte is then a truncation. */
  expectedBytes?: number | null;
  /** The whole run's deadline: when it ends (a `performance.now()` instant) and how long it was. */
  run?: { endsAt: number; ms: number };
  /** Told before each wait between tries (for the progress log). */
  onRetry?: (failure: HttpFailure, waitMs: number, nextAttempt: number) => void;
  /** What the request and its redirects may reach. */
  rule: AddressRule;
}

type Fx = Pick<Effects, 'fetch' | 'sleep' | 'now' | 'lookup'>;

type Attempt = { ok: true; response: HttpBody } | { ok: false; failure: HttpFailure };

/** Codes of a connection the server closed in the middle of an exchange. */
const CLOSED_EARLY = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'UND_ERR_CLOSED']);

/** Codes meaning that the host cannot be reached at all (as opposed to a connection that broke). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'ENETDOWN',
]);

export async function httpGet(url: string, options: GetOptions, policy: HttpPolicy, fx: Fx): Promise<HttpResult> {
  const started = performance.now();
  const ownEnd = started + policy.deadlineMs;
  const byRun = options.run !== undefined && options.run.endsAt < ownEnd;
  const deadline: Deadline = {
    endsAt: byRun ? options.run!.endsAt : ownEnd,
    scope: byRun ? 'run' : 'download',
    ms: byRun ? options.run!.ms : policy.deadlineMs,
  };
  for (let attempt = 1; ; attempt++) {
    const result = await getOnce(url, options, policy, deadline, fx);
    if (result.ok) return { ...result, attempts: attempt };
    const { failure } = result;
    const wait = retryWait(failure, attempt, policy);
    if (wait === null || attempt >= policy.attempts) return { ok: false, failure, attempts: attempt };
    // A try that would start after the deadline is not made: the last failure is the answer.
    if (performance.now() + wait >= deadline.endsAt) return { ok: false, failure, attempts: attempt };
    options.onRetry?.(failure, wait, attempt + 1);
    await fx.sleep(wait);
  }
}

interface Deadline {
  endsAt: number;
  scope: 'download' | 'run';
  ms: number;
}

/**
 * How long to wait before trying again, or null when trying again is pointless. An unreachable host is not
 * retried: with no network at all the maintainer gets the answer at once rather than after a minute of waits.
 */
function retryWait(failure: HttpFailure, attempt: number, policy: HttpPolicy): number | null {
  const backoff = policy.backoffMs * 2 ** (attempt - 1);
  switch (failure.kind) {
    case 'status':
      if (failure.status !== 429 && failure.status < 500) return null;
      if (failure.retryAfterMs === null) return backoff;
      return failure.retryAfterMs <= policy.maxRetryAfterMs ? failure.retryAfterMs : null;
    case 'network':
    case 'timeout':
    case 'truncated':
      return backoff;
    default:
      return null;
  }
}

/** Retry-After is either a number of seconds or an HTTP date (RFC 9110, 10.2.3). */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+$/u.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now.getTime());
}

/** One try: the request, and the redirects it leads to (followed by hand, so a loop is named as such). */
async function getOnce(
  url: string,
  options: GetOptions,
  policy: HttpPolicy,
  deadline: Deadline,
  fx: Fx,
): Promise<Attempt> {
  const seen = new Set<string>();
  let current = url;
  for (let hop = 0; ; hop++) {
    const left = deadline.endsAt - performance.now();
    if (left <= 0) {
      const { scope, ms } = deadline;
      return { ok: false, failure: { kind: 'deadline', scope, ms, received: 0, expected: null } };
    }
    if (seen.has(current)) return { ok: false, failure: { kind: 'redirect-loop', url: current } };
    if (hop > policy.maxRedirects) return { ok: false, failure: { kind: 'too-many-redirects', count: hop - 1 } };
    seen.add(current);
    const refused = await refusal(current, options.rule, fx);
    if (refused) return { ok: false, failure: { kind: 'refused', refusal: refused } };
    const answer = await request(current, options, policy, { ...deadline, left }, fx);
    if (!('redirect' in answer)) return answer;
    current = answer.redirect;
  }
}

/** What arrived of a body so far: what a failure in the middle of it reports. */
interface Progress {
  /** The Content-Length, when the server sent one. */
  announced: number | null;
  received: number;
}

/** One request, without following its redirect. */
async function request(
  url: string,
  options: GetOptions,
  policy: HttpPolicy,
  deadline: Deadline & { left: number },
  fx: Pick<Effects, 'fetch' | 'now'>,
): Promise<Attempt | { redirect: string }> {
  const watch = watchdog(policy.timeoutMs, deadline.left);
  const progress: Progress = { announced: null, received: 0 };
  try {
    const response = await fx.fetch(url, {
      redirect: 'manual',
      signal: watch.signal,
      headers: { accept: '*/*', 'user-agent': 'data-eig (npm run fetch)' },
    });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel().catch(() => {});
      return { redirect: new URL(location, url).href };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), fx.now());
      return { ok: false, failure: { kind: 'status', status: response.status, retryAfterMs } };
    }
    return await readBody(url, response, options.maxBytes, watch, progress);
  } catch (error) {
    return { ok: false, failure: failureOf(error, { url, watch, progress, options, policy, deadline }) };
  } finally {
    watch.stop();
  }
}

interface Watchdog {
  signal: AbortSignal;
  /** Restarts the inactivity timeout: something arrived. */
  arm: () => void;
  abort: (reason: Error) => void;
  /** Why the request was aborted, if it was. */
  fired: { timeout: boolean; deadline: boolean };
  stop: () => void;
}

/** Aborts a request when nothing arrives for `timeoutMs`, or when `deadlineMs` have passed, whatever arrives. */
function watchdog(timeoutMs: number, deadlineMs: number): Watchdog {
  const controller = new AbortController();
  const fired = { timeout: false, deadline: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadlineTimer = setTimeout(() => {
    fired.deadline = true;
    controller.abort(new Error('deadline'));
  }, deadlineMs);
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      fired.timeout = true;
      controller.abort(new Error('timeout'));
    }, timeoutMs);
  };
  arm();
  return {
    signal: controller.signal,
    arm,
    abort: (reason) => controller.abort(reason),
    fired,
    stop: () => {
      clearTimeout(timer);
      clearTimeout(deadlineTimer);
    },
  };
}

/** The body, refused as soon as it exceeds `maxBytes` (announced or received), or when shorter than announced. */
async function readBody(
  url: string,
  response: Response,
  maxBytes: number,
  watch: Watchdog,
  progress: Progress,
): Promise<Attempt> {
  const length = response.headers.get('content-length');
  const announced = length !== null && /^\d+$/u.test(length) ? Number(length) : null;
  progress.announced = announced;
  if (announced !== null && announced > maxBytes) {
    watch.abort(new Error('too large'));
    return { ok: false, failure: { kind: 'too-large', limit: maxBytes, received: 0, announced } };
  }
  const chunks: Uint8Array[] = [];
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    watch.arm();
    progress.received += value.byteLength;
    if (progress.received > maxBytes) {
      watch.abort(new Error('too large'));
      return { ok: false, failure: { kind: 'too-large', limit: maxBytes, received: progress.received, announced } };
    }
    chunks.push(value);
  }
  if (announced !== null && progress.received < announced) {
    return { ok: false, failure: { kind: 'truncated', received: progress.received, expected: announced } };
  }
  return {
    ok: true,
    response: { url, contentType: response.headers.get('content-type'), bytes: Buffer.concat(chunks) },
  };
}

/** What an error thrown during a request means. */
function failureOf(
  error: unknown,
  request: {
    url: string;
    watch: Watchdog;
    progress: Progress;
    options: GetOptions;
    policy: HttpPolicy;
    deadline: Deadline;
  },
): HttpFailure {
  const { watch, progress, deadline } = request;
  const { announced, received } = progress;
  if (watch.fired.deadline) {
    return { kind: 'deadline', scope: deadline.scope, ms: deadline.ms, received, expected: announced };
  }
  if (watch.fired.timeout) return { kind: 'timeout', ms: request.policy.timeoutMs };
  if (announced !== null && received < announced) return { kind: 'truncated', received, expected: announced };
  const codes = errorCodes(error);
  // A server that sends a few bytes and closes at once makes fetch() itself fail, before Content-Length can be
  // read: with a size announced by data.gouv.fr, that is a truncated download, said as such.
  const expected = request.options.expectedBytes;
  if (announced === null && expected && codes.some((c) => CLOSED_EARLY.has(c))) {
    return { kind: 'truncated', received: null, expected };
  }
  const unreachable = codes.find((c) => UNREACHABLE.has(c));
  if (unreachable) return { kind: 'unreachable', host: new URL(request.url).host, code: unreachable };
  return { kind: 'network', code: codes[0] ?? (error instanceof Error ? error.message : String(error)) };
}

/** The system error codes in an error's cause chain (undici wraps them, sometimes in an AggregateError). */
function errorCodes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 5) return [];
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof e.code === 'string' ? [e.code] : [];
  const nested = Array.isArray(e.errors) ? e.errors.flatMap((x) => errorCodes(x, depth + 1)) : [];
  return [...own, ...nested, ...errorCodes(e.cause, depth + 1)];
}
