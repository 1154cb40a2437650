import { z } from 'zod';
import { checkPeriod } from '../../server/modules/metrics/period.ts';
import { computeMetrics } from '../../server/modules/metrics/report.ts';
import { MetricsQuery, type MetricsReport } from '../../shared/contracts/metrics.ts';
import { defineCommand } from './command.ts';

/** `koe metrics`: the same MetricsReport as GET /api/v1/metrics, for one workspace. */
export const MetricsArgs = MetricsQuery.extend({
  workspaceId: z.uuid('must be a workspace id (a UUID)'),
}).superRefine(checkPeriod);
export type MetricsArgs = z.output<typeof MetricsArgs>;

export const metricsCommand = defineCommand({
  name: 'metrics',
  args: MetricsArgs,
  run(app, args): Promise<MetricsReport> {
    const { workspaceId, ...query } = args;
    return app.db.transaction((tx) => computeMetrics(tx, workspaceId, query));
  },
});
