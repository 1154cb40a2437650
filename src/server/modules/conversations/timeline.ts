import { sql } from 'drizzle-orm';
import type { TimelineItem, TimelineKind } from '../../../shared/contracts/customers.ts';
import type { Tx } from '../../db/client.ts';
import type { Cursor } from '../../lib/cursor.ts';

interface TimelineRow extends Record<string, unknown> {
  id: string;
  kind: TimelineKind;
  occurred_at: Date | string;
  conversation_id: string;
  channel: string;
  text: string;
  author_type: string | null;
  author_name: string | null;
  data: Record<string, unknown> | null;
}

/**
 * The conversations module's part of a customer timeline: each conversation
 * (at its start) and each message and note, newest first, after `cursor`.
 * Other modules add their own sources; the timeline command merges them.
 */
export async function conversationTimeline(
  tx: Tx,
  workspaceId: string,
  contactId: string,
  options: { cursor: Cursor | null; limit: number; kinds: TimelineKind[] },
): Promise<TimelineItem[]> {
  const wantConversations = options.kinds.includes('conversation');
  const messageKinds = [
    ...(options.kinds.includes('message') ? ['customer', 'reply', 'bot'] : []),
    ...(options.kinds.includes('note') ? ['note'] : []),
  ];
  if (!wantConversations && messageKinds.length === 0) return [];
  const before = options.cursor
    ? sql`(occurred_at, id) < (${options.cursor.at}::timestamptz, ${options.cursor.id}::uuid)`
    : sql`true`;
  const kindList = messageKinds.length
    ? sql.join(
        messageKinds.map((k) => sql`${k}`),
        sql`, `,
      )
    : sql`null`;
  const result = await tx.execute<TimelineRow>(sql`
    select * from (
      select c.id, 'conversation' as kind, c.created_at as occurred_at, c.id as conversation_id, c.channel,
             c.subject as text, null as author_type, null as author_name,
             jsonb_build_object('status', c.status, 'priority', c.priority, 'cycle', c.cycle, 'tags', c.tags) as data
        from conversations c
       where c.workspace_id = ${workspaceId} and c.contact_id = ${contactId} and ${wantConversations}
      union all
      select m.id, case when m.kind = 'note' then 'note' else 'message' end, m.created_at, m.conversation_id, c.channel,
             m.body, m.author_type,
             coalesce(u.name, ct.name),
             jsonb_build_object('messageKind', m.kind, 'subject', c.subject)
        from messages m
        join conversations c on c.workspace_id = m.workspace_id and c.id = m.conversation_id
        left join users u on m.author_type = 'user' and u.id = m.author_id
        left join contacts ct on m.author_type = 'contact' and ct.workspace_id = m.workspace_id and ct.id = m.author_id
       where m.workspace_id = ${workspaceId} and m.contact_id = ${contactId} and m.kind in (${kindList})
    ) t
    where ${before}
    order by occurred_at desc, id desc
    limit ${options.limit}`);
  return result.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    occurredAt: new Date(r.occurred_at).toISOString(),
    conversationId: r.conversation_id,
    channel: r.channel,
    text: r.text,
    authorType: r.author_type,
    authorName: r.author_name,
    data: r.data ?? {},
  }));
}
