import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { ImportStopped, runImport } from '../../server/modules/imports/run-import.ts';
import { ImportKind, type ImportSummary } from '../../shared/contracts/exports.ts';
import { CommandAbortedError, defineCommand } from './command.ts';

/** Absolute, because the server holding the data directory reads the file (see README "Import and export"). */
const AbsolutePath = z
  .string('is required')
  .min(1, 'must not be empty')
  .max(4096)
  .refine((path) => isAbsolute(path), 'must be an absolute path');

export const ImportArgs = z.object({
  kind: ImportKind,
  file: AbsolutePath,
  workspaceId: z.uuid('must be a workspace id (a UUID)'),
  /** Where to write the rejected rows (line,field,message). */
  errors: AbsolutePath.optional(),
});
export type ImportArgs = z.infer<typeof ImportArgs>;

/**
 * `koe import conversations|responses FILE`: the process that holds the database (the
 * running `koe serve`, or the CLI itself) reads the file from its path — both run on the
 * same machine — streaming it, and reports progress in rows through the admin channel.
 */
export const importCommand = defineCommand({
  name: 'import',
  args: ImportArgs,
  async run(app, args, progress): Promise<ImportSummary> {
    try {
      return await runImport(app.db, {
        workspaceId: args.workspaceId,
        kind: args.kind,
        path: args.file,
        errorsPath: args.errors ?? null,
        onProgress: progress.report,
        signal: progress.signal,
      });
    } catch (error) {
      if (error instanceof ImportStopped) throw new CommandAbortedError();
      throw error;
    }
  },
});
