import { and, asc, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import type { ConversationListQuery } from '../../../shared/contracts/conversations.ts';
import { conversations } from '../../db/schema/index.ts';
import type { Cursor } from '../../lib/cursor.ts';

/**
 * The inbox's SLA filter and "nearest deadline first" order over `conversations`, from
 * `sla_due_at` (the nearest running deadline, kept by the engine).
 */

/** Conversations without a running deadline sort after every deadline. */
const NO_DEADLINE = '9999-12-31T23:59:59.999Z';
const dueKey = sql`coalesce(${conversations.slaDueAt}, ${NO_DEADLINE}::timestamptz)`;

export function slaListCondition(filter: NonNullable<ConversationListQuery['sla']>, now: Date): SQL {
  const c = conversations;
  if (filter === 'running') return isNotNull(c.slaDueAt);
  if (filter === 'breached') return lt(c.slaDueAt, now);
  return and(
    isNotNull(c.slaDueAt),
    sql`(${c.slaDueAt} < ${now.toISOString()}::timestamptz or exists (
      select 1 from sla_targets t
       where t.workspace_id = ${c.workspaceId} and t.conversation_id = ${c.id}
         and t.status = 'active' and t.warn_at <= ${now.toISOString()}::timestamptz))`,
  ) as SQL;
}

export const slaDueOrder = (): SQL[] => [asc(dueKey), asc(conversations.id)];

export const afterSlaCursor = (cursor: Cursor): SQL =>
  sql`(${dueKey}, ${conversations.id}) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;

export const slaCursorOf = (row: { slaDueAt: Date | null; id: string }) => ({
  at: row.slaDueAt ?? NO_DEADLINE,
  id: row.id,
});
