import type { Db } from '../db/client.ts';
import type { Actor } from '../modules/conversations/events.ts';
import { addMessage } from '../modules/conversations/messages.ts';
import { createConversation, updateConversation } from '../modules/conversations/service.ts';
import type { TeamKey } from './data/staff.ts';
import type { ConversationPlan } from './plan.ts';
import type { Step } from './thread.ts';

export interface ReplayContext {
  db: Db;
  workspaceId: string;
  now: Date;
  contactIds: string[];
  agentIds: Map<string, string>;
  teamIds: Map<TeamKey, string>;
}

const SYSTEM: Actor = { type: 'system', id: null };

function agentId(context: ReplayContext, key: string): string {
  const id = context.agentIds.get(key);
  if (!id) throw new Error(`demo agent ${key} has no user`);
  return id;
}

async function play(context: ReplayContext, conversationId: string, contactId: string, step: Step): Promise<void> {
  const { db, workspaceId } = context;
  if (step.kind === 'message') {
    const author = step.author ? agentId(context, step.author) : null;
    const actor: Actor =
      step.message === 'customer'
        ? { type: 'contact', id: contactId }
        : step.message === 'bot'
          ? { type: 'bot', id: null }
          : { type: 'user', id: author };
    await addMessage(db, workspaceId, conversationId, actor, {
      kind: step.message,
      body: step.body,
      ...(author ? { authorId: author } : {}),
      createdAt: step.at.toISOString(),
      ...(step.status ? { status: step.status } : {}),
    });
    return;
  }
  const actor: Actor = step.actor ? { type: 'user', id: agentId(context, step.actor) } : SYSTEM;
  await updateConversation(
    db,
    workspaceId,
    conversationId,
    actor,
    {
      ...(step.status ? { status: step.status } : {}),
      ...(step.assignee ? { assigneeId: agentId(context, step.assignee) } : {}),
      ...(step.team ? { teamId: context.teamIds.get(step.team) ?? null } : {}),
      ...(step.priority ? { priority: step.priority } : {}),
      ...(step.tags ? { tags: step.tags } : {}),
    },
    step.at,
  );
}

/**
 * Writes one planned conversation through the same services the API uses, so
 * milestones, care cycles and the event log are exactly what they would be had
 * it happened live. Steps later than "now" have not happened yet. Returns the
 * conversation's id and the number of messages written.
 */
export async function replayConversation(
  context: ReplayContext,
  plan: ConversationPlan,
): Promise<{ conversationId: string; messages: number }> {
  const contactId = context.contactIds[plan.contact];
  if (!contactId) throw new Error('demo contact missing');
  const creator: Actor = plan.createdBy ? { type: 'user', id: agentId(context, plan.createdBy) } : SYSTEM;
  const conversation = await createConversation(context.db, context.workspaceId, creator, {
    channel: plan.channel,
    customer: { contactId },
    subject: plan.subject,
    priority: plan.priority,
    tags: plan.tags,
    language: plan.language,
    teamId: context.teamIds.get(plan.team) ?? null,
    assigneeId: plan.assignee ? agentId(context, plan.assignee) : null,
    createdAt: plan.createdAt.toISOString(),
    message: { body: plan.opening },
  });
  let messages = 1;
  for (const step of plan.steps) {
    if (step.at > context.now) break;
    await play(context, conversation.id, contactId, step);
    if (step.kind === 'message') messages++;
  }
  return { conversationId: conversation.id, messages };
}
