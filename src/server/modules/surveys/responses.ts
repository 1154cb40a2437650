import { and, eq, inArray } from 'drizzle-orm';
import type { PublicAnswerInput, PublicSurvey, SurveyDefinition } from '../../../shared/contracts/surveys.ts';
import { toTsvectorLiteral } from '../../../shared/search.ts';
import type { Db, Tx } from '../../db/client.ts';
import {
  surveyAnswers,
  surveyInvitations,
  surveyResponses,
  surveys,
  surveyVersions,
  workspaces,
} from '../../db/schema/index.ts';
import { badRequest, HttpProblem } from '../../http/problem.ts';
import { newId } from '../../lib/id.ts';
import { chooseLanguage, createInvitation, type InvitationRow, markInvitation, tokenFor } from './invitations.ts';
import { getSurveyRecord, type SurveyRecord, scaleOf } from './service.ts';
import { readInvitationToken, readLinkToken } from './tokens.ts';

const invalidToken = () =>
  new HttpProblem(400, 'Invalid survey link', 'body.token: this survey link is invalid or has expired', [
    { field: 'body.token', message: 'is invalid or has expired' },
  ]);

function pick(texts: Record<string, string> | undefined, language: string, fallback: string): string {
  if (!texts) return '';
  return texts[language] ?? texts[fallback] ?? Object.values(texts)[0] ?? '';
}

/** The survey in one language, as the respondent sees it. */
export function publicDefinition(definition: SurveyDefinition, language: string) {
  const fallback = definition.defaultLanguage;
  return {
    kind: definition.kind,
    scale: scaleOf(definition),
    language,
    questions: definition.questions.map((q) => {
      const base = { id: q.id, type: q.type, prompt: pick(q.prompt, language, fallback) };
      if (q.type === 'score') {
        return {
          ...base,
          required: true,
          lowLabel: pick(q.lowLabel, language, fallback),
          highLabel: pick(q.highLabel, language, fallback),
        };
      }
      if (q.type === 'comment') return { ...base, required: q.required };
      return {
        ...base,
        required: q.required,
        multiple: q.multiple,
        options: q.options.map((o) => ({ id: o.id, label: pick(o.label, language, fallback) })),
      };
    }),
    thankYou: pick(definition.thankYou, language, fallback),
  };
}

interface Resolved {
  invitation: InvitationRow;
  survey: SurveyRecord;
  /** The answer so far (answering again updates it). */
  answer: { id: string; score: number | null; comment: string | null } | null;
}

/**
 * The invitation (locked for this transaction), the survey version it was given and
 * the answer so far, in one round trip: answering is the hot public path.
 */
async function invitationWithSurvey(tx: Tx, workspaceId: string, invitationId: string): Promise<Resolved | null> {
  const [row] = await tx
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
    )
    .where(and(eq(surveyInvitations.workspaceId, workspaceId), eq(surveyInvitations.id, invitationId)))
    .limit(1)
    .for('update', { of: surveyInvitations })
    // Named: PostgreSQL parses and plans it once per connection (planning cost more than running it).
    .prepare('koe_answer_target')
    .execute();
  if (!row) return null;
  return {
    invitation: row.invitation,
    survey: { row: row.survey, definition: row.definition },
    answer: row.answerId ? { id: row.answerId, score: row.score, comment: row.comment } : null,
  };
}

/**
 * Finds the invitation behind a public token. A link token (shareable link) makes a
 * new invitation for this visit; an invitation token must name the invitation's own
 * survey — a token made for one survey never answers another.
 */
async function resolveToken(tx: Tx, secret: string, token: string, now: Date): Promise<Resolved> {
  const payload = readInvitationToken(secret, token);
  if (payload) {
    const resolved = await invitationWithSurvey(tx, payload.w, payload.i);
    if (!resolved || resolved.invitation.surveyId !== payload.s) throw invalidToken();
    if (resolved.invitation.status === 'skipped' || resolved.invitation.status === 'failed') throw invalidToken();
    return resolved;
  }
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

interface AnswerRow {
  questionId: string;
  optionId: string;
  score: number | null;
  text: string | null;
  skipped: boolean;
}

/** Checks every answer against the survey version the person was given. */
function answerRows(definition: SurveyDefinition, input: PublicAnswerInput): AnswerRow[] {
  const rows: AnswerRow[] = [];
  const { min, max } = scaleOf(definition);
  if (input.score !== undefined) {
    if (input.score !== null && (input.score < min || input.score > max)) {
      throw badRequest('body.score', `must be between ${min} and ${max}`);
    }
    rows.push({ questionId: 'score', optionId: '', score: input.score, text: null, skipped: input.score === null });
  }
  const firstComment = definition.questions.find((q) => q.type === 'comment');
  if (input.comment !== undefined) {
    if (!firstComment) throw badRequest('body.comment', 'this survey has no comment question');
    const text = input.comment?.trim() || null;
    rows.push({ questionId: firstComment.id, optionId: '', score: null, text, skipped: text === null });
  }
  (input.answers ?? []).forEach((answer, index) => {
    const question = definition.questions.find((q) => q.id === answer.questionId);
    const field = `body.answers.${index}`;
    if (!question || question.type === 'score')
      throw badRequest(`${field}.questionId`, 'is not a question of this survey');
    if (rows.some((r) => r.questionId === question.id)) throw badRequest(`${field}.questionId`, 'is answered twice');
    if (question.type === 'comment') {
      const text = answer.text?.trim() || null;
      rows.push({
        questionId: question.id,
        optionId: '',
        score: null,
        text,
        skipped: answer.skipped === true || text === null,
      });
      return;
    }
    const optionIds = answer.skipped ? [] : (answer.optionIds ?? []);
    if (!question.multiple && optionIds.length > 1) throw badRequest(`${field}.optionIds`, 'allows one option');
    for (const [i, optionId] of optionIds.entries()) {
      if (!question.options.some((o) => o.id === optionId))
        throw badRequest(`${field}.optionIds.${i}`, 'is not an option of this question');
    }
    if (optionIds.length === 0)
      rows.push({ questionId: question.id, optionId: '', score: null, text: null, skipped: true });
    for (const optionId of new Set(optionIds))
      rows.push({ questionId: question.id, optionId, score: null, text: null, skipped: false });
  });
  return rows;
}

/**
 * One response per invitation: the first submit creates it, later submits (the
 * comment after the score, a changed mind) update it. The snapshot comes from the
 * invitation, taken when the survey was sent.
 */
export async function submitPublicAnswer(
  db: Db,
  secret: string,
  input: PublicAnswerInput,
): Promise<{ id: string; score: number | null; comment: string | null; thankYou: string }> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const { invitation, survey, answer: existing } = await resolveToken(tx, secret, input.token, now);
    const rows = answerRows(survey.definition, input);
    const workspaceId = invitation.workspaceId;
    const scoreRow = rows.find((r) => r.questionId === 'score');
    const commentQuestion = survey.definition.questions.find((q) => q.type === 'comment');
    const commentRow = commentQuestion ? rows.find((r) => r.questionId === commentQuestion.id) : undefined;
    const score = scoreRow ? scoreRow.score : (existing?.score ?? null);
    const comment = commentRow ? commentRow.text : (existing?.comment ?? null);
    const id = existing?.id ?? newId(now.getTime());
    const language = input.language ? chooseLanguage(survey, input.language, invitation.language) : invitation.language;
    if (existing) {
      await tx
        .update(surveyResponses)
        .set({ score, comment, language, searchVector: comment ? toTsvectorLiteral(comment) : null, updatedAt: now })
        .where(and(eq(surveyResponses.workspaceId, workspaceId), eq(surveyResponses.id, id)));
    } else {
      // Every value is a parameter and every column is given, so the text never changes: prepared once.
      await tx
        .insert(surveyResponses)
        .values({
          workspaceId,
          id,
          surveyId: survey.row.id,
          version: invitation.version,
          invitationId: invitation.id,
          kind: survey.row.kind,
          score,
          comment,
          contactId: invitation.contactId,
          conversationId: invitation.conversationId,
          cycle: invitation.cycle,
          delivery: invitation.delivery,
          language,
          agentId: invitation.agentId,
          teamId: invitation.teamId,
          channel: invitation.channel,
          touchpoint: invitation.touchpoint,
          searchVector: comment ? toTsvectorLiteral(comment) : null,
          submittedAt: now,
          updatedAt: now,
        })
        .prepare('koe_response_insert')
        .execute();
    }
    if (existing && rows.length > 0) {
      // A question answered again replaces its previous answer (all its options).
      const answered = rows.map((r) => r.questionId);
      await tx
        .delete(surveyAnswers)
        .where(
          and(
            eq(surveyAnswers.workspaceId, workspaceId),
            eq(surveyAnswers.responseId, id),
            inArray(surveyAnswers.questionId, answered),
          ),
        );
    }
    if (rows.length > 0) {
      await tx
        .insert(surveyAnswers)
        .values(rows.map((r) => ({ workspaceId, responseId: id, ...r })))
        .prepare(`koe_answers_insert_${rows.length}`)
        .execute();
    }
    // Answered is the last step of the funnel: the status always becomes it; answering again moves the time.
    await tx
      .update(surveyInvitations)
      .set({ status: 'answered', answeredAt: now })
      .where(and(eq(surveyInvitations.workspaceId, workspaceId), eq(surveyInvitations.id, invitation.id)))
      .prepare('koe_invitation_answered')
      .execute();
    return { id, score, comment, thankYou: publicDefinition(survey.definition, language).thankYou };
  });
}
