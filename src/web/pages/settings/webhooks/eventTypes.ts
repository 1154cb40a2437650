import type { TFunction } from 'i18next';
import { DOMAIN_EVENT_TYPES, type DomainEventType } from '../../../../shared/contracts/events.ts';
import { WEBHOOK_TEST_EVENT } from '../../../../shared/contracts/webhooks.ts';

const KEYS = {
  'conversation.created': 'conversation_created',
  'conversation.updated': 'conversation_updated',
  'conversation.assigned': 'conversation_assigned',
  'conversation.resolved': 'conversation_resolved',
  'conversation.reopened': 'conversation_reopened',
  'conversation.escalated': 'conversation_escalated',
  'message.received': 'message_received',
  'message.sent': 'message_sent',
  'note.added': 'note_added',
  'survey.answered': 'survey_answered',
  'sla.warning': 'sla_warning',
  'sla.breached': 'sla_breached',
  'recovery.opened': 'recovery_opened',
  'recovery.updated': 'recovery_updated',
  'recovery.overdue': 'recovery_overdue',
  'recovery.closed': 'recovery_closed',
  [WEBHOOK_TEST_EVENT]: 'webhook_test',
} as const satisfies Record<DomainEventType | typeof WEBHOOK_TEST_EVENT, string>;

const isKnown = (type: string): type is keyof typeof KEYS => type in KEYS;

/** "会話の作成" / "Conversation created" for an event type; the type itself when unknown. */
export function eventLabel(type: string, t: TFunction): string {
  return isKnown(type) ? t(`webhooks.eventTypes.${KEYS[type]}`) : type;
}

const GROUPS = ['conversation', 'message', 'note', 'survey', 'sla', 'recovery'] as const;

/** The event types grouped by what they are about, as the multi-select shows them. */
export function eventTypeGroups(t: TFunction) {
  return GROUPS.map((group) => ({
    group: t(`webhooks.groups.${group}`),
    items: DOMAIN_EVENT_TYPES.filter((type) => type.startsWith(`${group}.`)).map((type) => ({
      value: type,
      label: eventLabel(type, t),
    })),
  }));
}
