import { sql } from 'drizzle-orm';
import type { Channel, ConversationStatus, Priority } from '../../../shared/contracts/conversations.ts';
import type { Tx } from '../../db/client.ts';
import { eventCursors } from '../../db/schema/index.ts';
import type { Cursor } from '../../lib/cursor.ts';

/**
 * The event log as a feed for consumers in other modules (surveys after resolution;
 * later SLA, automation, webhooks). A consumer keeps its place in event_cursors and
 * advances it in the same transaction as the work it did for the events it read.
 */

const NIL_ID = '00000000-0000-0000-0000-000000000000';

/** Locks a consumer's place (one runner at a time); a new consumer starts at `startAt`. */
export async function lockCursor(tx: Tx, workspaceId: string, consumer: string, startAt: Date): Promise<Cursor> {
  await tx
    .insert(eventCursors)
    .values({ workspaceId, consumer, lastOccurredAt: startAt, lastEventId: NIL_ID, updatedAt: new Date() })
    .onConflictDoNothing();
  const result = await tx.execute<{ at: Date | string; id: string }>(sql`
    select last_occurred_at as at, last_event_id as id from event_cursors
     where workspace_id = ${workspaceId} and consumer = ${consumer} for update`);
  const row = result.rows[0];
  if (!row) throw new Error(`event cursor ${consumer} vanished`);
  return { at: new Date(row.at).toISOString(), id: row.id };
}

export async function saveCursor(tx: Tx, workspaceId: string, consumer: string, cursor: Cursor): Promise<void> {
  await tx.execute(sql`
    update event_cursors set last_occurred_at = ${cursor.at}::timestamptz, last_event_id = ${cursor.id}::uuid,
           updated_at = now()
     where workspace_id = ${workspaceId} and consumer = ${consumer}`);
}

/** A `resolved` event with its conversation as it is now and the care cycle it closed. */
export interface Resolution {
  eventId: string;
  resolvedAt: Date;
  conversationId: string;
  /** The care cycle that was resolved. */
  cycle: number;
  current: {
    status: ConversationStatus;
    cycle: number;
    channel: Channel;
    teamId: string | null;
    tags: string[];
    priority: Priority;
    contactId: string;
    language: string | null;
  };
  /** Who did the work in that cycle. */
  resolverId: string | null;
  firstResponderId: string | null;
  cycleAssigneeId: string | null;
  cycleTeamId: string | null;
}

interface ResolutionRow extends Record<string, unknown> {
  event_id: string;
  occurred_at: Date | string;
  conversation_id: string;
  cycle: number;
  status: ConversationStatus;
  current_cycle: number;
  channel: Channel;
  team_id: string | null;
  tags: string[];
  priority: Priority;
  contact_id: string;
  language: string | null;
  resolver_id: string | null;
  first_responder_id: string | null;
  cycle_assignee_id: string | null;
  cycle_team_id: string | null;
}

/** Resolutions after `after` with from ≤ occurred_at ≤ until, oldest first. */
export async function resolutionsAfter(
  tx: Tx,
  workspaceId: string,
  options: { after: Cursor; from: Date; until: Date; limit: number },
): Promise<Resolution[]> {
  const result = await tx.execute<ResolutionRow>(sql`
    select e.id as event_id, e.occurred_at, e.conversation_id, e.cycle,
           c.status, c.cycle as current_cycle, c.channel, c.team_id, c.tags, c.priority, c.contact_id, c.language,
           cy.resolver_id, cy.first_responder_id, cy.assignee_id as cycle_assignee_id, cy.team_id as cycle_team_id
      from conversation_events e
      join conversations c on c.workspace_id = e.workspace_id and c.id = e.conversation_id
      left join conversation_cycles cy
        on cy.workspace_id = e.workspace_id and cy.conversation_id = e.conversation_id and cy.cycle = e.cycle
     where e.workspace_id = ${workspaceId} and e.type = 'resolved'
       and (e.occurred_at, e.id) > (${options.after.at}::timestamptz, ${options.after.id}::uuid)
       and e.occurred_at >= ${options.from.toISOString()}::timestamptz
       and e.occurred_at <= ${options.until.toISOString()}::timestamptz
     order by e.occurred_at, e.id
     limit ${options.limit}`);
  return result.rows.map((r) => ({
    eventId: r.event_id,
    resolvedAt: new Date(r.occurred_at),
    conversationId: r.conversation_id,
    cycle: Number(r.cycle),
    current: {
      status: r.status,
      cycle: Number(r.current_cycle),
      channel: r.channel,
      teamId: r.team_id,
      tags: r.tags ?? [],
      priority: r.priority,
      contactId: r.contact_id,
      language: r.language,
    },
    resolverId: r.resolver_id,
    firstResponderId: r.first_responder_id,
    cycleAssigneeId: r.cycle_assignee_id,
    cycleTeamId: r.cycle_team_id,
  }));
}
