import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { insertMany } from '../../db/insert-many.ts';
import { surveyAnswers, surveyInvitations, surveyResponses } from '../../db/schema/index.ts';
import { emitEvents, type NewDomainEvent } from '../events/emit.ts';
import type { AnswerPlan } from './answer-plan.ts';
import { invitationKeys } from './answer-target.ts';

/** `survey.answered`: what recovery, rules and webhooks see of an answer (first or updated). */
function answeredEvent(plan: AnswerPlan, now: Date): NewDomainEvent {
  const { invitation, survey } = plan.target;
  return {
    type: 'survey.answered',
    conversationId: invitation.conversationId,
    contactId: invitation.contactId,
    subjectId: plan.responseId,
    data: {
      surveyId: survey.row.id,
      invitationId: invitation.id,
      kind: survey.row.kind,
      score: plan.result.score,
      comment: plan.result.comment,
      first: plan.insert !== null,
      channel: invitation.channel,
      delivery: invitation.delivery,
      recoveryCaseId: invitation.recoveryCaseId,
    },
    actor: { type: 'contact', id: invitation.contactId },
    at: now,
  };
}

/**
 * Writes planned answers inside the caller's transaction, one statement per table for
 * all of them, each the same text for any number of answers (array parameters).
 */
export async function writeAnswerPlans(tx: Tx, plans: AnswerPlan[], now: Date): Promise<void> {
  if (plans.length === 0) return;
  const inserts = plans.flatMap((p) => (p.insert ? [p.insert] : []));
  await insertMany(tx, surveyResponses, inserts);
  for (const plan of plans) {
    if (!plan.update) continue;
    const workspaceId = plan.target.invitation.workspaceId;
    await tx
      .update(surveyResponses)
      .set({ ...plan.update, updatedAt: now })
      .where(and(eq(surveyResponses.workspaceId, workspaceId), eq(surveyResponses.id, plan.responseId)));
    if (plan.rows.length === 0) continue;
    // A question answered again replaces its previous answer (all its options).
    await tx.delete(surveyAnswers).where(
      and(
        eq(surveyAnswers.workspaceId, workspaceId),
        eq(surveyAnswers.responseId, plan.responseId),
        inArray(
          surveyAnswers.questionId,
          plan.rows.map((r) => r.questionId),
        ),
      ),
    );
  }
  await insertMany(
    tx,
    surveyAnswers,
    plans.flatMap((p) => p.rows),
  );
  const byWorkspace = Map.groupBy(plans, (p) => p.target.invitation.workspaceId);
  for (const [workspaceId, group] of byWorkspace) {
    await emitEvents(
      tx,
      workspaceId,
      group.map((p) => answeredEvent(p, now)),
    );
  }
  // Answered is the funnel's last step: the status always becomes it; answering again moves the time.
  await tx
    .update(surveyInvitations)
    .set({ status: 'answered', answeredAt: now })
    .where(invitationKeys(plans.map((p) => p.target.invitation)))
    .prepare('koe_invitations_answered')
    .execute();
}
