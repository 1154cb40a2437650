import type { Tx } from '../../db/client.ts';
import type { DispatchContext, EventHandler } from '../events/dispatch.ts';
import type { DomainEventRow } from '../events/emit.ts';
import { eventContext } from './context.ts';
import { runRule, steppingClock } from './engine.ts';
import { rulesForEvent } from './rules.ts';
import { recordRun } from './runs.ts';

/** One clock per dispatch batch: the events of a batch are handled at its `now`, one step after another. */
const clocks = new WeakMap<DispatchContext, () => Date>();
function clockOf(dispatch: DispatchContext): () => Date {
  let clock = clocks.get(dispatch);
  if (!clock) {
    clock = steppingClock(dispatch.now);
    clocks.set(dispatch, clock);
  }
  return clock;
}

/**
 * Automation rules on domain events. For each event, the enabled rules whose trigger is its
 * type run in position order, all on one context read before the first acts (so rules on
 * the same event cannot feed each other), their actions done as the rule.
 *
 * The loop guard: an event caused by a rule's action (origin_rule_id set) runs no rule. It
 * is logged once, as a `loop_guard` run of the rule that caused it, when some rule would
 * have run — so the log shows where a chain stopped.
 */
/** The workspace's enabled rules for this event type, read once per dispatch batch. */
const rulesOf = (tx: Tx, event: DomainEventRow, dispatch: DispatchContext) =>
  dispatch.memo(`automation:${event.workspaceId}:${event.type}`, () =>
    rulesForEvent(tx, event.workspaceId, event.type),
  );

export const automationHandler: EventHandler = {
  name: 'automation',
  async wants(tx, event, dispatch) {
    return (await rulesOf(tx, event, dispatch)).length > 0;
  },
  async handle(tx, event, dispatch) {
    const rules = await rulesOf(tx, event, dispatch);
    if (rules.length === 0) return;
    if (event.originRuleId) {
      await recordRun(tx, event.workspaceId, {
        ruleId: event.originRuleId,
        eventKey: event.id,
        eventType: event.type,
        conversationId: event.conversationId,
        status: 'loop_guard',
        at: clockOf(dispatch)(),
      });
      return;
    }
    const ctx = await eventContext(tx, event);
    const env = { tx, app: dispatch.app, clock: clockOf(dispatch), afterCommit: dispatch.afterCommit };
    const occasion = { eventKey: event.id, eventType: event.type, conversationId: event.conversationId, event };
    for (const rule of rules) await runRule(env, rule, occasion, ctx);
  },
};
