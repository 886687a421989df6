import { runCli } from '../src/commands/cli.ts';
import { checkData } from '../src/commands/check.ts';

await runCli((args) => checkData(args));
