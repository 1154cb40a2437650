import { and, type SQL, sql } from 'drizzle-orm';
import type { MetricGroupBy } from '../../../shared/contracts/metrics.ts';
import { contacts } from '../../db/schema/index.ts';
import { segmentConditions } from '../customers/segment-filter.ts';
import type { MetricsContext } from './context.ts';
import { type BucketUnit, isBucket } from './period.ts';
import type { Source } from './sources.ts';

/**
 * WHERE fragments and group keys over a source's rows, aliased `d` (see sources.ts).
 * Values of one filter are OR-ed, different filters AND-ed; each applies to the figure's
 * own attribution (the replier for reply time, the resolver for resolution …).
 */

const given = <T>(values: T[] | undefined): values is T[] => values !== undefined && values.length > 0;

/** The filter conditions of the context on `d`; `true` when there are none. */
export function filterConditions(ctx: MetricsContext): SQL {
  const { filters } = ctx;
  const parts: SQL[] = [];
  if (given(filters.channel)) parts.push(sql`d.channel = any(${sql.param(filters.channel)}::text[])`);
  if (given(filters.agentId)) parts.push(sql`d.agent_id = any(${sql.param(filters.agentId)}::uuid[])`);
  if (given(filters.teamId)) parts.push(sql`d.team_id = any(${sql.param(filters.teamId)}::uuid[])`);
  if (given(filters.companyId)) parts.push(sql`d.company_id = any(${sql.param(filters.companyId)}::uuid[])`);
  if (given(filters.tag)) parts.push(sql`d.tags && ${sql.param(filters.tag)}::text[]`);
  // Conversation rows have no touchpoint: a touchpoint filter leaves them out.
  if (given(filters.touchpoint)) parts.push(sql`d.touchpoint = any(${sql.param(filters.touchpoint)}::text[])`);
  if (ctx.segment) {
    const segment = and(...segmentConditions(ctx.workspaceId, ctx.segment)) ?? sql`true`;
    parts.push(sql`d.contact_id in (select ${contacts.id} from ${contacts} where ${segment})`);
  }
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** `date_trunc` of `d.at` in the workspace's time zone, as YYYY-MM-DD (weeks start on Monday). */
export const bucketKey = (ctx: MetricsContext, unit: BucketUnit): SQL =>
  sql`to_char(date_trunc(${sql.raw(`'${unit}'`)}, d.at at time zone ${ctx.timeZone}), 'YYYY-MM-DD')`;

/** The group key of a dimension on `d` ('' for none: no agent, no team …); null when the rows lack it. */
export function dimensionKey(source: Source, by: Exclude<MetricGroupBy, BucketUnit | 'tag'>): SQL | null {
  switch (by) {
    case 'channel':
      return sql`coalesce(d.channel, '')`;
    case 'agent':
      return sql`coalesce(d.agent_id::text, '')`;
    case 'team':
      return sql`coalesce(d.team_id::text, '')`;
    case 'company':
      return sql`coalesce(d.company_id::text, '')`;
    case 'touchpoint':
      return source.hasTouchpoint ? sql`coalesce(d.touchpoint, '')` : null;
  }
}

/**
 * A lateral join giving each row of `d` its groups `g(total, key)`: the total once, and
 * its group (each of its tags for `tag`), so one GROUP BY g.total, g.key returns the
 * totals and every group in one statement.
 */
export function groupJoin(ctx: MetricsContext, source: Source, by: MetricGroupBy | null): SQL {
  const totalOnly = sql`cross join lateral (values (true, null::text)) as g(total, key)`;
  if (!by) return totalOnly;
  if (by === 'tag') {
    return sql`cross join lateral (select true, null::text
      union all select false, tag.value from unnest(d.tags) as tag(value)) as g(total, key)`;
  }
  const key = isBucket(by) ? bucketKey(ctx, by) : dimensionKey(source, by);
  return key ? sql`cross join lateral (values (true, null::text), (false, ${key})) as g(total, key)` : totalOnly;
}

/** Rows of `d` in the group `key` of a dimension (drill-downs); buckets narrow the period instead. */
export function dimensionCondition(source: Source, by: Exclude<MetricGroupBy, BucketUnit>, key: string): SQL {
  if (by === 'tag') return sql`d.tags @> array[${key}]::text[]`;
  const column = dimensionKey(source, by);
  return column ? sql`${column} = ${key}` : sql`false`;
}

export interface GroupRow extends Record<string, unknown> {
  total: boolean;
  key: string | null;
}

/** Rows of one grouped statement, split into the totals' rows and each group's rows. */
export interface Grouped<T> {
  total: T;
  groups: Map<string, T>;
}

export function splitGroups<R extends GroupRow, T>(rows: R[], fold: (rows: R[]) => T): Grouped<T> {
  const totals: R[] = [];
  const byKey = new Map<string, R[]>();
  for (const row of rows) {
    if (row.total) totals.push(row);
    else {
      const key = row.key ?? '';
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
  }
  return { total: fold(totals), groups: new Map([...byKey].map(([key, list]) => [key, fold(list)])) };
}
