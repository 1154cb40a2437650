import { sql } from 'drizzle-orm';
import type { MetricFilters, VolumeHeatmap } from '../../../shared/contracts/metrics.ts';
import type { Tx } from '../../db/client.ts';
import { loadContext } from './context.ts';
import { filterConditions } from './filters.ts';
import { createdSource } from './sources.ts';

/**
 * Conversations created in the period by local ISO weekday (1 = Monday … 7 = Sunday) and
 * hour in the workspace's time zone: always 168 cells, Monday 0:00 first.
 */
export async function volumeHeatmap(tx: Tx, workspaceId: string, filters: MetricFilters): Promise<VolumeHeatmap> {
  const ctx = await loadContext(tx, workspaceId, filters);
  const source = createdSource(ctx, { from: filters.from, to: filters.to });
  const result = await tx.execute<{ weekday: number; hour: number; created: number }>(sql`
    select extract(isodow from d.at at time zone ${ctx.timeZone})::int as weekday,
           extract(hour from d.at at time zone ${ctx.timeZone})::int as hour,
           count(*)::int as created
      from (${source.sql}) d
     where ${filterConditions(ctx)}
     group by 1, 2`);
  const counts = new Map(result.rows.map((row) => [`${row.weekday}:${row.hour}`, Number(row.created)]));
  const cells: VolumeHeatmap['cells'] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) cells.push({ weekday, hour, created: counts.get(`${weekday}:${hour}`) ?? 0 });
  }
  return { cells };
}
