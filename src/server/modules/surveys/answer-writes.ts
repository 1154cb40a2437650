import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { namedQuery } from '../../db/raw.ts';
import { surveyAnswers, surveyResponses } from '../../db/schema/index.ts';
import { newIds } from '../../lib/id.ts';
import type { AnswerPlan, AnswerRow } from './answer-plan.ts';

/** `survey.answered`: what recovery, rules and webhooks see of an answer (first or updated). */
function answeredData(plan: AnswerPlan): Record<string, unknown> {
  const { invitation, survey } = plan.target;
  return {
    surveyId: survey.row.id,
    invitationId: invitation.id,
    kind: survey.row.kind,
    score: plan.result.score,
    comment: plan.result.comment,
    first: plan.insert !== null,
    channel: invitation.channel,
    delivery: invitation.delivery,
    recoveryCaseId: invitation.recoveryCaseId,
  };
}

/** The columns an answer writes, shared with answer-first.ts (the same writes, read and written in one statement). */
export const RESPONSE_COLUMNS = `workspace_id, id, survey_id, version, invitation_id, kind, score, comment,
  contact_id, conversation_id, cycle, delivery, language, agent_id, team_id, channel, touchpoint,
  search_vector, submitted_at, updated_at`;
export const ANSWER_COLUMNS = 'workspace_id, response_id, question_id, option_id, score, text, skipped';
export const EVENT_COLUMNS = `workspace_id, id, type, conversation_id, contact_id, subject_id, data,
  actor_type, actor_id, occurred_at`;

/** Answer rows as the array parameters of their columns after workspace_id (ANSWER_COLUMNS). */
export function answerRowArrays(rows: (AnswerRow & { responseId: string })[]): unknown[] {
  return [
    rows.map((r) => r.responseId),
    rows.map((r) => r.questionId),
    rows.map((r) => r.optionId),
    rows.map((r) => r.score),
    rows.map((r) => r.text),
    rows.map((r) => r.skipped),
  ];
}

/**
 * Everything a batch of answers writes, in one statement of fixed text (array parameters,
 * so it is parsed and planned once per connection whatever the batch size): the new
 * responses, their answer rows, one `survey.answered` domain event each (actor: the
 * contact, queued for dispatch) and the invitations marked answered. Foreign keys are checked at the end of
 * the statement, when the responses the answer rows point at exist.
 */
const WRITE_ANSWERS = `with
  responses as (
    insert into survey_responses (${RESPONSE_COLUMNS})
    select workspace_id, id, survey_id, version, invitation_id, kind, score, comment,
      contact_id, conversation_id, cycle, delivery, language, agent_id, team_id, channel, touchpoint,
      search_vector::tsvector, $1, $1
    from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::uuid[], $7::text[], $8::smallint[], $9::text[],
      $10::uuid[], $11::uuid[], $12::int[], $13::text[], $14::text[], $15::uuid[], $16::uuid[], $17::text[],
      $18::text[], $19::text[])
      as r(workspace_id, id, survey_id, version, invitation_id, kind, score, comment,
        contact_id, conversation_id, cycle, delivery, language, agent_id, team_id, channel, touchpoint, search_vector)),
  answers as (
    insert into survey_answers (${ANSWER_COLUMNS})
    select * from unnest($20::uuid[], $21::uuid[], $22::text[], $23::text[], $24::smallint[], $25::text[], $26::bool[])),
  events as (
    insert into domain_events (${EVENT_COLUMNS})
    select workspace_id, id, 'survey.answered', conversation_id, contact_id, subject_id, data::jsonb,
      'contact', contact_id, $1
    from unnest($27::uuid[], $28::uuid[], $29::uuid[], $30::uuid[], $31::uuid[], $32::text[])
      as e(workspace_id, id, conversation_id, contact_id, subject_id, data)),
  queued as (
    insert into domain_event_queue (workspace_id, id) select * from unnest($27::uuid[], $28::uuid[])),
  invitations as (
    update survey_invitations i set status = 'answered', answered_at = $1
    from unnest($27::uuid[], $33::uuid[]) as k(workspace_id, id)
    where i.workspace_id = k.workspace_id and i.id = k.id)
  select 1`;

/**
 * Writes planned answers inside the caller's transaction. Answers given again first update
 * their response and drop the rows of the questions answered anew (rare: a comment after
 * the score); then one statement writes the rest for the whole batch.
 */
export async function writeAnswerPlans(tx: Tx, plans: AnswerPlan[], now: Date): Promise<void> {
  if (plans.length === 0) return;
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
  const inserts = plans.flatMap((p) => (p.insert ? [p.insert] : []));
  const column = <K extends keyof (typeof inserts)[number]>(key: K) => inserts.map((r) => r[key] ?? null);
  const rows = plans.flatMap((p) => p.rows);
  const eventIds = newIds(plans.map(() => now.getTime()));
  // Answered is the funnel's last step: the status always becomes it; answering again moves the time.
  await namedQuery(tx, 'koe_write_answers', WRITE_ANSWERS, [
    now,
    column('workspaceId'),
    column('id'),
    column('surveyId'),
    column('version'),
    column('invitationId'),
    column('kind'),
    column('score'),
    column('comment'),
    column('contactId'),
    column('conversationId'),
    column('cycle'),
    column('delivery'),
    column('language'),
    column('agentId'),
    column('teamId'),
    column('channel'),
    column('touchpoint'),
    column('searchVector'),
    rows.map((r) => r.workspaceId),
    ...answerRowArrays(rows),
    plans.map((p) => p.target.invitation.workspaceId),
    eventIds,
    plans.map((p) => p.target.invitation.conversationId),
    plans.map((p) => p.target.invitation.contactId),
    plans.map((p) => p.responseId),
    plans.map((p) => JSON.stringify(answeredData(p))),
    plans.map((p) => p.target.invitation.id),
  ]);
}
