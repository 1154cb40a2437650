import { UsageError } from './args.ts';
import { CommandAbortedError } from './commands/command.ts';
import { demoCli } from './demo.ts';
import { exportCli } from './export.ts';
import { HELP } from './help.ts';
import { importCli } from './import.ts';
import { metricsCli } from './metrics.ts';
import { migrateCli } from './migrate.ts';
import { errorMessage, reserveStdoutForJson } from './output.ts';
import { rollupsCli } from './rollups.ts';
import { serveCli } from './serve.ts';
import { workspaceCli } from './workspace.ts';

const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  serve: (argv) => serveCli(argv, 'serve'),
  worker: (argv) => serveCli(argv, 'worker'),
  migrate: migrateCli,
  workspace: workspaceCli,
  demo: demoCli,
  metrics: metricsCli,
  import: importCli,
  export: exportCli,
  rollups: rollupsCli,
};

/** Exit codes: 0 done, 1 failed, 2 called wrongly (the message names the flag), 130 stopped by Ctrl-C. */
async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`Unknown command "${command}".`, HELP);
  if (rest.includes('--json')) reserveStdoutForJson();
  await run(rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`koe: ${error.message}\n${error.usage ? `\n${error.usage}\n` : ''}`);
    process.exit(2);
  }
  if (error instanceof CommandAbortedError) {
    process.stderr.write(`koe: ${error.message}\n`);
    process.exit(130);
  }
  process.stderr.write(`koe: ${errorMessage(error)}\n`);
  // A bug rather than a situation: show where, so it can be reported.
  const bug = error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError;
  if ((bug || process.env.KOE_DEBUG) && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
