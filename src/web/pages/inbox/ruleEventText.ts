import type { TFunction } from 'i18next';
import type { ConversationEvent } from '../../../shared/contracts/conversations.ts';
import { escalationDetail, eventWords, type Names } from './eventWords.ts';

/** What an automation rule did, named by the rule: "ルール「VIP振り分け」により…" / "… by rule “VIP routing”". */
export function describeRuleEvent(event: ConversationEvent, t: TFunction, names: Names): string {
  const rule = event.actorName ?? t('automation.deletedRuleName');
  const words = eventWords(event, t, names);
  switch (event.type) {
    case 'assigned':
      if (words.assignee === null) return t('automation.events.unassigned', { rule });
      return t('automation.events.assigned', { rule, assignee: words.assignee });
    case 'team_changed':
      return t('automation.events.team_changed', { rule, team: words.team });
    case 'status_changed':
      return t('automation.events.status_changed', { rule, status: words.status });
    case 'priority_changed':
      return t('automation.events.priority_changed', { rule, priority: words.priority });
    case 'tags_changed': {
      const added = Array.isArray(event.data.added) ? event.data.added.map(String) : [];
      const removed = Array.isArray(event.data.removed) ? event.data.removed : [];
      if (added.length > 0 && removed.length === 0)
        return t('automation.events.tags_added', { rule, tags: added.join(t('automation.joiners.list')) });
      return t('automation.events.tags_changed', { rule });
    }
    case 'escalated':
      return `${t('automation.events.escalated', { rule })}${escalationDetail(event, t)}`;
    case 'resolved':
    case 'reopened':
    case 'closed':
      return t(`automation.events.${event.type}`, { rule });
    default:
      return t('automation.events.other', { rule, type: event.type });
  }
}
