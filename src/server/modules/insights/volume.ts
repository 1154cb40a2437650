import { type SQL, sql } from 'drizzle-orm';
import type { MetricFilters, VolumeAnalysis } from '../../../shared/contracts/metrics.ts';
import { daysBetween } from '../../../shared/metrics/goals.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest } from '../../http/problem.ts';
import { getWorkspace } from '../workspaces/service.ts';
import { addDays, localToday, maxDay, minDay } from './dates.ts';
import { conversationConditions, withinLocalDays } from './filters.ts';
import { earliestNeededDay, findSpikes, forecastVolume, type HourCount } from './volume-math.ts';

const TOPIC_LIMIT = 50;

/**
 * Tags of the conversations created in from…to, most first, with the share of all created
 * conversations and the count of the previous period of the same length.
 */
async function topics(
  tx: Tx,
  where: SQL,
  timeZone: string,
  from: string,
  to: string,
): Promise<VolumeAnalysis['topics']> {
  const length = daysBetween(from, to) + 1;
  const previousFrom = addDays(from, -length);
  const previousTo = addDays(from, -1);
  const current = withinLocalDays(sql`c.created_at`, timeZone, from, to);
  const previous = withinLocalDays(sql`c.created_at`, timeZone, previousFrom, previousTo);
  const totals = await tx.execute<{ created: number }>(sql`
    select count(*)::int as created from conversations c where ${where} and ${current}`);
  const rows = await tx.execute<{ tag: string; created: number; previous: number }>(sql`
    select t.tag,
           count(*) filter (where ${current})::int as created,
           count(*) filter (where ${previous})::int as previous
      from conversations c cross join lateral unnest(c.tags) as t(tag)
     where ${where} and ${withinLocalDays(sql`c.created_at`, timeZone, previousFrom, to)}
     group by t.tag
    having count(*) filter (where ${current}) > 0
     order by 2 desc, 1
     limit ${TOPIC_LIMIT}`);
  const total = Number(totals.rows[0]?.created ?? 0);
  return rows.rows.map((row) => {
    const created = Number(row.created);
    const before = Number(row.previous);
    return {
      tag: row.tag,
      created,
      share_percent: total > 0 ? (100 * created) / total : 0,
      previous: before,
      change_percent: before > 0 ? (100 * (created - before)) / before : null,
    };
  });
}

/** Conversations created per local hour from `first` through `last`, grouped in SQL. */
async function hourCounts(tx: Tx, where: SQL, timeZone: string, first: string, last: string) {
  const local = sql`date_trunc('hour', c.created_at at time zone ${timeZone})`;
  const result = await tx.execute<{ hour: string; at: Date | string; created: number }>(sql`
    select to_char(${local}, 'YYYY-MM-DD"T"HH24') as hour,
           min(${local}) at time zone ${timeZone} as at,
           count(*)::int as created
      from conversations c
     where ${where} and ${withinLocalDays(sql`c.created_at`, timeZone, first, last)}
     group by 1`);
  return result.rows.map(
    (row): HourCount => ({ hour: row.hour, at: new Date(row.at).toISOString(), created: Number(row.created) }),
  );
}

/**
 * GET /metrics/volume: topics (tags) against the previous period, hours far above their
 * usual level, and next week's expected volume by day and hour (volume-math.ts).
 */
export async function analyzeVolume(tx: Tx, workspaceId: string, filters: MetricFilters): Promise<VolumeAnalysis> {
  if (filters.from > filters.to) throw badRequest('query.to', 'must be on or after from');
  const { timeZone } = await getWorkspace(tx, workspaceId);
  const where = await conversationConditions(tx, workspaceId, filters);
  // The forecast starts after `to`, or after today when `to` lies in the future.
  const anchor = minDay(filters.to, localToday(timeZone));
  const counts = await hourCounts(
    tx,
    where,
    timeZone,
    earliestNeededDay(filters.from, anchor),
    maxDay(filters.to, anchor),
  );
  return {
    topics: await topics(tx, where, timeZone, filters.from, filters.to),
    spikes: findSpikes(counts, filters.from, filters.to),
    forecast: forecastVolume(counts, anchor),
  };
}
