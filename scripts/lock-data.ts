import { runCli } from '../src/commands/cli.ts';
import { lockCommand } from '../src/commands/lock.ts';

await runCli((args) => lockCommand(args));
