import { sql } from 'drizzle-orm';
import type { AutomationActionOf } from '../../../../shared/contracts/automation.ts';
import { renderScript } from '../../../../shared/scripts.ts';
import { automationRuns } from '../../../db/schema/index.ts';
import { addMessage } from '../../conversations/messages.ts';
import { getConversation, updateConversation } from '../../conversations/service.ts';
import { getWorkspace, memberNames } from '../../workspaces/service.ts';
import { getTeam } from '../../workspaces/teams.ts';
import { type ActionEnv, type ActionOutcome, conversationOf, done, refused } from './types.ts';

/** How many of a rule's latest runs round robin looks back on. */
const ROTATION_MEMORY = 500;

/**
 * Round robin: the team member this rule assigned least recently (one it never assigned
 * first, in id order), read from the rule's own run log.
 */
async function nextInRotation(env: ActionEnv, memberIds: string[]): Promise<string | null> {
  if (memberIds.length === 0) return null;
  const result = await env.tx.execute<{ user_id: string; at: Date | string }>(sql`
    select a -> 'params' ->> 'userId' as user_id, max(r.created_at) as at
    from (
      select actions, created_at from ${automationRuns}
      where workspace_id = ${env.workspaceId} and rule_id = ${env.rule.id} and status in ('succeeded', 'failed')
      order by created_at desc limit ${ROTATION_MEMORY}
    ) r
    cross join lateral jsonb_array_elements(r.actions) a
    where a ->> 'type' = 'assign' and a ->> 'code' = 'assigned' and a -> 'params' ->> 'userId' is not null
    group by 1`);
  const last = new Map(result.rows.map((row) => [row.user_id, new Date(row.at).getTime()]));
  const sorted = [...memberIds].sort((a, b) => (last.get(a) ?? -1) - (last.get(b) ?? -1) || a.localeCompare(b));
  return sorted[0] ?? null;
}

export async function assign(env: ActionEnv, action: AutomationActionOf<'assign'>): Promise<ActionOutcome> {
  const conversationId = conversationOf(env);
  let userId = action.userId;
  if (action.roundRobin && action.teamId) {
    const team = await getTeam(env.tx, env.workspaceId, action.teamId).catch(() => null);
    if (!team) return refused('team_missing', 'the team no longer exists');
    const next = await nextInRotation(env, team.memberIds);
    if (!next) return refused('team_empty', `the team "${team.name}" has no members`, { team: team.name });
    userId = next;
  }
  const before = await getConversation(env.tx, env.workspaceId, conversationId);
  const change = {
    ...(userId && userId !== before.assigneeId ? { assigneeId: userId } : {}),
    ...(action.teamId && action.teamId !== before.teamId ? { teamId: action.teamId } : {}),
  };
  if (Object.keys(change).length === 0) return done('unchanged');
  await updateConversation(env.tx, env.workspaceId, conversationId, env.actor, change, env.now);
  return done(userId ? 'assigned' : 'team_set', { userId: userId ?? null, teamId: action.teamId ?? null });
}

export async function addTag(env: ActionEnv, action: AutomationActionOf<'add_tag'>): Promise<ActionOutcome> {
  const conversationId = conversationOf(env);
  const before = await getConversation(env.tx, env.workspaceId, conversationId);
  if (before.tags.includes(action.tag)) return done('unchanged', { tag: action.tag });
  await updateConversation(
    env.tx,
    env.workspaceId,
    conversationId,
    env.actor,
    { tags: [...before.tags, action.tag] },
    env.now,
  );
  return done('tagged', { tag: action.tag });
}

export async function setPriority(env: ActionEnv, action: AutomationActionOf<'set_priority'>): Promise<ActionOutcome> {
  const conversationId = conversationOf(env);
  const before = await getConversation(env.tx, env.workspaceId, conversationId);
  if (before.priority === action.priority) return done('unchanged', { priority: action.priority });
  await updateConversation(env.tx, env.workspaceId, conversationId, env.actor, { priority: action.priority }, env.now);
  return done('priority_set', { priority: action.priority });
}

/** An internal note by the rule, with reply-script variables filled in ({{contact.name}} …). */
export async function addNote(env: ActionEnv, action: AutomationActionOf<'add_note'>): Promise<ActionOutcome> {
  const conversationId = conversationOf(env);
  const conversation = await getConversation(env.tx, env.workspaceId, conversationId);
  const agent = conversation.assigneeId
    ? (await memberNames(env.tx, env.workspaceId, [conversation.assigneeId])).get(conversation.assigneeId)
    : null;
  const workspace = await getWorkspace(env.tx, env.workspaceId);
  const body = renderScript(action.body, {
    contact: { name: env.ctx.contact?.name ?? null, email: env.ctx.contact?.emails[0] ?? null },
    company: env.ctx.company ? { name: env.ctx.company.name } : null,
    agent: { name: agent ?? null },
    conversation: { subject: conversation.subject, id: conversation.id },
    workspace: { name: workspace.name },
  });
  const message = await addMessage(env.tx, env.workspaceId, conversationId, env.actor, {
    kind: 'note',
    body,
    createdAt: env.now.toISOString(),
  });
  return done('note_added', { messageId: message.id });
}
