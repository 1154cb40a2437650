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
  survey: SurveyRecord;
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
      survey: surveys,
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

/** Many invitations in one round trip, by targetKey; locked in key order, so two batches never deadlock. */
export async function answerTargets(tx: Tx, keys: { w: string; i: string }[]): Promise<Map<string, AnswerTarget>> {
  const pairs = sql.join(
    keys.map((k) => sql`(${k.w}::uuid, ${k.i}::uuid)`),
    sql`, `,
  );
  const rows = await selectTargets(tx)
    .where(sql`(${surveyInvitations.workspaceId}, ${surveyInvitations.id}) in (${pairs})`)
    .orderBy(surveyInvitations.workspaceId, surveyInvitations.id)
    .for('update', { of: surveyInvitations });
  return new Map(rows.map((row) => [targetKey(row.invitation.workspaceId, row.invitation.id), toTarget(row)]));
}
