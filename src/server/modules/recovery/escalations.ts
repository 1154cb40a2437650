import { and, asc, eq } from 'drizzle-orm';
import { ESCALATION_TIERS, type Escalation, type EscalationTier } from '../../../shared/contracts/recovery.ts';
import type { Tx } from '../../db/client.ts';
import { escalations, teams } from '../../db/schema/index.ts';
import { badRequest } from '../../http/problem.ts';
import { newId } from '../../lib/id.ts';
import { reassignConversation } from '../conversations/assignment.ts';
import { type Actor, actorNames, type NewEvent, recordEvents } from '../conversations/events.ts';
import { lockConversation, saveConversation } from '../conversations/lifecycle.ts';
import { getConversation } from '../conversations/service.ts';
import { memberExists, memberNames } from '../workspaces/service.ts';
import { teamExists } from '../workspaces/teams.ts';
import { escalationTarget } from './owners.ts';

type EscalationRow = typeof escalations.$inferSelect;

const rank = (tier: EscalationTier) => ESCALATION_TIERS.indexOf(tier);

/** The next tier up; a conversation already with a manager stays at manager (it can still move to another team). */
export function nextTier(tier: EscalationTier): EscalationTier {
  return ESCALATION_TIERS[Math.min(rank(tier) + 1, ESCALATION_TIERS.length - 1)] ?? 'manager';
}

/**
 * Escalates a conversation (by hand or by an automation rule): to the next tier by default,
 * to the team given (else its own team) and to the person given — else the team's member at
 * that tier, else its manager, else a workspace manager. Reassigns the conversation, records
 * the tier on it, the path in `escalations`, and the `escalated` log entry (→ conversation.escalated).
 * A tier below the current one is a 400 naming `body.tier`.
 */
export async function escalateConversation(
  tx: Tx,
  workspaceId: string,
  conversationId: string,
  input: {
    toTeamId?: string | null | undefined;
    toUserId?: string | null | undefined;
    reason: string;
    tier?: EscalationTier | undefined;
  },
  actor: Actor & { ruleId?: string | null },
  at = new Date(),
): Promise<Escalation> {
  const row = await lockConversation(tx, workspaceId, conversationId);
  const reason = input.reason.trim();
  if (!reason) throw badRequest('body.reason', 'is required: say why the conversation is escalated');
  const fromTier = row.escalationTier;
  const toTier = input.tier ?? nextTier(fromTier);
  if (rank(toTier) < rank(fromTier)) {
    throw badRequest('body.tier', `must not be below the conversation's current tier (${fromTier})`);
  }
  if (input.toTeamId && !(await teamExists(tx, workspaceId, input.toTeamId))) {
    throw badRequest('body.toTeamId', 'is not a team of this workspace');
  }
  if (input.toUserId && !(await memberExists(tx, workspaceId, input.toUserId))) {
    throw badRequest('body.toUserId', 'is not a member of this workspace');
  }
  const toTeamId = input.toTeamId ?? row.teamId;
  const toUserId = input.toUserId ?? (await escalationTarget(tx, workspaceId, toTeamId, toTier));
  const from = { userId: row.assigneeId, teamId: row.teamId };
  const ruleId = actor.ruleId ?? (actor.type === 'automation' ? actor.id : null);
  const logActor: Actor = { type: actor.type, id: actor.id };
  const events: NewEvent[] = await reassignConversation(
    tx,
    workspaceId,
    row,
    { assigneeId: toUserId, teamId: toTeamId },
    logActor,
    at,
  );
  row.escalationTier = toTier;
  const id = newId(at.getTime());
  events.push({
    conversationId: row.id,
    cycle: row.cycle,
    type: 'escalated',
    actor: logActor,
    at,
    data: {
      escalationId: id,
      fromTier,
      toTier,
      fromUserId: from.userId,
      fromTeamId: from.teamId,
      toUserId,
      toTeamId,
      reason,
      ruleId,
    },
  });
  const record: EscalationRow = {
    workspaceId,
    id,
    conversationId: row.id,
    cycle: row.cycle,
    fromTier,
    toTier,
    fromUserId: from.userId,
    fromTeamId: from.teamId,
    toUserId,
    toTeamId,
    reason,
    ruleId,
    actorType: actor.type,
    actorId: actor.id,
    channel: row.channel,
    createdAt: at,
  };
  await tx.insert(escalations).values(record);
  await saveConversation(tx, row, at);
  await recordEvents(tx, workspaceId, events);
  const [presented] = await presentEscalations(tx, workspaceId, [record]);
  if (!presented) throw new Error('escalation not presented');
  return presented;
}

/** The escalation path of a conversation, oldest first. */
export async function listEscalations(tx: Tx, workspaceId: string, conversationId: string): Promise<Escalation[]> {
  await getConversation(tx, workspaceId, conversationId);
  const rows = await tx
    .select()
    .from(escalations)
    .where(and(eq(escalations.workspaceId, workspaceId), eq(escalations.conversationId, conversationId)))
    .orderBy(asc(escalations.createdAt), asc(escalations.id));
  return presentEscalations(tx, workspaceId, rows);
}

async function presentEscalations(tx: Tx, workspaceId: string, rows: EscalationRow[]): Promise<Escalation[]> {
  const userIds = rows.flatMap((r) => [r.fromUserId, r.toUserId].filter((id): id is string => Boolean(id)));
  const names = await memberNames(tx, workspaceId, userIds);
  const actors = await actorNames(
    tx,
    workspaceId,
    rows.map((r) => ({ type: r.actorType as Actor['type'], id: r.actorId })),
  );
  const teamRows = await tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.workspaceId, workspaceId));
  const teamNames = new Map(teamRows.map((t) => [t.id, t.name]));
  const person = (id: string | null, from: Map<string, string>) => (id ? { id, name: from.get(id) ?? '' } : null);
  return rows.map((r) => ({
    id: r.id,
    conversationId: r.conversationId,
    cycle: r.cycle,
    fromTier: r.fromTier,
    toTier: r.toTier,
    fromUser: person(r.fromUserId, names),
    toUser: person(r.toUserId, names),
    fromTeam: person(r.fromTeamId, teamNames),
    toTeam: person(r.toTeamId, teamNames),
    reason: r.reason,
    ruleId: r.ruleId,
    actorType: r.actorType,
    actor: r.actorType === 'user' ? person(r.actorId, actors) : null,
    channel: r.channel,
    createdAt: r.createdAt.toISOString(),
  }));
}
