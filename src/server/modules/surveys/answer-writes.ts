import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { surveyAnswers, surveyInvitations, surveyResponses } from '../../db/schema/index.ts';
import type { AnswerPlan } from './answer-plan.ts';

/**
 * Writes planned answers inside the caller's transaction, one statement per table for
 * all of them (a batch of answers costs about what one does). Statements are named by
 * their row count: every value is a parameter, so the text of each is fixed and
 * PostgreSQL parses and plans it once per connection.
 */
export async function writeAnswerPlans(tx: Tx, plans: AnswerPlan[], now: Date): Promise<void> {
  if (plans.length === 0) return;
  const inserts = plans.flatMap((p) => (p.insert ? [p.insert] : []));
  if (inserts.length > 0) {
    await tx.insert(surveyResponses).values(inserts).prepare(`koe_responses_insert_${inserts.length}`).execute();
  }
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
  const rows = plans.flatMap((p) => p.rows);
  if (rows.length > 0) {
    await tx.insert(surveyAnswers).values(rows).prepare(`koe_answers_insert_${rows.length}`).execute();
  }
  // Answered is the funnel's last step: the status always becomes it; answering again moves the time.
  const keys = sql.join(
    plans.map((p) => sql`(${p.target.invitation.workspaceId}::uuid, ${p.target.invitation.id}::uuid)`),
    sql`, `,
  );
  await tx
    .update(surveyInvitations)
    .set({ status: 'answered', answeredAt: now })
    .where(sql`(${surveyInvitations.workspaceId}, ${surveyInvitations.id}) in (${keys})`)
    .prepare(`koe_invitations_answered_${plans.length}`)
    .execute();
}
