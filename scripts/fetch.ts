import { runCli } from '../src/commands/cli.ts';
import { fetchCommand } from '../src/fetch/command.ts';

await runCli((args) => fetchCommand(args));
