import type { TFunction } from 'i18next';
import {
  ATTRIBUTE_FIELD,
  type AutomationActionResult,
  type AutomationCondition,
  type AutomationRule,
  type AutomationRunStatus,
  type AutomationTrigger,
  automationField,
} from '../../../../shared/contracts/automation.ts';
import type { Locale } from '../../../../shared/contracts/common.ts';
import { CHANNELS, PRIORITIES, STATUSES } from '../../../../shared/contracts/conversations.ts';
import { LIFECYCLE_STAGES } from '../../../../shared/contracts/customers.ts';
import { ESCALATION_TIERS, RECOVERY_CASE_STATUSES, RECOVERY_SOURCES } from '../../../../shared/contracts/recovery.ts';
import { SLA_TARGET_KINDS } from '../../../../shared/contracts/sla.ts';
import { SURVEY_KINDS } from '../../../../shared/contracts/surveys.ts';
import { formatMinutes } from '../../../lib/format.ts';
import { eventLabel } from '../webhooks/eventTypes.ts';

/** Message keys of the fields rules test (attribute fields are labelled by their owner). */
const FIELD_LABELS = {
  'conversation.channel': 'automation.fields.conversation.channel',
  'conversation.status': 'automation.fields.conversation.status',
  'conversation.priority': 'automation.fields.conversation.priority',
  'conversation.subject': 'automation.fields.conversation.subject',
  'conversation.tags': 'automation.fields.conversation.tags',
  'conversation.assigneeId': 'automation.fields.conversation.assigneeId',
  'conversation.teamId': 'automation.fields.conversation.teamId',
  'conversation.language': 'automation.fields.conversation.language',
  'conversation.reopenCount': 'automation.fields.conversation.reopenCount',
  'conversation.messageCount': 'automation.fields.conversation.messageCount',
  'changes.fields': 'automation.fields.changes.fields',
  'changes.status.from': 'automation.fields.changes.status.from',
  'changes.priority.from': 'automation.fields.changes.priority.from',
  'changes.tags.added': 'automation.fields.changes.tags.added',
  'message.body': 'automation.fields.message.body',
  'contact.name': 'automation.fields.contact.name',
  'contact.email': 'automation.fields.contact.email',
  'contact.locale': 'automation.fields.contact.locale',
  'contact.attributes': 'automation.fields.contact.attributes',
  'company.name': 'automation.fields.company.name',
  'company.domain': 'automation.fields.company.domain',
  'company.plan': 'automation.fields.company.plan',
  'company.lifecycleStage': 'automation.fields.company.lifecycleStage',
  'company.revenue': 'automation.fields.company.revenue',
  'company.attributes': 'automation.fields.company.attributes',
  'response.kind': 'automation.fields.response.kind',
  'response.score': 'automation.fields.response.score',
  'response.comment': 'automation.fields.response.comment',
  'response.surveyId': 'automation.fields.response.surveyId',
  'sla.kind': 'automation.fields.sla.kind',
  'recovery.status': 'automation.fields.recovery.status',
  'recovery.source': 'automation.fields.recovery.source',
} as const;

const has = <T extends object>(map: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(map, key);

/**
 * "優先度" / "Priority"; `qualified`: "会話の優先度" / "Conversation: Priority" (where the group
 * is not shown around it). An attribute field is "顧客の属性: tier" either way.
 */
export function fieldLabel(field: string, t: TFunction, qualified = false): string {
  const attribute = ATTRIBUTE_FIELD.exec(field);
  if (attribute) {
    const owner = attribute[1] === 'contact' ? 'contact.attributes' : 'company.attributes';
    return `${t(FIELD_LABELS[owner])}: ${attribute[2]}`;
  }
  const key = field.replace(/\.attributes\.$/, '.attributes');
  if (!has(FIELD_LABELS, key)) return field;
  const label = t(FIELD_LABELS[key]);
  const group = automationField(field)?.group;
  // Attribute and "what changed" labels already say what they belong to.
  if (!qualified || !group || group === 'changes' || key.endsWith('.attributes')) return label;
  return t('automation.qualifiedField', { group: t(`automation.fieldGroups.${group}`), field: label });
}

/** The choices of a field whose values are a fixed set, labelled in the language of the page. */
export function enumOptions(field: string, t: TFunction): { value: string; label: string }[] | null {
  const values = automationField(field)?.values;
  if (!values) return null;
  const label = (value: string): string => {
    switch (field) {
      case 'conversation.channel':
        return (CHANNELS as readonly string[]).includes(value)
          ? t(`channel.${value as (typeof CHANNELS)[number]}`)
          : value;
      case 'conversation.status':
      case 'changes.status.from':
        return (STATUSES as readonly string[]).includes(value)
          ? t(`status.${value as (typeof STATUSES)[number]}`)
          : value;
      case 'conversation.priority':
      case 'changes.priority.from':
        return (PRIORITIES as readonly string[]).includes(value)
          ? t(`priority.${value as (typeof PRIORITIES)[number]}`)
          : value;
      case 'changes.fields':
        return has(CHANGED, value) ? t(CHANGED[value]) : value;
      case 'company.lifecycleStage':
        return (LIFECYCLE_STAGES as readonly string[]).includes(value)
          ? t(`customers.stages.${value as (typeof LIFECYCLE_STAGES)[number]}`)
          : value;
      case 'response.kind':
        return (SURVEY_KINDS as readonly string[]).includes(value)
          ? t(`automation.values.surveyKinds.${value as (typeof SURVEY_KINDS)[number]}`)
          : value;
      case 'sla.kind':
        return (SLA_TARGET_KINDS as readonly string[]).includes(value)
          ? t(`automation.values.slaKinds.${value as (typeof SLA_TARGET_KINDS)[number]}`)
          : value;
      case 'recovery.status':
        return (RECOVERY_CASE_STATUSES as readonly string[]).includes(value)
          ? t(`automation.values.recoveryStatuses.${value as (typeof RECOVERY_CASE_STATUSES)[number]}`)
          : value;
      case 'recovery.source':
        return (RECOVERY_SOURCES as readonly string[]).includes(value)
          ? t(`automation.values.recoverySources.${value as (typeof RECOVERY_SOURCES)[number]}`)
          : value;
      default:
        return value;
    }
  };
  return values.map((value) => ({ value, label: label(value) }));
}

const CHANGED = {
  assigned: 'automation.values.changed.assigned',
  team: 'automation.values.changed.team',
  status: 'automation.values.changed.status',
  priority: 'automation.values.changed.priority',
  tags: 'automation.values.changed.tags',
  subject: 'automation.values.changed.subject',
} as const;

/** "3 日" / "3 days", "36 時間" / "1 day 12 h". */
export function hoursText(hours: number, locale: Locale): string {
  return formatMinutes(Math.round(hours * 60), locale);
}

/** "会話の作成" / "「保留」のまま 3 日 以上経ったとき". */
export function triggerLabel(trigger: AutomationTrigger, t: TFunction, locale: Locale): string {
  if (trigger.type === 'event') return eventLabel(trigger.event, t);
  return t('automation.summary.time', {
    status: t(`status.${trigger.status}`),
    duration: hoursText(trigger.hours, locale),
  });
}

/** One condition in words: "会社のプランが「Enterprise」" / "Company: Plan is “Enterprise”". */
export function conditionText(
  condition: AutomationCondition,
  t: TFunction,
  nameOf: (field: string, value: string) => string,
): string {
  const field = fieldLabel(condition.field, t, true);
  if (condition.op === 'is_set' || condition.op === 'is_not_set')
    return t(`automation.sentence.${condition.op}`, { field });
  const values = (Array.isArray(condition.value) ? condition.value : [condition.value ?? '']).map((v) =>
    nameOf(condition.field, String(v)),
  );
  return t(`automation.sentence.${condition.op}`, { field, value: values.join(t('automation.joiners.list')) });
}

/** The "if" of a rule in a line: its conditions in words when few and flat, else how many there are. */
export function conditionSummary(
  rule: AutomationRule,
  t: TFunction,
  nameOf: (field: string, value: string) => string,
): string {
  const items = rule.conditions.conditions;
  if (items.length === 0) return t('automation.summary.always');
  const flat = items.filter((item): item is AutomationCondition => !('match' in item));
  if (flat.length === items.length && flat.length <= 3) {
    return flat.map((c) => conditionText(c, t, nameOf)).join(t(`automation.joiners.${rule.conditions.match}`));
  }
  let count = 0;
  const walk = (group: AutomationRule['conditions']) => {
    for (const item of group.conditions) {
      if ('match' in item) walk(item);
      else count += 1;
    }
  };
  walk(rule.conditions);
  return t('automation.summary.conditions', { count, match: t(`automation.summary.${rule.conditions.match}`) });
}

export const STATUS_LOOK: Record<AutomationRunStatus, { color: string }> = {
  succeeded: { color: 'teal' },
  failed: { color: 'red' },
  no_match: { color: 'gray' },
  loop_guard: { color: 'yellow' },
};

export const tierLabel = (tier: string, t: TFunction) =>
  (ESCALATION_TIERS as readonly string[]).includes(tier)
    ? t(`escalation.tiers.${tier as (typeof ESCALATION_TIERS)[number]}`)
    : tier;

const RESULT_CODES = [
  'assigned',
  'team_set',
  'unchanged',
  'tagged',
  'priority_set',
  'note_added',
  'survey_sent',
  'survey_skipped',
  'already_surveyed',
  'survey_missing',
  'survey_inactive',
  'escalated',
  'case_opened',
  'notified',
  'nobody',
  'webhook_queued',
  'webhook_already_queued',
  'no_conversation',
  'no_event',
  'team_missing',
  'team_empty',
  'failed',
] as const;
type ResultCode = (typeof RESULT_CODES)[number];
const isResultCode = (code: string | undefined): code is ResultCode =>
  (RESULT_CODES as readonly (string | undefined)[]).includes(code);

/** What an action did, in the page's language; the server's detail when it failed for a reason of its own. */
export function resultText(
  result: AutomationActionResult,
  t: TFunction,
  memberName: (id: string) => string | undefined,
) {
  const params = result.params ?? {};
  const str = (key: string) => (params[key] == null ? '' : String(params[key]));
  const code = result.code;
  if (!isResultCode(code)) return result.detail ?? (result.ok ? '' : t('automation.results.failed'));
  switch (code) {
    case 'assigned': {
      const member = params.userId ? memberName(str('userId')) : undefined;
      return member ? t('automation.results.assignedTo', { member }) : t('automation.results.assigned');
    }
    case 'priority_set': {
      const priority = str('priority');
      return t('automation.results.priority_set', {
        priority: (PRIORITIES as readonly string[]).includes(priority)
          ? t(`priority.${priority as (typeof PRIORITIES)[number]}`)
          : priority,
      });
    }
    case 'escalated':
      return t('automation.results.escalated', { tier: tierLabel(str('tier'), t) });
    case 'notified':
      return t('automation.results.notified', { count: Number(params.count ?? 0) });
    case 'failed':
      return result.detail ?? t('automation.results.failed');
    default:
      return t(`automation.results.${code}`, {
        tag: str('tag'),
        survey: str('survey'),
        number: str('number'),
      });
  }
}
