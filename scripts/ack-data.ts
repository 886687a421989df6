import { runCli } from '../src/commands/cli.ts';
import { ackCommand } from '../src/commands/ack.ts';

await runCli((args) => ackCommand(args));
