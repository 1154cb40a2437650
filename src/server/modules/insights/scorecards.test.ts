import { describe, expect, test } from 'vitest';
import {
  addMember,
  addMessage,
  createConversation,
  createTeam,
  expectStatus,
} from '../../../../test/support/factories.ts';
import { insightsApi } from '../../../../test/support/insights-api.ts';
import { expectProblem } from '../../../../test/support/problems.ts';
import type { ScorecardRow } from '../../../shared/contracts/metrics.ts';

/**
 * The week 2026-04-06…04-12 in Tokyo. Agents A (team T1) and B (team T2); C does nothing.
 * c1 A's, T1: created 04-07 09:00, A replies 10:00, A replies and resolves 11:00.
 * c2 A's, T1: created 04-07 09:00, B replies 04-08 09:00.
 * c3 B's, T2: created 04-08 09:00, B replies 09:15, B replies and resolves 04-09 09:00.
 * c4 A's, T1: created 04-01 09:00, A replied 04-02 (before), A resolves 04-10 09:00.
 * c5 B's, T2: created 04-10, B replies 04-14 (after the week).
 * c6 A's, T1: created 04-08, only an internal note by A.
 * c7 B's, T2: created 04-11 09:00, A replies 09:30.
 * Handled: A c1, c4, c7 = 3; B c2, c3 = 2. Teams (the cycle's team): T1 c1, c2, c4 = 3; T2 c3, c7 = 2.
 */
const ids = {} as Record<'a' | 'b' | 'c' | 't1' | 't2', string>;
const PERIOD = 'from=2026-04-06&to=2026-04-12';
const jst = (day: string, time: string) => `2026-04-${day}T${time}:00+09:00`;

const fixture = insightsApi(async ({ server, ws }) => {
  ids.a = (await addMember(server, ws.api, 'agent', 'Agent A')).id;
  ids.b = (await addMember(server, ws.api, 'agent', 'Agent B')).id;
  ids.c = (await addMember(server, ws.api, 'agent', 'Agent C')).id;
  ids.t1 = (await createTeam(ws.api, { name: 'Team 1', memberIds: [ids.a, ids.c] })).id;
  ids.t2 = (await createTeam(ws.api, { name: 'Team 2', memberIds: [ids.b] })).id;
  const conversation = async (owner: 'a' | 'b', createdAt: string) =>
    (
      await createConversation(ws.api, {
        createdAt,
        assigneeId: ids[owner],
        teamId: owner === 'a' ? ids.t1 : ids.t2,
        message: { body: 'Help' },
      })
    ).id;
  const reply = (conversationId: string, author: 'a' | 'b', createdAt: string, status?: 'resolved') =>
    addMessage(ws.api, conversationId, {
      kind: 'reply',
      authorId: ids[author],
      createdAt,
      ...(status ? { status } : {}),
    });

  const c1 = await conversation('a', jst('07', '09:00'));
  await reply(c1, 'a', jst('07', '10:00'));
  await reply(c1, 'a', jst('07', '11:00'), 'resolved');
  const c2 = await conversation('a', jst('07', '09:00'));
  await reply(c2, 'b', jst('08', '09:00'));
  const c3 = await conversation('b', jst('08', '09:00'));
  await reply(c3, 'b', jst('08', '09:15'));
  await reply(c3, 'b', jst('09', '09:00'), 'resolved');
  const c4 = await conversation('a', jst('01', '09:00'));
  await reply(c4, 'a', jst('02', '09:00'));
  await reply(c4, 'a', jst('10', '09:00'), 'resolved');
  const c5 = await conversation('b', jst('10', '09:00'));
  await reply(c5, 'b', jst('14', '09:00'));
  const c6 = await conversation('a', jst('08', '09:00'));
  await addMessage(ws.api, c6, { kind: 'note', authorId: ids.a, createdAt: jst('08', '10:00') });
  const c7 = await conversation('b', jst('11', '09:00'));
  await reply(c7, 'a', jst('11', '09:30'));
});

const rowsOf = async (query: string) =>
  expectStatus(
    await fixture.ws.api.get<{ rows: ScorecardRow[] }>(`/api/v1/metrics/scorecards?${query}`),
    200,
    'scorecards',
  ).rows;

describe('scorecards', () => {
  test('agents: conversations handled, most first, with their figures', async () => {
    const rows = await rowsOf(PERIOD);
    expect(rows.map((r) => [r.label, r.handled])).toEqual([
      ['Agent A', 3],
      ['Agent B', 2],
    ]);
    const [a, b] = rows;
    expect(a?.key).toBe(ids.a);
    // First responses in the week: A c1 3600 s, c7 1800 s → median 2700; B c2 86400 s, c3 900 s → 43650.
    expect(a?.first_response).toMatchObject({ n: 2, median_seconds: 2700 });
    expect(b?.first_response).toMatchObject({ n: 2, median_seconds: 43650 });
    // Resolutions: A c1 7200 s and c4 777600 s (9 days); B c3 86400 s.
    expect(a?.resolution).toMatchObject({ n: 2, median_seconds: (7200 + 777600) / 2 });
    expect(b?.resolution).toMatchObject({ n: 1, median_seconds: 86400 });
    expect(a?.csat).toMatchObject({ n: 0, percent: null });
    // C handled nothing and is not listed.
    expect(rows.map((r) => r.key)).not.toContain(ids.c);
  });

  test('teams: conversations whose cycle of the team got a reply or a resolution', async () => {
    const rows = await rowsOf(`${PERIOD}&by=team`);
    expect(rows.map((r) => [r.key, r.label, r.handled])).toEqual([
      [ids.t1, 'Team 1', 3],
      [ids.t2, 'Team 2', 2],
    ]);
  });

  test('filters narrow who did the work; bad input names the field', async () => {
    // Only work for team 2's cycles: B's c3 and A's reply in c7.
    const rows = await rowsOf(`${PERIOD}&teamId=${ids.t2}`);
    expect(rows.find((r) => r.key === ids.a)?.handled).toBe(1);
    expect(rows.find((r) => r.key === ids.b)?.handled).toBe(1);
    expectProblem(await fixture.ws.api.get(`/api/v1/metrics/scorecards?${PERIOD}&by=tag`), 400, 'query.by');
    expectProblem(
      await fixture.ws.api.get('/api/v1/metrics/scorecards?from=2026-04-12&to=2026-04-06'),
      400,
      'query.to',
    );
  });
});
