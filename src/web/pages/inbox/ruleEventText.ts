import type { TFunction } from 'i18next';
import {
  type ConversationEvent,
  type ConversationStatus,
  PRIORITIES,
  type Priority,
  STATUSES,
} from '../../../shared/contracts/conversations.ts';

const isStatus = (value: unknown): value is ConversationStatus => (STATUSES as readonly unknown[]).includes(value);
const isPriority = (value: unknown): value is Priority => (PRIORITIES as readonly unknown[]).includes(value);

interface Names {
  member: (id: string) => string | undefined;
  team: (id: string) => string | undefined;
}

/** What an automation rule did, named by the rule: "ルール「VIP振り分け」により…" / "… by rule “VIP routing”". */
export function describeRuleEvent(event: ConversationEvent, t: TFunction, names: Names): string {
  const rule = event.actorName ?? t('automation.deletedRuleName');
  const to = event.data.to;
  switch (event.type) {
    case 'assigned':
      if (typeof to !== 'string') return t('automation.events.unassigned', { rule });
      return t('automation.events.assigned', { rule, assignee: names.member(to) ?? t('common.unknown') });
    case 'team_changed':
      return t('automation.events.team_changed', {
        rule,
        team: typeof to === 'string' ? (names.team(to) ?? t('common.unknown')) : t('conversation.noTeam'),
      });
    case 'status_changed':
      return t('automation.events.status_changed', { rule, status: isStatus(to) ? t(`status.${to}`) : String(to) });
    case 'priority_changed':
      return t('automation.events.priority_changed', {
        rule,
        priority: isPriority(to) ? t(`priority.${to}`) : String(to),
      });
    case 'tags_changed': {
      const added = Array.isArray(event.data.added) ? event.data.added.map(String) : [];
      const removed = Array.isArray(event.data.removed) ? event.data.removed : [];
      if (added.length > 0 && removed.length === 0)
        return t('automation.events.tags_added', { rule, tags: added.join(t('automation.joiners.list')) });
      return t('automation.events.tags_changed', { rule });
    }
    case 'subject_changed':
    case 'escalated': {
      const tier = event.data.toTier;
      const reason = typeof event.data.reason === 'string' ? event.data.reason : '';
      const base = t('automation.events.escalated', { rule });
      if (tier !== 'agent' && tier !== 'senior' && tier !== 'manager') return base;
      return `${base}${t('escalation.eventDetail', { tier: t(`escalation.tiers.${tier}`), reason })}`;
    }
    case 'resolved':
    case 'reopened':
    case 'closed':
      return t(`automation.events.${event.type}`, { rule });
    default:
      return t('automation.events.other', { rule, type: event.type });
  }
}
