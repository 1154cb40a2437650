import { z } from 'zod';
import { DomainEventType } from './events.ts';

/**
 * When a rule runs: on a domain event, or (time-based) when a conversation has been in a
 * status for longer than `hours` ("pending for more than 3 days").
 */
export const AutomationTrigger = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), event: DomainEventType }),
  z.object({
    type: z.literal('time'),
    status: z.enum(['open', 'pending', 'resolved']),
    hours: z
      .number()
      .positive()
      .max(24 * 365),
  }),
]);
export type AutomationTrigger = z.infer<typeof AutomationTrigger>;

export const CONDITION_OPERATORS = [
  'eq',
  'neq',
  'in',
  'not_in',
  'contains',
  'not_contains',
  'gt',
  'gte',
  'lt',
  'lte',
  'is_set',
  'is_not_set',
] as const;
export const ConditionOperator = z.enum(CONDITION_OPERATORS);

/** `field` is dotted: conversation.priority, contact.email, company.plan, response.score, response.comment, … */
export const AutomationCondition = z.object({
  field: z.string().trim().min(3).max(100),
  op: ConditionOperator,
  value: z
    .union([z.string().max(1000), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()])).max(100)])
    .optional(),
});
export type AutomationCondition = z.infer<typeof AutomationCondition>;

export interface AutomationConditionGroup {
  match: 'all' | 'any';
  conditions: (AutomationCondition | AutomationConditionGroup)[];
}
export const AutomationConditionGroup: z.ZodType<AutomationConditionGroup> = z.lazy(() =>
  z.object({
    match: z.enum(['all', 'any']),
    conditions: z.array(z.union([AutomationCondition, AutomationConditionGroup])).max(50),
  }),
);

export const AUTOMATION_ACTION_TYPES = [
  'assign',
  'add_tag',
  'set_priority',
  'escalate',
  'send_survey',
  'open_recovery_case',
  'add_note',
  'notify',
  'send_webhook',
] as const;
export type AutomationActionType = (typeof AUTOMATION_ACTION_TYPES)[number];

/** Parameters by type are validated by the automation module (see actions.ts there). */
export const AutomationAction = z.object({ type: z.enum(AUTOMATION_ACTION_TYPES) }).catchall(z.unknown());
export type AutomationAction = z.infer<typeof AutomationAction>;

export const AUTOMATION_RUN_STATUSES = ['succeeded', 'failed', 'no_match', 'loop_guard'] as const;
export type AutomationRunStatus = (typeof AUTOMATION_RUN_STATUSES)[number];

export interface AutomationActionResult {
  type: AutomationActionType;
  ok: boolean;
  detail?: string;
}
