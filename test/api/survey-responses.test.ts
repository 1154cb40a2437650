import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TimelineItem } from '../../src/shared/contracts/customers.ts';
import type { SurveyResponseDetail } from '../../src/shared/contracts/survey-results.ts';
import type { Survey, SurveyResponse } from '../../src/shared/contracts/surveys.ts';
import {
  allPages,
  createContact,
  createConversation,
  createTeam,
  createTestWorkspace,
  expectStatus,
  type TestWorkspace,
} from '../support/factories.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { answer, createSurvey, offerLink } from '../support/surveys.ts';

let server: TestServer;
let ws: TestWorkspace;
let csat: Survey;
let nps: Survey;
const ids = {} as Record<'c1' | 'c2' | 'c3' | 'conversation' | 'team', string>;
/** r1…r6 in the order they were answered (oldest first). */
const r: string[] = [];

async function respond(survey: Survey, snapshot: Parameters<typeof offerLink>[3], body: Parameters<typeof answer>[2]) {
  const { token } = await offerLink(server.app, ws.workspaceId, survey.id, snapshot);
  const id = expectStatus(await answer(server.url, token, body), 200, 'answer').id;
  r.push(id);
  // Distinct submission instants keep "newest first" unambiguous.
  await new Promise((resolve) => setTimeout(resolve, 5));
  return id;
}

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  ids.c1 = (await createContact(ws.api, { name: 'Suzuki Hanako' })).id;
  ids.c2 = (await createContact(ws.api, { name: 'Jane Roe' })).id;
  ids.c3 = (await createContact(ws.api)).id;
  ids.team = (await createTeam(ws.api, { memberIds: [ws.owner.id] })).id;
  ids.conversation = (await createConversation(ws.api, { channel: 'chat', customer: { contactId: ids.c1 } })).id;
  csat = await createSurvey(ws.api, { template: 'csat_support' });
  nps = await createSurvey(ws.api, { template: 'nps_relationship' });
  const snapshot = {
    contactId: ids.c1,
    conversationId: ids.conversation,
    channel: 'chat',
    agentId: ws.owner.id,
    teamId: ids.team,
  };
  await respond(csat, snapshot, { score: 5, comment: 'とても丁寧な対応でした' });
  await respond(csat, { contactId: ids.c2, channel: 'email' }, { score: 2, comment: 'Slow reply' });
  await respond(csat, { contactId: ids.c2 }, { score: null });
  await respond(nps, { contactId: ids.c1 }, { score: 9 });
  await respond(nps, { contactId: ids.c1 }, { score: 3, comment: '返金が遅い' });
  await respond(nps, { contactId: ids.c3 }, { score: 10, comment: 'Keep it up' });
});
afterAll(() => server?.close());

const list = async (query: string) =>
  expectStatus(await ws.api.get<{ data: SurveyResponse[] }>(`/api/v1/survey-responses?${query}`), 200, query).data.map(
    (x) => x.id,
  );
const newestFirst = (...indexes: number[]) => indexes.map((i) => r[i - 1]);

describe('survey responses API', () => {
  test('newest first across pages, with survey names, contacts and answers', async () => {
    const all = await allPages<SurveyResponse>(ws.api, '/api/v1/survey-responses', 2);
    expect(all.map((x) => x.id)).toEqual(newestFirst(6, 5, 4, 3, 2, 1));
    expect(all.at(-1)).toMatchObject({
      surveyId: csat.id,
      surveyName: csat.name,
      kind: 'csat',
      score: 5,
      contact: { id: ids.c1, name: 'Suzuki Hanako' },
      conversationId: ids.conversation,
      channel: 'chat',
      agentId: ws.owner.id,
      teamId: ids.team,
      answers: expect.arrayContaining([{ questionId: 'why', text: 'とても丁寧な対応でした' }]),
    });
  });

  test('filters: survey, kind, score band, snapshot, contact, conversation, comment, dates', async () => {
    expect(await list(`surveyId=${csat.id}`)).toEqual(newestFirst(3, 2, 1));
    expect(await list('kind=nps')).toEqual(newestFirst(6, 5, 4));
    // Detractors of every kind: CSAT 1–2 and NPS 0–6.
    expect(await list('scoreBand=detractor')).toEqual(newestFirst(5, 2));
    expect(await list('scoreBand=negative')).toEqual(newestFirst(5, 2));
    expect(await list('kind=nps&scoreBand=promoter')).toEqual(newestFirst(6, 4));
    expect(await list(`surveyId=${csat.id}&scoreBand=positive`)).toEqual(newestFirst(1));
    expect(await list('scoreBand=passive')).toEqual([]);
    expect(await list('channel=chat')).toEqual(newestFirst(1));
    expect(await list(`agentId=${ws.owner.id}`)).toEqual(newestFirst(1));
    expect(await list(`teamId=${ids.team}`)).toEqual(newestFirst(1));
    expect(await list(`contactId=${ids.c1}`)).toEqual(newestFirst(5, 4, 1));
    expect(await list(`conversationId=${ids.conversation}`)).toEqual(newestFirst(1));
    expect(await list('hasComment=true')).toEqual(newestFirst(6, 5, 2, 1));
    expect(await list('hasComment=false')).toEqual(newestFirst(4, 3));
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
    expect(await list(`from=${today}&to=${today}`)).toHaveLength(6);
    expect(await list('from=2000-01-01&to=2000-01-02')).toEqual([]);
  });

  test('comment search, Japanese too', async () => {
    expect(await list(`q=${encodeURIComponent('丁寧')}`)).toEqual(newestFirst(1));
    expect(await list(`q=${encodeURIComponent('返金')}`)).toEqual(newestFirst(5));
    expect(await list('q=slow')).toEqual(newestFirst(2));
    expect(await list(`q=${encodeURIComponent('丁寧')}&kind=nps`)).toEqual([]);
  });

  test('bad filters answer 400 naming the field', async () => {
    expectProblem(await ws.api.get('/api/v1/survey-responses?scoreBand=great'), 400, 'query.scoreBand');
    expectProblem(await ws.api.get('/api/v1/survey-responses?from=31/12/2025'), 400, 'query.from');
    expectProblem(await ws.api.get('/api/v1/survey-responses?hasComment=yes'), 400, 'query.hasComment');
    expectProblem(await ws.api.get(`/api/v1/survey-responses?q=${encodeURIComponent('!!')}`), 400, 'query.q');
  });

  test('one response with its conversation; the conversation lists its responses', async () => {
    const one = expectStatus(await ws.api.get<SurveyResponseDetail>(`/api/v1/survey-responses/${r[0]}`), 200, 'detail');
    expect(one).toMatchObject({
      id: r[0],
      version: 1,
      definition: { kind: 'csat' },
      conversation: { id: ids.conversation, channel: 'chat', status: 'open', cycle: 1 },
    });
    expect((await ws.api.get(`/api/v1/survey-responses/${r[1]}`)).body).toMatchObject({ conversation: null });
    const onConversation = await ws.api.get<{ data: SurveyResponse[] }>(
      `/api/v1/conversations/${ids.conversation}/survey-responses`,
    );
    expect(onConversation.body.data.map((x) => x.id)).toEqual([r[0]]);
    expectProblem(await ws.api.get(`/api/v1/survey-responses/${ids.c1}`), 404);
  });

  test("each response is on the contact's timeline", async () => {
    const timeline = await ws.api.get<{ data: TimelineItem[] }>(`/api/v1/contacts/${ids.c1}/timeline`);
    const answers = timeline.body.data.filter((item) => item.kind === 'survey_response');
    expect(answers.map((a) => a.id)).toEqual(newestFirst(5, 4, 1));
    expect(answers[0]).toMatchObject({
      text: '返金が遅い',
      conversationId: null,
      data: { surveyId: nps.id, surveyName: nps.name, kind: 'nps', score: 3 },
    });
    expect(answers[2]).toMatchObject({ conversationId: ids.conversation, channel: 'chat' });
    const only = await ws.api.get<{ data: TimelineItem[] }>(
      `/api/v1/contacts/${ids.c1}/timeline?kinds=survey_response&limit=2`,
    );
    expect(only.body.data.map((a) => a.id)).toEqual(newestFirst(5, 4));
  });

  test('merging contacts moves responses and invitations; erasing deletes them with their answers', async () => {
    expectStatus(await ws.api.post(`/api/v1/contacts/${ids.c1}/merge`, { sourceId: ids.c2 }), 200, 'merge');
    expect(await list(`contactId=${ids.c1}`)).toEqual(newestFirst(5, 4, 3, 2, 1));
    const invitations = async (contactId: string) =>
      (
        await server.app.database.pool.query(
          'select count(*)::int as n from survey_invitations where workspace_id = $1 and contact_id = $2',
          [ws.workspaceId, contactId],
        )
      ).rows[0]?.n;
    expect(await invitations(ids.c2)).toBe(0);
    expect(await invitations(ids.c1)).toBe(5);

    expectStatus(await ws.api.delete(`/api/v1/contacts/${ids.c1}`), 204, 'erase');
    expect(await list('')).toEqual(newestFirst(6));
    expect(await invitations(ids.c1)).toBe(0);
    const { rows } = await server.app.database.pool.query(
      'select response_id from survey_answers where workspace_id = $1',
      [ws.workspaceId],
    );
    expect(rows.map((row) => row.response_id)).toEqual([r[5], r[5]]);
  });
});
