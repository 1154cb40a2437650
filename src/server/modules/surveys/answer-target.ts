import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { surveyInvitations, surveyResponses, surveys, surveyVersions } from '../../db/schema/index.ts';
import { HttpProblem } from '../../http/problem.ts';
import type { InvitationRow } from './invitations.ts';
import type { SurveyRecord } from './service.ts';
import type { InvitationToken } from './tokens.ts';

/** What an answer is written against: the invitation, the survey version it was given, the answer so far. */
export interface AnswerTarget {
  invitation: InvitationRow;
  /** Only what answering needs of the survey (its settings stay in the database). */
  survey: { row: Pick<SurveyRecord['row'], 'id' | 'kind' | 'status'>; definition: SurveyRecord['definition'] };
  /** The answer so far (answering again updates it). */
  answer: { id: string; score: number | null; comment: string | null } | null;
}

export const invalidToken = () =>
  new HttpProblem(400, 'Invalid survey link', 'body.token: this survey link is invalid or has expired', [
    { field: 'body.token', message: 'is invalid or has expired' },
  ]);

/** The invitation joined with its survey, the version it was given and its response; locked for the transaction. */
function selectTargets(tx: Tx) {
  return tx
    .select({
      invitation: surveyInvitations,
      survey: { id: surveys.id, kind: surveys.kind, status: surveys.status },
      definition: surveyVersions.definition,
      answerId: surveyResponses.id,
      score: surveyResponses.score,
      comment: surveyResponses.comment,
    })
    .from(surveyInvitations)
    .innerJoin(
      surveys,
      and(eq(surveys.workspaceId, surveyInvitations.workspaceId), eq(surveys.id, surveyInvitations.surveyId)),
    )
    .innerJoin(
      surveyVersions,
      and(
        eq(surveyVersions.workspaceId, surveyInvitations.workspaceId),
        eq(surveyVersions.surveyId, surveyInvitations.surveyId),
        eq(surveyVersions.version, surveyInvitations.version),
      ),
    )
    .leftJoin(
      surveyResponses,
      and(
        eq(surveyResponses.workspaceId, surveyInvitations.workspaceId),
        eq(surveyResponses.invitationId, surveyInvitations.id),
      ),
    );
}

type TargetRow = Awaited<ReturnType<ReturnType<typeof selectTargets>['execute']>>[number];

function toTarget(row: TargetRow): AnswerTarget {
  return {
    invitation: row.invitation,
    survey: { row: row.survey, definition: row.definition },
    answer: row.answerId ? { id: row.answerId, score: row.score, comment: row.comment } : null,
  };
}

/** The target a token names, or the 400 a respondent sees for a forged, expired or mismatched link. */
export function checkTarget(target: AnswerTarget | undefined, token: InvitationToken): AnswerTarget {
  if (!target || target.invitation.surveyId !== token.s) throw invalidToken();
  if (target.invitation.status === 'skipped' || target.invitation.status === 'failed') throw invalidToken();
  return target;
}

/** One invitation, in one round trip (the hot public path). */
export async function answerTarget(tx: Tx, workspaceId: string, invitationId: string): Promise<AnswerTarget | null> {
  const [row] = await selectTargets(tx)
    .where(and(eq(surveyInvitations.workspaceId, workspaceId), eq(surveyInvitations.id, invitationId)))
    .limit(1)
    .for('update', { of: surveyInvitations })
    // Named: PostgreSQL parses and plans it once per connection (planning costs more than running it).
    .prepare('koe_answer_target')
    .execute();
  return row ? toTarget(row) : null;
}

export const targetKey = (workspaceId: string, invitationId: string) => `${workspaceId}/${invitationId}`;

/** `(workspace_id, id) in (…)` for many invitations, as two array parameters: one statement text for any number. */
export const invitationKeys = (keys: { workspaceId: string; id: string }[]) =>
  sql`(${surveyInvitations.workspaceId}, ${surveyInvitations.id}) in (select * from unnest(${sql.param(
    keys.map((k) => k.workspaceId),
  )}::uuid[], ${sql.param(keys.map((k) => k.id))}::uuid[]))`;

/** Many invitations in one round trip, by targetKey; locked in key order, so two batches never deadlock. */
export async function answerTargets(
  tx: Tx,
  keys: { workspaceId: string; id: string }[],
): Promise<Map<string, AnswerTarget>> {
  const rows = await selectTargets(tx)
    .where(invitationKeys(keys))
    .orderBy(surveyInvitations.workspaceId, surveyInvitations.id)
    .for('update', { of: surveyInvitations })
    .prepare('koe_answer_targets')
    .execute();
  return new Map(rows.map((row) => [targetKey(row.invitation.workspaceId, row.invitation.id), toTarget(row)]));
}
