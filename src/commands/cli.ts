/** Runs a command-line entry point: its exit code, and any error as one line on stderr (no stack trace). */
export async function runCli(main: (args: string[]) => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2).filter((a) => a !== '--'));
  } catch (error) {
    process.stderr.write(`Erreur : ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
