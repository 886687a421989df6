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
import { LIMITS } from '../lib/limits.ts';
import type { Manifest, TableLock } from '../lib/manifest.ts';
import { tableNames, tables, type TableName } from '../lib/tables.ts';
import { manifestPathOf } from '../load/paths.ts';
import { withFolderLock } from './folder-lock.ts';
import {
  commit,
  completeInterruptedUpdate,
  discardLeftovers,
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
    return work(new Update(dir, startedAt, fx));
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

  /** Writes the new file of `table` beside the old one; nothing reads it until {@link commit}. */
  async stageTable(table: TableName, bytes: Uint8Array): Promise<void> {
    this.staged.push(await stage(this.dir, join('snapshot', tables[table].file), bytes, this.fx));
    this.tables[table] = bytes;
  }

  /** Throws away everything staged: nothing of it will be put in place. */
  async discard(): Promise<void> {
    for (const entry of this.staged.splice(0)) await this.fx.fs.rm(join(this.dir, entry.staged), { force: true });
    for (const table of Object.keys(this.tables) as TableName[]) delete this.tables[table];
  }

  /**
   * Puts the staged files and `manifest` in place at once, with the report and history entry `record` asks for
   * (none when null). Returns the lines that tell what was recorded.
   */
  async commit(manifest: Manifest, record: UpdateRecord | null): Promise<string[]> {
    if (!record && !this.hasStaged) {
      // The manifest alone: one file, replaced in one step.
      await writeAtomically(manifestPathOf(this.dir), stableJson(manifest), this.fx);
      return [];
    }
    const lines = record ? await this.stageRecord(manifest, record) : [];
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

/** The bytes of all the tables' files together, when beyond what the site accepts (../lib/limits.ts); else null. */
export function oversizedSnapshot(locks: Partial<Record<TableName, Pick<TableLock, 'bytes'>>>): number | null {
  const total = tableNames.reduce((n, name) => n + (locks[name]?.bytes ?? 0), 0);
  return total > LIMITS.bytesPerSnapshot ? total : null;
}
