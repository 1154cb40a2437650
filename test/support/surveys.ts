import type { AppContext } from '../../src/server/context.ts';
import { createInvitation, tokenFor } from '../../src/server/modules/surveys/invitations.ts';
import { getSurveyRecord } from '../../src/server/modules/surveys/service.ts';
import type { Invitation, Survey } from '../../src/shared/contracts/surveys.ts';
import { expectStatus, unique } from './factories.ts';
import { anonymousClient, type Client } from './http.ts';

/** Survey factories for API tests: surveys through the API, answers through the public endpoint. */

export async function createSurvey(api: Client, input: Record<string, unknown> = {}): Promise<Survey> {
  return expectStatus(
    await api.post<Survey>('/api/v1/surveys', {
      name: unique('Survey'),
      template: 'csat_support',
      status: 'active',
      ...input,
    }),
    201,
    'create survey',
  );
}

/** A survey whose after-resolution trigger is on, with the given trigger settings. */
export async function createTriggerSurvey(
  api: Client,
  trigger: Record<string, unknown> = {},
  input: Record<string, unknown> = {},
): Promise<Survey> {
  const survey = await createSurvey(api, input);
  return expectStatus(
    await api.patch<Survey>(`/api/v1/surveys/${survey.id}`, {
      settings: {
        ...survey.settings,
        afterResolution: { ...survey.settings.afterResolution, enabled: true, delayMinutes: 0, ...trigger },
      },
    }),
    200,
    'enable the trigger',
  );
}

export interface Offered {
  invitationId: string;
  token: string;
}

/** A personal link invitation written by the service (snapshot as given), unthrottled. */
export async function offerLink(
  app: AppContext,
  workspaceId: string,
  surveyId: string,
  snapshot: {
    contactId?: string | null;
    conversationId?: string | null;
    agentId?: string | null;
    teamId?: string | null;
    channel?: string | null;
    now?: Date;
  } = {},
): Promise<Offered> {
  const { invitation } = await app.db.transaction(async (tx) =>
    createInvitation(tx, workspaceId, {
      survey: await getSurveyRecord(tx, workspaceId, surveyId),
      delivery: 'link',
      status: 'sent',
      unthrottled: true,
      ...snapshot,
    }),
  );
  return { invitationId: invitation.id, token: tokenFor(app.config.secret, invitation) };
}

export interface AnswerBody {
  score?: number | null;
  comment?: string | null;
  answers?: unknown[];
  language?: string;
}

/** Answers as the respondent does: no credentials, the signed token. */
export async function answer(baseUrl: string, token: string, body: AnswerBody) {
  return anonymousClient(baseUrl).post<{ id: string; score: number | null; comment: string | null }>(
    '/api/v1/public/responses',
    { token, ...body },
  );
}

/** Offers and answers once per score (null = skipped); returns the response ids. */
export async function answerScores(
  app: AppContext,
  baseUrl: string,
  workspaceId: string,
  surveyId: string,
  scores: (number | null)[],
  extra: Parameters<typeof offerLink>[3] & { comment?: string } = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (const score of scores) {
    const { comment, ...snapshot } = extra;
    const { token } = await offerLink(app, workspaceId, surveyId, snapshot);
    const response = await answer(baseUrl, token, { score, ...(comment ? { comment } : {}) });
    ids.push(expectStatus(response, 200, `answer ${score}`).id);
  }
  return ids;
}

export type { Invitation };
