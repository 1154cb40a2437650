import { z } from 'zod';
import { Id, PageQuery } from './common.ts';
import { CHANNELS, PRIORITIES, Priority, STATUSES } from './conversations.ts';
import { LIFECYCLE_STAGES } from './customers.ts';
import { DomainEventType } from './events.ts';
import { EscalationTier, RECOVERY_CASE_STATUSES, RECOVERY_SOURCES } from './recovery.ts';
import { SLA_TARGET_KINDS } from './sla.ts';
import { SURVEY_KINDS } from './surveys.ts';

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
    conditions: z
      .array(
        z.union([AutomationCondition, AutomationConditionGroup], {
          error: 'must be a condition { field, op, value } with a known operator, or a group { match, conditions }',
        }),
      )
      .max(50),
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

/** The run log's event type for runs of time-based rules. */
export const TIME_TRIGGER_EVENT = 'time';
export type AutomationRunStatus = (typeof AUTOMATION_RUN_STATUSES)[number];

export interface AutomationActionResult {
  type: AutomationActionType;
  ok: boolean;
  /** What happened, for the run log to translate (`assigned`, `survey_skipped`, `failed` …). */
  code?: string;
  params?: Record<string, string | number | null>;
  detail?: string;
}

// ---------------------------------------------------------------------------------------
// Actions: parameters per type. Validated on write (a 400 names the field, e.g.
// `body.actions.0.tag`); ids must name objects of the workspace.

const Text = (max: number) => z.string().trim().min(1).max(max);

/** Same rule as conversation tags: no commas, no leading space. */
const Tag = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[^,\s][^,]*$/, 'must not contain commas');

/**
 * Assign to a member, move to a team, or both; `roundRobin` with a team assigns the team's
 * member this rule assigned least recently (never-assigned members first).
 */
export const AssignAction = z
  .object({
    type: z.literal('assign'),
    userId: Id.optional(),
    teamId: Id.optional(),
    roundRobin: z.boolean().optional(),
  })
  .superRefine((action, ctx) => {
    if (!action.userId && !action.teamId)
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'give userId or teamId' });
    if (action.roundRobin && !action.teamId)
      ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'round robin needs a team' });
    if (action.roundRobin && action.userId)
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'give a member or round robin, not both' });
  });
export const AddTagAction = z.object({ type: z.literal('add_tag'), tag: Tag });
export const SetPriorityAction = z.object({ type: z.literal('set_priority'), priority: Priority });
/** To a team and/or a person at a tier; the reason is recorded on the escalation path. */
export const EscalateAction = z.object({
  type: z.literal('escalate'),
  toTeamId: Id.optional(),
  toUserId: Id.optional(),
  tier: EscalationTier.optional(),
  reason: Text(500),
});
/** Offers a survey about the conversation, over-surveying rules and suppressions applying. */
export const SendSurveyAction = z.object({ type: z.literal('send_survey'), surveyId: Id });
export const OpenRecoveryCaseAction = z.object({
  type: z.literal('open_recovery_case'),
  reason: z.string().trim().max(500).optional(),
  ownerId: Id.optional(),
});
/** An internal note; `{{contact.name}}`-style variables are filled in. */
export const AddNoteAction = z.object({ type: z.literal('add_note'), body: Text(10_000) });
/** An in-app notification to listed members and/or the conversation's assignee. */
export const NotifyAction = z
  .object({
    type: z.literal('notify'),
    userIds: z.array(Id).max(50).default([]),
    assignee: z.boolean().default(false),
    message: Text(500),
  })
  .superRefine((action, ctx) => {
    if (action.userIds.length === 0 && !action.assignee)
      ctx.addIssue({ code: 'custom', path: ['userIds'], message: 'name at least one member, or the assignee' });
    if (new Set(action.userIds).size !== action.userIds.length)
      ctx.addIssue({ code: 'custom', path: ['userIds'], message: 'lists a member twice' });
  });
/** Queues the event to one webhook endpoint (whatever event types it subscribes to). */
export const SendWebhookAction = z.object({ type: z.literal('send_webhook'), endpointId: Id });

export const AutomationActionInput = z.discriminatedUnion('type', [
  AssignAction,
  AddTagAction,
  SetPriorityAction,
  EscalateAction,
  SendSurveyAction,
  OpenRecoveryCaseAction,
  AddNoteAction,
  NotifyAction,
  SendWebhookAction,
]);
export type AutomationActionInput = z.infer<typeof AutomationActionInput>;
export type AutomationActionOf<T extends AutomationActionType> = Extract<AutomationActionInput, { type: T }>;

// ---------------------------------------------------------------------------------------
// Condition fields: what a rule can test, by group. `contact.attributes.<key>` and
// `company.attributes.<key>` test custom attributes. Some groups exist only for some
// triggers (a survey answer only on survey.answered).

export const AUTOMATION_FIELD_GROUPS = [
  'conversation',
  'changes',
  'message',
  'contact',
  'company',
  'response',
  'sla',
  'recovery',
] as const;
export type AutomationFieldGroup = (typeof AUTOMATION_FIELD_GROUPS)[number];

/** enum: one of `values`; list: several strings (tags); user/team/survey: an id of the workspace. */
export type AutomationFieldType = 'enum' | 'text' | 'number' | 'list' | 'user' | 'team' | 'survey';

export interface AutomationFieldSpec {
  field: string;
  group: AutomationFieldGroup;
  type: AutomationFieldType;
  values?: readonly string[];
}

/** What changed in a conversation.updated (the keys of its `changes`). */
export const CHANGED_FIELDS = ['assigned', 'team', 'status', 'priority', 'tags', 'subject'] as const;

export const AUTOMATION_FIELDS: readonly AutomationFieldSpec[] = [
  { field: 'conversation.channel', group: 'conversation', type: 'enum', values: CHANNELS },
  { field: 'conversation.status', group: 'conversation', type: 'enum', values: STATUSES },
  { field: 'conversation.priority', group: 'conversation', type: 'enum', values: PRIORITIES },
  { field: 'conversation.subject', group: 'conversation', type: 'text' },
  { field: 'conversation.tags', group: 'conversation', type: 'list' },
  { field: 'conversation.assigneeId', group: 'conversation', type: 'user' },
  { field: 'conversation.teamId', group: 'conversation', type: 'team' },
  { field: 'conversation.language', group: 'conversation', type: 'text' },
  { field: 'conversation.reopenCount', group: 'conversation', type: 'number' },
  { field: 'conversation.messageCount', group: 'conversation', type: 'number' },
  { field: 'changes.fields', group: 'changes', type: 'list', values: CHANGED_FIELDS },
  { field: 'changes.status.from', group: 'changes', type: 'enum', values: STATUSES },
  { field: 'changes.priority.from', group: 'changes', type: 'enum', values: PRIORITIES },
  { field: 'changes.tags.added', group: 'changes', type: 'list' },
  { field: 'message.body', group: 'message', type: 'text' },
  { field: 'contact.name', group: 'contact', type: 'text' },
  { field: 'contact.email', group: 'contact', type: 'text' },
  { field: 'contact.locale', group: 'contact', type: 'text' },
  { field: 'company.name', group: 'company', type: 'text' },
  { field: 'company.domain', group: 'company', type: 'text' },
  { field: 'company.plan', group: 'company', type: 'text' },
  { field: 'company.lifecycleStage', group: 'company', type: 'enum', values: LIFECYCLE_STAGES },
  { field: 'company.revenue', group: 'company', type: 'number' },
  { field: 'response.kind', group: 'response', type: 'enum', values: SURVEY_KINDS },
  { field: 'response.score', group: 'response', type: 'number' },
  { field: 'response.comment', group: 'response', type: 'text' },
  { field: 'response.surveyId', group: 'response', type: 'survey' },
  { field: 'sla.kind', group: 'sla', type: 'enum', values: SLA_TARGET_KINDS },
  { field: 'recovery.status', group: 'recovery', type: 'enum', values: RECOVERY_CASE_STATUSES },
  { field: 'recovery.source', group: 'recovery', type: 'enum', values: RECOVERY_SOURCES },
];

/** Custom attributes: `contact.attributes.plan_code`; the key as stored on the contact or company. */
export const ATTRIBUTE_FIELD = /^(contact|company)\.attributes\.([A-Za-z0-9_\-.]{1,100})$/;

/** The spec of a field name, or null when it is unknown (attribute fields are text). */
export function automationField(field: string): AutomationFieldSpec | null {
  const known = AUTOMATION_FIELDS.find((spec) => spec.field === field);
  if (known) return known;
  const attribute = ATTRIBUTE_FIELD.exec(field);
  return attribute ? { field, group: attribute[1] as 'contact' | 'company', type: 'text' } : null;
}

/** The field groups a trigger can test; null means every group. */
export function fieldGroupsFor(trigger: AutomationTrigger): readonly AutomationFieldGroup[] {
  const always: AutomationFieldGroup[] = ['conversation', 'contact', 'company'];
  if (trigger.type === 'time') return always;
  switch (trigger.event) {
    case 'conversation.updated':
      return [...always, 'changes'];
    case 'message.received':
    case 'message.sent':
    case 'note.added':
      return [...always, 'message'];
    case 'survey.answered':
      return [...always, 'response'];
    case 'sla.warning':
    case 'sla.breached':
      return [...always, 'sla'];
    case 'recovery.opened':
    case 'recovery.updated':
    case 'recovery.overdue':
    case 'recovery.closed':
      return [...always, 'recovery'];
    default:
      return always;
  }
}

/** The operators that make sense for a type of field. */
export const OPERATORS_BY_TYPE: Record<AutomationFieldType, readonly ConditionOperatorName[]> = {
  enum: ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'],
  text: ['eq', 'neq', 'contains', 'not_contains', 'in', 'not_in', 'is_set', 'is_not_set'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'is_set', 'is_not_set'],
  list: ['contains', 'not_contains', 'in', 'not_in', 'is_set', 'is_not_set'],
  user: ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'],
  team: ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'],
  survey: ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'],
};
export type ConditionOperatorName = (typeof CONDITION_OPERATORS)[number];

// ---------------------------------------------------------------------------------------
// Rules and runs as the API reads and writes them.

const EMPTY_GROUP: AutomationConditionGroup = { match: 'all', conditions: [] };

export const CreateAutomationRuleInput = z.object({
  name: Text(200),
  enabled: z.boolean().default(true),
  trigger: AutomationTrigger,
  conditions: AutomationConditionGroup.default(EMPTY_GROUP),
  actions: z.array(AutomationActionInput).min(1).max(20),
});
export type CreateAutomationRuleInput = z.infer<typeof CreateAutomationRuleInput>;

export const UpdateAutomationRuleInput = z.object({
  name: Text(200).optional(),
  enabled: z.boolean().optional(),
  trigger: AutomationTrigger.optional(),
  conditions: AutomationConditionGroup.optional(),
  actions: z.array(AutomationActionInput).min(1).max(20).optional(),
});
export type UpdateAutomationRuleInput = z.infer<typeof UpdateAutomationRuleInput>;

/** Every rule id of the workspace, in the new order. */
export const ReorderAutomationRulesInput = z.object({ ids: z.array(Id).max(1000) });
export type ReorderAutomationRulesInput = z.infer<typeof ReorderAutomationRulesInput>;

export const AutomationRunStatus = z.enum(AUTOMATION_RUN_STATUSES);

export const AutomationRule = z.object({
  id: Id,
  name: z.string(),
  enabled: z.boolean(),
  position: z.number().int(),
  trigger: AutomationTrigger,
  conditions: AutomationConditionGroup,
  actions: z.array(AutomationActionInput),
  createdBy: Id.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** The newest run (any status), for the list. */
  lastRun: z.object({ status: AutomationRunStatus, at: z.iso.datetime() }).nullable(),
});
export type AutomationRule = z.infer<typeof AutomationRule>;

/** What an action did, for the run log: `code` (+ `params`) is translated by the web app, `detail` is the fallback. */
export const AutomationActionResultSchema = z.object({
  type: z.enum(AUTOMATION_ACTION_TYPES),
  ok: z.boolean(),
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional(),
  detail: z.string().optional(),
});

export const AutomationRun = z.object({
  id: Id,
  ruleId: Id,
  /** Null when the rule was deleted since. */
  ruleName: z.string().nullable(),
  eventKey: z.string(),
  /** A domain event type, or `time` for time-based rules. */
  eventType: z.string(),
  conversationId: Id.nullable(),
  status: AutomationRunStatus,
  actions: z.array(AutomationActionResultSchema),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type AutomationRun = z.infer<typeof AutomationRun>;

export const AutomationRunQuery = PageQuery.extend({
  ruleId: Id.optional(),
  status: AutomationRunStatus.optional(),
});
export type AutomationRunQuery = z.infer<typeof AutomationRunQuery>;
