import { type SQL, sql } from 'drizzle-orm';
import { MAX_SECONDS } from '../../../../shared/metrics/histogram.ts';
import type { Tx } from '../../../db/client.ts';
import type { MetricsContext } from '../context.ts';
import type { Period } from '../period.ts';
import {
  createdSource,
  DURATION_FIGURES,
  durationSource,
  invitationsSource,
  resolvedCyclesSource,
  resolvedVolumeSource,
  responsesSource,
} from '../sources.ts';

/**
 * Rebuilds the daily rollups of some local days from the raw tables, through the very
 * sources the raw figures are computed from (sources.ts), so a rollup can never define a
 * figure differently. Each source row is counted once per dimension value it has: the
 * total ('all'), its channel, agent, team, company, touchpoint and each of its tags —
 * with '' for "none", as the raw group keys.
 */

const ROLLUP_TABLES = [
  'rollup_responses_daily',
  'rollup_resolved_daily',
  'rollup_created_hourly',
  'rollup_invitations_daily',
  'rollup_conversations_daily',
  'rollup_durations_daily',
] as const;

/** The dimension values of a source row `d`, as rows `x(dimension, dim_value)`. */
function dimensionValues(withTouchpoint: boolean): SQL {
  const touchpoint = withTouchpoint ? sql`union all select 'touchpoint', coalesce(d.touchpoint, '')` : sql``;
  return sql`cross join lateral (
      select 'all'::text as dimension, ''::text as dim_value
      union all select 'channel', coalesce(d.channel, '')
      union all select 'agent', coalesce(d.agent_id::text, '')
      union all select 'team', coalesce(d.team_id::text, '')
      union all select 'company', coalesce(d.company_id::text, '')
      ${touchpoint}
      union all select 'tag', tag.value from unnest(d.tags) as tag(value)) x`;
}

const localDay = (ctx: MetricsContext) => sql`(d.at at time zone ${ctx.timeZone})::date`;

/**
 * The SQL twin of `durationBucket` (src/shared/metrics/histogram.ts) over whole seconds `v`:
 * the bit length comes from a float logarithm, corrected by one where rounding misses a power of two.
 */
const bucketOf = (v: SQL) => sql`(case when ${v} < 128 then ${v} else
  ${v} >> b.shift << b.shift end)`;
const shiftOf = (v: SQL) => sql`cross join lateral (select greatest(0, e.bits - 7) as shift from (
    select floor((ln(greatest(${v}, 1)::float8) / ln(2::float8)))::int
      + case when (1::bigint << (floor((ln(greatest(${v}, 1)::float8) / ln(2::float8)))::int + 1)) <= ${v} then 1
             when (1::bigint << floor((ln(greatest(${v}, 1)::float8) / ln(2::float8)))::int) > ${v} then -1 else 0 end
      + 1 as bits) e) b`;

/** What dimensionValues reads of a source row. */
const DIMENSION_COLUMNS = ['channel', 'agent_id', 'team_id', 'company_id', 'touchpoint', 'tags'];

/**
 * A source's rows folded by local day, by what the dimensions read and by `keys` first, with
 * `measures` summed per group: a busy day (tens of thousands of invitations) then expands a
 * few groups into dimension values, not every row (five times faster on PGlite at 60 000).
 */
function folded(ctx: MetricsContext, source: SQL, keys: SQL[], measures: SQL): SQL {
  const columns = [sql`${localDay(ctx)} as day`, ...DIMENSION_COLUMNS.map((c) => sql.raw(`d.${c}`)), ...keys];
  return sql`(select ${sql.join(columns, sql`, `)}, ${measures}
      from (${source}) d
     group by ${sql.raw(columns.map((_, i) => i + 1).join(', '))})`;
}

async function buildResponses(tx: Tx, ctx: MetricsContext, period: Period): Promise<void> {
  const responses = responsesSource(ctx, period);
  await tx.execute(sql`
    insert into rollup_responses_daily (workspace_id, dimension, dim_value, day, kind, score, responses)
    select ${ctx.workspaceId}, x.dimension, x.dim_value, d.day, d.kind, d.score, sum(d.responses)
      from ${folded(ctx, responses.sql, [sql`d.kind`, sql`coalesce(d.score, -1) as score`], sql`count(*) as responses`)} d
           ${dimensionValues(true)}
     group by 2, 3, 4, 5, 6`);
  const invitations = invitationsSource(ctx, period);
  await tx.execute(sql`
    insert into rollup_invitations_daily (workspace_id, dimension, dim_value, day, delivered, responded)
    select ${ctx.workspaceId}, x.dimension, x.dim_value, d.day, sum(d.delivered), sum(d.responded)
      from ${folded(ctx, invitations.sql, [], sql`count(*) as delivered, count(*) filter (where d.responded) as responded`)} d
           ${dimensionValues(true)}
     group by 2, 3, 4`);
}

/**
 * Conversations opened (a creation, or a reopen starting a later cycle) and cycles resolved,
 * attributed as the conversation is (like the backlog): the backlog at the end of a day is
 * Σ (opened − closed) of every day up to it.
 */
function flowSource(ctx: MetricsContext, period: Period, kind: 'opened' | 'closed'): SQL {
  const from = sql`(${period.from}::date::timestamp at time zone ${ctx.timeZone})`;
  const to = sql`((${period.to}::date + 1)::timestamp at time zone ${ctx.timeZone})`;
  const columns = sql`c.channel, c.assignee_id as agent_id, c.team_id, c.company_id, c.tags`;
  if (kind === 'opened') {
    return sql`select c.created_at as at, ${columns} from conversations c
       where c.workspace_id = ${ctx.workspaceId} and c.created_at >= ${from} and c.created_at < ${to}
      union all
      select cy.started_at, ${columns}
        from conversation_cycles cy
        join conversations c on c.workspace_id = cy.workspace_id and c.id = cy.conversation_id
       where cy.workspace_id = ${ctx.workspaceId} and cy.cycle > 1 and cy.started_at >= ${from} and cy.started_at < ${to}`;
  }
  return sql`select cy.resolved_at as at, ${columns}
      from conversation_cycles cy
      join conversations c on c.workspace_id = cy.workspace_id and c.id = cy.conversation_id
     where cy.workspace_id = ${ctx.workspaceId} and cy.resolved_at >= ${from} and cy.resolved_at < ${to}`;
}

async function buildConversations(tx: Tx, ctx: MetricsContext, period: Period): Promise<void> {
  const created = createdSource(ctx, period);
  await tx.execute(sql`
    insert into rollup_created_hourly (workspace_id, dimension, dim_value, day, hour, created)
    select ${ctx.workspaceId}, x.dimension, x.dim_value, ${localDay(ctx)},
           extract(hour from d.at at time zone ${ctx.timeZone}), count(*)
      from (${created.sql}) d ${dimensionValues(false)}
     group by 2, 3, 4, 5`);
  const rates = resolvedCyclesSource(ctx, period);
  // Every part yields the same columns; the outer query sums them per day and dimension value.
  const part = (source: SQL, columns: Record<string, SQL>) => {
    const value = (name: string) => columns[name] ?? sql`0`;
    return sql`select x.dimension, x.dim_value, ${localDay(ctx)} as day,
        ${value('created')} as created, ${value('resolved_cycles')} as resolved_cycles,
        ${value('one_touch')} as one_touch, ${value('reopened')} as reopened, ${value('fcr_total')} as fcr_total,
        ${value('fcr_count')} as fcr_count, ${value('opened')} as opened, ${value('closed')} as closed
      from (${source}) d ${dimensionValues(false)}`;
  };
  const one = sql`1`;
  const flag = (column: string) => sql`(${sql.raw(`d.${column}`)})::int`;
  await tx.execute(sql`
    insert into rollup_conversations_daily (workspace_id, dimension, dim_value, day, created, resolved_cycles,
      one_touch, reopened, fcr_total, fcr_count, opened, closed)
    select ${ctx.workspaceId}, p.dimension, p.dim_value, p.day, sum(p.created), sum(p.resolved_cycles),
           sum(p.one_touch), sum(p.reopened), sum(p.fcr_total), sum(p.fcr_count), sum(p.opened), sum(p.closed)
      from (
        ${part(created.sql, { created: one })}
        union all ${part(rates.sql, {
          resolved_cycles: one,
          one_touch: flag('one_touch'),
          reopened: flag('reopened'),
          fcr_total: flag('fcr_eligible'),
          fcr_count: flag('fcr'),
        })}
        union all ${part(flowSource(ctx, period, 'opened'), { opened: one })}
        union all ${part(flowSource(ctx, period, 'closed'), { closed: one })}
      ) p
     group by 2, 3, 4`);
}

/**
 * Distinct conversations resolved per day, keyed by the day of the same conversation's
 * previous resolution within the same dimension value (from its whole history, so the
 * key is right whatever days are rebuilt).
 */
async function buildResolved(tx: Tx, ctx: MetricsContext, period: Period): Promise<void> {
  const history = resolvedVolumeSource(ctx, { from: '1900-01-01', to: period.to });
  const from = sql`(${period.from}::date::timestamp at time zone ${ctx.timeZone})`;
  const to = sql`((${period.to}::date + 1)::timestamp at time zone ${ctx.timeZone})`;
  await tx.execute(sql`
    insert into rollup_resolved_daily (workspace_id, dimension, dim_value, day, previous_day, conversations)
    select ${ctx.workspaceId}, r.dimension, r.dim_value, r.day, coalesce(r.previous_day, '0001-01-01'::date), count(*)
      from (
        select t.dimension, t.dim_value, t.day,
               lag(t.day) over (partition by t.conversation_id, t.dimension, t.dim_value order by t.day) as previous_day
          from (
            select distinct d.conversation_id, x.dimension, x.dim_value, ${localDay(ctx)} as day
              from (${history.sql}) d ${dimensionValues(false)}
             where d.conversation_id in (
               select rc.conversation_id from conversation_cycles rc
                where rc.workspace_id = ${ctx.workspaceId} and rc.resolved_at >= ${from} and rc.resolved_at < ${to})
          ) t
      ) r
     where r.day between ${period.from}::date and ${period.to}::date
     group by 2, 3, 4, 5`);
}

/**
 * A bucket `b` (count, min, max) as stored (src/shared/metrics/histogram.ts reads it back):
 * one value as itself, two as both, more as −count, min and max, in big-endian int4.
 */
const HISTOGRAM_ENTRY = sql`case b.count when 1 then int4send(b.min::int)
    when 2 then int4send(b.min::int) || int4send(b.max::int)
    else int4send(-b.count::int) || int4send(b.min::int) || int4send(b.max::int) end`;

/**
 * One row per day, dimension value and figure: the exact count and sum of its whole seconds
 * and its histogram — the occupied buckets (see `bucketOf`) in ascending order.
 */
async function buildDurations(tx: Tx, ctx: MetricsContext, period: Period): Promise<void> {
  for (const businessHours of [false, true]) {
    const clock = { ...ctx, businessHours };
    for (const figure of DURATION_FIGURES) {
      const source = durationSource(clock, period, figure);
      const metric = businessHours ? `${figure}_business` : figure;
      // The bucket is worked out once per duration, before the row is repeated per dimension value.
      const whole = sql`greatest(floor(s.seconds), 0)::bigint`;
      const value = sql`least(${whole}, ${sql.raw(String(MAX_SECONDS))})`;
      await tx.execute(sql`
        insert into rollup_durations_daily (workspace_id, dimension, dim_value, day, metric, count, total, histogram)
        select ${ctx.workspaceId}, b.dimension, b.dim_value, b.day, ${metric}, sum(b.count), sum(b.total),
               string_agg(${HISTOGRAM_ENTRY}, ''::bytea order by b.min)
          from (
            select x.dimension, x.dim_value, ${localDay(ctx)} as day, d.bucket,
                   count(*) as count, sum(d.whole) as total, min(d.value) as min, max(d.value) as max
              from (select s.*, ${whole} as whole, ${value} as value, ${bucketOf(value)} as bucket
                      from (${source.sql}) s ${shiftOf(value)}) d ${dimensionValues(false)}
             group by 1, 2, 3, 4) b
         group by 2, 3, 4`);
    }
  }
}

/** Replaces the rollups of the local days `period` (inclusive) with fresh ones. */
export async function rebuildPeriod(tx: Tx, ctx: MetricsContext, period: Period): Promise<void> {
  for (const table of ROLLUP_TABLES) {
    await tx.execute(sql`delete from ${sql.identifier(table)}
      where workspace_id = ${ctx.workspaceId} and day between ${period.from}::date and ${period.to}::date`);
  }
  await buildResponses(tx, ctx, period);
  await buildConversations(tx, ctx, period);
  await buildResolved(tx, ctx, period);
  await buildDurations(tx, ctx, period);
}

/** Forgets every rollup of a workspace (before a rebuild of everything). */
export async function clearRollups(tx: Tx, workspaceId: string): Promise<void> {
  for (const table of ROLLUP_TABLES) {
    await tx.execute(sql`delete from ${sql.identifier(table)} where workspace_id = ${workspaceId}`);
  }
}
