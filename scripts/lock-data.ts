import { runCli } from '../src/commands/cli.ts';
import { lockData } from '../src/commands/lock.ts';

await runCli(async () => {
  await lockData();
  return 0;
});
