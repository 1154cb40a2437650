import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../server/config.ts';
import { headerProblem, ImportFileError, readHeader } from '../server/modules/imports/csv-source.ts';
import {
  CONVERSATION_IMPORT_COLUMNS,
  IMPORT_KINDS,
  type ImportIssue,
  type ImportKind,
  type ImportSummary,
  RESPONSE_IMPORT_COLUMNS,
} from '../shared/contracts/exports.ts';
import { UsageError, validateArgs } from './args.ts';
import { importCommand } from './commands/import.ts';
import { parseKindCommand } from './kind-args.ts';
import { printJson, printLines } from './output.ts';
import { describeRoute, runCommand } from './runner.ts';

export const IMPORT_HELP = `Usage: koe import conversations|responses FILE.csv --workspace ID [options]

Imports history from a CSV file (UTF-8, header on line 1), idempotently by
external_id: running the same file again creates nothing; a changed row updates
the stored one. Bad rows are reported (line, field, message) and skipped; good
rows are kept. While \`koe serve\` runs, the server reads FILE from its path.

Options:
  --workspace ID     the workspace to import into (required)
  --errors OUT.csv   write the rejected rows as line,field,message
  --json             print the summary as one JSON object

conversations columns:
  ${CONVERSATION_IMPORT_COLUMNS.join(', ')}
responses columns:
  ${RESPONSE_IMPORT_COLUMNS.join(', ')}

Exit codes: 0 done (even with rejected rows), 1 failed, 2 called wrongly.`;

const SHOWN = 50;

/** The file exists and its header fits the kind: mistakes found here never reach the database. */
async function checkFile(kind: ImportKind, file: string): Promise<void> {
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new UsageError(`${file}: no such file.`, IMPORT_HELP);
  }
  if (!isFile) throw new UsageError(`${file} is not a file.`, IMPORT_HELP);
  try {
    const problem = headerProblem(kind, await readHeader(file));
    if (problem) throw new UsageError(`${file}: ${problem}`, IMPORT_HELP);
  } catch (error) {
    if (error instanceof ImportFileError) throw new UsageError(error.message, IMPORT_HELP);
    throw error;
  }
}

const describeIssue = (issue: ImportIssue) => `  line ${issue.line}  ${issue.field}: ${issue.message}`;

export async function importCli(argv: string[]): Promise<void> {
  const command = parseKindCommand(argv, {
    verb: 'import',
    kinds: IMPORT_KINDS,
    operands: 1,
    options: { workspace: { type: 'string' }, errors: { type: 'string' } },
    usage: IMPORT_HELP,
  });
  if (!command) {
    printLines(IMPORT_HELP);
    return;
  }
  const { flags, kind } = command;
  const [file] = command.operands;
  if (!file) throw new UsageError('Missing the CSV file to import.', IMPORT_HELP);
  const args = validateArgs(
    importCommand.args,
    {
      kind,
      file: resolve(file),
      workspaceId: flags.workspace,
      errors: flags.errors ? resolve(flags.errors) : undefined,
    },
    IMPORT_HELP,
    (key) => (key === 'workspaceId' ? '--workspace' : key === 'file' ? 'FILE' : `--${key}`),
  );
  await checkFile(args.kind, args.file);
  const config = loadConfig();
  const { result, route } = await runCommand<typeof args, ImportSummary>(
    config,
    importCommand,
    args,
    `import ${args.kind}`,
  );
  if (flags.json) {
    printJson(result);
    return;
  }
  printLines(
    `Imported ${result.rows} ${args.kind} rows into workspace ${result.workspaceId} in ${result.seconds} s${describeRoute(route)}:`,
    `  created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, rejected ${result.rejected}`,
  );
  if (result.errors.length) {
    printLines('Rejected rows (skipped):', ...result.errors.slice(0, SHOWN).map(describeIssue));
  }
  if (result.warnings.length) {
    printLines('Warnings (rows kept):', ...result.warnings.slice(0, SHOWN).map(describeIssue));
  }
  const hidden = result.errors.length + result.warnings.length > 2 * SHOWN || result.truncated;
  printLines(
    hidden && !args.errors && 'More rows than shown: run again with --errors OUT.csv (or --json) to see every one.',
    args.errors && result.rejected > 0 && `Every rejected row is in ${args.errors}.`,
  );
}
