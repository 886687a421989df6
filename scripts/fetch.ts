import { runCli } from './lib/cli.ts';
import { fetchCommand } from './lib/fetch/command.ts';

await runCli((args) => fetchCommand(args));
