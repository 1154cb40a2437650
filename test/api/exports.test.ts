import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImport } from '../../src/server/modules/imports/run-import.ts';
import { CONVERSATION_EXPORT_COLUMNS, RESPONSE_EXPORT_COLUMNS } from '../../src/shared/contracts/exports.ts';
import {
  createApiKey,
  createConversation,
  createTestWorkspace,
  expectStatus,
  type TestWorkspace,
} from '../support/factories.ts';
import { apiClient } from '../support/http.ts';
import { conversationLines, RESPONSE_HEADER, tempDir } from '../support/imports.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let ws: TestWorkspace;
let liveId: string;
const dir = tempDir();

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  // Five imported conversations, one cycle each; C-1 got a CSAT 4 and then a CSAT 5 (the latest counts).
  const db = server.app.db;
  const conversations = dir.file('conversations.csv', conversationLines(ws.owner.email));
  await runImport(db, { workspaceId: ws.workspaceId, kind: 'conversations', path: conversations });
  const responses = dir.file('responses.csv', [
    RESPONSE_HEADER,
    'R-1,csat,4,,2025-04-01T12:00:00+09:00,,C-1,,',
    'R-2,csat,5,,2025-04-01T13:00:00+09:00,,C-1,,',
    'R-3,nps,9,,2025-04-01T14:00:00+09:00,,C-1,,',
  ]);
  await runImport(db, { workspaceId: ws.workspaceId, kind: 'responses', path: responses });
  // A live conversation resolved and reopened: two care cycles.
  const live = await createConversation(ws.api, { channel: 'chat', status: 'resolved' });
  expectStatus(await ws.api.patch(`/api/v1/conversations/${live.id}`, { status: 'open' }), 200, 'reopen');
  liveId = live.id;
});
afterAll(async () => {
  await server?.close();
  dir.remove();
});

const csvRows = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

describe('GET /api/v1/exports/*.csv', () => {
  test('conversations: CSV with the header and one row per care cycle', async () => {
    const response = await ws.api.get('/api/v1/exports/conversations.csv');
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="koe-conversations.csv"');
    expect(response.text.split('\n')[0]).toBe(CONVERSATION_EXPORT_COLUMNS.join(','));
    const rows = csvRows(response.text);
    // 5 imported conversations × 1 cycle + the live one × 2 cycles = 7 rows
    expect(rows.map((r) => `${r.external_id || r.conversation_id}#${r.cycle}`)).toEqual([
      'C-1#1',
      'C-2#1',
      'C-3#1',
      'C-4#1',
      'C-5#1',
      `${liveId}#1`,
      `${liveId}#2`,
    ]);
    expect(rows[0]).toMatchObject({
      channel: 'email',
      status: 'resolved',
      customer_email: 'yamada@example.co.jp',
      customer_name: '山田 太郎',
      company_domain: 'example.co.jp',
      assignee_email: ws.owner.email,
      team: 'Billing',
      tags: 'billing;invoice',
      // 2025-04-01T09:00+09:00 = 00:00 UTC; first reply 1800 s later, resolved 7200 s later
      created_at: '2025-04-01T00:00:00.000Z',
      cycle_started_at: '2025-04-01T00:00:00.000Z',
      first_response_at: '2025-04-01T00:30:00.000Z',
      first_response_seconds: '1800',
      // No business-hours calendar: business time is calendar time (recomputed after the import batch).
      first_response_business_seconds: '1800',
      resolved_at: '2025-04-01T02:00:00.000Z',
      resolution_seconds: '7200',
      resolution_business_seconds: '7200',
      agent_replies: '2',
      reopened: 'false',
      csat: '5',
      nps: '9',
      ces7: '',
      ces5: '',
    });
    // The live conversation's first cycle was resolved and then reopened.
    expect(rows[5]).toMatchObject({ reopened: 'true', channel: 'chat' });
    expect(rows[6]).toMatchObject({ reopened: 'false', status: 'open', resolved_at: '' });
  });

  test('conversations by local creation date, and a UTF-8 BOM only when asked for', async () => {
    const path = '/api/v1/exports/conversations.csv?from=2025-04-01&to=2025-04-03&bom=true';
    const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${ws.apiKey}` } });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Asia/Tokyo: C-1 04-01 09:00, C-2 04-02 19:00, C-3 04-03 08:00 are in; C-4 (04-05 09:00) and later are out.
    const rows = csvRows(new TextDecoder().decode(bytes.slice(3)));
    expect(rows.map((r) => r.external_id)).toEqual(['C-1', 'C-2', 'C-3']);
    const plain = await ws.api.get('/api/v1/exports/conversations.csv?from=2025-04-01&to=2025-04-01');
    expect(plain.text.startsWith('conversation_id,')).toBe(true);
  });

  test('the metric filters apply: channel, and a segment of contacts', async () => {
    const byChannel = csvRows((await ws.api.get('/api/v1/exports/conversations.csv?channel=chat')).text);
    // C-2 (chat) + the live chat conversation's 2 cycles = 3 rows
    expect(byChannel.map((r) => r.external_id || r.cycle)).toEqual(['C-2', '1', '2']);
    const segment = expectStatus(
      await ws.api.post<{ id: string }>('/api/v1/segments', { name: 'No email', filter: { hasEmail: false } }),
      201,
    );
    const bySegment = await ws.api.get(`/api/v1/exports/conversations.csv?segmentId=${segment.id}`);
    // Only C-3's caller has no email address.
    expect(csvRows(bySegment.text).map((r) => r.external_id)).toEqual(['C-3']);
  });

  test('responses: one row per response, oldest first, with its snapshot', async () => {
    const response = await ws.api.get('/api/v1/exports/responses.csv');
    expect(response.status, response.text).toBe(200);
    expect(response.text.split('\n')[0]).toBe(RESPONSE_EXPORT_COLUMNS.join(','));
    const rows = csvRows(response.text);
    expect(rows.map((r) => [r.external_id, r.kind, r.score, r.conversation_external_id, r.channel])).toEqual([
      ['R-1', 'csat', '4', 'C-1', 'email'],
      ['R-2', 'csat', '5', 'C-1', 'email'],
      ['R-3', 'nps', '9', 'C-1', 'email'],
    ]);
    expect(rows[0]).toMatchObject({
      created_at: '2025-04-01T03:00:00.000Z',
      agent_email: ws.owner.email,
      team: 'Billing',
    });
  });

  test('responses with the filters of the responses list: survey, score band, with a comment, comment search', async () => {
    const other = await createTestWorkspace(server);
    const file = dir.file('commented.csv', [
      RESPONSE_HEADER,
      'N-1,csat,1,対応が遅すぎました,2025-05-01T10:00:00+09:00,,,,',
      'N-2,csat,5,とても速くて助かりました,2025-05-01T11:00:00+09:00,,,,',
      'N-3,nps,3,,2025-05-01T12:00:00+09:00,,,,',
      'N-4,csat,2,,2025-05-01T13:00:00+09:00,,,,',
    ]);
    await runImport(server.app.db, { workspaceId: other.workspaceId, kind: 'responses', path: file });
    const ids = async (query: string) => {
      const response = await other.api.get(`/api/v1/exports/responses.csv?${query}`);
      expect(response.status, response.text).toBe(200);
      return csvRows(response.text).map((r) => r.external_id);
    };
    // Negative: CSAT 1–2 and NPS 0–6.
    expect(await ids('scoreBand=negative')).toEqual(['N-1', 'N-3', 'N-4']);
    expect(await ids('scoreBand=negative&hasComment=true')).toEqual(['N-1']);
    expect(await ids('hasComment=false')).toEqual(['N-3', 'N-4']);
    expect(await ids(`q=${encodeURIComponent('対応')}`)).toEqual(['N-1']);
    const nps = csvRows((await other.api.get('/api/v1/exports/responses.csv')).text).find((r) => r.kind === 'nps');
    expect(await ids(`surveyId=${nps?.survey_id}`)).toEqual(['N-3']);
    expectProblem(await other.api.get('/api/v1/exports/responses.csv?q=%21%21'), 400, 'query.q');
    expectProblem(await other.api.get('/api/v1/exports/responses.csv?scoreBand=angry'), 400, 'query.scoreBand');
  });

  test('managers export; a viewer or an agent gets 403; bad dates get 400 naming the field', async () => {
    const keyFor = async (role: 'viewer' | 'agent' | 'manager') =>
      apiClient(server.url, (await createApiKey(ws.api, { role })).key ?? '');
    for (const role of ['viewer', 'agent'] as const) {
      const client = await keyFor(role);
      for (const kind of ['conversations', 'responses']) {
        expectProblem(await client.get(`/api/v1/exports/${kind}.csv`), 403);
      }
    }
    const manager = await keyFor('manager');
    expect((await manager.get('/api/v1/exports/responses.csv')).status).toBe(200);
    expectProblem(await ws.api.get('/api/v1/exports/conversations.csv?from=2025-13-01'), 400, 'query.from');
    expectProblem(await ws.api.get('/api/v1/exports/responses.csv?from=2025-04-02&to=2025-04-01'), 400, 'query.to');
  });
});
