import { loadConfig } from '../server/config.ts';
import { parseFlags, UsageError, validateArgs } from './args.ts';
import { type RollupsResult, rollupsRebuild } from './commands/rollups.ts';
import { ROLLUPS_HELP } from './help.ts';
import { printJson, printLines } from './output.ts';
import { describeRoute, runCommand } from './runner.ts';

/** `koe rollups rebuild --workspace ID [--changed]`: rebuild the daily rollups dashboards read. */
export async function rollupsCli(argv: string[]): Promise<void> {
  const [action, ...rest] = argv;
  const flags = parseFlags(rest, { workspace: { type: 'string' }, changed: { type: 'boolean' } }, ROLLUPS_HELP);
  if (flags.help || action === '--help' || action === '-h') {
    printLines(ROLLUPS_HELP);
    return;
  }
  if (action !== 'rebuild') throw new UsageError(`Unknown rollups action "${action ?? ''}".`, ROLLUPS_HELP);
  const args = validateArgs(
    rollupsRebuild.args,
    { workspaceId: flags.workspace, full: !flags.changed },
    ROLLUPS_HELP,
    (key) => (key === 'workspaceId' ? '--workspace' : `--${key}`),
  );
  const { result, route } = await runCommand<typeof args, RollupsResult>(
    loadConfig(),
    rollupsRebuild,
    args,
    'rollups rebuild',
  );
  if (flags.json) printJson(result);
  else
    printLines(
      `Rollups of workspace ${result.workspaceId} rebuilt${describeRoute(route)}: ${result.days} days in ${result.seconds} s${result.full ? '' : ' (changed days only)'}.`,
    );
}
