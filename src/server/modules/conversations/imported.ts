import { and, eq } from 'drizzle-orm';
import type { Channel, ConversationStatus, Priority } from '../../../shared/contracts/conversations.ts';
import { toTsvectorLiteral } from '../../../shared/search.ts';
import type { Tx } from '../../db/client.ts';
import { conversationCycles, conversations } from '../../db/schema/index.ts';
import { newId } from '../../lib/id.ts';
import { recordEvents, SYSTEM } from './events.ts';

/**
 * Conversations imported from another help desk (`koe import conversations`): the
 * conversation with its history summarised in care cycle 1, written as it was.
 * Idempotent by (workspace, channel, external id): an unchanged row writes nothing.
 * No `resolved` event is recorded, so the after-resolution trigger never surveys history.
 */
export interface ImportedConversation {
  externalId: string;
  channel: Channel;
  status: ConversationStatus;
  priority: Priority;
  subject: string;
  contactId: string;
  companyId: string | null;
  assigneeId: string | null;
  teamId: string | null;
  tags: string[];
  language: string | null;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  reopens: number;
  agentReplies: number;
}

export type ImportOutcome = 'created' | 'updated' | 'unchanged';

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
const time = (date: Date | null) => (date ? date.getTime() : null);

export async function findConversationByExternalId(
  tx: Tx,
  workspaceId: string,
  channel: Channel,
  externalId: string,
): Promise<{ id: string; contactId: string } | null> {
  const [row] = await tx
    .select({ id: conversations.id, contactId: conversations.contactId })
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, workspaceId),
        eq(conversations.channel, channel),
        eq(conversations.externalId, externalId),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The conversation columns the import owns (everything it can know from a row). */
function conversationFields(input: ImportedConversation) {
  const lastActivityAt = new Date(
    Math.max(input.createdAt.getTime(), time(input.firstResponseAt) ?? 0, time(input.resolvedAt) ?? 0),
  );
  const done = input.status === 'resolved' || input.status === 'closed';
  return {
    status: input.status,
    priority: input.priority,
    subject: input.subject,
    contactId: input.contactId,
    companyId: input.companyId,
    assigneeId: input.assigneeId,
    teamId: input.teamId,
    tags: input.tags,
    reopenCount: input.reopens,
    cycleStartedAt: input.createdAt,
    // Someone is still waiting only for an open conversation nobody has answered.
    waitingSince: input.status === 'open' && !input.firstResponseAt ? input.createdAt : null,
    firstResponseAt: input.firstResponseAt,
    resolvedAt: done ? input.resolvedAt : null,
    closedAt: input.status === 'closed' ? (input.resolvedAt ?? lastActivityAt) : null,
    lastActivityAt,
    searchVector: toTsvectorLiteral(input.subject),
    createdAt: input.createdAt,
  };
}

/** Cycle 1 as the history tells it; the assignee did the work (first reply, resolution). */
function cycleFields(input: ImportedConversation) {
  return {
    startedAt: input.createdAt,
    firstResponseAt: input.firstResponseAt,
    firstResponderId: input.firstResponseAt ? input.assigneeId : null,
    firstResponseSeconds: input.firstResponseAt ? seconds(input.createdAt, input.firstResponseAt) : null,
    resolvedAt: input.resolvedAt,
    resolverId: input.resolvedAt ? input.assigneeId : null,
    resolutionSeconds: input.resolvedAt ? seconds(input.createdAt, input.resolvedAt) : null,
    publicReplies: input.agentReplies,
    reopened: input.reopens > 0,
    assigneeId: input.assigneeId,
    teamId: input.teamId,
  };
}

type Comparable = string | number | boolean | null | Date | string[];
const same = (a: Comparable | undefined, b: Comparable | undefined): boolean => {
  if (a instanceof Date || b instanceof Date) return time(a as Date | null) === time(b as Date | null);
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return (a ?? null) === (b ?? null);
};
const differs = (stored: Record<string, unknown>, wanted: Record<string, unknown>) =>
  Object.entries(wanted).some(([key, value]) => !same(stored[key] as Comparable, value as Comparable));

export async function upsertImportedConversation(
  tx: Tx,
  workspaceId: string,
  input: ImportedConversation,
): Promise<{ id: string; outcome: ImportOutcome }> {
  const wanted = conversationFields(input);
  const cycle = cycleFields(input);
  const [existing] = await tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, workspaceId),
        eq(conversations.channel, input.channel),
        eq(conversations.externalId, input.externalId),
      ),
    )
    .limit(1);
  if (!existing) {
    const id = newId(input.createdAt.getTime());
    await tx.insert(conversations).values({
      workspaceId,
      id,
      channel: input.channel,
      externalId: input.externalId,
      language: input.language,
      cycle: 1,
      ...wanted,
      updatedAt: wanted.lastActivityAt,
    });
    await tx.insert(conversationCycles).values({ workspaceId, conversationId: id, cycle: 1, ...cycle });
    await recordEvents(
      tx,
      workspaceId,
      [
        {
          conversationId: id,
          cycle: 1,
          type: 'created',
          actor: SYSTEM,
          at: input.createdAt,
          data: { channel: input.channel, imported: true, externalId: input.externalId },
        },
      ],
      { domainEvents: false },
    );
    return { id, outcome: 'created' };
  }
  const [storedCycle] = await tx
    .select()
    .from(conversationCycles)
    .where(
      and(
        eq(conversationCycles.workspaceId, workspaceId),
        eq(conversationCycles.conversationId, existing.id),
        eq(conversationCycles.cycle, 1),
      ),
    )
    .limit(1);
  // A conversation that lived on in Koe (reopened here) keeps its current cycle's milestones.
  const { searchVector: _vector, lastActivityAt: _activity, ...compared } = wanted;
  const liveCycle = existing.cycle > 1;
  const conversationChanged = differs(existing, liveCycle ? { ...compared, ...current(existing) } : compared);
  const cycleChanged = !storedCycle || differs(storedCycle, cycle);
  if (!conversationChanged && !cycleChanged) return { id: existing.id, outcome: 'unchanged' };
  const where = and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, existing.id));
  await tx
    .update(conversations)
    .set({ ...wanted, ...(liveCycle ? current(existing) : {}), updatedAt: new Date() })
    .where(where);
  if (storedCycle) {
    await tx
      .update(conversationCycles)
      .set(cycle)
      .where(
        and(
          eq(conversationCycles.workspaceId, workspaceId),
          eq(conversationCycles.conversationId, existing.id),
          eq(conversationCycles.cycle, 1),
        ),
      );
  } else {
    await tx.insert(conversationCycles).values({ workspaceId, conversationId: existing.id, cycle: 1, ...cycle });
  }
  return { id: existing.id, outcome: 'updated' };
}

/** The milestones of a conversation's current cycle, kept when it has moved past cycle 1. */
function current(row: typeof conversations.$inferSelect) {
  return {
    status: row.status,
    reopenCount: row.reopenCount,
    cycleStartedAt: row.cycleStartedAt,
    waitingSince: row.waitingSince,
    firstResponseAt: row.firstResponseAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    lastActivityAt: row.lastActivityAt,
  };
}

export interface ConversationSnapshot {
  id: string;
  channel: Channel;
  contactId: string;
  /** The cycle-1 resolver, else its first responder, else the assignee (as the after-resolution snapshot). */
  agentId: string | null;
  teamId: string | null;
}

/**
 * The conversation an imported response belongs to, by its external id; `channel` picks
 * one when the same external id exists on several channels. 'ambiguous' when it cannot.
 */
export async function conversationByExternalId(
  tx: Tx,
  workspaceId: string,
  externalId: string,
  channel: Channel | null,
): Promise<ConversationSnapshot | 'ambiguous' | null> {
  const c = conversations;
  const y = conversationCycles;
  const rows = await tx
    .select({
      id: c.id,
      channel: c.channel,
      contactId: c.contactId,
      assigneeId: c.assigneeId,
      teamId: c.teamId,
      resolverId: y.resolverId,
      firstResponderId: y.firstResponderId,
      cycleTeamId: y.teamId,
    })
    .from(c)
    .leftJoin(y, and(eq(y.workspaceId, c.workspaceId), eq(y.conversationId, c.id), eq(y.cycle, 1)))
    .where(and(eq(c.workspaceId, workspaceId), eq(c.externalId, externalId)))
    .limit(10);
  const matches = rows.length > 1 && channel ? rows.filter((row) => row.channel === channel) : rows;
  if (matches.length > 1) return 'ambiguous';
  const row = matches[0];
  if (!row) return null;
  return {
    id: row.id,
    channel: row.channel,
    contactId: row.contactId,
    agentId: row.resolverId ?? row.firstResponderId ?? row.assigneeId,
    teamId: row.cycleTeamId ?? row.teamId,
  };
}
