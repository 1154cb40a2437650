import { eq } from 'drizzle-orm';
import type { PublicAnswerInput, PublicSurvey } from '../../../shared/contracts/surveys.ts';
import type { Db, Tx } from '../../db/client.ts';
import { workspaces } from '../../db/schema/index.ts';
import { planAnswer } from './answer-plan.ts';
import { type AnswerTarget, answerTarget, checkTarget, invalidToken } from './answer-target.ts';
import { writeAnswerPlans } from './answer-writes.ts';
import { chooseLanguage, createInvitation, markInvitation, tokenFor } from './invitations.ts';
import { publicDefinition } from './public-definition.ts';
import { getSurveyRecord } from './service.ts';
import { readInvitationToken, readLinkToken } from './tokens.ts';

export { publicDefinition } from './public-definition.ts';

/**
 * Finds the invitation behind a public token. A link token (shareable link) makes a
 * new invitation for this visit; an invitation token must name the invitation's own
 * survey — a token made for one survey never answers another.
 */
export async function resolveToken(tx: Tx, secret: string, token: string, now: Date): Promise<AnswerTarget> {
  const payload = readInvitationToken(secret, token);
  if (payload) return checkTarget((await answerTarget(tx, payload.w, payload.i)) ?? undefined, payload);
  const link = readLinkToken(secret, token);
  if (!link) throw invalidToken();
  const survey = await getSurveyRecord(tx, link.w, link.s).catch(() => {
    throw invalidToken();
  });
  if (survey.row.status !== 'active' || (!link.c && !survey.row.settings.anonymousLink)) throw invalidToken();
  const { invitation } = await createInvitation(tx, link.w, {
    survey,
    delivery: 'link',
    contactId: link.c ?? null,
    status: 'opened',
    unthrottled: true,
    now,
  });
  return { invitation, survey, answer: null };
}

/** Opening the page records an impression; it never records a score. */
export async function openPublicSurvey(
  db: Db,
  secret: string,
  token: string,
  language: string | undefined,
): Promise<PublicSurvey & { token: string }> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const { invitation, survey, answer } = await resolveToken(tx, secret, token, now);
    await markInvitation(tx, invitation, 'opened', now);
    const [workspace] = await tx
      .select({ name: workspaces.name })
      .from(workspaces)
      .where(eq(workspaces.id, invitation.workspaceId));
    const chosen = language ? chooseLanguage(survey, language, invitation.language) : invitation.language;
    return {
      surveyId: survey.row.id,
      ...publicDefinition(survey.definition, chosen),
      response: answer ? { score: answer.score, comment: answer.comment } : null,
      brand: { workspaceName: workspace?.name ?? '' },
      token: tokenFor(secret, invitation),
    };
  });
}

export async function recordPublicEvent(
  db: Db,
  secret: string,
  token: string,
  type: 'opened' | 'dismissed',
): Promise<void> {
  await db.transaction(async (tx) => {
    const { invitation } = await resolveToken(tx, secret, token, new Date());
    await markInvitation(tx, invitation, type, new Date());
  });
}

/**
 * One response per invitation: the first submit creates it, later submits (the
 * comment after the score, a changed mind) update it. The public endpoint goes through
 * the answer queue (answer-queue.ts), which writes concurrent answers together and
 * falls back to this for links and for a batch the database refused.
 */
export async function submitPublicAnswer(
  db: Db,
  secret: string,
  input: PublicAnswerInput,
): Promise<{ id: string; score: number | null; comment: string | null; thankYou: string }> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const plan = planAnswer(await resolveToken(tx, secret, input.token, now), input, now);
    await writeAnswerPlans(tx, [plan], now);
    return plan.result;
  });
}
