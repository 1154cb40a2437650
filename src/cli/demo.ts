import { loadConfig } from '../server/config.ts';
import { numeric, parseFlags, toFlag, validateArgs } from './args.ts';
import { type DemoCommandResult, demo } from './commands/demo.ts';
import { DEMO_HELP } from './help.ts';
import { printJson, printLines } from './output.ts';
import { describeRoute, runCommand, serverUrl } from './runner.ts';

export async function demoCli(argv: string[]): Promise<void> {
  const flags = parseFlags(
    argv,
    {
      days: { type: 'string' },
      conversations: { type: 'string' },
      workspace: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
    },
    DEMO_HELP,
  );
  if (flags.help) {
    printLines(DEMO_HELP);
    return;
  }
  const args = validateArgs(
    demo.args,
    {
      days: numeric(flags.days),
      conversations: numeric(flags.conversations),
      workspaceId: flags.workspace,
      seed: flags.seed,
      now: flags.now,
    },
    DEMO_HELP,
    (key) => (key === 'workspaceId' ? '--workspace' : toFlag(key)),
  );
  const config = loadConfig();
  const { result, route } = await runCommand<typeof args, DemoCommandResult>(config, demo, args, 'demo');
  if (flags.json) {
    printJson(result);
    return;
  }
  const rate = result.seconds > 0 ? Math.round(result.conversations / result.seconds) : result.conversations;
  printLines(
    `Demo data ready in workspace ${result.workspaceId}${describeRoute(route)}:`,
    `  ${result.conversations} conversations, ${result.messages} messages, ${result.contacts} contacts, ${result.companies} companies,\n  ${result.surveys} surveys with ${result.responses} responses`,
    `  in ${result.seconds} s (${rate} conversations/s)`,
    result.login && `Log in at ${serverUrl(config, route)} as ${result.login.email} / ${result.login.password}`,
    !result.login && 'Demo agents were added to the workspace with random passwords (reset them to log in as them).',
  );
}
