import type { OutboxEmail, OutboxEmailDetail } from '../../../shared/contracts/email.ts';
import type { EmailRow } from './outbox.ts';

export function presentOutboxEmail(row: Omit<EmailRow, 'text' | 'html' | 'headers' | 'messageId'>): OutboxEmail {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    purpose: row.purpose,
    refId: row.refId,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
  };
}

export function presentOutboxEmailDetail(row: EmailRow): OutboxEmailDetail {
  return {
    ...presentOutboxEmail(row),
    text: row.text,
    html: row.html,
    headers: row.headers,
    messageId: row.messageId,
  };
}
