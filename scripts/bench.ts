/** `npm run bench`: sizes, load times, Lighthouse and scale of the site, printed and written to bench/results.json. */
import { runCli } from '../src/commands/cli.ts';
import { runBench } from '../src/bench/bench.ts';

await runCli(runBench);
