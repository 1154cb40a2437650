import type { NotificationData } from '../../../shared/contracts/notifications.ts';
import type { Tx } from '../../db/client.ts';
import type { EventHandler } from '../events/dispatch.ts';
import type { DomainEventRow } from '../events/emit.ts';
import { listMembers } from '../workspaces/service.ts';
import {
  actorName,
  type ConversationFacts,
  conversationFacts,
  escalationFacts,
  noteBody,
  recoveryCaseFacts,
  teamMemberIds,
  teamName,
} from './lookups.ts';
import { mentionedMemberIds } from './mentions.ts';
import { type NotifyInput, notifyUsers } from './service.ts';

const EXCERPT_CHARS = 160;

const excerpt = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
};

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** The person who caused an event is not told about it. */
const notActor = (event: DomainEventRow) => (userId: string) =>
  !(event.actorType === 'user' && event.actorId === userId);

function conversationData(conversation: ConversationFacts): NotificationData {
  return {
    conversationId: conversation.id,
    subject: conversation.subject,
    ...(conversation.contactName ? { contactName: conversation.contactName } : {}),
  };
}

async function notify(tx: Tx, event: DomainEventRow, input: Omit<NotifyInput, 'eventId' | 'now'>) {
  const userIds = input.userIds.filter(notActor(event));
  await notifyUsers(tx, event.workspaceId, { ...input, userIds, eventId: event.id, now: event.occurredAt });
}

/** Whom the SLA of a conversation concerns: its assignee, else its team's managers. */
async function responsibleFor(tx: Tx, workspaceId: string, conversation: ConversationFacts): Promise<string[]> {
  if (conversation.assigneeId) return [conversation.assigneeId];
  return conversation.teamId ? teamMemberIds(tx, workspaceId, conversation.teamId, 'manager') : [];
}

async function withActor(tx: Tx, event: DomainEventRow, data: NotificationData): Promise<NotificationData> {
  const name = await actorName(tx, event.workspaceId, { type: event.actorType, id: event.actorId });
  return name ? { ...data, actorName: name } : data;
}

type Handle = (tx: Tx, event: DomainEventRow) => Promise<void>;

const onAssigned: Handle = async (tx, event) => {
  const to = text(event.data.to);
  if (!to) return;
  const conversation = await conversationFacts(tx, event.workspaceId, event.conversationId);
  if (!conversation) return;
  await notify(tx, event, {
    userIds: [to],
    type: 'assigned',
    data: await withActor(tx, event, conversationData(conversation)),
  });
};

const onNote: Handle = async (tx, event) => {
  const body = await noteBody(tx, event.workspaceId, event.data.messageId);
  if (!body?.includes('@')) return;
  const members = await listMembers(tx, event.workspaceId);
  const mentioned = mentionedMemberIds(body, members);
  if (mentioned.length === 0) return;
  const conversation = await conversationFacts(tx, event.workspaceId, event.conversationId);
  if (!conversation) return;
  await notify(tx, event, {
    userIds: mentioned,
    type: 'mentioned',
    data: await withActor(tx, event, { ...conversationData(conversation), excerpt: excerpt(body) }),
  });
};

const onEscalated: Handle = async (tx, event) => {
  const conversation = await conversationFacts(tx, event.workspaceId, event.conversationId);
  if (!conversation) return;
  const escalation = await escalationFacts(tx, event.workspaceId, event);
  let userIds: string[] = [];
  let team: string | null = null;
  if (escalation.toUserId) userIds = [escalation.toUserId];
  else if (escalation.toTeamId) {
    team = await teamName(tx, event.workspaceId, escalation.toTeamId);
    userIds = await teamMemberIds(tx, event.workspaceId, escalation.toTeamId, escalation.toTier ?? undefined);
    // Nobody holds that tier in the team: its members hear of it rather than no one.
    if (userIds.length === 0) userIds = await teamMemberIds(tx, event.workspaceId, escalation.toTeamId);
  }
  await notify(tx, event, {
    userIds,
    type: 'escalated',
    data: await withActor(tx, event, {
      ...conversationData(conversation),
      ...(escalation.toTier ? { tier: escalation.toTier } : {}),
      ...(team ? { teamName: team } : {}),
      ...(escalation.reason ? { reason: escalation.reason } : {}),
    }),
  });
};

const onSla: Handle = async (tx, event) => {
  const conversation = await conversationFacts(tx, event.workspaceId, event.conversationId);
  if (!conversation) return;
  const target = text(event.data.target) ?? text(event.data.kind);
  const dueAt = text(event.data.dueAt);
  await notify(tx, event, {
    userIds: await responsibleFor(tx, event.workspaceId, conversation),
    type: event.type === 'sla.breached' ? 'sla_breached' : 'sla_warning',
    data: { ...conversationData(conversation), ...(target ? { target } : {}), ...(dueAt ? { dueAt } : {}) },
  });
};

const onRecovery: Handle = async (tx, event) => {
  const found = await recoveryCaseFacts(tx, event.workspaceId, text(event.data.caseId) ?? event.subjectId);
  if (!found) return;
  const userIds = found.ownerId
    ? [found.ownerId]
    : found.teamId
      ? await teamMemberIds(tx, event.workspaceId, found.teamId, 'manager')
      : [];
  await notify(tx, event, {
    userIds,
    type: 'recovery_due',
    data: {
      caseId: found.id,
      caseNumber: found.number,
      recovery: event.type === 'recovery.overdue' ? 'overdue' : 'opened',
      dueAt: found.dueAt.toISOString(),
      ...(found.conversationId ? { conversationId: found.conversationId } : {}),
      ...(found.contactName ? { contactName: found.contactName } : {}),
    },
  });
};

const HANDLERS: Partial<Record<DomainEventRow['type'], Handle>> = {
  'conversation.assigned': onAssigned,
  'note.added': onNote,
  'conversation.escalated': onEscalated,
  'sla.warning': onSla,
  'sla.breached': onSla,
  'recovery.opened': onRecovery,
  'recovery.overdue': onRecovery,
};

/**
 * In-app notifications from domain events: assigned → the new assignee; @mentions in a
 * note → the members mentioned; escalated → the person, or the team's members of the tier
 * reached; SLA warning / breach → the assignee, else the team's managers; recovery case
 * opened / overdue → its owner, else the team's managers. Nobody hears about their own action.
 */
export const notificationEventHandler: EventHandler = {
  name: 'notifications',
  wants: (_tx, event) => HANDLERS[event.type] !== undefined,
  async handle(tx, event) {
    await HANDLERS[event.type]?.(tx, event);
  },
};
