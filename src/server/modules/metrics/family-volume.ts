import { sql } from 'drizzle-orm';
import type { MetricGroupBy } from '../../../shared/contracts/metrics.ts';
import type { Tx } from '../../db/client.ts';
import type { MetricsContext } from './context.ts';
import { filterConditions, type Grouped, type GroupRow, groupJoin, splitGroups } from './filters.ts';
import { addDays, bucketsOf, isBucket, type Period } from './period.ts';
import { type BacklogEnd, backlogSource, createdSource, resolvedVolumeSource } from './sources.ts';

/**
 * Volume: conversations created in the period, distinct conversations with a cycle
 * resolved in it, and the backlog (unresolved) at its end — for time buckets, at the end
 * of each bucket.
 */
export interface VolumeCounts {
  created: number;
  resolved: number;
  backlog: number;
}

export const emptyVolume = (): VolumeCounts => ({ created: 0, resolved: 0, backlog: 0 });

interface FlowRow extends GroupRow {
  created: number;
  resolved: number;
}

interface BacklogRow extends GroupRow {
  backlog: number;
}

async function flows(tx: Tx, ctx: MetricsContext, period: Period, by: MetricGroupBy | null) {
  const created = createdSource(ctx, period);
  const resolved = resolvedVolumeSource(ctx, period);
  const result = await tx.execute<FlowRow>(sql`
    select g.total, g.key,
           count(distinct d.conversation_id) filter (where d.figure = 'created')::int as created,
           count(distinct d.conversation_id) filter (where d.figure = 'resolved')::int as resolved
      from ((${created.sql}) union all (${resolved.sql})) d
      ${groupJoin(ctx, created, by)}
     where ${filterConditions(ctx)}
     group by g.total, g.key`);
  return splitGroups(result.rows, (rows) => ({
    created: Number(rows[0]?.created ?? 0),
    resolved: Number(rows[0]?.resolved ?? 0),
  }));
}

async function backlog(tx: Tx, ctx: MetricsContext, period: Period, by: MetricGroupBy | null) {
  const total: BacklogEnd = { bucket: '', day: addDays(period.to, 1) };
  const buckets = isBucket(by) ? bucketsOf(period, by) : [];
  const source = backlogSource(ctx, [total, ...buckets.map((b) => ({ bucket: b.key, day: b.endExclusive }))]);
  // Time buckets each have their own end (the bucket column); dimensions group the one end.
  const groups = isBucket(by)
    ? sql`cross join lateral (values (d.bucket = '', nullif(d.bucket, ''))) as g(total, key)`
    : groupJoin(ctx, source, by);
  const result = await tx.execute<BacklogRow>(sql`
    select g.total, g.key, count(*)::int as backlog
      from (${source.sql}) d
      ${groups}
     where ${filterConditions(ctx)}
     group by g.total, g.key`);
  return splitGroups(result.rows, (rows) => Number(rows[0]?.backlog ?? 0));
}

export async function volumeCounts(
  tx: Tx,
  ctx: MetricsContext,
  period: Period,
  by: MetricGroupBy | null,
): Promise<Grouped<VolumeCounts>> {
  const flow = await flows(tx, ctx, period, by);
  const open = await backlog(tx, ctx, period, by);
  const keys = new Set([...flow.groups.keys(), ...open.groups.keys()]);
  const join = (f: { created: number; resolved: number } | undefined, b: number | undefined): VolumeCounts => ({
    created: f?.created ?? 0,
    resolved: f?.resolved ?? 0,
    backlog: b ?? 0,
  });
  return {
    total: join(flow.total, open.total),
    groups: new Map([...keys].map((key) => [key, join(flow.groups.get(key), open.groups.get(key))])),
  };
}
