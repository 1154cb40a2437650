import { and, eq, sql } from 'drizzle-orm';
import type { ConversationStatus } from '../../../shared/contracts/conversations.ts';
import type { Tx } from '../../db/client.ts';
import { conversationCycles, conversations } from '../../db/schema/index.ts';
import { notFound } from '../../http/problem.ts';
import { businessSecondsFor } from '../calendars/resolver.ts';
import type { Actor, NewEvent } from './events.ts';

export type ConversationRow = typeof conversations.$inferSelect;

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/** Reads the conversation and locks it for the rest of the transaction (one writer per conversation). */
export async function lockConversation(tx: Tx, workspaceId: string, conversationId: string): Promise<ConversationRow> {
  const [row] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversationId)))
    .limit(1)
    .for('update');
  if (!row) throw notFound('Conversation');
  return row;
}

const isDone = (status: ConversationStatus) => status === 'resolved' || status === 'closed';

/**
 * Moves a conversation to a status and records what that means:
 * resolving stamps the cycle's resolution (attributed to who resolved it),
 * leaving resolved/closed is a reopen and starts a new care cycle.
 * Mutates `row` to the new state and returns the events to append.
 */
export async function changeStatus(
  tx: Tx,
  workspaceId: string,
  row: ConversationRow,
  status: ConversationStatus,
  actor: Actor,
  at: Date,
): Promise<NewEvent[]> {
  if (row.status === status) return [];
  const events: NewEvent[] = [];
  const base = { conversationId: row.id, actor, at };
  if (isDone(row.status) && !isDone(status)) {
    events.push(...(await reopen(tx, workspaceId, row, actor, at)));
  }
  const from = row.status;
  if (!isDone(from) && isDone(status)) {
    const resolverId = actor.type === 'user' ? actor.id : row.assigneeId;
    const resolutionSeconds = seconds(row.cycleStartedAt, at);
    const resolutionBusinessSeconds = await businessSecondsFor(tx, workspaceId, row, row.cycleStartedAt, at);
    await tx
      .update(conversationCycles)
      .set({ resolvedAt: at, resolverId, resolutionSeconds, resolutionBusinessSeconds })
      .where(
        and(
          eq(conversationCycles.workspaceId, workspaceId),
          eq(conversationCycles.conversationId, row.id),
          eq(conversationCycles.cycle, row.cycle),
        ),
      );
    row.resolvedAt = at;
    row.waitingSince = null;
    events.push({ ...base, cycle: row.cycle, type: 'resolved', data: { resolverId, resolutionSeconds } });
  }
  events.push({ ...base, cycle: row.cycle, type: 'status_changed', data: { from, to: status } });
  if (status === 'closed') {
    row.closedAt = at;
    events.push({ ...base, cycle: row.cycle, type: 'closed' });
  } else {
    row.closedAt = null;
  }
  row.status = status;
  return events;
}

/** A new care cycle: milestones start again, the reopen is counted. */
export async function reopen(
  tx: Tx,
  workspaceId: string,
  row: ConversationRow,
  actor: Actor,
  at: Date,
): Promise<NewEvent[]> {
  const previous = row.cycle;
  // The previous cycle's resolution was undone (first contact resolution counts it).
  await tx
    .update(conversationCycles)
    .set({ reopened: true })
    .where(
      and(
        eq(conversationCycles.workspaceId, workspaceId),
        eq(conversationCycles.conversationId, row.id),
        eq(conversationCycles.cycle, previous),
      ),
    );
  row.cycle += 1;
  row.reopenCount += 1;
  // The escalation tier is per care cycle: a reopened conversation starts again at agent.
  row.escalationTier = 'agent';
  row.cycleStartedAt = at;
  row.firstResponseAt = null;
  row.resolvedAt = null;
  row.closedAt = null;
  await tx.insert(conversationCycles).values({
    workspaceId,
    conversationId: row.id,
    cycle: row.cycle,
    startedAt: at,
    assigneeId: row.assigneeId,
    teamId: row.teamId,
  });
  return [{ conversationId: row.id, cycle: row.cycle, type: 'reopened', actor, at, data: { previousCycle: previous } }];
}

/** Writes the mutable fields of a conversation row back. */
export async function saveConversation(tx: Tx, row: ConversationRow, at: Date): Promise<void> {
  const { workspaceId, id, createdAt: _createdAt, ...fields } = row;
  await tx
    .update(conversations)
    .set({
      ...fields,
      updatedAt: at,
      lastActivityAt: sql`greatest(${conversations.lastActivityAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)));
}

export { seconds };
