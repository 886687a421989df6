import { compareBuildsCommand } from '../src/commands/compare-builds.ts';

process.exitCode = compareBuildsCommand(process.argv.slice(2));
