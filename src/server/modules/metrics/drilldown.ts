import { type SQL, sql } from 'drizzle-orm';
import type { DrilldownItem, DrilldownPage, DrilldownQuery } from '../../../shared/contracts/metrics.ts';
import type { Band } from '../../../shared/metrics/bands.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest } from '../../http/problem.ts';
import { loadContext, type MetricsContext } from './context.ts';
import { decodeDrilldownCursor, encodeDrilldownCursor } from './drilldown-cursor.ts';
import { dimensionCondition, filterConditions } from './filters.ts';
import { addDays, bucketPeriod, isBucket, type Period } from './period.ts';
import { bandCondition } from './satisfaction.ts';
import {
  backlogSource,
  createdSource,
  durationSource,
  resolvedCyclesSource,
  resolvedVolumeSource,
  responsesSource,
  type Source,
} from './sources.ts';

/**
 * The items behind a figure — responses, cycles, replies or conversations — with the
 * report's filters, optionally one group (`by` + `key`) and one band, newest first,
 * keyset-paginated, with the total count.
 */

interface Items {
  source: Source;
  kind: DrilldownItem['kind'];
  /** Which rows of the source belong to the figure (its denominator). */
  where: SQL;
  value: SQL;
  comment: SQL;
  /** `counted` rows (the numerator) for rates; score bands for responses. */
  counted?: SQL;
  bands?: boolean;
  /** One row per conversation (the latest), for the resolved volume. */
  distinctConversations?: boolean;
}

function itemsOf(ctx: MetricsContext, query: DrilldownQuery, period: Period): Items {
  const metric = query.metric;
  const none = { where: sql`true`, comment: sql`null::text` };
  switch (metric) {
    case 'csat':
    case 'nps':
    case 'ces7':
    case 'ces5':
      return {
        source: responsesSource(ctx, period),
        kind: 'response',
        where: sql`d.kind = ${metric} and d.score is not null`,
        value: sql`d.score::float8`,
        comment: sql`d.comment`,
        counted: bandCondition(sql`d.score`, metric, 'positive'),
        bands: true,
      };
    case 'first_response':
    case 'resolution':
    case 'reply':
      return { ...none, source: durationSource(ctx, period, metric), kind: 'conversation', value: sql`d.seconds` };
    case 'fcr':
      return {
        ...none,
        source: resolvedCyclesSource(ctx, period),
        kind: 'conversation',
        where: sql`d.fcr_eligible`,
        value: sql`(case when d.fcr then 1 else 0 end)::float8`,
        counted: sql`d.fcr`,
      };
    case 'one_touch':
    case 'reopen': {
      const counted = metric === 'one_touch' ? sql`d.one_touch` : sql`d.reopened`;
      return {
        ...none,
        source: resolvedCyclesSource(ctx, period),
        kind: 'conversation',
        value: sql`(case when ${counted} then 1 else 0 end)::float8`,
        counted,
      };
    }
    case 'created':
      return { ...none, source: createdSource(ctx, period), kind: 'conversation', value: sql`null::float8` };
    case 'resolved':
      return {
        ...none,
        source: resolvedVolumeSource(ctx, period),
        kind: 'conversation',
        value: sql`null::float8`,
        distinctConversations: true,
      };
    case 'backlog':
      return {
        ...none,
        source: backlogSource(ctx, [{ bucket: '', day: addDays(period.to, 1) }]),
        kind: 'conversation',
        value: sql`null::float8`,
      };
  }
}

function bandWhere(items: Items, query: DrilldownQuery): SQL {
  const band = query.band;
  if (!band) return sql`true`;
  if (band === 'counted' || band === 'not_counted') {
    if (!items.counted) throw badRequest('query.band', `does not apply to ${query.metric}`);
    return band === 'counted' ? sql`(${items.counted})` : sql`not (${items.counted})`;
  }
  if (!items.bands) throw badRequest('query.band', `does not apply to ${query.metric}`);
  return bandCondition(sql`d.score`, query.metric as 'csat', band as Band);
}

/** One cell of the volume heatmap: when the item counts, on the workspace's clock. */
function cellWhere(ctx: MetricsContext, query: DrilldownQuery): SQL {
  const local = sql`(d.at at time zone ${ctx.timeZone})`;
  const parts: SQL[] = [];
  if (query.weekday !== undefined) parts.push(sql`extract(isodow from ${local}) = ${query.weekday}`);
  if (query.hour !== undefined) parts.push(sql`extract(hour from ${local}) = ${query.hour}`);
  return parts.length > 0 ? sql.join(parts, sql` and `) : sql`true`;
}

/** The period of the drill-down: the report's, or one bucket of it. */
function narrowedPeriod(query: DrilldownQuery): Period {
  const period = { from: query.from, to: query.to };
  if (!isBucket(query.by) || query.key === undefined) return period;
  const bucket = bucketPeriod(query.key, query.by, period);
  if (!bucket) throw badRequest('query.key', `is not a ${query.by} of the period (its start date, YYYY-MM-DD)`);
  return bucket;
}

interface ItemRow extends Record<string, unknown> {
  id: string;
  conversation_id: string | null;
  cycle: number | null;
  subject: string | null;
  contact_id: string | null;
  contact_name: string | null;
  channel: string | null;
  agent_id: string | null;
  agent_name: string | null;
  team_id: string | null;
  value: number | null;
  comment: string | null;
  at: Date | string;
  at_key: string;
  total: number;
}

const present = (kind: DrilldownItem['kind'], row: ItemRow): DrilldownItem => ({
  kind,
  id: row.id,
  conversation_id: row.conversation_id,
  cycle: row.cycle === null ? null : Number(row.cycle),
  subject: row.subject,
  contact_id: row.contact_id,
  contact_name: row.contact_name,
  channel: row.channel,
  agent_id: row.agent_id,
  agent_name: row.agent_name,
  team_id: row.team_id,
  value: row.value === null ? null : Number(row.value),
  comment: row.comment,
  at: new Date(row.at).toISOString(),
});

export async function drilldown(tx: Tx, workspaceId: string, query: DrilldownQuery): Promise<DrilldownPage> {
  if (query.by && query.key === undefined) throw badRequest('query.key', 'is required with by');
  if (query.key !== undefined && !query.by) throw badRequest('query.by', 'is required with key');
  const ctx = await loadContext(tx, workspaceId, query);
  const period = narrowedPeriod(query);
  const items = itemsOf(ctx, query, period);
  const group =
    query.by && query.key !== undefined && !isBucket(query.by)
      ? dimensionCondition(items.source, query.by, query.key)
      : sql`true`;
  const cursor = decodeDrilldownCursor(query.cursor);
  const select = sql`d.item_id as id, d.conversation_id, d.cycle, d.contact_id, d.channel, d.agent_id, d.team_id,
    d.at, ${items.value} as value, ${items.comment} as comment`;
  const where = sql`${filterConditions(ctx)} and ${items.where} and ${group} and ${bandWhere(items, query)} and ${cellWhere(ctx, query)}`;
  const rows = items.distinctConversations
    ? sql`select distinct on (d.conversation_id) ${select} from (${items.source.sql}) d where ${where}
           order by d.conversation_id, d.at desc`
    : sql`select ${select} from (${items.source.sql}) d where ${where}`;
  const result = await tx.execute<ItemRow>(sql`
    with items as (${rows})
    select i.*, to_char(i.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key,
           c.subject, ct.name as contact_name, u.name as agent_name,
           (select count(*) from items)::int as total
      from items i
      left join conversations c on c.workspace_id = ${workspaceId} and c.id = i.conversation_id
      left join contacts ct on ct.workspace_id = ${workspaceId} and ct.id = i.contact_id
      left join users u on u.id = i.agent_id
     where ${cursor ? sql`(i.at, i.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : sql`true`}
     order by i.at desc, i.id desc
     limit ${query.limit + 1}`);
  const page = result.rows.slice(0, query.limit);
  const last = page[page.length - 1];
  let total = Number(result.rows[0]?.total ?? 0);
  // A page past the end has no rows to carry the count.
  if (result.rows.length === 0 && cursor) {
    const counted = await tx.execute<{ total: number }>(
      sql`with items as (${rows}) select count(*)::int as total from items`,
    );
    total = Number(counted.rows[0]?.total ?? 0);
  }
  return {
    data: page.map((row) => present(items.kind, row)),
    nextCursor: result.rows.length > query.limit && last ? encodeDrilldownCursor(last.at_key, last.id) : null,
    total,
  };
}
