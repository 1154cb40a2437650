import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { writeExportFile } from '../../server/modules/exports/service.ts';
import { ExportKind } from '../../shared/contracts/exports.ts';
import { LocalDate } from '../../shared/contracts/metrics.ts';
import { defineCommand } from './command.ts';

export const ExportArgs = z
  .object({
    kind: ExportKind,
    workspaceId: z.uuid('must be a workspace id (a UUID)'),
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    /** Absolute: the process holding the database writes the file (the CLI copies a temporary one to stdout). */
    out: z
      .string('is required')
      .min(1)
      .max(4096)
      .refine((path) => isAbsolute(path), 'must be an absolute path'),
    bom: z.boolean().default(false),
  })
  .refine((a) => !a.from || !a.to || a.from <= a.to, { message: 'must not be before --from', path: ['to'] });
export type ExportArgs = z.infer<typeof ExportArgs>;

export interface ExportResult {
  kind: ExportKind;
  workspaceId: string;
  rows: number;
  bytes: number;
  out: string;
}

/** `koe export conversations|responses`: the same CSV as GET /api/v1/exports/{kind}.csv, written to a file. */
export const exportCommand = defineCommand({
  name: 'export',
  args: ExportArgs,
  async run(app, args): Promise<ExportResult> {
    const written = await writeExportFile(
      app.db,
      args.workspaceId,
      args.kind,
      { from: args.from, to: args.to, bom: args.bom },
      args.out,
    );
    return { kind: args.kind, workspaceId: args.workspaceId, rows: written.rows, bytes: written.bytes, out: args.out };
  },
});
