import type {
  AutomationActionInput,
  AutomationActionResult,
  AutomationRunStatus,
} from '../../../shared/contracts/automation.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import type { DomainEventRow } from '../events/emit.ts';
import { runActions } from './actions/index.ts';
import { evaluateGroup } from './conditions.ts';
import { type EvaluationContext, fieldValue } from './fields.ts';
import type { RuleRow } from './presenters.ts';
import { hasRun, recordRun } from './runs.ts';

/** What a rule runs on: a domain event, or a conversation that stayed in a status long enough. */
export interface Occasion {
  eventKey: string;
  eventType: string;
  conversationId: string | null;
  event: DomainEventRow | null;
}

export interface RunEnv {
  tx: Tx;
  app: AppContext;
  /** The time of the next step: strictly increasing, so the conversation log and the run log keep the order things were done in. */
  clock(): Date;
  afterCommit(task: () => Promise<void>): void;
}

/**
 * A clock that starts at `now` and moves a millisecond per reading: the rules of one
 * dispatch or tick act "at the same time", yet each step gets its own instant.
 */
export function steppingClock(now: Date): () => Date {
  let step = 0;
  return () => new Date(now.getTime() + step++);
}

/**
 * Runs one rule on one occasion, at most once (a logged run stops a second one): evaluates
 * its conditions on the context and, when they hold, performs its actions as the rule. The
 * run is logged whatever happened; `failed` means an action failed (the others still ran)
 * or the rule could not be evaluated. Returns the status, or null when it had already run.
 */
export async function runRule(
  env: RunEnv,
  rule: RuleRow,
  occasion: Occasion,
  ctx: EvaluationContext,
): Promise<AutomationRunStatus | null> {
  const workspaceId = rule.workspaceId;
  if (await hasRun(env.tx, workspaceId, rule.id, occasion.eventKey)) return null;
  let status: AutomationRunStatus;
  let actions: AutomationActionResult[] = [];
  let error: string | null = null;
  try {
    if (!evaluateGroup(rule.conditions, (field) => fieldValue(ctx, field))) status = 'no_match';
    else {
      actions = await runActions(
        {
          tx: env.tx,
          app: env.app,
          clock: env.clock,
          afterCommit: env.afterCommit,
          workspaceId,
          rule,
          actor: { type: 'automation', id: rule.id },
          ctx,
          event: occasion.event,
        },
        // Stored only after validation against AutomationActionInput.
        rule.actions as AutomationActionInput[],
      );
      status = actions.every((a) => a.ok) ? 'succeeded' : 'failed';
    }
  } catch (caught) {
    status = 'failed';
    error = (caught instanceof Error ? caught.message : String(caught)).slice(0, 500);
    env.app.log.error(`[automation] rule ${rule.id} on ${occasion.eventKey}: ${error}`);
  }
  await recordRun(env.tx, workspaceId, {
    ruleId: rule.id,
    eventKey: occasion.eventKey,
    eventType: occasion.eventType,
    conversationId: occasion.conversationId,
    status,
    actions,
    error,
    at: env.clock(),
  });
  return status;
}
