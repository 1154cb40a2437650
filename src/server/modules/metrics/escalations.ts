import { type SQL, sql } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import type { Conversation } from '../../../shared/contracts/conversations.ts';
import type { EscalationTier } from '../../../shared/contracts/recovery.ts';
import type { EscalationMetrics, EscalationMetricsQuery } from '../../../shared/contracts/recovery-metrics.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest } from '../../http/problem.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { getConversation } from '../conversations/service.ts';
import { getWorkspace } from '../workspaces/service.ts';
import { periodProblem } from './period.ts';
import { grouping, isTotal, rateOf } from './recovery-figures.ts';
import { localDateRange } from './satisfaction.ts';

/**
 * Conversations created in the period, each with the team it started in (the `from` of its
 * first team change, else its team) and whether it was ever escalated.
 */
function createdConversations(workspaceId: string, range: SQL): SQL {
  return sql`
    select c.id, c.channel, c.created_at,
           case when first_change.data is null then c.team_id
                else nullif(first_change.data->>'from', '')::uuid end as team_id,
           exists (select 1 from escalations e
                    where e.workspace_id = c.workspace_id and e.conversation_id = c.id) as escalated
      from conversations c
      left join lateral (
        select ev.data from conversation_events ev
         where ev.workspace_id = c.workspace_id and ev.conversation_id = c.id and ev.type = 'team_changed'
         order by ev.occurred_at, ev.id limit 1) first_change on true
     where c.workspace_id = ${workspaceId} and ${range}`;
}

const keyOf = (by: EscalationMetricsQuery['by'] | null) =>
  by === 'team' ? sql`x.team_id::text` : by === 'channel' ? sql`x.channel` : null;

/**
 * Escalation rate = conversations created in the period that were escalated at least once
 * ÷ conversations created in the period (Wilson 95 %), in total and per team (the team a
 * conversation started in) or channel; and escalations made in the period by tier reached.
 */
export async function escalationMetrics(
  tx: Tx,
  workspaceId: string,
  query: EscalationMetricsQuery,
): Promise<EscalationMetrics> {
  const problem = periodProblem(query);
  if (problem) throw badRequest(`query.${problem.field}`, problem.message);
  const { timeZone } = await getWorkspace(tx, workspaceId);
  const by = query.by ?? null;
  const g = grouping(keyOf(by));
  const rows = await tx.execute<{ key: string | null; total: number; n: number; escalated: number }>(sql`
    select ${g.select}, count(*)::int as n, count(*) filter (where x.escalated)::int as escalated
      from (${createdConversations(workspaceId, localDateRange(sql`c.created_at`, timeZone, query.from, query.to))}) x
      ${g.groupBy}`);
  const tiers = await tx.execute<{ tier: EscalationTier; count: number }>(sql`
    select e.to_tier as tier, count(*)::int as count from escalations e
     where e.workspace_id = ${workspaceId} and ${localDateRange(sql`e.created_at`, timeZone, query.from, query.to)}
     group by e.to_tier`);
  const labels =
    by === 'team'
      ? new Map(
          (
            await tx.execute<{ id: string; name: string }>(
              sql`select id::text, name from teams where workspace_id = ${workspaceId}`,
            )
          ).rows.map((r) => [r.id, r.name]),
        )
      : new Map<string, string>();
  const total = rows.rows.find(isTotal);
  const byTier = new Map(tiers.rows.map((r) => [r.tier, Number(r.count)]));
  return {
    from: query.from,
    to: query.to,
    by,
    rate: rateOf(Number(total?.escalated ?? 0), Number(total?.n ?? 0)),
    byTier: (['senior', 'manager', 'agent'] as const)
      .map((tier) => ({ tier, count: byTier.get(tier) ?? 0 }))
      .filter((t) => t.tier !== 'agent' || t.count > 0),
    groups: by
      ? rows.rows
          .filter((row) => !isTotal(row))
          .map((row) => ({
            key: row.key,
            label: row.key ? (by === 'team' ? (labels.get(row.key) ?? null) : row.key) : null,
            ...rateOf(Number(row.escalated), Number(row.n)),
          }))
          .sort((a, b) => b.n - a.n || String(a.label ?? '').localeCompare(String(b.label ?? '')))
      : [],
  };
}

/**
 * The drill-down of the escalation rate: the conversations created in the period (of one
 * team or channel when `key` is given; "none" for no team) that were escalated, newest first.
 */
export async function escalatedConversations(
  tx: Tx,
  workspaceId: string,
  query: EscalationMetricsQuery & { key?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<Page<Conversation>> {
  const problem = periodProblem(query);
  if (problem) throw badRequest(`query.${problem.field}`, problem.message);
  if (query.key !== undefined && !query.by) throw badRequest('query.by', 'is required with key');
  const { timeZone } = await getWorkspace(tx, workspaceId);
  const cursor = decodeCursor(query.cursor);
  const key = keyOf(query.by);
  const group =
    key && query.key !== undefined
      ? query.key === 'none'
        ? sql`and ${key} is null`
        : sql`and ${key} = ${query.key}`
      : sql``;
  const after = cursor ? sql`and (x.created_at, x.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : sql``;
  const result = await tx.execute<{ id: string; created_at: string }>(sql`
    select x.id, x.created_at
      from (${createdConversations(workspaceId, localDateRange(sql`c.created_at`, timeZone, query.from, query.to))}) x
     where x.escalated ${group} ${after}
     order by x.created_at desc, x.id desc
     limit ${query.limit + 1}`);
  const rows = result.rows.slice(0, query.limit);
  const data = await Promise.all(rows.map((row) => getConversation(tx, workspaceId, row.id)));
  const last = rows.at(-1);
  return {
    data,
    nextCursor: result.rows.length > query.limit && last ? encodeCursor(new Date(last.created_at), last.id) : null,
  };
}
