import { z } from 'zod';
import { refreshRollups } from '../../server/modules/metrics/rollups/refresh.ts';
import { defineCommand } from './command.ts';

export const RollupsArgs = z.object({
  workspaceId: z.uuid('must be a workspace id (a UUID)'),
  /** Rebuild every day, not only the days writes touched since the last refresh. */
  full: z.boolean().default(true),
});

export interface RollupsResult {
  workspaceId: string;
  days: number;
  full: boolean;
  seconds: number;
}

export const rollupsRebuild = defineCommand({
  name: 'rollups-rebuild',
  args: RollupsArgs,
  async run(app, args, progress): Promise<RollupsResult> {
    const started = performance.now();
    const result = await refreshRollups(app.db, args.workspaceId, {
      force: args.full,
      onProgress: (done, total) => progress.report(done, total, 'days'),
    });
    return {
      workspaceId: args.workspaceId,
      ...result,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  },
});
