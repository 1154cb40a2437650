import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { conversationCycles } from '../../db/schema/index.ts';
import type { Actor, NewEvent } from './events.ts';
import type { ConversationRow } from './lifecycle.ts';

/**
 * Moves a locked conversation (and its current care cycle, which metrics attribute) to
 * another assignee and/or team. Mutates `row`; returns the log entries to record with
 * recordEvents. Save the row with saveConversation.
 */
export async function reassignConversation(
  tx: Tx,
  workspaceId: string,
  row: ConversationRow,
  to: { assigneeId?: string | null | undefined; teamId?: string | null | undefined },
  actor: Actor,
  at: Date,
): Promise<NewEvent[]> {
  const events: NewEvent[] = [];
  const cycleFields: Partial<typeof conversationCycles.$inferInsert> = {};
  if (to.assigneeId !== undefined && to.assigneeId !== row.assigneeId) {
    events.push({
      conversationId: row.id,
      cycle: row.cycle,
      type: 'assigned',
      actor,
      at,
      data: { from: row.assigneeId, to: to.assigneeId },
    });
    row.assigneeId = to.assigneeId;
    cycleFields.assigneeId = to.assigneeId;
  }
  if (to.teamId !== undefined && to.teamId !== row.teamId) {
    events.push({
      conversationId: row.id,
      cycle: row.cycle,
      type: 'team_changed',
      actor,
      at,
      data: { from: row.teamId, to: to.teamId },
    });
    row.teamId = to.teamId;
    cycleFields.teamId = to.teamId;
  }
  if (Object.keys(cycleFields).length > 0) {
    await tx
      .update(conversationCycles)
      .set(cycleFields)
      .where(
        and(
          eq(conversationCycles.workspaceId, workspaceId),
          eq(conversationCycles.conversationId, row.id),
          eq(conversationCycles.cycle, row.cycle),
        ),
      );
  }
  return events;
}
