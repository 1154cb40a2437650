import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { invitationToken, linkToken } from '../../src/server/modules/surveys/tokens.ts';
import type { SurveyResponseDetail } from '../../src/shared/contracts/survey-results.ts';
import type { Survey, SurveyDefinition } from '../../src/shared/contracts/surveys.ts';
import { createTestWorkspace, expectStatus, type TestWorkspace } from '../support/factories.ts';
import { anonymousClient } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { answer, createSurvey, offerLink } from '../support/surveys.ts';

let server: TestServer;
let ws: TestWorkspace;
let other: TestWorkspace;
beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  other = await createTestWorkspace(server);
});
afterAll(() => server?.close());

const definition = (labels: { billing: string; extra?: string }): SurveyDefinition => ({
  kind: 'csat',
  questions: [
    { id: 'score', type: 'score', prompt: { en: 'How satisfied are you?', ja: '満足度は？' } },
    { id: 'why', type: 'comment', prompt: { en: 'Why?' }, required: false },
    {
      id: 'topic',
      type: 'choice',
      prompt: { en: 'About what?' },
      multiple: true,
      required: false,
      options: [
        { id: 'billing', label: { en: labels.billing } },
        { id: 'shipping', label: { en: 'Shipping' } },
        ...(labels.extra ? [{ id: 'returns', label: { en: labels.extra } }] : []),
      ],
    },
  ],
  thankYou: { en: 'Thank you!', ja: 'ありがとうございました' },
  defaultLanguage: 'en',
});

const detail = async (id: string) =>
  expectStatus(await ws.api.get<SurveyResponseDetail>(`/api/v1/survey-responses/${id}`), 200, 'response detail');

/** Rows a workspace has in the survey answer tables, to prove a refused request wrote nothing. */
async function counts(workspaceId: string) {
  const { rows } = await server.app.database.pool.query(
    `select (select count(*) from survey_responses where workspace_id = $1)::int as responses,
            (select count(*) from survey_answers where workspace_id = $1)::int as answers,
            (select count(*) from survey_invitations where workspace_id = $1)::int as invitations,
            (select string_agg(status || coalesce(opened_at::text, ''), ',' order by id) from survey_invitations where workspace_id = $1) as states`,
    [workspaceId],
  );
  return rows[0];
}

describe('public answers', () => {
  test('the score first and the comment later make one response; answering again updates it', async () => {
    const survey = await createSurvey(ws.api, { template: undefined, definition: definition({ billing: 'Billing' }) });
    const { token, invitationId } = await offerLink(server.app, ws.workspaceId, survey.id);
    const first = expectStatus(await answer(server.url, token, { score: 2 }), 200);
    expect(first).toMatchObject({ score: 2, comment: null, thankYou: 'Thank you!' });
    const second = expectStatus(
      await answer(server.url, token, {
        comment: '請求書が届きません',
        answers: [{ questionId: 'topic', optionIds: ['billing', 'shipping'] }],
      }),
      200,
    );
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ score: 2, comment: '請求書が届きません' });
    // Changed their mind: the score and the choice are replaced, the comment kept.
    expectStatus(
      await answer(server.url, token, { score: 4, answers: [{ questionId: 'topic', optionIds: ['shipping'] }] }),
      200,
    );
    const response = await detail(first.id);
    expect(response).toMatchObject({ invitationId, score: 4, comment: '請求書が届きません', version: 1 });
    expect(response.answers).toHaveLength(3);
    expect(response.answers).toEqual(
      expect.arrayContaining([
        { questionId: 'score' },
        { questionId: 'why', text: '請求書が届きません' },
        { questionId: 'topic', optionIds: ['shipping'] },
      ]),
    );
    const listed = await ws.api.get<{ data: { id: string }[] }>(`/api/v1/survey-responses?surveyId=${survey.id}`);
    expect(listed.body.data.map((r) => r.id)).toEqual([first.id]);
    // Out-of-range scores and unknown options are refused, naming the field.
    const bad = await answer(server.url, token, { score: 6 });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('body.score');
    const unknown = await answer(server.url, token, { answers: [{ questionId: 'topic', optionIds: ['nope'] }] });
    expect(unknown.text).toContain('body.answers.0.optionIds.0');
  });

  test('editing a live survey makes version 2; earlier answers keep version 1 and its meaning', async () => {
    const survey = await createSurvey(ws.api, { template: undefined, definition: definition({ billing: 'Billing' }) });
    const before = await offerLink(server.app, ws.workspaceId, survey.id);
    const old = expectStatus(
      await answer(server.url, before.token, { score: 5, answers: [{ questionId: 'topic', optionIds: ['billing'] }] }),
      200,
    );
    const edited = expectStatus(
      await ws.api.patch<Survey>(`/api/v1/surveys/${survey.id}`, {
        definition: definition({ billing: 'Payments and invoices', extra: 'Returns' }),
      }),
      200,
    );
    expect(edited.version).toBe(2);
    const after = await offerLink(server.app, ws.workspaceId, survey.id);
    const fresh = expectStatus(
      await answer(server.url, after.token, { score: 3, answers: [{ questionId: 'topic', optionIds: ['returns'] }] }),
      200,
    );
    const oldDetail = await detail(old.id);
    expect(oldDetail.version).toBe(1);
    const oldTopic = oldDetail.definition.questions.find((q) => q.id === 'topic');
    expect(oldTopic?.type === 'choice' && oldTopic.options.map((o) => o.label.en)).toEqual(['Billing', 'Shipping']);
    expect(oldDetail.answers).toContainEqual({ questionId: 'topic', optionIds: ['billing'] });
    const freshDetail = await detail(fresh.id);
    expect(freshDetail.version).toBe(2);
    expect(freshDetail.definition.questions.find((q) => q.id === 'topic')).toMatchObject({
      options: [{ label: { en: 'Payments and invoices' } }, {}, { id: 'returns' }],
    });
    // The invitation made before the edit still shows version 1 to its respondent.
    const page = await anonymousClient(server.url).get<{ questions: { id: string; options?: unknown[] }[] }>(
      `/api/v1/public/surveys/${before.token}`,
    );
    expect(page.body.questions.find((q) => q.id === 'topic')?.options).toHaveLength(2);
    // Editing a draft that nobody has seen keeps version 1.
    const draft = await createSurvey(ws.api, { status: 'draft' });
    const changed = await ws.api.patch<Survey>(`/api/v1/surveys/${draft.id}`, {
      definition: definition({ billing: 'Billing' }),
    });
    expect(changed.body.version).toBe(1);
    // A rating's scale is what its scores mean: it cannot change once the survey has been sent.
    const rating = await createSurvey(ws.api, { template: 'article_helpful' });
    await offerLink(server.app, ws.workspaceId, rating.id);
    const rescaled = await ws.api.patch(`/api/v1/surveys/${rating.id}`, {
      definition: { ...rating.definition, scale: { min: 1, max: 5 } },
    });
    expect(rescaled.status).toBe(400);
    expect(rescaled.text).toContain('body.definition.scale');
  });

  test('forged, expired, other-workspace and reused-for-another-survey tokens get a 4xx and write nothing', async () => {
    const survey = await createSurvey(ws.api);
    const otherSurvey = await createSurvey(ws.api);
    const { token, invitationId } = await offerLink(server.app, ws.workspaceId, survey.id);
    const secret = server.app.config.secret;
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const [body, mac] = token.split('.');
    const forged = [
      `${body}.${(mac ?? '').replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`,
      invitationToken('another-secret-0123456789abcdef', { w: ws.workspaceId, i: invitationId, s: survey.id, exp }),
      invitationToken(secret, {
        w: ws.workspaceId,
        i: invitationId,
        s: survey.id,
        exp: Math.floor(Date.now() / 1000) - 1,
      }),
      invitationToken(secret, { w: ws.workspaceId, i: invitationId, s: otherSurvey.id, exp }),
      invitationToken(secret, { w: other.workspaceId, i: invitationId, s: survey.id, exp }),
      linkToken(secret, { w: ws.workspaceId, s: survey.id }), // the survey allows no anonymous link
      linkToken(secret, { w: other.workspaceId, s: survey.id, c: invitationId }),
      'not-a-token-at-all',
    ];
    const before = [await counts(ws.workspaceId), await counts(other.workspaceId)];
    const anonymous = anonymousClient(server.url);
    for (const [index, bad] of forged.entries()) {
      for (const response of [
        await answer(server.url, bad, { score: 5, comment: 'x' }),
        await anonymous.post('/api/v1/public/events', { token: bad, type: 'dismissed' }),
        await anonymous.get(`/api/v1/public/surveys/${encodeURIComponent(bad)}`),
      ]) {
        expect(response.status, `token ${index}: ${response.text}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `token ${index}`).toBeLessThan(500);
      }
    }
    expect([await counts(ws.workspaceId), await counts(other.workspaceId)]).toEqual(before);
    // Control: the genuine token still works.
    expect((await answer(server.url, token, { score: 5 })).status).toBe(200);
  });

  test('openings and dismissals are recorded, never a score; the funnel shows them', async () => {
    const survey = await createSurvey(ws.api, { template: 'nps_relationship' });
    const opened = await offerLink(server.app, ws.workspaceId, survey.id);
    const dismissed = await offerLink(server.app, ws.workspaceId, survey.id);
    const anonymous = anonymousClient(server.url);
    const page = await anonymous.get<{ response: unknown; language: string }>(
      `/api/v1/public/surveys/${opened.token}?lang=ja`,
    );
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ response: null, language: 'ja' });
    expect((await anonymous.post('/api/v1/public/events', { token: dismissed.token, type: 'opened' })).status).toBe(
      204,
    );
    expect((await anonymous.post('/api/v1/public/events', { token: dismissed.token, type: 'dismissed' })).status).toBe(
      204,
    );
    const { rows } = await server.app.database.pool.query<{ id: string; status: string; opened: boolean }>(
      `select id, status, opened_at is not null as opened from survey_invitations
        where workspace_id = $1 and survey_id = $2 order by id`,
      [ws.workspaceId, survey.id],
    );
    expect(rows.map((r) => [r.status, r.opened])).toEqual([
      ['opened', true],
      ['dismissed', true],
    ]);
    const summary = (
      await ws.api.get<{ funnel: unknown; score: { n: number } }>(`/api/v1/surveys/${survey.id}/summary`)
    ).body;
    expect(summary.funnel).toEqual({ delivered: 2, opened: 2, answered: 0, dismissed: 1 });
    expect(summary.score.n).toBe(0);
  });
});
