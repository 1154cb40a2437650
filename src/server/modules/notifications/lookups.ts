import { and, desc, eq, lte } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { contacts, escalations, messages, recoveryCases, teamMembers, teams } from '../../db/schema/index.ts';
import { getConversation } from '../conversations/service.ts';
import { memberNames } from '../workspaces/service.ts';

/**
 * What the notifications handler reads about an event's subject. Reads only: the owning
 * modules keep writing these rows; a missing row (deleted since) yields null and no one
 * is notified about it.
 */

export interface ConversationFacts {
  id: string;
  subject: string;
  contactName: string | null;
  assigneeId: string | null;
  teamId: string | null;
}

export async function conversationFacts(
  tx: Tx,
  workspaceId: string,
  conversationId: string | null,
): Promise<ConversationFacts | null> {
  if (!conversationId) return null;
  const conversation = await getConversation(tx, workspaceId, conversationId).catch(() => null);
  if (!conversation) return null;
  return {
    id: conversation.id,
    subject: conversation.subject,
    contactName: conversation.contact?.name ?? null,
    assigneeId: conversation.assigneeId,
    teamId: conversation.teamId,
  };
}

/** The name of the member who did it; null for customers, rules and the system. */
export async function actorName(
  tx: Tx,
  workspaceId: string,
  actor: { type: string | null; id: string | null },
): Promise<string | null> {
  if (actor.type !== 'user' || !actor.id) return null;
  return (await memberNames(tx, workspaceId, [actor.id])).get(actor.id) ?? null;
}

export async function noteBody(tx: Tx, workspaceId: string, messageId: unknown): Promise<string | null> {
  if (typeof messageId !== 'string') return null;
  const [row] = await tx
    .select({ body: messages.body, kind: messages.kind })
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, messageId)))
    .limit(1);
  return row?.kind === 'note' ? row.body : null;
}

/** Members of a team, optionally only those of one escalation tier. */
export async function teamMemberIds(tx: Tx, workspaceId: string, teamId: string, tier?: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: teamMembers.userId, tier: teamMembers.tier })
    .from(teamMembers)
    .where(and(eq(teamMembers.workspaceId, workspaceId), eq(teamMembers.teamId, teamId)));
  return rows.filter((r) => !tier || r.tier === tier).map((r) => r.userId);
}

export async function teamName(tx: Tx, workspaceId: string, teamId: string): Promise<string | null> {
  const [row] = await tx
    .select({ name: teams.name })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)))
    .limit(1);
  return row?.name ?? null;
}

export interface EscalationFacts {
  toUserId: string | null;
  toTeamId: string | null;
  toTier: string | null;
  reason: string | null;
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

/**
 * The escalation an event reports: the row it names (data.escalationId), else the
 * conversation's latest escalation up to the event, else the event's own fields.
 */
export async function escalationFacts(
  tx: Tx,
  workspaceId: string,
  event: { conversationId: string | null; subjectId: string | null; data: Record<string, unknown>; occurredAt: Date },
): Promise<EscalationFacts> {
  const id = text(event.data.escalationId) ?? event.subjectId;
  let [row] = id
    ? await tx
        .select()
        .from(escalations)
        .where(and(eq(escalations.workspaceId, workspaceId), eq(escalations.id, id)))
        .limit(1)
    : [];
  if (!row && event.conversationId) {
    [row] = await tx
      .select()
      .from(escalations)
      .where(
        and(
          eq(escalations.workspaceId, workspaceId),
          eq(escalations.conversationId, event.conversationId),
          lte(escalations.createdAt, event.occurredAt),
        ),
      )
      .orderBy(desc(escalations.createdAt))
      .limit(1);
  }
  if (row) return { toUserId: row.toUserId, toTeamId: row.toTeamId, toTier: row.toTier, reason: row.reason };
  return {
    toUserId: text(event.data.toUserId),
    toTeamId: text(event.data.toTeamId),
    toTier: text(event.data.toTier) ?? text(event.data.tier),
    reason: text(event.data.reason),
  };
}

export interface CaseFacts {
  id: string;
  number: number;
  ownerId: string | null;
  teamId: string | null;
  conversationId: string | null;
  contactName: string | null;
  dueAt: Date;
}

export async function recoveryCaseFacts(tx: Tx, workspaceId: string, caseId: string | null): Promise<CaseFacts | null> {
  if (!caseId) return null;
  const [row] = await tx
    .select({
      id: recoveryCases.id,
      number: recoveryCases.number,
      ownerId: recoveryCases.ownerId,
      teamId: recoveryCases.teamId,
      conversationId: recoveryCases.conversationId,
      contactName: contacts.name,
      dueAt: recoveryCases.dueAt,
    })
    .from(recoveryCases)
    .leftJoin(
      contacts,
      and(eq(contacts.workspaceId, recoveryCases.workspaceId), eq(contacts.id, recoveryCases.contactId)),
    )
    .where(and(eq(recoveryCases.workspaceId, workspaceId), eq(recoveryCases.id, caseId)))
    .limit(1);
  return row ?? null;
}
