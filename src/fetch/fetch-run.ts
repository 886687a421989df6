/**
 * What one run of `npm run fetch` carries from the dataset to each table: the folder's update in progress
 * (../update/transaction.ts), the manifest before it, the HTTP policy and the run's deadline.
 */
import { sources } from '../../data/sources.ts';
import type { Effects } from '../effects.ts';
import type { Manifest } from '../lib/manifest.ts';
import { readManifest } from '../load/snapshot-io.ts';
import type { Update } from '../update/transaction.ts';
import { ruleOfBase, type AddressRule } from './addresses.ts';
import { defaultPolicy, type HttpFailure, type HttpPolicy } from './http.ts';
import { explainHttp, formatSeconds } from './messages.ts';

export interface FetchOptions {
  /** Data folder (data/ by default, or EIG_DATA_DIR). */
  dir?: string;
  /** Exit code 2 when a table could not be updated, 3 when nothing could be reached, 4 when a report awaits review. */
  strict?: boolean;
  /** `deadlineMs` (one download) defaults to {@link DOWNLOAD_DEADLINE_FACTOR} times `timeoutMs`. */
  policy?: Partial<HttpPolicy>;
  /** The whole run's deadline; defaults to {@link RUN_DEADLINE_FACTOR} times `timeoutMs`. */
  deadlineMs?: number;
  /**
   * Writes the report and the history entry of an update with it, and heeds the reports awaiting review: what
   * `npm run fetch` does. Left out, the download and its transaction run alone.
   */
  record?: boolean;
  /**
   * Resources no table maps to keep aside in data/unmapped/, by id, or all of them (`all`); by default none is
   * downloaded (./unmapped.ts).
   */
  keep?: readonly string[];
}

/** The deadlines follow the inactivity timeout unless given: `--timeout 5` gives up a dripping server within a minute. */
export const DOWNLOAD_DEADLINE_FACTOR = 6;
export const RUN_DEADLINE_FACTOR = 12;

export function resolvePolicy(partial: Partial<HttpPolicy> = {}): HttpPolicy {
  const timeoutMs = partial.timeoutMs ?? defaultPolicy.timeoutMs;
  return { ...defaultPolicy, deadlineMs: DOWNLOAD_DEADLINE_FACTOR * timeoutMs, ...partial };
}

/** The whole run's deadline: given, or following the inactivity timeout. */
export function runDeadlineOf(options: Pick<FetchOptions, 'policy' | 'deadlineMs'>): number {
  return options.deadlineMs ?? RUN_DEADLINE_FACTOR * (options.policy?.timeoutMs ?? defaultPolicy.timeoutMs);
}

export interface FetchRun {
  update: Update;
  /** The folder's manifest before the run. */
  manifest: Manifest;
  /** The address of the data.gouv.fr API. */
  base: string;
  policy: HttpPolicy;
  /** What a download may reach (./addresses.ts): the API base's own address classes. */
  rule: AddressRule;
  /** Resources no table maps to keep aside: by id, or all. */
  keep: ReadonlySet<string> | 'all';
  /** The whole run's deadline: when it ends (a `performance.now()` instant) and how long it was. */
  deadline: { endsAt: number; ms: number };
  strict: boolean;
  record: boolean;
  /** What becomes of the snapshot when nothing is replaced, as the messages say it. */
  kept: string;
}

export async function startRun(update: Update, options: FetchOptions): Promise<FetchRun> {
  const { dir, fx } = update;
  const ms = runDeadlineOf(options);
  const deadline = { endsAt: performance.now() + ms, ms };
  const manifest = await readManifest(dir, fx);
  const base = fx.env[sources.apiBaseEnv] || sources.apiBase;
  const keep = options.keep ?? [];
  return {
    update,
    manifest,
    base,
    policy: resolvePolicy(options.policy),
    rule: await ruleOfBase(base, fx),
    keep: keep.includes('all') ? 'all' : new Set(keep),
    deadline,
    strict: options.strict ?? false,
    record: options.record ?? false,
    kept: `l’instantané du ${manifest.snapshotDate} est gardé tel quel`,
  };
}

export const isRunOver = (failure: HttpFailure) => failure.kind === 'deadline' && failure.scope === 'run';

/** Says each wait between tries of `what` (a table, the dataset). */
export function retryLogger(what: string, policy: HttpPolicy, fx: Pick<Effects, 'log'>) {
  return (failure: HttpFailure, waitMs: number, nextAttempt: number) => {
    fx.log(
      `${what} : ${explainHttp(failure, 1).what} ; nouvel essai (${nextAttempt}/${policy.attempts}) dans ${formatSeconds(waitMs)}.`,
    );
  };
}
