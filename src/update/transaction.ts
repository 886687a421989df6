/**
 * The data transaction: every command that writes a data folder goes through it (fetch, data:lock, data:ack,
 * data:diff's report). Opening it takes the folder's lock (./folder-lock.ts), finishes an update interrupted
 * after its commit point and throws away what one interrupted before it left (./journal.ts). New files are then
 * staged beside the old ones, held to the site's limits, and put in place at once with what records the update,
 * its report and its history entry (./record.ts): whatever happens, the folder holds the old state or the new
 * one, whole.
 */
import { join } from 'node:path';
import type { Effects } from '../effects.ts';
import { formatNumber } from '../lib/format.ts';
import { LIMITS, LIMITS_HINT, limitText } from '../lib/limits.ts';
import type { Manifest, TableLock } from '../lib/manifest.ts';
import { tableNames, tables, type TableName } from '../lib/tables.ts';
import { manifestPathOf } from '../load/paths.ts';
import { withFolderLock } from './folder-lock.ts';
import {
  commit,
  completeInterruptedUpdate,
  discardLeftovers,
  journalPathOf,
  stableJson,
  stage,
  writeAtomically,
  type JournalEntry,
} from './journal.ts';
import { recordFiles, type UpdateRecord } from './record.ts';

/** Runs `work` on the data folder `dir` opened for an update by `command` (« npm run fetch »). */
export async function runUpdate<T>(
  dir: string,
  command: string,
  fx: Effects,
  work: (update: Update) => Promise<T>,
): Promise<T> {
  const startedAt = fx.now().toISOString();
  return withFolderLock(dir, command, fx, async () => {
    await finishInterrupted(dir, fx);
    await discardLeftovers(dir, fx);
    const update = new Update(dir, startedAt, fx);
    try {
      return await work(update);
    } catch (error) {
      // A disk full or read-only half-way through staging: what was staged goes now, as far as it can (the next
      // update throws away whatever remains). After the commit point, the journal finishes it instead.
      await update.discard().catch(() => {});
      throw error;
    }
  });
}

/**
 * Runs `read` on the data folder `dir` as it stands between updates: its lock held (a snapshot read during
 * another writer's commit could be half old, half new), an interrupted update finished.
 */
export async function readFolder<T>(dir: string, command: string, fx: Effects, read: () => Promise<T>): Promise<T> {
  return withFolderLock(dir, command, fx, async () => {
    await finishInterrupted(dir, fx);
    return read();
  });
}

async function finishInterrupted(dir: string, fx: Effects): Promise<void> {
  const recovered = await completeInterruptedUpdate(dir, fx);
  if (recovered) fx.log(recovered);
}

/** An update in progress: what it stages, then puts in place at once. */
export class Update {
  /** The new files of the tables staged so far. */
  readonly tables: Partial<Record<TableName, Uint8Array>> = {};
  private readonly staged: JournalEntry[] = [];
  /** Bytes of the files kept aside (../fetch/unmapped.ts) staged so far. */
  private keptBytes = 0;

  constructor(
    readonly dir: string,
    /** When the update started (ISO 8601): its journal's and its history entry's date. */
    readonly startedAt: string,
    readonly fx: Effects,
  ) {}

  /** Whether anything is staged. */
  get hasStaged(): boolean {
    return this.staged.length > 0;
  }

  /** Bytes of the files kept aside so far: they count, with the tables, towards {@link updateCap}. */
  get keptAside(): number {
    return this.keptBytes;
  }

  /** Writes the new file of `table` beside the old one; nothing reads it until {@link commit}. */
  async stageTable(table: TableName, bytes: Uint8Array): Promise<void> {
    this.staged.push(await stage(this.dir, join('snapshot', tables[table].file), bytes, this.fx));
    this.tables[table] = bytes;
  }

  /**
   * Writes a file kept beside the snapshot (`path` relative to the data folder: a resource no table maps, kept
   * for inspection), put in place with the update; its bytes count towards {@link updateCap}.
   */
  async stageKept(path: string, bytes: Uint8Array): Promise<void> {
    this.staged.push(await stage(this.dir, path, bytes, this.fx));
    this.keptBytes += bytes.byteLength;
  }

  /** Writes the new version of any other file of the folder (`path` relative to it), put in place with the update. */
  async stageFile(path: string, data: Uint8Array | string): Promise<void> {
    this.staged.push(await stage(this.dir, path, data, this.fx));
  }

  /**
   * Throws away everything staged: nothing of it will be put in place. Past the commit point (a journal
   * written), nothing is thrown away: the journal needs the staged files to complete the update.
   */
  async discard(): Promise<void> {
    if (await journalWritten(this.dir, this.fx)) return;
    for (const entry of this.staged.splice(0)) await this.fx.fs.rm(join(this.dir, entry.staged), { force: true });
    for (const table of Object.keys(this.tables) as TableName[]) delete this.tables[table];
    this.keptBytes = 0;
  }

  /**
   * Puts the staged files and `manifest` (null: the manifest stays as it is) in place at once, with the report
   * and history entry `record` asks for (none when null). Returns the lines that tell what was recorded. Refuses,
   * before anything is put in place, an update beyond {@link updateCap}.
   */
  async commit(manifest: Manifest | null, record: UpdateRecord | null): Promise<string[]> {
    const over = manifest ? beyondUpdateCap(manifest.tables, this.keptBytes) : null;
    if (over !== null) {
      await this.discard();
      throw new Error(over);
    }
    if (!record && !this.hasStaged) {
      // The manifest alone: one file, replaced in one step.
      if (manifest) await writeAtomically(manifestPathOf(this.dir), stableJson(manifest), this.fx);
      return [];
    }
    const lines = record && manifest ? await this.stageRecord(manifest, record) : [];
    await commit(this.dir, manifest, this.staged, this.startedAt, this.fx);
    return lines;
  }

  /** Stages the report and history entry: an update that cannot be recorded is not put in place, nor left staged. */
  private async stageRecord(manifest: Manifest, record: UpdateRecord): Promise<string[]> {
    try {
      const recorded = await recordFiles(
        record,
        { dir: this.dir, date: this.startedAt, manifest, tables: this.tables },
        this.fx,
      );
      for (const file of recorded.files) this.staged.push(await stage(this.dir, file.path, file.data, this.fx));
      return recorded.lines;
    } catch (error) {
      await this.discard();
      throw error;
    }
  }
}

async function journalWritten(dir: string, fx: Effects): Promise<boolean> {
  try {
    await fx.fs.stat(journalPathOf(dir));
    return true;
  } catch {
    return false;
  }
}

/**
 * The one cap on what an update leaves in the data folder: the snapshot's tables and the files it keeps aside,
 * together, within what the site accepts for the snapshot (../lib/limits.ts). 200 resources of 1 MB each, kept
 * aside, once put 191 MB in data/unmapped/.
 */
export const updateCap = LIMITS.bytesPerSnapshot;

/** The line refusing an update whose tables and kept files would go beyond {@link updateCap}, or null. */
export function beyondUpdateCap(
  locks: Partial<Record<TableName, Pick<TableLock, 'bytes'>>>,
  keptBytes: number,
): string | null {
  const total = tablesBytes(locks) + keptBytes;
  if (total <= updateCap) return null;
  const kept = keptBytes > 0 ? ` et les fichiers gardés à part (${formatNumber(keptBytes)} octets)` : '';
  return `les tables${kept} feraient ${formatNumber(total)} octets, au-delà de ${limitText(updateCap)} pour l’instantané (${LIMITS_HINT}) : rien n’est remplacé`;
}

/** Bytes of all the tables' files together. */
export const tablesBytes = (locks: Partial<Record<TableName, Pick<TableLock, 'bytes'>>>) =>
  tableNames.reduce((n, name) => n + (locks[name]?.bytes ?? 0), 0);

/** The bytes of all the tables' files together, when beyond what the site accepts (../lib/limits.ts); else null. */
export function oversizedSnapshot(locks: Partial<Record<TableName, Pick<TableLock, 'bytes'>>>): number | null {
  const total = tablesBytes(locks);
  return total > LIMITS.bytesPerSnapshot ? total : null;
}
