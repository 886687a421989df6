/** `npm run bench`: sizes, load times, Lighthouse and scale of the site, printed and written to bench/results.json. */
import { runCli } from './lib/cli.ts';
import { runBench } from './lib/bench.ts';

await runCli(runBench);
