import {
  ATTRIBUTE_FIELD,
  type AutomationActionInput,
  type AutomationActionType,
  type AutomationCondition,
  type AutomationConditionGroup,
  type AutomationFieldSpec,
  type AutomationRule,
  type AutomationTrigger,
  automationField,
  type ConditionOperatorName,
  type CreateAutomationRuleInput,
  OPERATORS_BY_TYPE,
} from '../../../../shared/contracts/automation.ts';
import type { Priority } from '../../../../shared/contracts/conversations.ts';
import type { DomainEventType } from '../../../../shared/contracts/events.ts';
import type { EscalationTier } from '../../../../shared/contracts/recovery.ts';

/**
 * The rule editor's working copy: loose where a form is half filled (an empty tag, no
 * survey chosen yet), turned into the API's input by `toInput` once `draftErrors` is empty.
 */

let counter = 0;
/** A key that stays with a row while rows move, for React lists. */
export const newKey = () => `k${++counter}`;

export type TimeStatus = 'open' | 'pending' | 'resolved';
export interface TriggerDraft {
  kind: 'event' | 'time';
  event: DomainEventType;
  status: TimeStatus;
  amount: number;
  unit: 'hours' | 'days';
}

export type ConditionValue = string | number | string[] | undefined;
export interface ConditionDraft {
  key: string;
  field: string;
  op: ConditionOperatorName;
  value: ConditionValue;
}
export interface GroupDraft {
  key: string;
  match: 'all' | 'any';
  items: (ConditionDraft | GroupDraft)[];
}
export const isGroup = (item: ConditionDraft | GroupDraft): item is GroupDraft => 'items' in item;

export type ActionDraft = { key: string } & (
  | { type: 'assign'; userId: string | null; teamId: string | null; roundRobin: boolean }
  | { type: 'add_tag'; tag: string }
  | { type: 'set_priority'; priority: Priority }
  | { type: 'escalate'; toTeamId: string | null; toUserId: string | null; tier: EscalationTier | null; reason: string }
  | { type: 'send_survey'; surveyId: string | null }
  | { type: 'open_recovery_case'; reason: string; ownerId: string | null }
  | { type: 'add_note'; body: string }
  | { type: 'notify'; userIds: string[]; assignee: boolean; message: string }
  | { type: 'send_webhook'; endpointId: string | null }
);

export interface RuleDraft {
  name: string;
  enabled: boolean;
  trigger: TriggerDraft;
  conditions: GroupDraft;
  actions: ActionDraft[];
}

export function newAction(type: AutomationActionType): ActionDraft {
  const key = newKey();
  switch (type) {
    case 'assign':
      return { key, type, userId: null, teamId: null, roundRobin: false };
    case 'add_tag':
      return { key, type, tag: '' };
    case 'set_priority':
      return { key, type, priority: 'high' };
    case 'escalate':
      return { key, type, toTeamId: null, toUserId: null, tier: null, reason: '' };
    case 'send_survey':
      return { key, type, surveyId: null };
    case 'open_recovery_case':
      return { key, type, reason: '', ownerId: null };
    case 'add_note':
      return { key, type, body: '' };
    case 'notify':
      return { key, type, userIds: [], assignee: false, message: '' };
    case 'send_webhook':
      return { key, type, endpointId: null };
  }
}

export const emptyGroup = (match: 'all' | 'any' = 'all'): GroupDraft => ({ key: newKey(), match, items: [] });

export function newRuleDraft(): RuleDraft {
  return {
    name: '',
    enabled: true,
    trigger: { kind: 'event', event: 'conversation.created', status: 'pending', amount: 3, unit: 'days' },
    conditions: emptyGroup(),
    actions: [newAction('add_tag')],
  };
}

// --- from the API ---------------------------------------------------------------------

function triggerDraft(trigger: AutomationTrigger): TriggerDraft {
  const base = newRuleDraft().trigger;
  if (trigger.type === 'event') return { ...base, kind: 'event', event: trigger.event };
  const days = trigger.hours % 24 === 0;
  return {
    ...base,
    kind: 'time',
    status: trigger.status,
    amount: days ? trigger.hours / 24 : trigger.hours,
    unit: days ? 'days' : 'hours',
  };
}

function groupDraft(group: AutomationConditionGroup): GroupDraft {
  return {
    key: newKey(),
    match: group.match,
    items: group.conditions.map((item) =>
      'match' in item
        ? groupDraft(item)
        : {
            key: newKey(),
            field: item.field,
            op: item.op,
            value: Array.isArray(item.value)
              ? item.value.map(String)
              : typeof item.value === 'boolean'
                ? String(item.value)
                : item.value,
          },
    ),
  };
}

function actionDraft(action: AutomationActionInput): ActionDraft {
  const key = newKey();
  switch (action.type) {
    case 'assign':
      return {
        key,
        type: 'assign',
        userId: action.userId ?? null,
        teamId: action.teamId ?? null,
        roundRobin: action.roundRobin ?? false,
      };
    case 'escalate':
      return {
        key,
        type: 'escalate',
        toTeamId: action.toTeamId ?? null,
        toUserId: action.toUserId ?? null,
        tier: action.tier ?? null,
        reason: action.reason,
      };
    case 'open_recovery_case':
      return { key, type: 'open_recovery_case', reason: action.reason ?? '', ownerId: action.ownerId ?? null };
    case 'notify':
      return { key, type: 'notify', userIds: action.userIds, assignee: action.assignee, message: action.message };
    default:
      return { key, ...action } as ActionDraft;
  }
}

export function ruleDraft(rule: AutomationRule): RuleDraft {
  return {
    name: rule.name,
    enabled: rule.enabled,
    trigger: triggerDraft(rule.trigger),
    conditions: groupDraft(rule.conditions),
    actions: rule.actions.map(actionDraft),
  };
}

// --- to the API -----------------------------------------------------------------------

export function triggerOf(draft: TriggerDraft): AutomationTrigger {
  if (draft.kind === 'event') return { type: 'event', event: draft.event };
  return { type: 'time', status: draft.status, hours: draft.amount * (draft.unit === 'days' ? 24 : 1) };
}

function conditionOf(draft: ConditionDraft): AutomationCondition {
  const spec = automationField(draft.field);
  if (draft.op === 'is_set' || draft.op === 'is_not_set') return { field: draft.field, op: draft.op };
  const value = draft.value;
  if (spec?.type === 'number' && typeof value === 'string' && value.trim() !== '')
    return { field: draft.field, op: draft.op, value: Number(value) };
  return { field: draft.field, op: draft.op, ...(value === undefined ? {} : { value }) };
}

export function groupOf(draft: GroupDraft): AutomationConditionGroup {
  return {
    match: draft.match,
    conditions: draft.items.map((item) => (isGroup(item) ? groupOf(item) : conditionOf(item))),
  };
}

const text = (value: string) => value.trim();

export function actionOf(draft: ActionDraft): AutomationActionInput {
  switch (draft.type) {
    case 'assign':
      return {
        type: 'assign',
        ...(draft.userId && !draft.roundRobin ? { userId: draft.userId } : {}),
        ...(draft.teamId ? { teamId: draft.teamId } : {}),
        ...(draft.roundRobin ? { roundRobin: true } : {}),
      };
    case 'add_tag':
      return { type: 'add_tag', tag: text(draft.tag) };
    case 'set_priority':
      return { type: 'set_priority', priority: draft.priority };
    case 'escalate':
      return {
        type: 'escalate',
        reason: text(draft.reason),
        ...(draft.toTeamId ? { toTeamId: draft.toTeamId } : {}),
        ...(draft.toUserId ? { toUserId: draft.toUserId } : {}),
        ...(draft.tier ? { tier: draft.tier } : {}),
      };
    case 'send_survey':
      return { type: 'send_survey', surveyId: draft.surveyId ?? '' };
    case 'open_recovery_case':
      return {
        type: 'open_recovery_case',
        ...(text(draft.reason) ? { reason: text(draft.reason) } : {}),
        ...(draft.ownerId ? { ownerId: draft.ownerId } : {}),
      };
    case 'add_note':
      return { type: 'add_note', body: text(draft.body) };
    case 'notify':
      return { type: 'notify', userIds: draft.userIds, assignee: draft.assignee, message: text(draft.message) };
    case 'send_webhook':
      return { type: 'send_webhook', endpointId: draft.endpointId ?? '' };
  }
}

export function toInput(draft: RuleDraft): CreateAutomationRuleInput {
  return {
    name: draft.name.trim(),
    enabled: draft.enabled,
    trigger: triggerOf(draft.trigger),
    conditions: groupOf(draft.conditions),
    actions: draft.actions.map(actionOf),
  };
}

// --- checks before sending ------------------------------------------------------------

/** Problems the form can see itself, keyed like the server's field errors (`actions.0.tag`), as message keys. */
export type DraftErrors = Record<string, 'required' | 'assignNeeds' | 'noActions' | 'webhookNeedsEvent'>;

function conditionErrors(group: GroupDraft, path: string, errors: DraftErrors): void {
  for (const [index, item] of group.items.entries()) {
    const at = `${path}.conditions.${index}`;
    if (isGroup(item)) {
      conditionErrors(item, at, errors);
      continue;
    }
    // "Customer attribute…" chosen, its name not typed yet.
    if (item.field.endsWith('.attributes.') && !ATTRIBUTE_FIELD.test(item.field)) errors[`${at}.field`] = 'required';
    if (item.op === 'is_set' || item.op === 'is_not_set') continue;
    const value = item.value;
    const empty =
      value === undefined ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && !value.length);
    if (empty) errors[`${at}.value`] = 'required';
  }
}

export function draftErrors(draft: RuleDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.name.trim()) errors.name = 'required';
  if (draft.trigger.kind === 'time' && !(draft.trigger.amount > 0)) errors['trigger.hours'] = 'required';
  conditionErrors(draft.conditions, 'conditions', errors);
  if (draft.actions.length === 0) errors.actions = 'noActions';
  draft.actions.forEach((action, index) => {
    const at = `actions.${index}`;
    switch (action.type) {
      case 'assign':
        if (!action.teamId && (action.roundRobin || !action.userId))
          errors[`${at}.${action.roundRobin ? 'teamId' : 'userId'}`] = 'assignNeeds';
        break;
      case 'add_tag':
        if (!text(action.tag)) errors[`${at}.tag`] = 'required';
        break;
      case 'escalate':
        if (!text(action.reason)) errors[`${at}.reason`] = 'required';
        break;
      case 'send_survey':
        if (!action.surveyId) errors[`${at}.surveyId`] = 'required';
        break;
      case 'add_note':
        if (!text(action.body)) errors[`${at}.body`] = 'required';
        break;
      case 'notify':
        if (!text(action.message)) errors[`${at}.message`] = 'required';
        if (action.userIds.length === 0 && !action.assignee) errors[`${at}.userIds`] = 'required';
        break;
      case 'send_webhook':
        if (draft.trigger.kind === 'time') errors[`${at}.type`] = 'webhookNeedsEvent';
        else if (!action.endpointId) errors[`${at}.endpointId`] = 'required';
        break;
      default:
        break;
    }
  });
  return errors;
}

// --- field and operator changes -------------------------------------------------------

const MULTI = new Set<ConditionOperatorName>(['in', 'not_in']);

/** A condition moved to another field: its first operator, no value. */
export function withField(condition: ConditionDraft, field: string): ConditionDraft {
  const spec = automationField(field);
  const ops = spec ? OPERATORS_BY_TYPE[spec.type] : (['eq'] as const);
  const op = ops.includes(condition.op) ? condition.op : (ops[0] ?? 'eq');
  return { ...condition, field, op, value: MULTI.has(op) ? [] : undefined };
}

/** Another operator: the value kept where it still fits (one value ↔ a list of values). */
export function withOperator(condition: ConditionDraft, op: ConditionOperatorName): ConditionDraft {
  const { value } = condition;
  if (op === 'is_set' || op === 'is_not_set') return { ...condition, op, value: undefined };
  if (MULTI.has(op)) {
    const list = Array.isArray(value) ? value : value === undefined || value === '' ? [] : [String(value)];
    return { ...condition, op, value: list };
  }
  if (Array.isArray(value)) return { ...condition, op, value: value[0] };
  return { ...condition, op, value };
}

/** The fields a trigger offers, by group, with attribute fields as one "custom attribute" entry per owner. */
export function fieldSpec(field: string): AutomationFieldSpec | null {
  if (field === 'contact.attributes.' || field === 'company.attributes.')
    return { field, group: field.startsWith('contact') ? 'contact' : 'company', type: 'text' };
  return automationField(field);
}
