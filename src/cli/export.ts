import { randomBytes } from 'node:crypto';
import { createReadStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../server/config.ts';
import { EXPORT_KINDS } from '../shared/contracts/exports.ts';
import { UsageError, validateArgs } from './args.ts';
import { type ExportResult, exportCommand } from './commands/export.ts';
import { parseKindCommand } from './kind-args.ts';
import { printJson, printLines } from './output.ts';
import { describeRoute, runCommand } from './runner.ts';

export const EXPORT_HELP = `Usage: koe export conversations|responses --workspace ID [options]

Writes a CSV export (UTF-8): conversations one row per care cycle with their
durations and latest scores, or survey responses (which \`koe import responses\`
reads back). Timestamps are ISO 8601 UTC.

Options:
  --workspace ID        the workspace (required)
  --from YYYY-MM-DD     first day, in the workspace time zone (conversations by
  --to YYYY-MM-DD       creation, responses by submission); both inclusive
  --out FILE            write to FILE instead of stdout
  --bom                 start with a UTF-8 byte order mark (for Excel)
  --json                with --out: print {"kind","workspaceId","rows","bytes","out"}`;

export async function exportCli(argv: string[]): Promise<void> {
  const command = parseKindCommand(argv, {
    verb: 'export',
    kinds: EXPORT_KINDS,
    operands: 0,
    options: {
      workspace: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      bom: { type: 'boolean' },
    },
    usage: EXPORT_HELP,
  });
  if (!command) {
    printLines(EXPORT_HELP);
    return;
  }
  const { flags, kind } = command;
  if (flags.json && !flags.out) throw new UsageError('--json needs --out (stdout carries the CSV).', EXPORT_HELP);
  // Without --out the server (or this process) writes a private temporary file that is then copied to stdout.
  const temporary = flags.out ? null : join(tmpdir(), `koe-export-${randomBytes(8).toString('hex')}.csv`);
  const args = validateArgs(
    exportCommand.args,
    {
      kind,
      workspaceId: flags.workspace,
      from: flags.from,
      to: flags.to,
      out: temporary ?? resolve(flags.out ?? ''),
      bom: flags.bom ?? false,
    },
    EXPORT_HELP,
    (key) => (key === 'workspaceId' ? '--workspace' : `--${key}`),
  );
  const config = loadConfig();
  try {
    const { result, route } = await runCommand<typeof args, ExportResult>(
      config,
      exportCommand,
      args,
      `export ${args.kind}`,
    );
    if (temporary) {
      await pipeline(createReadStream(temporary), process.stdout, { end: false });
      return;
    }
    if (flags.json) {
      printJson(result);
      return;
    }
    printLines(`Exported ${result.rows} ${result.kind} rows to ${result.out}${describeRoute(route)}.`);
  } finally {
    if (temporary) rmSync(temporary, { force: true });
  }
}
