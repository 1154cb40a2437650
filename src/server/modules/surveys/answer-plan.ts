import type { PublicAnswerInput, SurveyDefinition } from '../../../shared/contracts/surveys.ts';
import { toTsvectorLiteral } from '../../../shared/search.ts';
import type { surveyResponses } from '../../db/schema/index.ts';
import { badRequest } from '../../http/problem.ts';
import { newId } from '../../lib/id.ts';
import type { AnswerTarget } from './answer-target.ts';
import { chooseLanguage } from './invitations.ts';
import { publicDefinition } from './public-definition.ts';
import { scaleOf } from './service.ts';

/**
 * What one public answer writes, worked out before touching the database: the rows
 * checked against the survey version the person was given, and the response merged
 * with the answer so far (the score first and the comment later make one response).
 */
export interface AnswerRow {
  questionId: string;
  optionId: string;
  score: number | null;
  text: string | null;
  skipped: boolean;
}

/** Checks every answer against the survey version the person was given. */
export function answerRows(definition: SurveyDefinition, input: PublicAnswerInput): AnswerRow[] {
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

export interface AnswerPlan {
  target: AnswerTarget;
  responseId: string;
  /** The response to insert; null when one exists and is updated. */
  insert: typeof surveyResponses.$inferInsert | null;
  update: { score: number | null; comment: string | null; language: string; searchVector: string | null } | null;
  rows: (AnswerRow & { workspaceId: string; responseId: string })[];
  result: { id: string; score: number | null; comment: string | null; thankYou: string };
}

/** The rows of an answer that give its response's score and comment (absent when not answered now). */
export function scoreAndComment(definition: SurveyDefinition, rows: AnswerRow[]) {
  const commentQuestion = definition.questions.find((q) => q.type === 'comment');
  return {
    scoreRow: rows.find((r) => r.questionId === 'score'),
    commentRow: commentQuestion ? rows.find((r) => r.questionId === commentQuestion.id) : undefined,
  };
}

/** Throws the 400 naming the field when an answer does not fit the survey. */
export function planAnswer(target: AnswerTarget, input: PublicAnswerInput, now: Date): AnswerPlan {
  const { invitation, survey, answer: existing } = target;
  const definition = survey.definition;
  const checked = answerRows(definition, input);
  const { scoreRow, commentRow } = scoreAndComment(definition, checked);
  const score = scoreRow ? scoreRow.score : (existing?.score ?? null);
  const comment = commentRow ? commentRow.text : (existing?.comment ?? null);
  const id = existing?.id ?? newId(now.getTime());
  const language = input.language ? chooseLanguage(survey, input.language, invitation.language) : invitation.language;
  const searchVector = comment ? toTsvectorLiteral(comment) : null;
  const workspaceId = invitation.workspaceId;
  return {
    target,
    responseId: id,
    // The snapshot (agent, team, channel, touchpoint) comes from the invitation, taken when it was sent.
    insert: existing
      ? null
      : {
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
          searchVector,
          submittedAt: now,
          updatedAt: now,
        },
    update: existing ? { score, comment, language, searchVector } : null,
    rows: checked.map((r) => ({ workspaceId, responseId: id, ...r })),
    result: { id, score, comment, thankYou: publicDefinition(definition, language).thankYou },
  };
}
