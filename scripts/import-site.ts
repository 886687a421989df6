import { runCli } from '../src/commands/cli.ts';
import { importSiteCommand } from '../src/commands/import-site.ts';

await runCli((args) => importSiteCommand(args));
