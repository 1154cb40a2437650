import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestWorkspace, expectStatus, type TestWorkspace } from '../../../../test/support/factories.ts';
import { conversationLines, RESPONSE_HEADER, tempDir } from '../../../../test/support/imports.ts';
import { startTestServer, type TestServer } from '../../../../test/support/server.ts';
import type { SurveyResponse } from '../../../shared/contracts/surveys.ts';
import { prepareExport } from '../exports/service.ts';
import { runImport } from './run-import.ts';

let server: TestServer;
let a: TestWorkspace;
let b: TestWorkspace;
const dir = tempDir();

const RESPONSES = [
  RESPONSE_HEADER,
  // line 2: linked to C-1 (email, assignee = owner, team Billing); channel from the conversation
  'R-1,csat,5,対応がとても丁寧で助かりました,2025-04-01T12:00:00+09:00,yamada@example.co.jp,C-1,,ja',
  // line 3: the score was skipped; the comment is kept
  'R-2,nps,,Skipped the score but left a comment,2025-04-02T12:00:00Z,bob@example.com,,email,en',
  // line 4: not a kind
  'R-3,smile,3,,2025-04-02T12:00:00Z,,,,',
  // line 5: 6 is off the 1–5 CSAT scale
  'R-4,csat,6,,2025-04-02T12:00:00Z,,,,',
  // line 6: no conversation has this external id
  'R-5,ces7,6,,2025-04-03T00:00:00Z,,C-404,,',
  // line 7: no language → the workspace default (ja); no customer
  'R-6,ces5,2,,2025-04-03T00:00:00Z,,,,',
];

beforeAll(async () => {
  server = await startTestServer();
  a = await createTestWorkspace(server);
  b = await createTestWorkspace(server);
  for (const ws of [a, b]) {
    const path = dir.file(`conversations-${ws.workspaceId}.csv`, conversationLines(ws.owner.email));
    await runImport(server.app.db, { workspaceId: ws.workspaceId, kind: 'conversations', path });
  }
});
afterAll(async () => {
  await server?.close();
  dir.remove();
});

const importResponses = (ws: TestWorkspace, path: string) =>
  runImport(server.app.db, { workspaceId: ws.workspaceId, kind: 'responses', path });

async function exportText(ws: TestWorkspace): Promise<string> {
  const prepared = await prepareExport(server.app.db, ws.workspaceId, 'responses', {});
  return text(prepared.stream);
}
const parsed = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];

describe('koe import responses', () => {
  test('keeps skipped scores, rejects a bad kind, score or conversation, and stores answers per question', async () => {
    const summary = await importResponses(a, dir.file('responses.csv', RESPONSES));
    expect(summary).toMatchObject({ rows: 6, created: 3, updated: 0, unchanged: 0, rejected: 3 });
    expect(summary.errors.map(({ line, field }) => ({ line, field }))).toEqual([
      { line: 4, field: 'kind' },
      { line: 5, field: 'score' },
      { line: 6, field: 'conversation_external_id' },
    ]);
    const stored = (
      await server.app.db.execute<Record<string, unknown>>(sql`
        select r.external_id, r.kind, r.score, r.comment, r.language, r.channel, r.cycle, r.delivery,
               r.agent_id, t.name as team, s.name as survey, s.status,
               (select count(*)::int from survey_answers x where x.workspace_id = r.workspace_id and x.response_id = r.id) as answers,
               (select x.skipped from survey_answers x where x.workspace_id = r.workspace_id and x.response_id = r.id and x.question_id = 'score') as score_skipped
          from survey_responses r
          join surveys s on s.workspace_id = r.workspace_id and s.id = r.survey_id
          left join teams t on t.workspace_id = r.workspace_id and t.id = r.team_id
         where r.workspace_id = ${a.workspaceId} order by r.external_id`)
    ).rows;
    expect(stored).toEqual([
      {
        external_id: 'R-1',
        kind: 'csat',
        score: 5,
        comment: '対応がとても丁寧で助かりました',
        language: 'ja',
        channel: 'email',
        cycle: 1,
        delivery: 'link',
        agent_id: a.owner.id,
        team: 'Billing',
        survey: 'インポート: CSAT / Imported CSAT',
        status: 'archived',
        answers: 2,
        score_skipped: false,
      },
      expect.objectContaining({ external_id: 'R-2', kind: 'nps', score: null, score_skipped: true, answers: 2 }),
      expect.objectContaining({ external_id: 'R-6', kind: 'ces5', score: 2, language: 'ja', cycle: null }),
    ]);
  });

  test('comment search finds an imported Japanese comment', async () => {
    const found = expectStatus(
      await a.api.get<{ data: SurveyResponse[] }>(`/api/v1/survey-responses?q=${encodeURIComponent('丁寧')}`),
      200,
    );
    expect(found.data.map((r) => r.comment)).toEqual(['対応がとても丁寧で助かりました']);
  });

  test('an export imports again: unchanged here, the same responses in another workspace', async () => {
    const csv = await exportText(a);
    const rows = parsed(csv);
    expect(rows.map((r) => r.external_id)).toEqual(['R-1', 'R-2', 'R-6']);
    const file = dir.file('export.csv', [csv.trimEnd()]);
    const again = await importResponses(a, file);
    expect(again.errors).toEqual([]);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await importResponses(b, file)).toMatchObject({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    // Ids differ between workspaces, and so do the agents (each workspace's owner handled C-1).
    const comparable = (list: Record<string, string>[]) =>
      list.map(({ id: _id, survey_id: _survey, conversation_id: _conversation, agent_email: _agent, ...rest }) => rest);
    const inB = parsed(await exportText(b));
    expect(comparable(inB)).toEqual(comparable(rows));
    expect(inB.map((r) => r.agent_email)).toEqual([b.owner.email, '', '']);
  });
});
