import type { Conversation } from '../../../shared/contracts/conversations.ts';
import type { ConversationSummary } from '../../../shared/contracts/survey-results.ts';
import type { SurveyResponse } from '../../../shared/contracts/surveys.ts';
import type { surveyAnswers, surveyResponses } from '../../db/schema/index.ts';

type AnswerRow = Pick<typeof surveyAnswers.$inferSelect, 'responseId' | 'questionId' | 'optionId' | 'text' | 'skipped'>;

/** Answer rows (one per option of a choice question) grouped per question, choices by option id. */
export function groupAnswers(rows: AnswerRow[]): Map<string, SurveyResponse['answers']> {
  const byResponse = new Map<string, Map<string, SurveyResponse['answers'][number]>>();
  for (const row of rows) {
    const questions = byResponse.get(row.responseId) ?? new Map();
    byResponse.set(row.responseId, questions);
    const answer = questions.get(row.questionId) ?? { questionId: row.questionId };
    questions.set(row.questionId, answer);
    if (row.optionId) answer.optionIds = [...(answer.optionIds ?? []), row.optionId];
    if (row.text !== null) answer.text = row.text;
    if (row.skipped) answer.skipped = true;
  }
  return new Map([...byResponse].map(([id, questions]) => [id, [...questions.values()]]));
}

export function presentResponse(
  row: typeof surveyResponses.$inferSelect,
  extra: {
    surveyName: string;
    answers: SurveyResponse['answers'];
    contact: { id: string; name: string; email: string | null } | null;
  },
): SurveyResponse {
  return {
    id: row.id,
    surveyId: row.surveyId,
    surveyName: extra.surveyName,
    version: row.version,
    invitationId: row.invitationId,
    kind: row.kind,
    score: row.score,
    comment: row.comment,
    answers: extra.answers,
    contactId: row.contactId,
    contact: extra.contact,
    conversationId: row.conversationId,
    cycle: row.cycle,
    delivery: row.delivery,
    language: row.language,
    agentId: row.agentId,
    teamId: row.teamId,
    channel: row.channel,
    touchpoint: row.touchpoint,
    submittedAt: row.submittedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentConversationSummary(conversation: Conversation): ConversationSummary {
  const { id, subject, channel, status, priority, cycle, assigneeId, teamId, createdAt, resolvedAt } = conversation;
  return { id, subject, channel, status, priority, cycle, assigneeId, teamId, createdAt, resolvedAt };
}
