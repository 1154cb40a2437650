import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeCase, setStep } from '../../src/server/modules/recovery/changes.ts';
import { escalateConversation } from '../../src/server/modules/recovery/escalations.ts';
import { openOrJoinCase } from '../../src/server/modules/recovery/service.ts';
import type { Conversation } from '../../src/shared/contracts/conversations.ts';
import type { RecoveryCase, RecoveryOutcome } from '../../src/shared/contracts/recovery.ts';
import type { EscalationMetrics, RecoveryMetrics } from '../../src/shared/contracts/recovery-metrics.ts';
import {
  createConversation,
  createTeam,
  createTestWorkspace,
  expectStatus,
  serverWorkspace,
  type TestWorkspace,
} from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * The recovery and escalation figures against numbers worked out by hand. Cases are written
 * through the recovery service with the times they happened (the API writes "now").
 * The workspace is in Asia/Tokyo; no calendar, so business time = calendar time and the
 * first contact is due 4 hours after opening.
 */

let server: TestServer;
let api: Client;
let ownerId: string;
const teams: Record<'t1' | 't2', string> = { t1: '', t2: '' };
const ids: Record<string, string> = {};
const user = () => ({ type: 'user' as const, id: ownerId });

async function openCase(
  name: string,
  conversation: { teamId?: string; channel: 'email' | 'chat'; tags: string[] },
  openedAt: string,
  steps: { contactAt?: string; close?: [RecoveryOutcome, string] } = {},
) {
  const created: Conversation = await createConversation(api, { ...conversation, createdAt: '2026-01-05T00:00:00Z' });
  const db = server.app.db;
  const { row } = await db.transaction((tx) =>
    openOrJoinCase(tx, server.workspaceId, { conversationId: created.id, reason: name }, user(), new Date(openedAt)),
  );
  if (steps.contactAt) {
    const at = new Date(steps.contactAt);
    await db.transaction((tx) => setStep(tx, server.workspaceId, row.id, 'contact', true, user(), at));
  }
  if (steps.close) {
    const [outcome, at] = steps.close;
    await db.transaction((tx) => closeCase(tx, server.workspaceId, row.id, { outcome }, user(), new Date(at)));
  }
  ids[name] = row.id;
}

const metrics = async (query: string) =>
  expectStatus(await api.get<RecoveryMetrics>(`/api/v1/metrics/recovery?${query}`), 200, query);
const caseNames = async (query: string) => {
  const list = expectStatus(
    await api.get<{ data: RecoveryCase[] }>(`/api/v1/recovery/cases?${query}`),
    200,
    query,
  ).data;
  return list.map((c) => c.reason).sort();
};
const MARCH = 'from=2026-03-01&to=2026-03-31';

beforeAll(async () => {
  server = await startTestServer();
  api = serverWorkspace(server).api;
  ownerId = expectStatus(await api.get<{ data: { id: string }[] }>('/api/v1/members'), 200).data[0]?.id ?? '';
  teams.t1 = (await createTeam(api, { name: 'Team 1' })).id;
  teams.t2 = (await createTeam(api, { name: 'Team 2' })).id;
  // A: contacted after 2 h, recovered.  B: contacted after 6 h (late), not recovered.
  // C: never contacted, closed unreachable.  D: contacted after 1 h, open.  F: open, never contacted.
  // G: February, outside the period.
  await openCase('A', { teamId: teams.t1, channel: 'email', tags: ['billing'] }, '2026-03-02T01:00:00Z', {
    contactAt: '2026-03-02T03:00:00Z',
    close: ['recovered', '2026-03-10T01:00:00Z'],
  });
  await openCase('B', { teamId: teams.t1, channel: 'chat', tags: ['billing', 'delay'] }, '2026-03-03T01:00:00Z', {
    contactAt: '2026-03-03T07:00:00Z',
    close: ['not_recovered', '2026-03-12T01:00:00Z'],
  });
  await openCase('C', { teamId: teams.t2, channel: 'email', tags: ['delay'] }, '2026-03-05T01:00:00Z', {
    close: ['unreachable', '2026-03-20T01:00:00Z'],
  });
  await openCase('D', { channel: 'email', tags: [] }, '2026-03-09T01:00:00Z', { contactAt: '2026-03-09T02:00:00Z' });
  await openCase('F', { channel: 'chat', tags: [] }, '2026-03-10T01:00:00Z');
  await openCase('G', { teamId: teams.t1, channel: 'email', tags: ['billing'] }, '2026-02-20T01:00:00Z', {
    contactAt: '2026-02-20T02:00:00Z',
  });
});
afterAll(() => server?.close());

describe('recovery figures', () => {
  test('opened, time to first contact, recovery rate, overdue and causes', async () => {
    const march = await metrics(MARCH);
    expect(march).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-31',
      timeZone: 'Asia/Tokyo',
      bucket: 'day',
      opened: 5,
      // 2 h, 6 h and 1 h: median 2 h; p90 = 2 h + 0.8 × (6 h − 2 h) = 18 720 s.
      firstContact: {
        n: 3,
        medianSeconds: 7200,
        p90Seconds: 18_720,
        businessMedianSeconds: 7200,
        businessP90Seconds: 18_720,
      },
      // Closed in March: A recovered, B not; C unreachable is not in the rate.
      recoveryRate: { count: 1, n: 2, percent: 50, ci95: [9.5, 90.5] },
      unreachable: 1,
      // B late, C closed without contact after its due time, F still waiting: 3 of 5.
      overdue: { count: 3, n: 5, percent: 60, ci95: [23.1, 88.2] },
      overdueNow: 1,
      topCauses: [
        { tag: 'billing', count: 2 },
        { tag: 'delay', count: 2 },
      ],
      by: null,
      groups: [],
    });
    expect(march.series).toHaveLength(31);
    expect(march.series.filter((point) => point.opened > 0)).toEqual([
      { key: '2026-03-02', opened: 1 },
      { key: '2026-03-03', opened: 1 },
      { key: '2026-03-05', opened: 1 },
      { key: '2026-03-09', opened: 1 },
      { key: '2026-03-10', opened: 1 },
    ]);
    // Weeks start on Monday: 2026-02-23 holds Sunday March 1st.
    const weeks = await metrics(`${MARCH}&bucket=week`);
    expect(weeks.series).toEqual([
      { key: '2026-02-23', opened: 0 },
      { key: '2026-03-02', opened: 3 },
      { key: '2026-03-09', opened: 2 },
      { key: '2026-03-16', opened: 0 },
      { key: '2026-03-23', opened: 0 },
      { key: '2026-03-30', opened: 0 },
    ]);
  });

  test('per team and per owner', async () => {
    const byTeam = await metrics(`${MARCH}&by=team`);
    const group = (key: string | null) => byTeam.groups.find((g) => g.key === key);
    expect(byTeam.groups).toHaveLength(3);
    expect(group(teams.t1)).toMatchObject({
      label: 'Team 1',
      opened: 2,
      overdue: { count: 1, n: 2, percent: 50 },
      // 2 h and 6 h: median 4 h, p90 = 2 h + 0.9 × 4 h = 20 160 s.
      firstContact: { n: 2, medianSeconds: 14_400, p90Seconds: 20_160, businessMedianSeconds: 14_400 },
      recoveryRate: { count: 1, n: 2, percent: 50 },
      unreachable: 0,
    });
    expect(group(teams.t2)).toMatchObject({
      label: 'Team 2',
      opened: 1,
      overdue: { count: 1, n: 1, percent: 100, ci95: [20.7, 100] },
      firstContact: { n: 0, medianSeconds: null },
      recoveryRate: { n: 0, percent: null, ci95: null },
      unreachable: 1,
    });
    expect(group(null)).toMatchObject({ label: null, opened: 2, firstContact: { n: 1, medianSeconds: 3600 } });
    // The total is the same whatever the grouping.
    expect(byTeam.opened).toBe(5);

    const byOwner = await metrics(`${MARCH}&by=owner`);
    expect(byOwner.groups).toEqual([expect.objectContaining({ key: ownerId, label: 'Owner Tester', opened: 5 })]);
    const byChannel = await metrics(`${MARCH}&by=channel`);
    expect(byChannel.groups.map((g) => [g.key, g.opened]).sort()).toEqual([
      ['chat', 2],
      ['email', 3],
    ]);
  });

  test('every figure drills down to its cases', async () => {
    expect(await caseNames(`${MARCH}&period=opened`)).toEqual(['A', 'B', 'C', 'D', 'F']);
    expect(await caseNames(`${MARCH}&period=opened&overdue=true`)).toEqual(['B', 'C', 'F']);
    expect(await caseNames(`${MARCH}&period=contacted&contacted=true`)).toEqual(['A', 'B', 'D']);
    expect(await caseNames(`${MARCH}&period=closed&outcome=recovered,not_recovered`)).toEqual(['A', 'B']);
    expect(await caseNames(`${MARCH}&period=closed&outcome=recovered`)).toEqual(['A']);
    expect(await caseNames(`${MARCH}&tag=delay`)).toEqual(['B', 'C']);
    expect(await caseNames(`${MARCH}&teamId=${teams.t1}`)).toEqual(['A', 'B']);
    expect(await caseNames('from=2026-03-02&to=2026-03-02')).toEqual(['A']);
    expect(await caseNames('status=new,contacted,action,follow_up&overdue=true&contacted=false')).toEqual(['F']);
    expect(await caseNames(`owner=${ownerId}&channel=chat`)).toEqual(['B', 'F']);
  });

  test('bad periods and groupings are 400s naming the field', async () => {
    expectProblem(await api.get('/api/v1/metrics/recovery?from=2026-03-31&to=2026-03-01'), 400, 'query.to');
    expectProblem(await api.get('/api/v1/metrics/recovery?to=2026-03-01'), 400, 'query.from');
    expectProblem(await api.get(`/api/v1/metrics/recovery?${MARCH}&by=agent`), 400, 'query.by');
    expectProblem(await api.get(`/api/v1/metrics/recovery?${MARCH}&bucket=month`), 400, 'query.bucket');
    expectProblem(await api.get('/api/v1/metrics/recovery?from=2020-01-01&to=2026-01-01'), 400, 'query.to');
    expectProblem(await api.get(`/api/v1/metrics/escalations?${MARCH}&by=owner`), 400, 'query.by');
    expectProblem(await api.get(`/api/v1/metrics/escalations/conversations?${MARCH}&key=x`), 400, 'query.by');
  });
});

describe('escalation rate', () => {
  let other: TestWorkspace;
  const conversations: Record<string, Conversation> = {};

  beforeAll(async () => {
    other = await createTestWorkspace(server);
    const t1 = (await createTeam(other.api, { name: 'Team 1' })).id;
    const t2 = (await createTeam(other.api, { name: 'Team 2' })).id;
    const make = async (name: string, teamId: string | undefined, channel: 'email' | 'chat', createdAt: string) => {
      conversations[name] = await createConversation(other.api, { ...(teamId ? { teamId } : {}), channel, createdAt });
    };
    await make('c1', t1, 'email', '2026-03-02T01:00:00Z');
    await make('c2', t1, 'chat', '2026-03-03T01:00:00Z');
    await make('c3', t2, 'email', '2026-03-04T01:00:00Z');
    await make('c4', undefined, 'email', '2026-03-05T01:00:00Z');
    await make('c5', t1, 'email', '2026-02-10T01:00:00Z');
    const escalate = (name: string, at: string, toTeamId?: string) =>
      server.app.db.transaction((tx) =>
        escalateConversation(
          tx,
          other.workspaceId,
          conversations[name]?.id ?? '',
          { reason: 'Needs a senior', ...(toTeamId ? { toTeamId } : {}) },
          { type: 'system', id: null },
          new Date(at),
        ),
      );
    await escalate('c1', '2026-03-05T01:00:00Z');
    // c3 moves to Team 1 when escalated: it still counts for Team 2, where it started.
    await escalate('c3', '2026-03-06T01:00:00Z', t1);
    // Created in February: not in March's rate, but its escalation was made in March.
    await escalate('c5', '2026-03-07T01:00:00Z');
    Object.assign(ids, { et1: t1, et2: t2 });
  });

  test('escalated at least once ÷ created, per team (where it started) and channel', async () => {
    const total = expectStatus(await other.api.get<EscalationMetrics>(`/api/v1/metrics/escalations?${MARCH}`), 200);
    expect(total).toMatchObject({
      by: null,
      rate: { count: 2, n: 4, percent: 50, ci95: [15, 85] },
      byTier: [
        { tier: 'senior', count: 3 },
        { tier: 'manager', count: 0 },
      ],
      groups: [],
    });
    const byTeam = expectStatus(
      await other.api.get<EscalationMetrics>(`/api/v1/metrics/escalations?${MARCH}&by=team`),
      200,
    );
    expect(
      byTeam.groups
        .map((g) => [g.label, g.count, g.n, g.ci95])
        .sort((a, b) => (String(a[0] ?? 'zz') < String(b[0] ?? 'zz') ? -1 : 1)),
    ).toEqual([
      ['Team 1', 1, 2, [9.5, 90.5]],
      ['Team 2', 1, 1, [20.7, 100]],
      [null, 0, 1, [0, 79.3]],
    ]);
    const byChannel = expectStatus(
      await other.api.get<EscalationMetrics>(`/api/v1/metrics/escalations?${MARCH}&by=channel`),
      200,
    );
    expect(byChannel.groups.map((g) => [g.key, g.count, g.n, g.percent])).toEqual([
      ['email', 2, 3, 66.7],
      ['chat', 0, 1, 0],
    ]);
    // Another workspace sees none of it.
    expect(expectStatus(await api.get<EscalationMetrics>(`/api/v1/metrics/escalations?${MARCH}`), 200).rate.count).toBe(
      0,
    );
  });

  test('the rate drills down to the escalated conversations', async () => {
    const list = async (query: string) =>
      expectStatus(
        await other.api.get<{ data: Conversation[] }>(`/api/v1/metrics/escalations/conversations?${MARCH}${query}`),
        200,
      ).data.map((c) => c.id);
    expect(await list('')).toEqual([conversations.c3?.id, conversations.c1?.id]);
    expect(await list(`&by=team&key=${ids.et2}`)).toEqual([conversations.c3?.id]);
    expect(await list('&by=channel&key=chat')).toEqual([]);
    expect(await list('&by=team&key=none')).toEqual([]);
  });
});
