import type { AutomationActionOf } from '../../../../shared/contracts/automation.ts';
import { notifyUsers } from '../../notifications/service.ts';
import { escalateConversation } from '../../recovery/escalations.ts';
import { openRecoveryCase as openCase } from '../../recovery/service.ts';
import { enqueueWebhook } from '../../webhooks/service.ts';
import { type ActionEnv, type ActionOutcome, conversationOf, done, refused } from './types.ts';

/** Escalates the conversation along its escalation path (tier, team, person), recorded with the reason. */
export async function escalate(env: ActionEnv, action: AutomationActionOf<'escalate'>): Promise<ActionOutcome> {
  const conversationId = conversationOf(env);
  const escalation = await escalateConversation(
    env.tx,
    env.workspaceId,
    conversationId,
    { toTeamId: action.toTeamId, toUserId: action.toUserId, reason: action.reason, tier: action.tier },
    env.actor,
    env.now,
  );
  return done('escalated', {
    tier: escalation.toTier,
    user: escalation.toUser?.name ?? null,
    team: escalation.toTeam?.name ?? null,
  });
}

/** Opens a service-recovery case for the conversation's customer, or joins the conversation's open case. */
export async function openRecoveryCase(
  env: ActionEnv,
  action: AutomationActionOf<'open_recovery_case'>,
): Promise<ActionOutcome> {
  const conversationId = conversationOf(env);
  const reason = action.reason?.trim() || `Opened by the automation rule “${env.rule.name}”`;
  const opened = await openCase(
    env.tx,
    env.workspaceId,
    { conversationId, reason, ownerId: action.ownerId ?? null },
    env.actor,
  );
  return done('case_opened', { caseId: opened.id, number: opened.number });
}

/** An in-app notification (type `automation`) to the listed members and/or the conversation's assignee. */
export async function notify(env: ActionEnv, action: AutomationActionOf<'notify'>): Promise<ActionOutcome> {
  const conversation = env.ctx.conversation;
  const userIds = [...action.userIds];
  if (action.assignee && conversation?.assigneeId) userIds.push(conversation.assigneeId);
  if (userIds.length === 0) return refused('nobody', 'the conversation has no assignee to notify');
  const notified = await notifyUsers(env.tx, env.workspaceId, {
    userIds,
    type: 'automation',
    data: {
      ...(conversation ? { conversationId: conversation.id, subject: conversation.subject } : {}),
      ...(env.ctx.contact ? { contactName: env.ctx.contact.name } : {}),
      ruleName: env.rule.name,
      message: action.message,
    },
    // Not keyed by the event: two rules notifying one person about one event both arrive.
    eventId: null,
    now: env.now,
  });
  if (notified.length === 0) return refused('nobody', 'none of the people named is a member any more');
  return done('notified', { count: notified.length });
}

/** Queues the event for one webhook endpoint (delivered after commit, signed, with retries). */
export async function sendWebhook(env: ActionEnv, action: AutomationActionOf<'send_webhook'>): Promise<ActionOutcome> {
  if (!env.event) return refused('no_event', 'time-based rules have no event to send');
  const queued = await enqueueWebhook(env.tx, env.workspaceId, action.endpointId, env.event, env.now);
  return done(queued.created ? 'webhook_queued' : 'webhook_already_queued', { deliveryId: queued.deliveryId });
}
