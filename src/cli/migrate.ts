import { loadConfig } from '../server/config.ts';
import { parseFlags, validateArgs } from './args.ts';
import { migrate } from './commands/migrate.ts';
import { MIGRATE_HELP } from './help.ts';
import { printJson, printLines } from './output.ts';
import { describeRoute, runCommand } from './runner.ts';

export async function migrateCli(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {}, MIGRATE_HELP);
  if (flags.help) {
    printLines(MIGRATE_HELP);
    return;
  }
  const args = validateArgs(migrate.args, {}, MIGRATE_HELP);
  const { result, route } = await runCommand<typeof args, { migrated: true; engine: string }>(
    loadConfig(),
    migrate,
    args,
    'migrate',
  );
  if (flags.json) printJson({ migrated: result.migrated });
  else printLines(`Database is up to date (${result.engine})${describeRoute(route)}.`);
}
