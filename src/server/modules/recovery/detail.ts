import { and, asc, eq } from 'drizzle-orm';
import type { ActorType } from '../../../shared/contracts/conversations.ts';
import type { RecoveryCaseDetail } from '../../../shared/contracts/recovery.ts';
import type { Tx } from '../../db/client.ts';
import { recoveryCaseEvents } from '../../db/schema/index.ts';
import { actorNames } from '../conversations/events.ts';
import { getConversation } from '../conversations/service.ts';
import { getInvitationRow } from '../surveys/invitations.ts';
import { getResponse } from '../surveys/response-queries.ts';
import { listActionItems } from './action-items.ts';
import { presentCaseEvent } from './presenters.ts';
import { getCaseRow, presentOne } from './queries.ts';

/** One case with its playbook, action items, log, the answer that opened it, its conversation and follow-up. */
export async function getCaseDetail(tx: Tx, workspaceId: string, caseId: string): Promise<RecoveryCaseDetail> {
  const row = await getCaseRow(tx, workspaceId, caseId);
  const summary = await presentOne(tx, workspaceId, row);
  const eventRows = await tx
    .select()
    .from(recoveryCaseEvents)
    .where(and(eq(recoveryCaseEvents.workspaceId, workspaceId), eq(recoveryCaseEvents.caseId, caseId)))
    .orderBy(asc(recoveryCaseEvents.occurredAt), asc(recoveryCaseEvents.id));
  const names = await actorNames(
    tx,
    workspaceId,
    eventRows.map((e) => ({ type: e.actorType as ActorType, id: e.actorId })),
  );
  const response = row.responseId ? await getResponse(tx, workspaceId, row.responseId).catch(() => null) : null;
  const conversation = row.conversationId
    ? await getConversation(tx, workspaceId, row.conversationId).catch(() => null)
    : null;
  const invitation = row.followUpInvitationId
    ? await getInvitationRow(tx, workspaceId, row.followUpInvitationId)
    : null;
  return {
    ...summary,
    playbook: row.playbook,
    actionItems: await listActionItems(tx, workspaceId, caseId),
    events: eventRows.map((e) => presentCaseEvent(e, e.actorId ? (names.get(e.actorId) ?? null) : null)),
    triggerResponse: response
      ? {
          id: response.id,
          surveyId: response.surveyId,
          surveyName: response.surveyName ?? '',
          kind: response.kind,
          score: response.score,
          comment: response.comment,
          submittedAt: response.submittedAt,
        }
      : null,
    conversation: conversation
      ? {
          id: conversation.id,
          subject: conversation.subject,
          channel: conversation.channel,
          status: conversation.status,
          escalationTier: conversation.escalationTier,
        }
      : null,
    followUp: invitation
      ? {
          invitationId: invitation.id,
          surveyId: invitation.surveyId,
          delivery: invitation.delivery,
          status: invitation.status,
          sentAt: invitation.sentAt?.toISOString() ?? null,
          answeredAt: invitation.answeredAt?.toISOString() ?? null,
        }
      : null,
  };
}
