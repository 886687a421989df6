import { runCli } from './lib/cli.ts';
import { lockData } from './lib/lock.ts';

await runCli(async () => {
  await lockData();
  return 0;
});
