import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImportJob } from '../../src/shared/contracts/exports.ts';
import { addMember, createTestWorkspace, expectStatus, type TestWorkspace } from '../support/factories.ts';
import { CONVERSATION_HEADER, conversationLines, RESPONSE_HEADER } from '../support/imports.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let ws: TestWorkspace;
beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
});
afterAll(() => server?.close());

/** A CSV file sent as the web app sends it: the body, text/csv. */
const upload = (kind: string, lines: string[] | string, contentType = 'text/csv') =>
  ws.api.request<ImportJob>('POST', `/api/v1/imports/${kind}`, {
    raw: { data: Array.isArray(lines) ? `${lines.join('\n')}\n` : lines, contentType },
  });

async function finished(id: string, query = ''): Promise<ImportJob> {
  for (let i = 0; i < 200; i++) {
    const job = expectStatus(await ws.api.get<ImportJob>(`/api/v1/imports/${id}${query}`), 200);
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

describe('imports from the web app', () => {
  test('a conversations file: accepted at once, then the summary with every rejected row by line and field', async () => {
    const started = expectStatus(await upload('conversations', conversationLines(ws.owner.email)), 202);
    expect(started).toMatchObject({ kind: 'conversations', status: 'running', summary: null });
    const job = await finished(started.id);
    expect(job).toMatchObject({ status: 'succeeded', done: 8, total: 8, error: null });
    expect(job.summary).toMatchObject({ rows: 8, created: 5, rejected: 3 });
    expect(job.summary?.errors.map(({ line, field }) => [line, field])).toEqual([
      [3, 'channel'],
      [5, 'resolved_at'],
      [7, 'reopens'],
    ]);
    const listed = expectStatus(await ws.api.get<{ data: unknown[] }>('/api/v1/conversations?limit=50'), 200).data;
    expect(listed).toHaveLength(5);

    // The same file again changes nothing: rows are matched by external_id.
    const again = await finished(
      expectStatus(await upload('conversations', conversationLines(ws.owner.email)), 202).id,
    );
    expect(again.summary).toMatchObject({ created: 0, unchanged: 5, rejected: 3 });
  });

  test('the reasons are in English, or in Japanese when the web app asks for it (?lang=ja)', async () => {
    const { id } = expectStatus(await upload('conversations', conversationLines(ws.owner.email)), 202);
    const reasons = async (query: string) => {
      const { summary } = await finished(id, query);
      return [...(summary?.errors ?? []), ...(summary?.warnings ?? [])].map((i) => [i.line, i.field, i.message]);
    };
    expect(await reasons('')).toEqual([
      [3, 'channel', 'must be one of email, chat, in_app, phone, social, review, api (got "fax")'],
      [5, 'resolved_at', 'must not be before created_at'],
      [7, 'reopens', 'must be a whole number, 0 or more (got "two")'],
      [
        6,
        'assignee_email',
        'nobody@elsewhere.test is not a member of this workspace; the conversation stays unassigned',
      ],
    ]);
    expect(await reasons('?lang=ja')).toEqual([
      [3, 'channel', 'email, chat, in_app, phone, social, review, api のいずれかにしてください（「fax」）'],
      [5, 'resolved_at', 'created_at より前の日時にはできません'],
      [7, 'reopens', '0 以上の整数にしてください（「two」）'],
      [
        6,
        'assignee_email',
        'nobody@elsewhere.test はこのワークスペースのメンバーではありません。会話は担当者なしになります',
      ],
    ]);
    expect(await reasons('?lang=en')).toEqual(await reasons(''));
    expectProblem(await ws.api.get(`/api/v1/imports/${id}?lang=fr`), 400, 'query.lang');
  });

  test('a file that cannot be imported is a 400 naming the body, and nothing is written', async () => {
    const before = expectStatus(await ws.api.get<{ data: unknown[] }>('/api/v1/conversations?limit=50'), 200).data;
    expectProblem(await upload('responses', ['id,score', '1,5']), 400, 'body');
    expectProblem(await upload('responses', ''), 400, 'body');
    expectProblem(await upload('responses', '{"rows":[]}', 'application/json'), 400, 'body');
    expect((await upload('contacts', [RESPONSE_HEADER])).status).toBe(404);
    const after = expectStatus(await ws.api.get<{ data: unknown[] }>('/api/v1/conversations?limit=50'), 200).data;
    expect(after).toHaveLength(before.length);
  });

  test('a refused header is explained in English, or in Japanese with ?lang=ja', async () => {
    const refusal = async (lines: string[], query = '') => {
      const response = await ws.api.request('POST', `/api/v1/imports/responses${query}`, {
        raw: { data: `${lines.join('\n')}\n`, contentType: 'text/csv' },
      });
      return expectProblem(response, 400, 'body').errors?.[0]?.message;
    };
    expect(await refusal(['id,score', '1,5'])).toMatch(
      /^The header lacks the column\(s\) external_id, kind, created_at/,
    );
    expect(await refusal(['id,score', '1,5'], '?lang=ja')).toBe(
      'ヘッダーに必須の列 external_id, kind, created_at がありません（アンケート回答のファイルに必要です）。',
    );
    expect(await refusal([`${RESPONSE_HEADER},colour`], '?lang=ja')).toBe(
      'ヘッダーにアンケート回答のファイルでは使えない列 colour があります。',
    );
  });

  test('a file that is not valid CSV names the line, in English or Japanese', async () => {
    // A quoted subject with a character after its closing quote.
    const broken = 'C-q,email,open,normal,"Broken" quote,q@example.com,,,,,,2025-04-01T09:00:00+09:00,,,0,0';
    const english = (line: number) =>
      `Line ${line} is not valid CSV: a quoted value is not closed where it should be (write a " inside a value as "").`;
    const japanese = (line: number) =>
      `${line} 行目が CSV として読めません。引用符（"）で囲んだ値の閉じ方が正しくありません（値の中の " は "" と書きます）。`;
    // Within the first part read (the header is checked before the import starts): a 400.
    const small = [
      CONVERSATION_HEADER,
      'C-a,fax,open,normal,a,a@example.com,,,,,,2025-04-01T09:00:00+09:00,,,0,0',
      broken,
    ];
    expect(expectProblem(await upload('conversations', small), 400, 'body').errors?.[0]?.message).toBe(english(3));
    const refused = await ws.api.request('POST', '/api/v1/imports/conversations?lang=ja', {
      raw: { data: `${small.join('\n')}\n`, contentType: 'text/csv' },
    });
    expect(expectProblem(refused, 400, 'body').errors?.[0]?.message).toBe(japanese(3));
    // Further on: the import starts, then stops on that line (2 000 rows before it, refused for their channel).
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `C-f${i},fax,open,normal,Fax ${i},f${i}@example.com,,,,,,2025-04-01T09:00:00+09:00,,,0,0`,
    );
    const { id } = expectStatus(await upload('conversations', [CONVERSATION_HEADER, ...rows, broken]), 202);
    const job = await finished(id);
    expect(job).toMatchObject({ status: 'failed', summary: null });
    expect(job.error).toBe(english(2002));
    expect((await finished(id, '?lang=ja')).error).toBe(japanese(2002));
  });

  test('a file stopped by a line that is not CSV keeps every row before it; the corrected file then finishes', async () => {
    // 1 100 rows (past the part read before the import starts): two batches of 500 written, then 100
    // read when the bad line stops the file.
    const rows = Array.from(
      { length: 1100 },
      (_, i) => `C-s${i},email,open,normal,Row ${i},s${i}@example.com,,,,,,2025-04-01T09:00:00+09:00,,,0,0`,
    );
    const broken = 'C-s1100,email,open,normal,"Broken" quote,s600@example.com,,,,,,2025-04-01T09:00:00+09:00,,,0,0';
    const stopped = await finished(
      expectStatus(await upload('conversations', [CONVERSATION_HEADER, ...rows, broken]), 202).id,
    );
    expect(stopped).toMatchObject({ status: 'failed', done: 1100 });
    expect(stopped.error).toMatch(/^Line 1102 is not valid CSV/);
    const fixed = broken.replace('"Broken" quote', 'Fixed quote');
    const again = await finished(
      expectStatus(await upload('conversations', [CONVERSATION_HEADER, ...rows, fixed]), 202).id,
    );
    // All 1 100 rows before the bad line were written by the stopped import: only the corrected one is new.
    expect(again.summary).toMatchObject({ rows: 1101, created: 1, rejected: 0 });
    expect((again.summary?.updated ?? 0) + (again.summary?.unchanged ?? 0)).toBe(1100);
  });

  test('admins only, and an import is read only by its own workspace', async () => {
    const agent = await addMember(server, ws.api, 'agent');
    expectProblem(await agent.session.post('/api/v1/imports/responses', {}), 403);
    const job = expectStatus(
      await upload('responses', [RESPONSE_HEADER, 'R-1,csat,4,,2025-04-01T12:00:00+09:00,,,,']),
      202,
    );
    expect((await finished(job.id)).summary).toMatchObject({ created: 1, rejected: 0 });
    const other = await createTestWorkspace(server);
    expectProblem(await other.api.get(`/api/v1/imports/${job.id}`), 404);
  });
});
