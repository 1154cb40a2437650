import type { AutomationActionResult } from '../../../../shared/contracts/automation.ts';
import type { AppContext } from '../../../context.ts';
import type { Tx } from '../../../db/client.ts';
import type { Actor } from '../../conversations/events.ts';
import type { DomainEventRow } from '../../events/emit.ts';
import type { EvaluationContext } from '../fields.ts';
import type { RuleRow } from '../presenters.ts';

/** What an action works with: the savepoint it runs in, the rule as the actor, the event's context. */
export interface ActionEnv {
  tx: Tx;
  app: AppContext;
  workspaceId: string;
  rule: RuleRow;
  /** `{ type: 'automation', id: rule.id }`: what the action does is recorded as done by the rule. */
  actor: Actor;
  ctx: EvaluationContext;
  /** The domain event the rule runs on; null for time-based rules. */
  event: DomainEventRow | null;
  /** When the action acts (each action its own instant, see steppingClock). */
  now: Date;
  clock(): Date;
  afterCommit(task: () => Promise<void>): void;
}

/** An action's result without its type (added by the runner). */
export type ActionOutcome = Omit<AutomationActionResult, 'type'>;

export const done = (code: string, params?: AutomationActionResult['params']): ActionOutcome =>
  params ? { ok: true, code, params } : { ok: true, code };

export const refused = (code: string, detail: string, params?: AutomationActionResult['params']): ActionOutcome =>
  params ? { ok: false, code, detail, params } : { ok: false, code, detail };

/** Actions on a conversation fail plainly when the event has none (e.g. a survey answered by link). */
export class NoConversation extends Error {
  constructor() {
    super('this event has no conversation to act on');
  }
}

export function conversationOf(env: ActionEnv): string {
  const id = env.ctx.conversation?.id;
  if (!id) throw new NoConversation();
  return id;
}
