import type { TFunction } from 'i18next';
import type { ConversationEvent } from '../../../shared/contracts/conversations.ts';
import { SLA_TARGET_KINDS, type SlaTargetKind } from '../../../shared/contracts/sla-targets.ts';
import { escalationDetail, eventWords, type Names } from './eventWords.ts';
import { describeRuleEvent } from './ruleEventText.ts';

/** Events that the thread already shows as messages, or that say nothing new to a reader. */
const HIDDEN = new Set<ConversationEvent['type']>([
  'message_inbound',
  'message_outbound',
  'note_added',
  'bot_message',
  'first_response',
]);

const DONE = new Set<unknown>(['resolved', 'closed']);

export function isShownInThread(event: ConversationEvent): boolean {
  if (HIDDEN.has(event.type)) return false;
  // "resolved", "closed" and "reopened" already say what the status change meant.
  if (event.type === 'status_changed' && (DONE.has(event.data.to) || DONE.has(event.data.from))) return false;
  return true;
}

const isSlaKind = (value: unknown): value is SlaTargetKind => (SLA_TARGET_KINDS as readonly unknown[]).includes(value);

/** "Resolved by 山田" / "山田 が解決しました". */
export function describeEvent(event: ConversationEvent, t: TFunction, names: Names): string {
  if (event.actorType === 'automation') return describeRuleEvent(event, t, names);
  const actor =
    event.actorName ??
    (event.actorType === 'contact'
      ? t('conversation.customer')
      : event.actorType === 'bot'
        ? t('conversation.bot')
        : t('conversation.system'));
  const words = eventWords(event, t, names);
  switch (event.type) {
    case 'assigned':
      if (words.assignee === null) return t('events.unassigned', { actor });
      return t('events.assigned', { actor, assignee: words.assignee });
    case 'team_changed':
      return t('events.team_changed', { actor, team: words.team });
    case 'status_changed':
      return t('events.status_changed', { actor, status: words.status });
    case 'priority_changed':
      return t('events.priority_changed', { actor, priority: words.priority });
    case 'escalated':
      return `${t('events.escalated', { actor })}${escalationDetail(event, t)}`;
    case 'created':
    case 'tags_changed':
    case 'subject_changed':
    case 'resolved':
    case 'reopened':
    case 'closed':
    case 'contact_merged':
    case 'first_response':
      return t(`events.${event.type}`, { actor });
    case 'sla_breached':
      if (isSlaKind(event.data.kind)) return t('sla.events.breached', { target: t(`sla.kinds.${event.data.kind}`) });
      return t('events.sla_breached', { actor });
    default:
      return t('events.other', { actor, type: event.type });
  }
}
