import { runCli } from './lib/cli.ts';
import { diffCommand } from './lib/data-diff.ts';

await runCli((args) => diffCommand(args));
