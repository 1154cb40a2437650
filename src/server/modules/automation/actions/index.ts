import type { AutomationActionInput, AutomationActionResult } from '../../../../shared/contracts/automation.ts';
import { HttpProblem } from '../../../http/problem.ts';
import { holdingUpdates, mergeUpdates } from '../../conversations/updates.ts';
import { emitEvents, type NewDomainEvent } from '../../events/emit.ts';
import { addNote, addTag, assign, setPriority } from './conversation.ts';
import { escalate, notify, openRecoveryCase, sendWebhook } from './handoff.ts';
import { sendSurvey } from './send-survey.ts';
import { type ActionEnv, type ActionOutcome, NoConversation } from './types.ts';

function perform(env: ActionEnv, action: AutomationActionInput): Promise<ActionOutcome> {
  switch (action.type) {
    case 'assign':
      return assign(env, action);
    case 'add_tag':
      return addTag(env, action);
    case 'set_priority':
      return setPriority(env, action);
    case 'add_note':
      return addNote(env, action);
    case 'send_survey':
      return sendSurvey(env, action);
    case 'escalate':
      return escalate(env, action);
    case 'open_recovery_case':
      return openRecoveryCase(env, action);
    case 'notify':
      return notify(env, action);
    case 'send_webhook':
      return sendWebhook(env, action);
  }
}

function failure(error: unknown): ActionOutcome {
  if (error instanceof NoConversation) return { ok: false, code: 'no_conversation', detail: error.message };
  // A service's 4xx explains itself ("body.assigneeId: is not a member of this workspace").
  const detail = error instanceof HttpProblem ? error.message : error instanceof Error ? error.message : String(error);
  return { ok: false, code: 'failed', detail: detail.slice(0, 500) };
}

/**
 * Runs a rule's actions in order, each in its own savepoint: a failing action leaves no
 * partial write behind, is logged with its reason, and the actions after it still run. The
 * changes they make to a conversation are reported as one `conversation.updated` (webhooks
 * and other rules see one update listing them all, not one per action).
 */
export async function runActions(
  env: Omit<ActionEnv, 'now'>,
  actions: AutomationActionInput[],
): Promise<AutomationActionResult[]> {
  const results: AutomationActionResult[] = [];
  const updates: NewDomainEvent[] = [];
  for (const action of actions) {
    try {
      const now = env.clock();
      const outcome = await env.tx.transaction(async (sp) => {
        const held = await holdingUpdates(() => perform({ ...env, tx: sp, now }, action));
        // Only once the action's savepoint holds: a failed action's changes are not reported.
        return { outcome: held.result, updates: held.updates };
      });
      updates.push(...outcome.updates);
      results.push({ type: action.type, ...outcome.outcome });
    } catch (error) {
      const outcome = failure(error);
      if (outcome.code === 'failed')
        env.app.log.warn(`[automation] rule ${env.rule.id}: ${action.type}: ${outcome.detail}`);
      results.push({ type: action.type, ...outcome });
    }
  }
  await emitEvents(env.tx, env.workspaceId, mergeUpdates(updates));
  return results;
}
