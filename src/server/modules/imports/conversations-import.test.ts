import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestWorkspace, expectStatus, type TestWorkspace } from '../../../../test/support/factories.ts';
import { conversationLines, tempDir } from '../../../../test/support/imports.ts';
import { startTestServer, type TestServer } from '../../../../test/support/server.ts';
import { createTriggerSurvey } from '../../../../test/support/surveys.ts';
import type { Conversation } from '../../../shared/contracts/conversations.ts';
import { runAfterResolutionSurveys } from '../../commands/survey-after-resolution.ts';
import { runImport } from './run-import.ts';

let server: TestServer;
let ws: TestWorkspace;
const dir = tempDir();

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
});
afterAll(async () => {
  await server?.close();
  dir.remove();
});

const importFile = (path: string, errorsPath?: string) =>
  runImport(server.app.db, { workspaceId: ws.workspaceId, kind: 'conversations', path, errorsPath });

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await server.app.db.execute(query)).rows as T[];
}

interface CycleRow {
  external_id: string;
  status: string;
  reopen_count: number;
  assignee_id: string | null;
  first_responder_id: string | null;
  resolver_id: string | null;
  first_response_seconds: number | null;
  resolution_seconds: number | null;
  public_replies: number;
  reopened: boolean;
  team: string | null;
  company: string | null;
}

const cycles = () =>
  rows<CycleRow>(sql`
    select c.external_id, c.status, c.reopen_count, y.assignee_id, y.first_responder_id, y.resolver_id,
           y.first_response_seconds, y.resolution_seconds, y.public_replies, y.reopened,
           t.name as team, co.domain as company
      from conversations c
      join conversation_cycles y on y.workspace_id = c.workspace_id and y.conversation_id = c.id and y.cycle = 1
      left join teams t on t.workspace_id = c.workspace_id and t.id = c.team_id
      left join companies co on co.workspace_id = c.workspace_id and co.id = c.company_id
     where c.workspace_id = ${ws.workspaceId} order by c.external_id`);

describe('koe import conversations', () => {
  test('keeps the 5 good rows, reports the 3 bad ones by line and field, and writes cycle 1 as given', async () => {
    const errorsPath = `${dir.path}/errors.csv`;
    const summary = await importFile(dir.file('conversations.csv', conversationLines(ws.owner.email)), errorsPath);
    expect(summary).toMatchObject({ rows: 8, created: 5, updated: 0, unchanged: 0, rejected: 3 });
    expect(summary.errors.map(({ line, field }) => ({ line, field }))).toEqual([
      { line: 3, field: 'channel' },
      { line: 5, field: 'resolved_at' },
      { line: 7, field: 'reopens' },
    ]);
    expect(summary.warnings).toEqual([
      { line: 6, field: 'assignee_email', message: expect.stringContaining('member') },
    ]);
    const errorsFile = readFileSync(errorsPath, 'utf8').trim().split('\n');
    expect(errorsFile[0]).toBe('line,field,message');
    expect(errorsFile.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      '3,channel',
      '5,resolved_at',
      '7,reopens',
    ]);

    const owner = ws.owner.id;
    expect(await cycles()).toEqual([
      // 09:00 → 09:30 = 1800 s; 09:00 → 11:00 = 7200 s
      expect.objectContaining({
        external_id: 'C-1',
        status: 'resolved',
        assignee_id: owner,
        first_responder_id: owner,
        resolver_id: owner,
        first_response_seconds: 1800,
        resolution_seconds: 7200,
        public_replies: 2,
        reopened: false,
        reopen_count: 0,
        team: 'Billing',
        company: 'example.co.jp',
      }),
      expect.objectContaining({
        external_id: 'C-2',
        status: 'open',
        first_response_seconds: null,
        resolution_seconds: null,
        public_replies: 0,
        reopen_count: 0,
      }),
      // 08:00 → 08:05 = 300 s; 08:00 → 10:05:30 = 2 h 5 min 30 s = 7200 + 300 + 30 = 7530 s
      expect.objectContaining({
        external_id: 'C-3',
        status: 'closed',
        assignee_id: null,
        first_responder_id: null,
        first_response_seconds: 300,
        resolution_seconds: 7530,
        public_replies: 3,
        reopened: true,
        reopen_count: 1,
        team: 'Support',
      }),
      // 00:00 → 01:00 = 3600 s; 00:00 → next day 00:00 = 86400 s
      expect.objectContaining({
        external_id: 'C-4',
        status: 'resolved',
        first_response_seconds: 3600,
        resolution_seconds: 86_400,
        public_replies: 5,
        reopened: true,
        reopen_count: 2,
      }),
      // 12:00:00 → 12:00:10 = 10 s
      expect.objectContaining({ external_id: 'C-5', status: 'pending', first_response_seconds: 10 }),
    ]);

    // C-1 and C-4 are the same customer, found by email, linked to the company of its domain.
    const contacts = await rows<{ n: number; company: string | null }>(sql`
      select count(distinct c.contact_id)::int as n, max(co.domain) as company
        from conversations c
        join contacts k on k.workspace_id = c.workspace_id and k.id = c.contact_id
        left join companies co on co.workspace_id = k.workspace_id and co.id = k.company_id
       where c.workspace_id = ${ws.workspaceId} and c.external_id in ('C-1', 'C-4')`);
    expect(contacts).toEqual([{ n: 1, company: 'example.co.jp' }]);

    // History is never surveyed: no `resolved` events; the `created` ones say they were imported.
    const events = await rows<{ type: string; imported: string | null; n: number }>(sql`
      select type, data->>'imported' as imported, count(*)::int as n from conversation_events
       where workspace_id = ${ws.workspaceId} group by 1, 2 order by 1`);
    expect(events).toEqual([{ type: 'created', imported: 'true', n: 5 }]);
    await createTriggerSurvey(ws.api);
    const run = await runAfterResolutionSurveys(server.app, new Date(), { workspaceId: ws.workspaceId });
    expect(run).toEqual({ scanned: 0, offered: 0, skipped: 0, failed: 0 });

    // Imported subjects are searchable like any conversation's.
    const found = expectStatus(
      await ws.api.get<{ data: Conversation[] }>(`/api/v1/conversations?q=${encodeURIComponent('請求書')}`),
      200,
    );
    expect(found.data.map((c) => c.externalId)).toEqual(['C-1']);
  });

  test('is idempotent: the same file changes nothing, a changed subject updates one row', async () => {
    const again = await importFile(dir.file('again.csv', conversationLines(ws.owner.email)));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, rejected: 3 });
    const changed = await importFile(dir.file('changed.csv', conversationLines(ws.owner.email, 'Login fixed?')));
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 4, rejected: 3 });
    const [subject] = await rows<{ subject: string; n: number }>(sql`
      select max(subject) as subject, count(*)::int as n from conversations
       where workspace_id = ${ws.workspaceId} and external_id = 'C-2'`);
    expect(subject).toEqual({ subject: 'Login fixed?', n: 1 });
  });

  test('refuses a file whose header lacks a required column, writing nothing', async () => {
    const path = dir.file('wrong.csv', ['id,subject', '1,Hello']);
    await expect(importFile(path)).rejects.toThrow(/external_id, channel, created_at/);
  });
});
