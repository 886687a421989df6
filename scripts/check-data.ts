import { runCli } from './lib/cli.ts';
import { checkData } from './lib/check.ts';

await runCli((args) => checkData(args));
