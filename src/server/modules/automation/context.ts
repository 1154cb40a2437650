import type { Tx } from '../../db/client.ts';
import { getMessageBody } from '../conversations/message-body.ts';
import { getConversation } from '../conversations/service.ts';
import { getCompany } from '../customers/companies.ts';
import { getContact } from '../customers/contacts.ts';
import type { DomainEventRow } from '../events/emit.ts';
import { EMPTY_CONTEXT, type EvaluationContext } from './fields.ts';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const record = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** The conversation, its customer and company (the company of the conversation, else the contact's). */
export async function customerContext(
  tx: Tx,
  workspaceId: string,
  conversationId: string | null,
  contactId: string | null,
): Promise<Pick<EvaluationContext, 'conversation' | 'contact' | 'company'>> {
  const conversation = conversationId ? await getConversation(tx, workspaceId, conversationId).catch(() => null) : null;
  const contactRef = contactId ?? conversation?.contactId ?? null;
  const contact = contactRef ? await getContact(tx, workspaceId, contactRef).catch(() => null) : null;
  const companyId = conversation?.companyId ?? contact?.companyId ?? null;
  const company = companyId ? await getCompany(tx, workspaceId, companyId).catch(() => null) : null;
  return { conversation, contact, company };
}

/** Everything a rule on this event can test, read once before any rule acts. */
export async function eventContext(tx: Tx, event: DomainEventRow): Promise<EvaluationContext> {
  const data = event.data;
  const ctx: EvaluationContext = {
    ...EMPTY_CONTEXT,
    ...(await customerContext(tx, event.workspaceId, event.conversationId, event.contactId)),
  };
  switch (event.type) {
    case 'conversation.updated': {
      const changes = record(data.changes) ?? {};
      ctx.changes = Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, record(value) ?? {}]));
      break;
    }
    case 'message.received':
    case 'message.sent':
    case 'note.added': {
      const messageId = text(data.messageId);
      const body =
        messageId && event.conversationId
          ? await getMessageBody(tx, event.workspaceId, event.conversationId, messageId)
          : null;
      ctx.message = { body: body ?? '' };
      break;
    }
    case 'survey.answered':
      ctx.response = {
        kind: text(data.kind),
        score: number(data.score),
        comment: text(data.comment),
        surveyId: text(data.surveyId),
      };
      break;
    case 'sla.warning':
    case 'sla.breached':
      ctx.sla = { kind: text(data.kind) ?? text(data.target) ?? text(data.targetKind) };
      break;
    case 'recovery.opened':
    case 'recovery.updated':
    case 'recovery.overdue':
    case 'recovery.closed':
      ctx.recovery = {
        id: event.subjectId ?? text(data.caseId),
        status: text(data.status),
        source: text(data.source),
      };
      break;
    default:
      break;
  }
  return ctx;
}
