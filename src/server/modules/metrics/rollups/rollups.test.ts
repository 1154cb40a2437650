import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateMetricsData } from '../../../../../bench/metrics-data.ts';
import { engine, openTestDatabase } from '../../../../../test/support/database.ts';
import type {
  DurationFigure,
  MetricFilters,
  MetricSet,
  MetricsQuery,
  MetricsReport,
} from '../../../../shared/contracts/metrics.ts';
import type { Database } from '../../../db/client.ts';
import { createWorkspace } from '../../workspaces/service.ts';
import { volumeHeatmap } from '../heatmap.ts';
import { computeMetrics } from '../report.ts';
import { periodsOf, refreshRollups } from './refresh.ts';

/**
 * One contract, two implementations: every figure read from the rollups equals the same
 * figure computed from the raw rows — counts, rates, scores and intervals exactly;
 * percentiles within the histogram's bucket width (1/64), exact for small sets.
 */

let database: Database;
let workspaceId: string;
const END = new Date('2026-10-31T15:00:00Z'); // 2026-11-01 00:00 in Tokyo

beforeAll(async () => {
  database = await openTestDatabase();
  const created = await createWorkspace(database.db, { name: 'Rollups', ownerEmail: `rollups-${Date.now()}@koe.test` });
  workspaceId = created.workspace.id;
  await generateMetricsData(database.db, workspaceId, { conversations: 1500, responses: 6000, days: 90, end: END });
  const db = database.db;
  // Reopens: 40 conversations get a second cycle a day after their first resolution.
  await db.execute(sql`
    with picked as (
      select cy.conversation_id, cy.resolved_at, cy.resolver_id, cy.team_id from conversation_cycles cy
       where cy.workspace_id = ${workspaceId} and cy.resolved_at < ${END.toISOString()}::timestamptz - interval '3 days'
       order by cy.conversation_id limit 40),
    second as (
      insert into conversation_cycles (workspace_id, conversation_id, cycle, started_at, first_response_at,
        first_responder_id, first_response_seconds, resolved_at, resolver_id, resolution_seconds, public_replies, team_id)
      select ${workspaceId}, p.conversation_id, 2, p.resolved_at + interval '1 day', p.resolved_at + interval '1 day 1 hour',
             p.resolver_id, 3600, p.resolved_at + interval '2 days', p.resolver_id, 86400, 1, p.team_id
        from picked p returning conversation_id)
    update conversation_cycles set reopened = true
     where workspace_id = ${workspaceId} and cycle = 1 and conversation_id in (select conversation_id from second)`);
  await db.execute(sql`
    update conversations c set cycle = 2, reopen_count = 1
     where c.workspace_id = ${workspaceId}
       and exists (select 1 from conversation_cycles cy where cy.workspace_id = c.workspace_id
                     and cy.conversation_id = c.id and cy.cycle = 2)`);
  // Invitations: every third response was invited (and answered); 500 more were sent and not answered.
  await db.execute(sql`
    with invited as (
      select r.id as response_id, gen_random_uuid() as new_invitation_id, r.* from survey_responses r
       where r.workspace_id = ${workspaceId} and abs(hashtext(r.id::text)) % 3 = 0),
    made as (
      insert into survey_invitations (workspace_id, id, survey_id, version, contact_id, conversation_id, cycle, delivery,
        language, status, agent_id, team_id, channel, touchpoint, scheduled_at, sent_at, answered_at, expires_at, created_at)
      select workspace_id, new_invitation_id, survey_id, 1, contact_id, conversation_id, 1, 'email', language, 'answered',
             agent_id, team_id, channel, touchpoint, submitted_at - interval '1 hour', submitted_at - interval '1 hour',
             submitted_at, submitted_at + interval '30 days', submitted_at - interval '1 hour'
        from invited returning id)
    update survey_responses r set invitation_id = i.new_invitation_id from invited i
     where r.workspace_id = ${workspaceId} and r.id = i.response_id`);
  await db.execute(sql`
    insert into survey_invitations (workspace_id, id, survey_id, version, delivery, language, status, agent_id, team_id,
      channel, touchpoint, scheduled_at, sent_at, expires_at, created_at)
    select r.workspace_id, gen_random_uuid(), r.survey_id, 1, 'email', 'ja', 'sent', r.agent_id, r.team_id, r.channel,
           r.touchpoint, r.submitted_at, r.submitted_at, r.submitted_at + interval '30 days', r.submitted_at
      from survey_responses r where r.workspace_id = ${workspaceId} order by r.id limit 500`);
}, 120_000);
afterAll(() => database?.close());

const QUERIES: Omit<MetricsQuery, 'from' | 'to'>[] = [
  {},
  { compare: true },
  { by: 'channel' },
  { by: 'agent' },
  { by: 'team', compare: true },
  { by: 'tag' },
  { by: 'company' },
  { by: 'touchpoint' },
  { by: 'day' },
  { by: 'week' },
  { by: 'month' },
  { channel: ['email', 'chat'] },
  { channel: ['phone'], by: 'week' },
  { tag: ['billing'], by: 'month' },
  { by: 'channel', channel: ['email', 'review'] },
  { businessHours: true, by: 'week' },
  { touchpoint: ['support'] },
];

function expectDurationClose(raw: DurationFigure, rolled: DurationFigure, where: string) {
  expect(rolled.n, `${where} n`).toBe(raw.n);
  expect(rolled.mean_seconds ?? 0, `${where} mean`).toBeCloseTo(raw.mean_seconds ?? 0, 0);
  for (const key of ['median_seconds', 'p90_seconds'] as const) {
    const want = raw[key];
    const got = rolled[key];
    if (want === null) expect(got, `${where} ${key}`).toBeNull();
    else expect(Math.abs((got ?? Number.NaN) - want), `${where} ${key}`).toBeLessThanOrEqual(want / 64 + 0.1);
  }
}

/** Equal sets, durations compared within the bucket width; the rest exactly. */
function expectSameSet(raw: MetricSet, rolled: MetricSet, where: string) {
  for (const figure of ['first_response', 'reply', 'resolution'] as const) {
    expectDurationClose(raw[figure], rolled[figure], `${where} ${figure}`);
  }
  const strip = (set: MetricSet) => {
    // Groups are compared one by one by the caller.
    const {
      first_response: _f,
      reply: _r,
      resolution: _s,
      groups: _g,
      ...rest
    } = set as MetricSet & {
      groups?: unknown;
    };
    return rest;
  };
  expect(strip(rolled), where).toEqual(strip(raw));
}

describe('rollups answer as the raw rows do', () => {
  test.each(QUERIES.map((q) => [JSON.stringify(q), q] as const))('%s', async (_name, extra) => {
    const query: MetricsQuery = { from: '2026-08-01', to: '2026-10-31', ...extra };
    const raw: MetricsReport = await computeMetrics(database.db, workspaceId, query, { source: 'raw' });
    const rolled: MetricsReport = await computeMetrics(database.db, workspaceId, query, { source: 'rollups' });
    // The fixture is not empty for any query (a touchpoint keeps survey figures only).
    expect(raw.volume.created + raw.csat.n).toBeGreaterThan(0);
    expectSameSet(raw, rolled, 'total');
    expect(rolled.groups.map((g) => g.key)).toEqual(raw.groups.map((g) => g.key));
    rolled.groups.forEach((group, i) => {
      const other = raw.groups[i];
      if (other) expectSameSet(other, group, `group ${group.key}`);
    });
  });

  const heatmapFilters: Omit<MetricFilters, 'from' | 'to'>[] = [{}, { channel: ['chat'] }, { tag: ['login'] }];
  test.each(heatmapFilters.map((f) => [f]))('heatmap %j', async (filters) => {
    const query: MetricFilters = { from: '2026-08-01', to: '2026-10-31', ...filters };
    const raw = await volumeHeatmap(database.db, workspaceId, query, { source: 'raw' });
    const rolled = await volumeHeatmap(database.db, workspaceId, query, { source: 'rollups' });
    expect(raw.cells.reduce((sum, c) => sum + c.created, 0)).toBeGreaterThan(0);
    expect(rolled).toEqual(raw);
  });

  test('a write is in the next read, through the noted days', async () => {
    const query: MetricsQuery = { from: '2026-10-01', to: '2026-10-31' };
    const before = await computeMetrics(database.db, workspaceId, query, { source: 'rollups' });
    await database.db.execute(sql`
      update survey_responses set score = 5
       where workspace_id = ${workspaceId} and kind = 'csat' and score = 1
         and submitted_at >= '2026-10-10T00:00:00+09:00' and submitted_at < '2026-10-11T00:00:00+09:00'`);
    const noted = await database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from rollup_dirty_days where workspace_id = ${workspaceId}`);
    expect(Number(noted.rows[0]?.n)).toBeGreaterThan(0);
    const after = await computeMetrics(database.db, workspaceId, query, { source: 'rollups' });
    const raw = await computeMetrics(database.db, workspaceId, query, { source: 'raw' });
    expect(after.csat.percent).toBeGreaterThan(before.csat.percent ?? 0);
    expect(after.csat).toEqual(raw.csat);
    const left = await database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from rollup_dirty_days where workspace_id = ${workspaceId}`);
    expect(Number(left.rows[0]?.n)).toBe(0);
  });

  test('an update that moves a response to another day notes both days, and both read as the raw rows', async () => {
    const query: MetricsQuery = { from: '2026-10-01', to: '2026-10-31', by: 'day' };
    await computeMetrics(database.db, workspaceId, query, { source: 'rollups' });
    const moved = await database.db.execute(sql`
      update survey_responses set submitted_at = submitted_at + interval '8 days'
       where workspace_id = ${workspaceId} and id = (
         select id from survey_responses where workspace_id = ${workspaceId} and kind = 'csat'
            and submitted_at >= '2026-10-12T00:00:00+09:00' and submitted_at < '2026-10-13T00:00:00+09:00'
          order by id limit 1)`);
    expect(moved.rowCount).toBe(1);
    const noted = await database.db.execute<{ day: string }>(sql`
      select distinct to_char(day, 'YYYY-MM-DD') as day from rollup_dirty_days
       where workspace_id = ${workspaceId} order by 1`);
    expect(noted.rows.map((row) => row.day)).toEqual(['2026-10-12', '2026-10-20']);
    const rolled = await computeMetrics(database.db, workspaceId, query, { source: 'rollups' });
    const raw = await computeMetrics(database.db, workspaceId, query, { source: 'raw' });
    expect(rolled.groups.map((g) => [g.key, g.csat.n])).toEqual(raw.groups.map((g) => [g.key, g.csat.n]));
  });

  // Two connections: one write stays open while the refresh runs (PGlite has one connection).
  test.runIf(engine() === 'postgres')(
    'a write noted before the refresh looked but committed during it is rebuilt by the next refresh',
    async () => {
      const query: MetricsQuery = { from: '2026-10-01', to: '2026-10-31', by: 'day' };
      await computeMetrics(database.db, workspaceId, query, { source: 'rollups' });
      const raise = (day: string) => `
        update survey_responses set score = 5
         where workspace_id = '${workspaceId}' and kind = 'csat' and score < 5
           and submitted_at >= '${day}T00:00:00+09:00' and submitted_at < '${day}T00:00:00+09:00'::timestamptz + interval '1 day'`;
      const open = await database.pool.connect();
      try {
        // The first write notes 5 October and stays open; a second write, on 7 October, commits.
        await open.query('begin');
        expect((await open.query(raise('2026-10-05'))).rowCount).toBeGreaterThan(0);
        expect((await database.pool.query(raise('2026-10-07'))).rowCount).toBeGreaterThan(0);
        // The refresh sees only the second note; the first write commits while it rebuilds.
        let committed = false;
        const result = await refreshRollups(database.db, workspaceId, {
          onProgress: async () => {
            if (committed) return;
            committed = true;
            await open.query('commit');
          },
        });
        expect(committed).toBe(true);
        expect(result.days).toBe(1);
      } finally {
        open.release();
      }
      const left = await database.db.execute<{ day: string }>(sql`
        select to_char(day, 'YYYY-MM-DD') as day from rollup_dirty_days where workspace_id = ${workspaceId}`);
      expect(left.rows.map((r) => r.day)).toEqual(['2026-10-05']);
      const rolled = await computeMetrics(database.db, workspaceId, query, { source: 'rollups' });
      const raw = await computeMetrics(database.db, workspaceId, query, { source: 'raw' });
      const scores = (report: MetricsReport) => report.groups.map((g) => [g.key, g.csat.percent, g.csat.average]);
      expect(scores(rolled)).toEqual(scores(raw));
    },
  );

  test('more durations on the same days fill the same histogram rows', async () => {
    const query: MetricsQuery = { from: '2026-10-01', to: '2026-10-31', by: 'channel' };
    const histogramRows = async () => {
      const result = await database.db.execute<{ n: number }>(sql`
        select count(*)::int as n from rollup_durations_daily where workspace_id = ${workspaceId}`);
      return Number(result.rows[0]?.n);
    };
    const before = await computeMetrics(database.db, workspaceId, query, { source: 'rollups' });
    const rows = await histogramRows();
    // Every October reply again, one to three seconds slower: twice the reply times, the same days and values.
    await database.db.execute(sql`
      insert into messages (workspace_id, id, conversation_id, cycle, kind, author_type, author_id, contact_id, body,
        wait_seconds, wait_business_seconds, created_at)
      select workspace_id, gen_random_uuid(), conversation_id, cycle, kind, author_type, author_id, contact_id, body,
             wait_seconds + 1 + abs(hashtext(id::text)) % 3, wait_business_seconds, created_at
        from messages
       where workspace_id = ${workspaceId} and wait_seconds is not null
         and created_at >= '2026-10-01T00:00:00+09:00' and created_at < '2026-11-01T00:00:00+09:00'`);
    const after = await computeMetrics(database.db, workspaceId, query, { source: 'rollups' });
    const raw = await computeMetrics(database.db, workspaceId, query, { source: 'raw' });
    expect(before.reply.n).toBeGreaterThan(0);
    expect(after.reply.n).toBe(2 * before.reply.n);
    expectSameSet(raw, after, 'total');
    after.groups.forEach((group, i) => {
      const other = raw.groups[i];
      if (other) expectSameSet(other, group, `group ${group.key}`);
    });
    expect(await histogramRows()).toBe(rows);
  });

  test('a full rebuild changes nothing and reports the days', async () => {
    const query: MetricsQuery = { from: '2026-08-01', to: '2026-10-31', by: 'week' };
    const before = await computeMetrics(database.db, workspaceId, query, { source: 'rollups' });
    const progress: number[] = [];
    const result = await refreshRollups(database.db, workspaceId, {
      force: true,
      onProgress: (done) => progress.push(done),
    });
    expect(result.full).toBe(true);
    expect(result.days).toBeGreaterThanOrEqual(92);
    expect(progress.at(-1)).toBe(result.days);
    expect(await computeMetrics(database.db, workspaceId, query, { source: 'rollups' })).toEqual(before);
  });
});

describe('days to rebuild', () => {
  test('consecutive days fold into steps of at most 31 days', () => {
    expect(periodsOf(['2026-01-03', '2026-01-01', '2026-01-02', '2026-01-05', '2026-01-05'])).toEqual([
      { from: '2026-01-01', to: '2026-01-03' },
      { from: '2026-01-05', to: '2026-01-05' },
    ]);
    const year = Array.from({ length: 62 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    expect(periodsOf(year)).toEqual([
      { from: '2026-01-01', to: '2026-01-31' },
      { from: '2026-02-01', to: '2026-03-03' },
    ]);
  });
});
