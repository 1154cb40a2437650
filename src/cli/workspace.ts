import { loadConfig } from '../server/config.ts';
import { parseFlags, UsageError, validateArgs } from './args.ts';
import { toJsonResult, type WorkspaceCreateOutcome, workspaceCreate } from './commands/workspace-create.ts';
import { WORKSPACE_CREATE_HELP } from './help.ts';
import { printJson, printLines } from './output.ts';
import { describeRoute, runCommand, serverUrl } from './runner.ts';

export async function workspaceCli(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    printLines(WORKSPACE_CREATE_HELP);
    return;
  }
  if (sub !== 'create') {
    throw new UsageError(
      sub ? `Unknown workspace command "${sub}".` : 'Missing workspace command.',
      WORKSPACE_CREATE_HELP,
    );
  }
  const flags = parseFlags(
    rest,
    {
      name: { type: 'string' },
      'owner-email': { type: 'string' },
      'owner-name': { type: 'string' },
      'owner-password': { type: 'string' },
      'time-zone': { type: 'string' },
      locale: { type: 'string' },
    },
    WORKSPACE_CREATE_HELP,
  );
  if (flags.help) {
    printLines(WORKSPACE_CREATE_HELP);
    return;
  }
  const args = validateArgs(
    workspaceCreate.args,
    {
      name: flags.name,
      ownerEmail: flags['owner-email'],
      ownerName: flags['owner-name'],
      ownerPassword: flags['owner-password'],
      timeZone: flags['time-zone'],
      locale: flags.locale,
    },
    WORKSPACE_CREATE_HELP,
  );
  const config = loadConfig();
  const { result, route } = await runCommand<typeof args, WorkspaceCreateOutcome>(
    config,
    workspaceCreate,
    args,
    'workspace',
  );
  if (flags.json) {
    printJson(toJsonResult(result));
    return;
  }
  const url = serverUrl(config, route);
  printLines(
    `Created workspace "${result.name}" (${result.workspaceId})${describeRoute(route)}.`,
    `Owner:   ${result.ownerEmail} (${result.ownerId})`,
    result.ownerPassword &&
      `Password: ${result.ownerPassword}  (generated because --owner-password was not given: it is shown only now; change it after logging in)`,
    result.ownerExisted && `${result.ownerEmail} already had an account: it joined as owner and keeps its password.`,
    `API key: ${result.apiKey}  (admin role; shown only now)`,
    `Log in:  ${url}`,
    `Try:     curl -H "Authorization: Bearer ${result.apiKey}" ${url}/api/v1/workspace`,
  );
}
