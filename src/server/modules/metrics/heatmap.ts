import { sql } from 'drizzle-orm';
import type { MetricFilters, VolumeHeatmap } from '../../../shared/contracts/metrics.ts';
import type { Tx } from '../../db/client.ts';
import { loadContext } from './context.ts';
import { filterConditions } from './filters.ts';
import type { ComputeOptions } from './report.ts';
import { rollupHeatmap, rollupPlan } from './rollups/read.ts';
import { refreshRollups } from './rollups/refresh.ts';
import { createdSource } from './sources.ts';

/**
 * Conversations created in the period by local ISO weekday (1 = Monday … 7 = Sunday) and
 * hour in the workspace's time zone: always 168 cells, Monday 0:00 first.
 */
export async function volumeHeatmap(
  tx: Tx,
  workspaceId: string,
  filters: MetricFilters,
  options: ComputeOptions = {},
): Promise<VolumeHeatmap> {
  const ctx = await loadContext(tx, workspaceId, filters);
  const period = { from: filters.from, to: filters.to };
  const plan = options.source === 'raw' ? null : rollupPlan(ctx, null);
  let rows: { weekday: number; hour: number; created: number }[];
  if (plan) {
    await refreshRollups(tx, workspaceId, { context: ctx });
    rows = await rollupHeatmap(tx, ctx, plan, period);
  } else {
    const source = createdSource(ctx, period);
    const result = await tx.execute<{ weekday: number; hour: number; created: number }>(sql`
      select extract(isodow from d.at at time zone ${ctx.timeZone})::int as weekday,
             extract(hour from d.at at time zone ${ctx.timeZone})::int as hour,
             count(*)::int as created
        from (${source.sql}) d
       where ${filterConditions(ctx)}
       group by 1, 2`);
    rows = result.rows;
  }
  const counts = new Map(rows.map((row) => [`${row.weekday}:${row.hour}`, Number(row.created)]));
  const cells: VolumeHeatmap['cells'] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) cells.push({ weekday, hour, created: counts.get(`${weekday}:${hour}`) ?? 0 });
  }
  return { cells };
}
