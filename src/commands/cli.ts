/**
 * Runs a command-line entry point: its exit code, and any error as one line on stderr (no stack trace), its
 * control characters shown (../lib/printable.ts); a write the system refused names the file and what to do.
 */
import { realEffects } from '../effects.ts';
import { printable } from '../lib/printable.ts';
import { dataDir } from '../load/paths.ts';
import { explainWriteFailure } from '../update/write-failure.ts';

export async function runCli(main: (args: string[]) => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2).filter((a) => a !== '--'));
  } catch (error) {
    const message =
      (await explainWriteFailure(error, dataDir(process.env), realEffects)) ??
      (error instanceof Error ? error.message : String(error));
    process.stderr.write(`Erreur : ${printable(message)}\n`);
    process.exitCode = 1;
  }
}
