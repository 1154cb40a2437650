import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recomputeBusinessDurations } from '../../src/server/modules/calendars/recompute.ts';
import type { Calendar } from '../../src/shared/contracts/calendars.ts';
import {
  addMember,
  addMessage,
  createConversation,
  createTeam,
  expectStatus,
  serverWorkspace,
  type TestMember,
} from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let api: Client;
let agent: TestMember;
beforeAll(async () => {
  server = await startTestServer();
  api = serverWorkspace(server).api;
  agent = await addMember(server, api, 'agent');
});
afterAll(() => server?.close());

const HOUR = 3600;
const jst = (local: string) => `${local}+09:00`;
const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));

interface CycleRow {
  cycle: number;
  first_response_seconds: number | null;
  first_response_business_seconds: number | null;
  resolution_seconds: number | null;
  resolution_business_seconds: number | null;
  reopened: boolean;
}

async function cycles(conversationId: string): Promise<CycleRow[]> {
  const { rows } = await server.app.database.pool.query<CycleRow>(
    `select cycle, first_response_seconds, first_response_business_seconds, resolution_seconds,
            resolution_business_seconds, reopened
       from conversation_cycles where workspace_id = $1 and conversation_id = $2 order by cycle`,
    [server.workspaceId, conversationId],
  );
  return rows;
}

async function replies(conversationId: string): Promise<[number | null, number | null][]> {
  const { rows } = await server.app.database.pool.query<{
    wait_seconds: number | null;
    wait_business_seconds: number | null;
  }>(
    `select wait_seconds, wait_business_seconds from messages
      where workspace_id = $1 and conversation_id = $2 and kind = 'reply' order by created_at`,
    [server.workspaceId, conversationId],
  );
  return rows.map((r) => [r.wait_seconds, r.wait_business_seconds]);
}

describe('durations in business hours, stored when events happen', () => {
  test('first response, reply waits, resolution and reopen on a Mon–Fri 9–18 calendar; recompute agrees', async () => {
    // Without any calendar, business time is calendar time (no calendar query is needed).
    const plain = await createConversation(api, {
      createdAt: jst('2026-11-06T17:30:00'),
      message: { body: '至急お願いします' },
    });
    await addMessage(api, plain.id, { kind: 'reply', authorId: agent.id, createdAt: jst('2026-11-06T17:40:00') });
    expect((await cycles(plain.id))[0]).toMatchObject({
      first_response_seconds: 600,
      first_response_business_seconds: 600,
    });

    const calendar = expectStatus(
      await api.post<Calendar>('/api/v1/calendars', {
        name: '営業時間',
        timeZone: 'Asia/Tokyo',
        ranges: weekdays('09:00', '18:00'),
        isDefault: true,
      }),
      201,
    );
    const conversation = await createConversation(api, {
      createdAt: jst('2026-11-06T17:30:00'), // a Friday
      message: { body: '注文がまだ届きません' },
    });
    // Monday 09:30 reply. Calendar: Fri 17:30 → Mon 09:30 = 2 days 16 h = 64 × 3600 = 230400 s.
    // Business: Fri 17:30–18:00 = 1800 + Mon 09:00–09:30 = 1800 → 3600 s.
    await addMessage(api, conversation.id, {
      kind: 'reply',
      authorId: agent.id,
      createdAt: jst('2026-11-09T09:30:00'),
    });
    expect((await cycles(conversation.id))[0]).toMatchObject({
      first_response_seconds: 230_400,
      first_response_business_seconds: 3600,
    });
    // A note is no reply and starts no wait.
    await addMessage(api, conversation.id, { kind: 'note', body: 'internal', createdAt: jst('2026-11-09T09:45:00') });
    // The customer writes at 10:00 and 10:15; the reply at 11:00 waited from 10:00: 3600 s, all in hours.
    await addMessage(api, conversation.id, { kind: 'customer', createdAt: jst('2026-11-09T10:00:00') });
    await addMessage(api, conversation.id, { kind: 'customer', createdAt: jst('2026-11-09T10:15:00') });
    // Reply and resolve at 11:00. Resolution: Fri 17:30 → Mon 11:00 = 65.5 h = 235800 s;
    // business 1800 (Friday) + 7200 (Mon 09–11) = 9000 s.
    await addMessage(api, conversation.id, {
      kind: 'reply',
      authorId: agent.id,
      createdAt: jst('2026-11-09T11:00:00'),
      status: 'resolved',
    });
    // A reply nobody waited for has no wait.
    await addMessage(api, conversation.id, {
      kind: 'reply',
      authorId: agent.id,
      createdAt: jst('2026-11-09T11:05:00'),
    });
    expect(await replies(conversation.id)).toEqual([
      [230_400, 3600],
      [3600, 3600],
      [null, null],
    ]);
    // The customer writes again on Tuesday 10:00: a reopen, cycle 2; cycle 1 is marked reopened.
    await addMessage(api, conversation.id, { kind: 'customer', createdAt: jst('2026-11-10T10:00:00') });
    // Reply at 10:30: 1800 s in both.
    await addMessage(api, conversation.id, {
      kind: 'reply',
      authorId: agent.id,
      createdAt: jst('2026-11-10T10:30:00'),
    });
    const stored = await cycles(conversation.id);
    expect(stored).toEqual([
      {
        cycle: 1,
        first_response_seconds: 230_400,
        first_response_business_seconds: 3600,
        resolution_seconds: 235_800,
        resolution_business_seconds: 9000,
        reopened: true,
      },
      {
        cycle: 2,
        first_response_seconds: 1800,
        first_response_business_seconds: 1800,
        resolution_seconds: null,
        resolution_business_seconds: null,
        reopened: false,
      },
    ]);
    const storedReplies = await replies(conversation.id);
    expect(storedReplies).toEqual([
      [230_400, 3600],
      [3600, 3600],
      [null, null],
      [1800, 1800],
    ]);

    // Recomputing with the same calendar changes nothing…
    const again = await recomputeBusinessDurations(server.app.db, server.workspaceId, {
      conversationIds: [conversation.id],
    });
    expect(again).toEqual({ conversations: 1, cycles: 0, messages: 0 });
    expect(await cycles(conversation.id)).toEqual(stored);

    // …and a lost reply wait is found again from the history (the first customer message
    // after the previous reply, Mon 10:00 → 11:00 = 3600 s).
    await server.app.database.pool.query(
      `update messages set wait_seconds = null, wait_business_seconds = null
        where workspace_id = $1 and conversation_id = $2 and kind = 'reply' and wait_seconds = 3600`,
      [server.workspaceId, conversation.id],
    );
    const progress: [number, number][] = [];
    await recomputeBusinessDurations(server.app.db, server.workspaceId, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([[2, 2]]);
    expect(await replies(conversation.id)).toEqual(storedReplies);

    // Opening at 10:00 instead of 09:00:
    //   cycle 1 first response: Fri 17:30–18:00 = 1800, Monday before 09:30 = 0 → 1800
    //   cycle 1 resolution: 1800 + Mon 10:00–11:00 = 3600 → 5400
    //   replies: 1800; Mon 10:00–11:00 = 3600; none; Tue 10:00–10:30 = 1800
    expectStatus(await api.patch(`/api/v1/calendars/${calendar.id}`, { ranges: weekdays('10:00', '18:00') }), 200);
    const changed = await recomputeBusinessDurations(server.app.db, server.workspaceId);
    expect(changed).toMatchObject({ conversations: 2, cycles: 1, messages: 1 });
    expect(
      (await cycles(conversation.id)).map((c) => [c.first_response_business_seconds, c.resolution_business_seconds]),
    ).toEqual([
      [1800, 5400],
      [1800, null],
    ]);
    expect(await replies(conversation.id)).toEqual([
      [230_400, 1800],
      [3600, 3600],
      [null, null],
      [1800, 1800],
    ]);
    // The conversation without a calendar before now has one: Fri 17:30–17:40 = 600 s in hours.
    expect((await cycles(plain.id))[0]?.first_response_business_seconds).toBe(600);
  });

  test('a team calendar wins over the default', async () => {
    // A night team open Mon–Fri 00:00–09:00; the default (from the test above) opens 10–18.
    const night = expectStatus(
      await api.post<Calendar>('/api/v1/calendars', {
        name: 'Night',
        timeZone: 'Asia/Tokyo',
        ranges: weekdays('00:00', '09:00'),
      }),
      201,
    );
    const team = await createTeam(api, { calendarId: night.id });
    const conversation = await createConversation(api, {
      createdAt: jst('2026-11-10T08:00:00'),
      teamId: team.id,
      message: { body: 'Help' },
    });
    // 08:00 → 11:00: the night team's hours count 08:00–09:00 = 3600 s (the default would count 3600 too,
    // 10–11), so reply at 10:00 instead: night 3600, default 0.
    await addMessage(api, conversation.id, {
      kind: 'reply',
      authorId: agent.id,
      createdAt: jst('2026-11-10T10:00:00'),
    });
    expect((await cycles(conversation.id))[0]?.first_response_business_seconds).toBe(HOUR);
    // Moved to no team calendar: the default applies after a recompute (08:00 → 10:00 in 10–18 = 0).
    expectStatus(await api.patch(`/api/v1/teams/${team.id}`, { calendarId: null }), 200);
    await recomputeBusinessDurations(server.app.db, server.workspaceId, { conversationIds: [conversation.id] });
    expect((await cycles(conversation.id))[0]?.first_response_business_seconds).toBe(0);
  });
});
