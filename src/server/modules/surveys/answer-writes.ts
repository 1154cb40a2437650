import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { insertMany } from '../../db/insert-many.ts';
import { surveyAnswers, surveyInvitations, surveyResponses } from '../../db/schema/index.ts';
import type { AnswerPlan } from './answer-plan.ts';
import { invitationKeys } from './answer-target.ts';

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
  // Answered is the funnel's last step: the status always becomes it; answering again moves the time.
  await tx
    .update(surveyInvitations)
    .set({ status: 'answered', answeredAt: now })
    .where(invitationKeys(plans.map((p) => p.target.invitation)))
    .prepare('koe_invitations_answered')
    .execute();
}
