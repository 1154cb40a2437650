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

export interface Names {
  member: (id: string) => string | undefined;
  team: (id: string) => string | undefined;
}

/** The words a log entry's `to` stands for, whoever made the change (a person or a rule). */
export function eventWords(event: ConversationEvent, t: TFunction, names: Names) {
  const to = event.data.to;
  return {
    /** null: unassigned. */
    assignee: typeof to === 'string' ? (names.member(to) ?? t('common.unknown')) : null,
    team: typeof to === 'string' ? (names.team(to) ?? t('common.unknown')) : t('conversation.noTeam'),
    status: isStatus(to) ? t(`status.${to}`) : String(to),
    priority: isPriority(to) ? t(`priority.${to}`) : String(to),
  };
}

/** " to Senior: reason" / "（シニア：理由）" after "escalated by …"; empty without a known tier. */
export function escalationDetail(event: ConversationEvent, t: TFunction): string {
  const tier = event.data.toTier;
  const reason = typeof event.data.reason === 'string' ? event.data.reason : '';
  if (tier !== 'agent' && tier !== 'senior' && tier !== 'manager') return '';
  return t('escalation.eventDetail', { tier: t(`escalation.tiers.${tier}`), reason });
}
