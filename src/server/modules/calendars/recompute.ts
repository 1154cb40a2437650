import { sql } from 'drizzle-orm';
import { durationSeconds } from '../../../shared/business-hours.ts';
import type { Tx } from '../../db/client.ts';
import { type CalendarResolver, loadCalendars } from './resolver.ts';

export interface RecomputeOptions {
  /** Only these conversations (an import's); default: every conversation of the workspace. */
  conversationIds?: string[];
  onProgress?(done: number, total: number): void;
}

export interface RecomputeResult {
  conversations: number;
  /** Rows whose stored values changed. */
  cycles: number;
  messages: number;
}

const BATCH = 1000;

interface CycleRow extends Record<string, unknown> {
  conversation_id: string;
  cycle: number;
  started_at: Date;
  first_response_at: Date | null;
  resolved_at: Date | null;
  first_response_business_seconds: number | null;
  resolution_business_seconds: number | null;
  team_id: string | null;
  channel: string;
}

interface ReplyRow extends Record<string, unknown> {
  id: string;
  created_at: Date;
  wait_seconds: number | null;
  wait_business_seconds: number | null;
  /** The first customer message after the previous public reply of the cycle. */
  wait_start: Date | null;
  team_id: string | null;
  channel: string;
}

const calendarSeconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/** Business seconds of each cycle's first response and resolution; writes only rows that change. */
async function recomputeCycles(tx: Tx, workspaceId: string, ids: string[], resolve: CalendarResolver) {
  const { rows } = await tx.execute<CycleRow>(sql`
    select cc.conversation_id, cc.cycle, cc.started_at, cc.first_response_at, cc.resolved_at,
      cc.first_response_business_seconds, cc.resolution_business_seconds, cc.team_id, c.channel
    from conversation_cycles cc
    join conversations c on c.workspace_id = cc.workspace_id and c.id = cc.conversation_id
    where cc.workspace_id = ${workspaceId} and cc.conversation_id = any(${sql.param(ids)}::uuid[])`);
  const changed: { row: CycleRow; firstResponse: number | null; resolution: number | null }[] = [];
  for (const row of rows) {
    const calendar = resolve(row.team_id, row.channel);
    const startedAt = new Date(row.started_at);
    const firstResponse = row.first_response_at
      ? durationSeconds(calendar, startedAt, new Date(row.first_response_at))
      : null;
    const resolution = row.resolved_at ? durationSeconds(calendar, startedAt, new Date(row.resolved_at)) : null;
    if (firstResponse !== row.first_response_business_seconds || resolution !== row.resolution_business_seconds) {
      changed.push({ row, firstResponse, resolution });
    }
  }
  if (changed.length === 0) return 0;
  const column = <T>(pick: (c: (typeof changed)[number]) => T) => sql.param(changed.map(pick));
  // The milestones must be the ones computed from: a reply or resolve recorded meanwhile wins.
  await tx.execute(sql`
    update conversation_cycles cc
       set first_response_business_seconds = v.first_response, resolution_business_seconds = v.resolution
      from unnest(${column((c) => c.row.conversation_id)}::uuid[], ${column((c) => c.row.cycle)}::int[],
                  ${column((c) => c.firstResponse)}::int[], ${column((c) => c.resolution)}::int[],
                  ${column((c) => c.row.first_response_at && new Date(c.row.first_response_at).toISOString())}::timestamptz[],
                  ${column((c) => c.row.resolved_at && new Date(c.row.resolved_at).toISOString())}::timestamptz[])
        as v(conversation_id, cycle, first_response, resolution, first_response_at, resolved_at)
     where cc.workspace_id = ${workspaceId} and cc.conversation_id = v.conversation_id and cc.cycle = v.cycle
       and cc.first_response_at is not distinct from v.first_response_at
       and cc.resolved_at is not distinct from v.resolved_at`);
  return changed.length;
}

/**
 * Reply times of public human replies: the stored wait (from the moment the customer
 * started waiting) is kept; a reply without one (history, imports) waited from the first
 * customer message after the previous public reply of the same cycle. Business seconds
 * are counted again for every reply that has a wait.
 */
async function recomputeReplies(tx: Tx, workspaceId: string, ids: string[], resolve: CalendarResolver) {
  const { rows } = await tx.execute<ReplyRow>(sql`
    with ordered as (
      select m.id, m.conversation_id, m.cycle, m.kind, m.created_at, m.wait_seconds, m.wait_business_seconds,
        count(*) filter (where m.kind = 'reply') over (
          partition by m.conversation_id, m.cycle order by m.created_at, m.id
          rows between unbounded preceding and 1 preceding) as replies_before
      from messages m
      where m.workspace_id = ${workspaceId} and m.conversation_id = any(${sql.param(ids)}::uuid[])
        and m.kind in ('customer', 'reply')
    ), starts as (
      select o.conversation_id, o.cycle, o.replies_before, min(o.created_at) as wait_start
      from ordered o where o.kind = 'customer'
      group by o.conversation_id, o.cycle, o.replies_before
    )
    select r.id, r.created_at, r.wait_seconds, r.wait_business_seconds, s.wait_start, cc.team_id, c.channel
    from ordered r
    join conversations c on c.workspace_id = ${workspaceId} and c.id = r.conversation_id
    left join conversation_cycles cc
      on cc.workspace_id = ${workspaceId} and cc.conversation_id = r.conversation_id and cc.cycle = r.cycle
    left join starts s
      on s.conversation_id = r.conversation_id and s.cycle = r.cycle and s.replies_before = r.replies_before
    where r.kind = 'reply'`);
  const changed: { id: string; wait: number; business: number }[] = [];
  for (const row of rows) {
    const createdAt = new Date(row.created_at);
    let wait = row.wait_seconds;
    let start: Date | null = null;
    if (wait !== null) start = new Date(createdAt.getTime() - wait * 1000);
    else if (row.wait_start) {
      start = new Date(row.wait_start);
      wait = calendarSeconds(start, createdAt);
    }
    if (wait === null || start === null) continue;
    const business = durationSeconds(resolve(row.team_id, row.channel), start, createdAt);
    if (wait !== row.wait_seconds || business !== row.wait_business_seconds) {
      changed.push({ id: row.id, wait, business });
    }
  }
  if (changed.length === 0) return 0;
  await tx.execute(sql`
    update messages m set wait_seconds = v.wait, wait_business_seconds = v.business
      from unnest(${sql.param(changed.map((c) => c.id))}::uuid[], ${sql.param(changed.map((c) => c.wait))}::int[],
                  ${sql.param(changed.map((c) => c.business))}::int[]) as v(id, wait, business)
     where m.workspace_id = ${workspaceId} and m.id = v.id`);
  return changed.length;
}

async function* conversationBatches(tx: Tx, workspaceId: string, only: string[] | undefined) {
  if (only) {
    const ids = [...new Set(only)];
    for (let start = 0; start < ids.length; start += BATCH) yield ids.slice(start, start + BATCH);
    return;
  }
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await tx.execute<{ id: string }>(sql`
      select c.id from conversations c
      where c.workspace_id = ${workspaceId} and c.id > ${after}::uuid
      order by c.id limit ${BATCH}`);
    if (rows.length === 0) return;
    yield rows.map((row) => row.id);
    after = rows.at(-1)?.id ?? after;
  }
}

/**
 * Counts every business duration of a workspace again from its milestones and message
 * history, with the calendars as they are now (after a calendar, holiday or team change,
 * after an import, at the end of the demo). Batches of 1000 conversations, one set-based
 * update per table and batch; only changed rows are written, so running it twice is cheap.
 */
export async function recomputeBusinessDurations(
  tx: Tx,
  workspaceId: string,
  options: RecomputeOptions = {},
): Promise<RecomputeResult> {
  const resolve = await loadCalendars(tx, workspaceId);
  let total = options.conversationIds ? new Set(options.conversationIds).size : 0;
  if (!options.conversationIds) {
    const { rows } = await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from conversations c where c.workspace_id = ${workspaceId}`,
    );
    total = rows[0]?.n ?? 0;
  }
  const result: RecomputeResult = { conversations: 0, cycles: 0, messages: 0 };
  for await (const ids of conversationBatches(tx, workspaceId, options.conversationIds)) {
    result.cycles += await recomputeCycles(tx, workspaceId, ids, resolve);
    result.messages += await recomputeReplies(tx, workspaceId, ids, resolve);
    result.conversations += ids.length;
    options.onProgress?.(Math.min(result.conversations, total), total);
  }
  return result;
}
