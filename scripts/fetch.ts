import { runCli } from '../src/commands/cli.ts';
import { fetchCommand } from '../src/commands/fetch.ts';

await runCli((args) => fetchCommand(args));
