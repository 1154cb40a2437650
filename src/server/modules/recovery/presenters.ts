import type { Contact } from '../../../shared/contracts/customers.ts';
import type {
  PlaybookStepState,
  RecoveryActionItem,
  RecoveryCase,
  RecoveryCaseEvent,
  RecoverySource,
} from '../../../shared/contracts/recovery.ts';
import type { recoveryActionItems, recoveryCaseEvents } from '../../db/schema/index.ts';
import type { CaseRow } from './log.ts';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** Not contacted yet and past its due time (closed cases never are; see overdueSql for the figures). */
export const isOverdue = (row: Pick<CaseRow, 'status' | 'firstContactAt' | 'dueAt'>, now: Date) =>
  row.status !== 'closed' && row.firstContactAt === null && row.dueAt.getTime() < now.getTime();

export function presentCase(
  row: CaseRow,
  contact: Pick<Contact, 'id' | 'name' | 'emails'> | null,
  ownerName: string | null,
  now: Date,
): RecoveryCase {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    source: row.source as RecoverySource,
    contactId: row.contactId,
    contact: contact ? { id: contact.id, name: contact.name, email: contact.emails[0] ?? null } : null,
    conversationId: row.conversationId,
    responseId: row.responseId,
    trigger: {
      kind: row.triggerKind,
      score: row.triggerScore === null ? null : Number(row.triggerScore),
      comment: row.triggerComment,
    },
    reason: row.reason,
    ownerId: row.ownerId,
    owner: row.ownerId && ownerName !== null ? { id: row.ownerId, name: ownerName } : null,
    teamId: row.teamId,
    channel: row.channel,
    language: row.language,
    tags: row.tags,
    dueAt: row.dueAt.toISOString(),
    overdue: isOverdue(row, now),
    firstContactAt: iso(row.firstContactAt),
    outcome: row.outcome,
    outcomeScore: row.outcomeScore === null ? null : Number(row.outcomeScore),
    progress: {
      done: row.playbook.filter((step: PlaybookStepState) => step.doneAt !== null).length,
      total: row.playbook.length,
    },
    openedAt: row.openedAt.toISOString(),
    closedAt: iso(row.closedAt),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentActionItem(
  row: typeof recoveryActionItems.$inferSelect,
  ownerName: string | null,
): RecoveryActionItem {
  return {
    id: row.id,
    caseId: row.caseId,
    title: row.title,
    ownerId: row.ownerId,
    ownerName: row.ownerId ? ownerName : null,
    dueOn: row.dueOn,
    doneAt: iso(row.doneAt),
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentCaseEvent(
  row: typeof recoveryCaseEvents.$inferSelect,
  actorName: string | null,
): RecoveryCaseEvent {
  return {
    id: row.id,
    type: row.type,
    actorType: row.actorType,
    actorId: row.actorId,
    actorName,
    data: row.data,
    occurredAt: row.occurredAt.toISOString(),
  };
}
