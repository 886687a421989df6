import { runCli } from '../src/commands/cli.ts';
import { diffCommand } from '../src/commands/data-diff.ts';

await runCli((args) => diffCommand(args));
