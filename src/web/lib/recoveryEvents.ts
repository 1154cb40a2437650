import type { TFunction } from 'i18next';
import type { RecoveryCaseEvent, RecoveryCaseStatus, RecoveryOutcome } from '../../shared/contracts/recovery.ts';

/** Colours of the board's columns and of outcomes (always paired with a label). */
export const STATUS_COLOR: Record<RecoveryCaseStatus, string> = {
  new: 'red',
  contacted: 'orange',
  action: 'blue',
  follow_up: 'grape',
  closed: 'gray',
};

export const OUTCOME_COLOR: Record<RecoveryOutcome, string> = {
  recovered: 'green',
  not_recovered: 'red',
  unreachable: 'gray',
};

interface Names {
  member: (id: string) => string | undefined;
}

/** One step of a case's log in words: "Moved to “Contacted”", "Done: “Apologise”". */
export function describeCaseEvent(
  event: Pick<RecoveryCaseEvent, 'type' | 'data' | 'actorType'>,
  t: TFunction,
  names: Names,
): string {
  const data = event.data;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  switch (event.type) {
    case 'opened':
      return data.source === 'manual' ? t('recovery.events.opened') : t('recovery.events.openedByAnswer');
    case 'status_changed': {
      const to = text(data.to) as RecoveryCaseStatus;
      return t('recovery.events.status_changed', { status: STATUS_COLOR[to] ? t(`recovery.status.${to}`) : to });
    }
    case 'owner_changed':
      return t('recovery.events.owner_changed', {
        owner:
          typeof data.to === 'string' ? (names.member(data.to) ?? t('common.unknown')) : t('recovery.card.noOwner'),
      });
    case 'step_checked':
    case 'step_unchecked':
      return t(`recovery.events.${event.type}`, { step: text(data.label) });
    case 'action_item_added':
    case 'action_item_removed':
      return t(`recovery.events.${event.type}`, { title: text(data.title) });
    case 'action_item_updated': {
      const changes = Array.isArray(data.changes) ? data.changes : [];
      const done = changes.length === 1 && changes[0] === 'done' && data.done === true;
      return t(done ? 'recovery.events.action_item_done' : 'recovery.events.action_item_updated', {
        title: text(data.title),
      });
    }
    case 'follow_up_answered':
      return t('recovery.events.follow_up_answered', {
        score: typeof data.score === 'number' ? String(data.score) : t('responses.skipped'),
      });
    case 'closed': {
      const outcome = text(data.outcome) as RecoveryOutcome;
      return t('recovery.events.closed', {
        outcome: OUTCOME_COLOR[outcome] ? t(`recovery.outcome.${outcome}`) : outcome,
      });
    }
    case 'joined':
    case 'trigger_updated':
    case 'tags_changed':
    case 'follow_up_sent':
    case 'overdue':
    case 'reopened':
      return t(`recovery.events.${event.type}`);
    default:
      return t('recovery.events.other', { type: event.type });
  }
}

/** Who did a step: a member's name, else Koe or an automation rule. */
export function actorLabel(event: Pick<RecoveryCaseEvent, 'actorType' | 'actorName'>, t: TFunction): string {
  if (event.actorName) return event.actorName;
  if (event.actorType === 'automation') return t('recovery.events.automation');
  if (event.actorType === 'contact') return t('conversation.customer');
  return t('recovery.events.system');
}

/** "Moved to closed" and "moved out of closed" repeat what the closed and reopened steps say. */
export const isShownInLog = (event: Pick<RecoveryCaseEvent, 'type' | 'data'>) =>
  !(event.type === 'status_changed' && (event.data.to === 'closed' || event.data.from === 'closed'));
