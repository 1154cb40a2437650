import { sql } from 'drizzle-orm';
import type { ActorType } from '../../../shared/contracts/conversations.ts';
import type { TimelineItem, TimelineKind } from '../../../shared/contracts/customers.ts';
import type { Tx } from '../../db/client.ts';
import type { Cursor } from '../../lib/cursor.ts';
import { actorNames } from '../conversations/events.ts';

interface Row extends Record<string, unknown> {
  id: string;
  occurred_at: Date | string;
  type: string;
  actor_type: string;
  actor_id: string | null;
  data: Record<string, unknown>;
  case_id: string;
  number: number;
  status: string;
  conversation_id: string | null;
  channel: string | null;
  reason: string;
  trigger_comment: string | null;
}

/** Recovery's part of a customer timeline: every step of every case, newest first. */
export async function recoveryTimeline(
  tx: Tx,
  workspaceId: string,
  contactId: string,
  options: { cursor: Cursor | null; limit: number; kinds: TimelineKind[] },
): Promise<TimelineItem[]> {
  if (!options.kinds.includes('recovery')) return [];
  const before = options.cursor
    ? sql`(e.occurred_at, e.id) < (${options.cursor.at}::timestamptz, ${options.cursor.id}::uuid)`
    : sql`true`;
  const result = await tx.execute<Row>(sql`
    select e.id, e.occurred_at, e.type, e.actor_type, e.actor_id, e.data,
           c.id as case_id, c.number, c.status, c.conversation_id, c.channel, c.reason, c.trigger_comment
      from recovery_case_events e
      join recovery_cases c on c.workspace_id = e.workspace_id and c.id = e.case_id
     where e.workspace_id = ${workspaceId} and e.contact_id = ${contactId} and ${before}
       -- "moved to closed" repeats the closed step (and "out of closed" the reopened one)
       and not (e.type = 'status_changed' and 'closed' in (e.data->>'to', e.data->>'from'))
     order by e.occurred_at desc, e.id desc
     limit ${options.limit}`);
  const names = await actorNames(
    tx,
    workspaceId,
    result.rows.map((r) => ({ type: r.actor_type as ActorType, id: r.actor_id })),
  );
  return result.rows.map((r) => {
    const note = typeof r.data.note === 'string' ? r.data.note : typeof r.data.reason === 'string' ? r.data.reason : '';
    const text =
      r.type === 'opened' ? r.trigger_comment || r.reason : typeof r.data.comment === 'string' ? r.data.comment : note;
    return {
      id: r.id,
      kind: 'recovery',
      occurredAt: new Date(r.occurred_at).toISOString(),
      conversationId: r.conversation_id,
      channel: r.channel,
      text: text ?? '',
      authorType: r.actor_type,
      authorName: r.actor_id ? (names.get(r.actor_id) ?? null) : null,
      data: { ...r.data, event: r.type, caseId: r.case_id, number: Number(r.number), status: r.status },
    };
  });
}
