import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { jobDefinitions } from '../../src/server/jobs/definitions.ts';
import { RECOMPUTE_JOB } from '../../src/server/modules/calendars/changes.ts';
import type { Calendar, Holiday, LoadJapanHolidaysResult } from '../../src/shared/contracts/calendars.ts';
import type { Team } from '../../src/shared/contracts/workspaces.ts';
import { addMember, createTeam, expectStatus, serverWorkspace, type TestMember } from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let api: Client;
let agent: TestMember;
let manager: TestMember;
beforeAll(async () => {
  server = await startTestServer();
  api = serverWorkspace(server).api;
  agent = await addMember(server, api, 'agent');
  manager = await addMember(server, api, 'manager');
});
afterAll(() => server?.close());

const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));

async function createCalendar(client: Client, input: Record<string, unknown> = {}) {
  return expectStatus(
    await client.post<Calendar>('/api/v1/calendars', {
      name: '営業時間',
      timeZone: 'Asia/Tokyo',
      ranges: weekdays('09:00', '18:00'),
      ...input,
    }),
    201,
    'create calendar',
  );
}

describe('business-hours calendars', () => {
  test('create, list, read, update and delete; ranges are sorted and merged; one default', async () => {
    const tokyo = await createCalendar(manager.session, {
      name: 'Tokyo',
      ranges: [
        { weekday: 2, start: '13:00', end: '18:00' },
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 2, start: '09:00', end: '12:00' },
        { weekday: 1, start: '11:00', end: '18:00' },
      ],
      isDefault: true,
      channels: ['email'],
    });
    expect(tokyo).toMatchObject({
      name: 'Tokyo',
      timeZone: 'Asia/Tokyo',
      // Monday 09–12 and 11–18 overlap: one range 09–18; Tuesday keeps its lunch break.
      ranges: [
        { weekday: 1, start: '09:00', end: '18:00' },
        { weekday: 2, start: '09:00', end: '12:00' },
        { weekday: 2, start: '13:00', end: '18:00' },
      ],
      isDefault: true,
      channels: ['email'],
      teamIds: [],
      holidayCount: 0,
    });
    expect(expectStatus(await agent.session.get<Calendar>(`/api/v1/calendars/${tokyo.id}`), 200)).toEqual(tokyo);

    // A second default takes over; the first is no longer the default.
    const newYork = await createCalendar(api, { name: 'New York', timeZone: 'America/New_York', isDefault: true });
    const listed = expectStatus(await agent.session.get<{ data: Calendar[] }>('/api/v1/calendars'), 200).data;
    expect(listed.map((c) => [c.name, c.isDefault])).toEqual([
      ['New York', true],
      ['Tokyo', false],
    ]);

    const patched = expectStatus(
      await api.patch<Calendar>(`/api/v1/calendars/${tokyo.id}`, { name: '東京', isDefault: true, channels: ['chat'] }),
      200,
    );
    expect(patched).toMatchObject({ name: '東京', isDefault: true, channels: ['chat'], ranges: tokyo.ranges });
    expect(expectStatus(await api.get<Calendar>(`/api/v1/calendars/${newYork.id}`), 200).isDefault).toBe(false);

    // Agents and viewers read, managers and admins write.
    expectProblem(
      await agent.session.post('/api/v1/calendars', { name: 'x', timeZone: 'UTC', ranges: weekdays('09:00', '17:00') }),
      403,
    );
    expectProblem(await agent.session.patch(`/api/v1/calendars/${tokyo.id}`, { name: 'x' }), 403);
    expectProblem(await agent.session.delete(`/api/v1/calendars/${tokyo.id}`), 403);

    expect((await api.delete(`/api/v1/calendars/${newYork.id}`)).status).toBe(204);
    expectProblem(await api.get(`/api/v1/calendars/${newYork.id}`), 404);
    expect((await api.delete(`/api/v1/calendars/${tokyo.id}`)).status).toBe(204);
  });

  test('bad input is a 400 naming the field, and nothing is written', async () => {
    const base = { name: 'Bad', timeZone: 'Asia/Tokyo', ranges: weekdays('09:00', '18:00') };
    const bad = async (input: Record<string, unknown>, field: string) =>
      expectProblem(await api.post('/api/v1/calendars', { ...base, ...input }), 400, field);
    await bad(
      {
        ranges: [
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 1, start: '13:00', end: '18:00' },
          { weekday: 2, start: '18:00', end: '09:00' },
        ],
      },
      'body.ranges.2.end',
    );
    await bad({ ranges: [{ weekday: 8, start: '09:00', end: '18:00' }] }, 'body.ranges.0.weekday');
    await bad({ ranges: [{ weekday: 0, start: '09:00', end: '18:00' }] }, 'body.ranges.0.weekday');
    await bad({ ranges: [{ weekday: 1, start: '9:00', end: '18:00' }] }, 'body.ranges.0.start');
    await bad({ ranges: [{ weekday: 1, start: '09:00', end: '24:01' }] }, 'body.ranges.0.end');
    await bad({ ranges: [] }, 'body.ranges');
    await bad({ timeZone: 'Mars/Olympus_Mons' }, 'body.timeZone');
    await bad({ channels: ['email', 'email'] }, 'body.channels');
    await bad({ channels: ['fax'] }, 'body.channels.0');
    await bad({ name: ' ' }, 'body.name');
    expect(expectStatus(await api.get<{ data: Calendar[] }>('/api/v1/calendars'), 200).data).toEqual([]);

    // "24:00" closes at midnight.
    const late = await createCalendar(api, {
      ranges: [{ weekday: 5, start: '20:00', end: '24:00' }],
      channels: ['chat'],
    });
    expect(late.ranges).toEqual([{ weekday: 5, start: '20:00', end: '24:00' }]);
    // One calendar per channel.
    expectProblem(
      await api.post('/api/v1/calendars', { ...base, channels: ['email', 'chat'] }),
      409,
      'body.channels.1',
    );
    expectProblem(
      await api.patch(`/api/v1/calendars/${late.id}`, { ranges: [{ weekday: 1, start: '10:00', end: '10:00' }] }),
      400,
      'body.ranges.0.end',
    );
    await api.delete(`/api/v1/calendars/${late.id}`);
  });

  test('holidays: replace the list, load Japan’s national holidays idempotently', async () => {
    const calendar = await createCalendar(api);
    const path = `/api/v1/calendars/${calendar.id}/holidays`;
    const replaced = expectStatus(
      await api.put<{ data: Holiday[] }>(path, {
        holidays: [
          { day: '2026-12-31', name: '年末休業' },
          { day: '2026-12-29', name: '年末休業' },
        ],
      }),
      200,
    );
    expect(replaced.data).toEqual([
      { day: '2026-12-29', name: '年末休業' },
      { day: '2026-12-31', name: '年末休業' },
    ]);
    expectProblem(
      await api.put(path, { holidays: [{ day: '2026-12-29' }, { day: '2026-12-29' }] }),
      400,
      'body.holidays.1.day',
    );
    expectProblem(await api.put(path, { holidays: [{ day: '2026-13-01' }] }), 400, 'body.holidays.0.day');
    expectProblem(await agent.session.put(path, { holidays: [] }), 403);

    // 2026 in the dataset: the 16 national holidays, the substitute holiday 2026-05-06
    // (こどもの日 振替休日, for 憲法記念日 on Sunday 5/3) and the citizens' holiday 2026-09-22
    // (休日, between 敬老の日 9/21 and 秋分の日 9/23): 16 + 1 + 1 = 18 days.
    const loaded = expectStatus(await api.post<LoadJapanHolidaysResult>(`${path}/japan`, { year: 2026 }), 200);
    expect(loaded.added).toBe(18);
    expect(loaded.data).toHaveLength(18 + 2);
    expect(loaded.data).toEqual(
      expect.arrayContaining([
        { day: '2026-01-01', name: '元日' },
        { day: '2026-05-06', name: 'こどもの日 振替休日' },
        { day: '2026-09-22', name: '休日' },
        { day: '2026-11-03', name: '文化の日' },
      ]),
    );
    // Again: nothing new. With 2025 (19 days: 3 substitute holidays, 2/24, 5/6, 11/24): 19 added.
    expect(expectStatus(await api.post<LoadJapanHolidaysResult>(`${path}/japan`, { year: 2026 }), 200).added).toBe(0);
    const range = expectStatus(
      await api.post<LoadJapanHolidaysResult>(`${path}/japan`, { fromYear: 2025, toYear: 2026 }),
      200,
    );
    expect(range.added).toBe(19);
    expect(expectStatus(await api.get<Calendar>(`/api/v1/calendars/${calendar.id}`), 200).holidayCount).toBe(39);
    expect(expectStatus(await agent.session.get<{ data: Holiday[] }>(path), 200).data).toHaveLength(39);

    expectProblem(await api.post(`${path}/japan`, { year: 2026, fromYear: 2025 }), 400, 'body.year');
    expectProblem(await api.post(`${path}/japan`, { fromYear: 2027, toYear: 2026 }), 400, 'body.toYear');
    expectProblem(await api.post(`${path}/japan`, { fromYear: 2026 }), 400, 'body.toYear');
    expectProblem(await api.post(`${path}/japan`, { year: 1900 }), 400, 'body.year');
    expectProblem(await api.post(`${path}/japan`, {}), 400, 'body.fromYear');
    await api.delete(`/api/v1/calendars/${calendar.id}`);
  });

  test('a team measured by a calendar; deleting the calendar clears it', async () => {
    const calendar = await createCalendar(api);
    const team = await createTeam(api, { calendarId: calendar.id });
    expect(team.calendarId).toBe(calendar.id);
    const other = await createTeam(api);
    expect(other.calendarId).toBeNull();
    const patched = expectStatus(await api.patch<Team>(`/api/v1/teams/${other.id}`, { calendarId: calendar.id }), 200);
    expect(patched).toMatchObject({ calendarId: calendar.id, name: other.name });
    expect(expectStatus(await api.get<Calendar>(`/api/v1/calendars/${calendar.id}`), 200).teamIds.sort()).toEqual(
      [team.id, other.id].sort(),
    );
    expectProblem(
      await api.patch(`/api/v1/teams/${other.id}`, { calendarId: '0190f0f0-0000-7000-8000-000000000000' }),
      400,
      'body.calendarId',
    );
    // A rename keeps the calendar; null clears it.
    expect(
      expectStatus(await api.patch<Team>(`/api/v1/teams/${other.id}`, { name: 'Renamed team' }), 200).calendarId,
    ).toBe(calendar.id);
    expect(
      expectStatus(await api.patch<Team>(`/api/v1/teams/${other.id}`, { calendarId: null }), 200).calendarId,
    ).toBeNull();

    expect((await api.delete(`/api/v1/calendars/${calendar.id}`)).status).toBe(204);
    expect(expectStatus(await api.get<Team>(`/api/v1/teams/${team.id}`), 200).calendarId).toBeNull();
  });

  test('every change enqueues the business-hours recompute job, which runs for the workspace', async () => {
    // Catch what the routes enqueue (this test server runs no worker).
    const sent: [string, object, object | undefined][] = [];
    server.app.jobs = {
      send: async (name, data, options) => {
        sent.push([name, data, options]);
        return 'job-id';
      },
      work: async () => undefined,
      stop: async () => undefined,
    };
    try {
      const calendar = await createCalendar(api, { name: 'Queued' });
      await api.patch(`/api/v1/calendars/${calendar.id}`, { name: 'Queued 2' });
      await api.put(`/api/v1/calendars/${calendar.id}/holidays`, { holidays: [] });
      await api.post(`/api/v1/calendars/${calendar.id}/holidays/japan`, { year: 2027 });
      const team = await createTeam(api);
      await api.patch(`/api/v1/teams/${team.id}`, { name: 'No calendar change' });
      await api.patch(`/api/v1/teams/${team.id}`, { calendarId: calendar.id });
      await api.delete(`/api/v1/calendars/${calendar.id}`);
    } finally {
      server.app.jobs = null;
    }
    // 6 changes (create, patch, put, japan, team calendar, delete); renaming a team is none.
    expect(sent).toHaveLength(6);
    for (const [name, data, options] of sent) {
      expect(name).toBe(RECOMPUTE_JOB);
      expect(data).toEqual({ workspaceId: server.workspaceId });
      // Edits in a row share one job per 15 s, run 15 s later.
      expect(options).toEqual({ singletonKey: server.workspaceId, singletonSeconds: 15, startAfter: 15 });
    }
    const job = jobDefinitions.find((definition) => definition.name === RECOMPUTE_JOB);
    expect(job?.schema.safeParse({ workspaceId: server.workspaceId }).success).toBe(true);
    expect(job?.schema.safeParse({}).success).toBe(false);
    await expect(job?.handler(server.app, { workspaceId: server.workspaceId })).resolves.toBeUndefined();
  });
});
