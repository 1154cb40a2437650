import { and, eq, isNull } from 'drizzle-orm';
import { type SurveyDefinition, SurveySettings } from '../../../shared/contracts/surveys.ts';
import { toTsvectorLiteral } from '../../../shared/search.ts';
import type { Tx } from '../../db/client.ts';
import { surveyAnswers, surveyResponses, surveys, surveyVersions } from '../../db/schema/index.ts';
import { isUuid, newId } from '../../lib/id.ts';
import { SURVEY_TEMPLATES } from './templates.ts';

/**
 * Responses imported from another tool (`koe import responses`). Each kind goes into one
 * survey per workspace ("インポート: CSAT / Imported CSAT"), created on first use as
 * `archived` with every trigger off: an archived survey is never sent (send.ts refuses,
 * the after-resolution job, widget and reminders skip it) and its public page answers
 * nothing, yet its responses count in metrics like any other.
 */
export type ImportedKind = 'csat' | 'nps' | 'ces7' | 'ces5';

/** The questions of an imported survey: the score and one comment. */
export const IMPORTED_QUESTION_IDS = { score: 'score', comment: 'comment' } as const;

const LABELS: Record<ImportedKind, string> = { csat: 'CSAT', nps: 'NPS', ces7: 'CES (1–7)', ces5: 'CES (1–5)' };
export const importedSurveyName = (kind: ImportedKind) => `インポート: ${LABELS[kind]} / Imported ${LABELS[kind]}`;
const marker = (kind: ImportedKind) => `import:${kind}`;

function definitionFor(kind: ImportedKind, defaultLanguage: string): SurveyDefinition {
  // Reuse the wording of the template of the same kind where there is one.
  const template = SURVEY_TEMPLATES.find((t) => t.definition.kind === kind);
  const score = template?.definition.questions.find((q) => q.type === 'score');
  return {
    kind,
    questions: [
      score?.type === 'score'
        ? score
        : {
            id: 'score',
            type: 'score',
            prompt: { ja: '今回の対応はいかがでしたか？', en: 'How was your experience?' },
          },
      {
        id: IMPORTED_QUESTION_IDS.comment,
        type: 'comment',
        prompt: { ja: '理由をお聞かせください。', en: 'What is the main reason for your score?' },
        required: false,
      },
    ],
    thankYou: { ja: 'ご回答ありがとうございました。', en: 'Thank you for your feedback.' },
    defaultLanguage,
  };
}

/** The workspace's survey for imported responses of `kind`, created (archived, version 1) on first use. */
export async function importedSurvey(
  tx: Tx,
  workspaceId: string,
  kind: ImportedKind,
  defaultLanguage: string,
): Promise<{ id: string; name: string; version: number }> {
  const [found] = await tx
    .select({ id: surveys.id, name: surveys.name, version: surveys.version })
    .from(surveys)
    .where(and(eq(surveys.workspaceId, workspaceId), eq(surveys.template, marker(kind)), eq(surveys.kind, kind)))
    .limit(1);
  if (found) return found;
  const id = newId();
  const name = importedSurveyName(kind);
  await tx.insert(surveys).values({
    workspaceId,
    id,
    name,
    kind,
    status: 'archived',
    version: 1,
    settings: SurveySettings.parse({}),
    template: marker(kind),
  });
  await tx
    .insert(surveyVersions)
    .values({ workspaceId, surveyId: id, version: 1, definition: definitionFor(kind, defaultLanguage) });
  return { id, name, version: 1 };
}

export interface ImportedResponse {
  externalId: string;
  survey: { id: string; version: number };
  kind: ImportedKind;
  score: number | null;
  comment: string | null;
  contactId: string | null;
  conversationId: string | null;
  cycle: number | null;
  language: string;
  agentId: string | null;
  teamId: string | null;
  channel: string | null;
  touchpoint: string | null;
  submittedAt: Date;
}

export type ResponseImportOutcome = 'created' | 'updated' | 'unchanged' | 'native_changed';

function answerRows(workspaceId: string, responseId: string, input: ImportedResponse) {
  return [
    {
      workspaceId,
      responseId,
      questionId: IMPORTED_QUESTION_IDS.score,
      optionId: '',
      score: input.score,
      text: null,
      skipped: input.score === null,
    },
    {
      workspaceId,
      responseId,
      questionId: IMPORTED_QUESTION_IDS.comment,
      optionId: '',
      score: null,
      text: input.comment,
      skipped: input.comment === null,
    },
  ];
}

/**
 * Writes one imported response, idempotent by external id. An external id that is the id
 * of a response collected by Koe (an export of this workspace imported again) finds that
 * response: unchanged when it says the same, otherwise `native_changed` (never rewritten).
 */
export async function upsertImportedResponse(
  tx: Tx,
  workspaceId: string,
  input: ImportedResponse,
): Promise<{ id: string; outcome: ResponseImportOutcome }> {
  const r = surveyResponses;
  const [byExternal] = await tx
    .select()
    .from(r)
    .where(and(eq(r.workspaceId, workspaceId), eq(r.externalId, input.externalId)))
    .limit(1);
  const [native] =
    byExternal || !isUuid(input.externalId)
      ? []
      : await tx
          .select()
          .from(r)
          .where(and(eq(r.workspaceId, workspaceId), eq(r.id, input.externalId), isNull(r.externalId)))
          .limit(1);
  const fields = {
    surveyId: input.survey.id,
    version: input.survey.version,
    kind: input.kind,
    score: input.score,
    comment: input.comment,
    contactId: input.contactId,
    conversationId: input.conversationId,
    cycle: input.cycle,
    language: input.language,
    agentId: input.agentId,
    teamId: input.teamId,
    channel: input.channel,
    touchpoint: input.touchpoint,
    submittedAt: input.submittedAt,
  };
  if (native) {
    const same = native.score === input.score && (native.comment ?? null) === input.comment;
    return { id: native.id, outcome: same ? 'unchanged' : 'native_changed' };
  }
  const searchVector = input.comment ? toTsvectorLiteral(input.comment) : null;
  if (!byExternal) {
    const id = newId(input.submittedAt.getTime());
    await tx.insert(r).values({
      workspaceId,
      id,
      invitationId: null,
      delivery: 'link',
      externalId: input.externalId,
      searchVector,
      updatedAt: input.submittedAt,
      ...fields,
    });
    await tx.insert(surveyAnswers).values(answerRows(workspaceId, id, input));
    return { id, outcome: 'created' };
  }
  const stored = byExternal as Record<string, unknown>;
  const changed = Object.entries(fields).some(([key, value]) => {
    const was = stored[key];
    if (value instanceof Date) return !(was instanceof Date) || was.getTime() !== value.getTime();
    return (was ?? null) !== (value ?? null);
  });
  if (!changed) return { id: byExternal.id, outcome: 'unchanged' };
  const id = byExternal.id;
  await tx
    .update(r)
    .set({ ...fields, searchVector, updatedAt: new Date() })
    .where(and(eq(r.workspaceId, workspaceId), eq(r.id, id)));
  await tx
    .delete(surveyAnswers)
    .where(and(eq(surveyAnswers.workspaceId, workspaceId), eq(surveyAnswers.responseId, id)));
  await tx.insert(surveyAnswers).values(answerRows(workspaceId, id, input));
  return { id, outcome: 'updated' };
}
