import type { Locale } from './contracts/common.ts';
import type { NotificationData } from './contracts/notifications.ts';
import type { NotificationType } from './contracts/webhooks.ts';

/**
 * The human text of a notification in Japanese or English, shared by the bell in the web
 * app and the daily digest email, so both say the same thing.
 */
export interface NotificationLike {
  type: NotificationType;
  data: NotificationData;
}

export interface NotificationText {
  title: string;
  /** A second line: the note's excerpt, the escalation reason, a deadline; null when there is none. */
  detail: string | null;
}

const SUBJECT_CHARS = 80;

const TIERS: Record<Locale, Record<string, string>> = {
  ja: { agent: '担当者', senior: 'シニア', manager: 'マネージャー' },
  en: { agent: 'agent', senior: 'senior', manager: 'manager' },
};

const TARGETS: Record<Locale, Record<string, string>> = {
  ja: { first_response: '初回応答', next_response: '次回応答', resolution: '解決' },
  en: { first_response: 'first response', next_response: 'next response', resolution: 'resolution' },
};

function subjectOf(data: NotificationData, locale: Locale): string {
  const subject = (data.subject ?? '').replace(/\s+/g, ' ').trim();
  if (!subject) return locale === 'ja' ? '（件名なし）' : '(no subject)';
  return subject.length > SUBJECT_CHARS ? `${subject.slice(0, SUBJECT_CHARS - 1)}…` : subject;
}

/** `formatTime` turns a deadline (ISO) into the reader's words; the ISO string is used without it. */
export function notificationText(
  notification: NotificationLike,
  locale: Locale,
  formatTime: (iso: string) => string = (iso) => iso,
): NotificationText {
  const { data } = notification;
  const ja = locale === 'ja';
  const subject = subjectOf(data, locale);
  const quoted = ja ? `「${subject}」` : `“${subject}”`;
  const actor = data.actorName?.trim() || null;
  const tier = data.tier ? (TIERS[locale][data.tier] ?? data.tier) : null;
  const target = data.target ? (TARGETS[locale][data.target] ?? data.target) : null;
  const due = data.dueAt ? formatTime(data.dueAt) : null;
  const contact = data.contactName?.trim() || (ja ? 'お客様' : 'a customer');
  switch (notification.type) {
    case 'assigned':
      return {
        title: actor
          ? ja
            ? `${actor}さんが${quoted}をあなたに割り当てました`
            : `${actor} assigned ${quoted} to you`
          : ja
            ? `${quoted}があなたに割り当てられました`
            : `${quoted} was assigned to you`,
        detail: data.contactName ? (ja ? `顧客: ${data.contactName}` : `Customer: ${data.contactName}`) : null,
      };
    case 'mentioned':
      return {
        title: actor
          ? ja
            ? `${actor}さんが${quoted}のメモであなたをメンションしました`
            : `${actor} mentioned you in a note on ${quoted}`
          : ja
            ? `${quoted}のメモであなたがメンションされました`
            : `You were mentioned in a note on ${quoted}`,
        detail: data.excerpt ?? null,
      };
    case 'escalated': {
      const level = tier ? (ja ? `（${tier}）` : ` (${tier})`) : '';
      const to = data.teamName ?? (ja ? 'あなた' : 'you');
      return {
        title: ja ? `${quoted}が${to}にエスカレーションされました${level}` : `${quoted} was escalated to ${to}${level}`,
        detail: data.reason ? (ja ? `理由: ${data.reason}` : `Reason: ${data.reason}`) : null,
      };
    }
    case 'sla_warning':
      return {
        title: ja
          ? `${quoted}の${target ?? 'SLA'}の期限が近づいています`
          : `The ${target ?? 'SLA'} deadline of ${quoted} is near`,
        detail: due ? (ja ? `期限: ${due}` : `Due ${due}`) : null,
      };
    case 'sla_breached':
      return {
        title: ja
          ? `${quoted}の${target ?? 'SLA'}の期限を過ぎました`
          : `The ${target ?? 'SLA'} deadline of ${quoted} has passed`,
        detail: due ? (ja ? `期限: ${due}` : `Was due ${due}`) : null,
      };
    case 'recovery_due': {
      const number = data.caseNumber ? `#${data.caseNumber}` : '';
      if (data.recovery === 'overdue') {
        return {
          title: ja
            ? `リカバリーケース ${number}（${contact}）の初回連絡が期限を過ぎています`
            : `Recovery case ${number} (${contact}) is overdue for first contact`,
          detail: due ? (ja ? `期限: ${due}` : `Was due ${due}`) : null,
        };
      }
      return {
        title: ja
          ? `リカバリーケース ${number}（${contact}）の担当になりました`
          : `You own recovery case ${number} (${contact})`,
        detail: due ? (ja ? `初回連絡の期限: ${due}` : `First contact due ${due}`) : null,
      };
    }
    case 'automation':
      return {
        title:
          data.message?.trim() ||
          (ja ? `自動化ルールからのお知らせ: ${quoted}` : `An automation rule flagged ${quoted}`),
        detail: data.ruleName ? (ja ? `ルール「${data.ruleName}」` : `Rule “${data.ruleName}”`) : null,
      };
  }
}

/** Where a notification leads in the web app: the recovery case, else the conversation. */
export function notificationPath(notification: NotificationLike): string | null {
  if (notification.data.caseId) return `/recovery/cases/${notification.data.caseId}`;
  if (notification.data.conversationId) return `/inbox/${notification.data.conversationId}`;
  return null;
}
