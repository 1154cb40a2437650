import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../../../../test/support/database.ts';
import { buildMetricsFixture, FIXTURE_PERIOD, type MetricsFixture } from '../../../../test/support/metrics-fixture.ts';
import type { MetricsQuery } from '../../../shared/contracts/metrics.ts';
import type { Database } from '../../db/client.ts';
import { HttpProblem } from '../../http/problem.ts';
import { createWorkspace } from '../workspaces/service.ts';
import { computeMetrics } from './report.ts';

/** Every figure of the report checked against numbers computed by hand from the fixture (see metrics-fixture.ts). */

let database: Database;
let workspaceId: string;
let fx: MetricsFixture;

beforeAll(async () => {
  database = await openTestDatabase();
  const created = await createWorkspace(database.db, {
    name: 'Metrics',
    ownerEmail: `metrics-${Date.now()}@example.test`,
    timeZone: 'Asia/Tokyo',
  });
  workspaceId = created.workspace.id;
  fx = await buildMetricsFixture(database.pool, workspaceId);
}, 60_000);
afterAll(() => database?.close());

const report = (query: Partial<MetricsQuery> = {}) =>
  database.db.transaction((tx) => computeMetrics(tx, workspaceId, { ...FIXTURE_PERIOD, ...query }));

describe('computeMetrics: totals of the period', () => {
  test('satisfaction: CSAT, NPS, CES 2.0 and CES effort apart, skipped answers in no denominator', async () => {
    const r = await report();
    expect(r).toMatchObject({ from: '2025-03-03', to: '2025-03-16', time_zone: 'Asia/Tokyo', by: null, groups: [] });
    // CSAT 5 4 1 4 3 (+1 skipped): 3 of 5 score 4–5 → 60 %. Wilson: z² = 3.841459, centre = (0.6 + 0.384146) /
    // 1.768292 = 0.556552, half = 1.959964 × √(0.6 × 0.4 / 5 + 3.841459 / 100) / 1.768292 = 0.325830
    // → [23.072 %, 88.238 %].
    expect(r.csat).toMatchObject({ percent: 60, n: 5, skipped: 1 });
    expect(r.csat.ci95?.[0]).toBeCloseTo(23.072, 2);
    expect(r.csat.ci95?.[1]).toBeCloseTo(88.238, 2);
    // Mean 17 / 5 = 3.4; s² = (67 − 5 × 3.4²) / 4 = 2.3, s/√5 = 0.678233, t(0.975, 4) = 2.776445
    // → 3.4 ± 1.883076 = [1.516924, 5 (clamped from 5.283076)].
    expect(r.csat.average).toBeCloseTo(3.4, 10);
    expect(r.csat.average_ci95?.[0]).toBeCloseTo(1.516924, 5);
    expect(r.csat.average_ci95?.[1]).toBe(5);
    // NPS 10 9 9 8 7 6 0 (+1 skipped): p⁺ = 3/7, p⁻ = 2/7 → 14.2857; SE = √(5/7 − 1/49) / √7 = 0.314842
    // → 14.2857 ± 100 × 1.959964 × 0.314842 = [−47.422, 75.994].
    expect(r.nps).toMatchObject({ n: 7, skipped: 1, promoters: 3, passives: 2, detractors: 2 });
    expect(r.nps.score).toBeCloseTo(14.2857, 3);
    expect(r.nps.ci95?.[0]).toBeCloseTo(-47.422, 2);
    expect(r.nps.ci95?.[1]).toBeCloseTo(75.994, 2);
    // CES 2.0 7 6 5 4 2: mean 4.8, s² = (130 − 115.2) / 4 = 3.7, half = 2.776445 × √(3.7/5) = 2.388388
    // → [2.411612, 7 (clamped)]; agree (5–7) 3 of 5 = 60 %.
    expect(r.ces7.n).toBe(5);
    expect(r.ces7.average).toBeCloseTo(4.8, 10);
    expect(r.ces7.ci95?.[0]).toBeCloseTo(2.411612, 5);
    expect(r.ces7.ci95?.[1]).toBe(7);
    expect(r.ces7.agree_percent).toBeCloseTo(60, 10);
    // CES effort 1 2 2 5: mean 2.5, s² = (34 − 25) / 3 = 3, half = 3.182446 × √(3/4) = 2.756079 → clamped [1, 5].
    expect(r.ces5).toMatchObject({ average: 2.5, n: 4, ci95: [1, 5] });
    // 6 answered of 8 delivered (the scheduled one is not delivered) → 75 %. Wilson: centre = (0.75 + 0.240091) /
    // 1.480182 = 0.668894, half = 1.959964 × √(0.1875/8 + 3.841459/256) / 1.480182 = 0.259624 → [40.927, 92.852].
    expect(r.response_rate).toMatchObject({ percent: 75, n: 8, count: 6, responses: 6, delivered: 8 });
    expect(r.response_rate.ci95?.[0]).toBeCloseTo(40.927, 2);
    expect(r.response_rate.ci95?.[1]).toBeCloseTo(92.852, 2);
  });

  test('durations: median, mean and p90 as percentile_cont, each in the period it ended', async () => {
    const r = await report();
    // First responses 60, 120, 300, 600 (conv8's 1800 s was on 02-25): median (120 + 300) / 2 = 210,
    // mean 1080 / 4 = 270, p90 at rank 0.9 × 3 = 2.7 → 300 + 0.7 × (600 − 300) = 510.
    expect(r.first_response).toEqual({ n: 4, median_seconds: 210, mean_seconds: 270, p90_seconds: 510 });
    // Resolutions 3600, 3600, 7200, 7200, 864000 (conv8, created in February, resolved 03-07):
    // median 7200, mean 885600 / 5 = 177120, p90 at rank 3.6 → 7200 + 0.6 × 856800 = 521280.
    expect(r.resolution).toEqual({ n: 5, median_seconds: 7200, mean_seconds: 177120, p90_seconds: 521280 });
    // Replies 60, 120, 300, 900, 600, 3600, 7200 (the note and the February reply are out): median 600,
    // mean 12780 / 7 = 1825.714 → 1825.7, p90 at rank 5.4 → 3600 + 0.4 × 3600 = 5040.
    expect(r.reply).toEqual({ n: 7, median_seconds: 600, mean_seconds: 1825.7, p90_seconds: 5040 });
  });

  test('rates: FCR with the 72 h return rule, one-touch and reopen over resolved cycles', async () => {
    const r = await report();
    // First cycles resolved in the period: conv1, conv2, conv3, conv8 → 4. Only conv1 counts: conv2 was reopened,
    // conv3's contact came back 18 h later (conv4), conv8 took 3 replies → 1 / 4 = 25 %.
    expect(r.fcr).toMatchObject({ percent: 25, n: 4, count: 1 });
    // Resolved cycles: conv1, conv2 c1, conv2 c2, conv3, conv8 → 5; one public reply: conv1, conv2 c1, conv3 → 60 %;
    // reopened: conv2 c1 and c2 → 40 %.
    expect(r.one_touch).toMatchObject({ percent: 60, n: 5, count: 3 });
    expect(r.reopen).toMatchObject({ percent: 40, n: 5, count: 2 });
    // Wilson for 1 of 4: centre = (0.25 + 0.480182) / 1.960365 = 0.372473,
    // half = 1.959964 × √(0.046875 + 0.060023) / 1.960365 = 0.326885 → [4.559 %, 69.936 %].
    expect(r.fcr.ci95?.[0]).toBeCloseTo(4.559, 2);
    expect(r.fcr.ci95?.[1]).toBeCloseTo(69.936, 2);
  });

  test('a shorter FCR window from the workspace settings lets conv3 count', async () => {
    await database.pool.query(`update workspaces set settings = '{"fcrWindowHours": 12}' where id = $1`, [workspaceId]);
    try {
      // conv4 came 18 h after conv3's resolution: outside 12 h → conv1 and conv3 of 4 = 50 %.
      expect((await report()).fcr).toMatchObject({ percent: 50, n: 4, count: 2 });
    } finally {
      await database.pool.query(`update workspaces set settings = '{}' where id = $1`, [workspaceId]);
    }
  });

  test('volume: created, distinct conversations resolved, backlog at the end', async () => {
    const r = await report();
    // Created 03-03…03-16: conv1–conv6 = 6. Resolved in the period: conv1, conv2 (two cycles, counted once),
    // conv3, conv8 = 4. Unresolved at 03-17 00:00: conv4, conv5, conv6 = 3 (conv2's third cycle starts after it).
    expect(r.volume).toEqual({ created: 6, resolved: 4, backlog: 3 });
  });

  test('business hours use the business columns, leaving out rows without them', async () => {
    const r = await report({ businessHours: true });
    expect(r.business_hours).toBe(true);
    // First responses in business seconds 30, 100, 200 (conv2 c1 has none): median 100, mean 110, p90 at rank
    // 1.8 → 100 + 0.8 × 100 = 180.
    expect(r.first_response).toEqual({ n: 3, median_seconds: 100, mean_seconds: 110, p90_seconds: 180 });
    expect(r.resolution).toMatchObject({ n: 1, median_seconds: 1800 });
    expect(r.reply).toMatchObject({ n: 1, median_seconds: 30 });
  });
});

describe('computeMetrics: groups and filters', () => {
  test('by channel: one group per channel, responses by their snapshot channel, none last', async () => {
    const r = await report({ by: 'channel' });
    expect(r.groups.map((g) => [g.key, g.label])).toEqual([
      ['chat', 'chat'],
      ['email', 'email'],
      ['', ''],
    ]);
    const [chat, email, none] = r.groups;
    // Email: first responses 60, 120, 300 → median 120; created conv1, conv2, conv5; resolved conv1, conv2;
    // backlog conv5; CSAT 5 4 1 → 2 of 3.
    expect(email?.first_response).toMatchObject({ n: 3, median_seconds: 120, mean_seconds: 160 });
    expect(email?.volume).toEqual({ created: 3, resolved: 2, backlog: 1 });
    expect(email?.csat.n).toBe(3);
    expect(email?.csat.percent).toBeCloseTo(66.667, 2);
    expect(email?.ces7.n).toBe(5);
    // Chat: conv3 600 s; created conv3, conv4, conv6; resolved conv3, conv8; backlog conv4, conv6; CSAT 4 3 → 50 %.
    expect(chat?.first_response).toMatchObject({ n: 1, median_seconds: 600 });
    expect(chat?.volume).toEqual({ created: 3, resolved: 2, backlog: 2 });
    expect(chat?.csat).toMatchObject({ n: 2, skipped: 1, percent: 50 });
    // The relationship NPS survey has no channel.
    expect(none?.nps.n).toBe(7);
    expect(none?.volume.created).toBe(0);
    // The totals stay the period's.
    expect(r.volume.created).toBe(6);
  });

  test('by week: every Monday-based bucket of the range, oldest first, backlog at each bucket end', async () => {
    const r = await report({ by: 'week' });
    expect(r.groups.map((g) => g.key)).toEqual(['2025-03-03', '2025-03-10']);
    const [first, second] = r.groups;
    expect(first?.volume).toEqual({ created: 4, resolved: 4, backlog: 1 });
    expect(first?.first_response).toMatchObject({ n: 4, median_seconds: 210 });
    expect(first?.csat.n).toBe(5);
    // Week 2 only had new conversations: no response or duration, so null figures with n = 0.
    expect(second?.volume).toEqual({ created: 2, resolved: 0, backlog: 3 });
    expect(second?.first_response).toEqual({ n: 0, median_seconds: null, mean_seconds: null, p90_seconds: null });
    expect(second?.csat).toMatchObject({ n: 0, percent: null, ci95: null });
  });

  test('by agent: attributed to who did the work, labelled with names', async () => {
    const r = await report({ by: 'agent' });
    const a = r.groups.find((g) => g.key === fx.agentA);
    const b = r.groups.find((g) => g.key === fx.agentB);
    expect(a?.label).toBe('Aiko Agent');
    expect(b?.label).toBe('Ben Agent');
    // First responders: A 60, 120; B 300, 600. Resolvers: A conv1, conv2 c1, conv8; B conv2 c2, conv3.
    expect(a?.first_response).toMatchObject({ n: 2, median_seconds: 90 });
    expect(b?.first_response).toMatchObject({ n: 2, median_seconds: 450 });
    expect(a?.resolution.n).toBe(3);
    expect(b?.resolution.n).toBe(2);
    // Created by assignee: A conv1, conv2, conv5; B conv3, conv4; conv6 unassigned ('').
    expect(a?.volume.created).toBe(3);
    expect(b?.volume.created).toBe(2);
    expect(r.groups.at(-1)).toMatchObject({ key: '', volume: { created: 1 } });
  });

  test('by touchpoint: survey figures only', async () => {
    const r = await report({ by: 'touchpoint' });
    const support = r.groups.find((g) => g.key === 'support_resolution');
    expect(support?.csat.n).toBe(5);
    expect(support?.response_rate).toMatchObject({ delivered: 8, responses: 6 });
    expect(support?.first_response.n).toBe(0);
    expect(support?.volume.created).toBe(0);
    expect(r.groups.find((g) => g.key === 'relationship')?.nps.n).toBe(7);
  });

  test('filters: OR within a filter, AND across filters, each on the figure’s own attribution', async () => {
    const r = await report({ channel: ['email', 'chat'], tag: ['vip'], agentId: [fx.agentB] });
    // vip conversations conv2 and conv3; first responses by B: 300 (conv2 c2), 600 (conv3) → median 450.
    expect(r.first_response).toMatchObject({ n: 2, median_seconds: 450, mean_seconds: 450 });
    // Resolved by B: conv2 c2 3600, conv3 7200 → median 5400.
    expect(r.resolution).toMatchObject({ n: 2, median_seconds: 5400 });
    // Created and assigned to B among vip: conv3 only.
    expect(r.volume.created).toBe(1);
    // CSAT given to B about conv3 (tagged vip): 4 and 3 → 50 %, one skipped.
    expect(r.csat).toMatchObject({ n: 2, skipped: 1, percent: 50 });
    // NPS has no conversation, so no tags: filtered out.
    expect(r.nps.n).toBe(0);
  });

  test('company filter reaches responses through the contact and conversations through their company', async () => {
    const r = await report({ companyId: [fx.company] });
    // Acme: contacts P (conv1) and S (conv5). CSAT: P's 5.
    expect(r.volume.created).toBe(2);
    expect(r.csat).toMatchObject({ n: 1, percent: 100 });
  });
});

describe('computeMetrics: compare with the previous period', () => {
  test('previous period of the same length, a significant and a non-significant change', async () => {
    const r = await report({ compare: true });
    expect(r.previous_period).toEqual({ from: '2025-02-17', to: '2025-03-02' });
    // CSAT 3/5 now against 0/10 (ten 1s on 02-20): pooled p = 3/15 = 0.2, SE = √(0.2 × 0.8 × (1/5 + 1/10))
    // = 0.219089, z = 0.6 / 0.219089 = 2.738613 → p = 0.00617: significant.
    expect(r.csat.change).toMatchObject({ previous: 0, delta: 60, significant: true });
    expect(r.csat.change?.p_value).toBeCloseTo(0.00617, 4);
    // Created 6 now, 2 before (conv7, conv8): z = 4 / √8 = 1.414214 → p = 0.157299: not significant.
    expect(r.volume.change).toMatchObject({ previous: 2, delta: 4, significant: false });
    expect(r.volume.change?.p_value).toBeCloseTo(0.157299, 4);
    // Durations: the median's delta only. Before: 600 (conv7) and 1800 (conv8) → median 1200; now 210.
    expect(r.first_response.change).toEqual({ previous: 1200, delta: -990, significant: false, p_value: null });
    // No NPS before: no change to test.
    expect(r.nps.change).toEqual({ previous: null, delta: null, significant: false, p_value: null });
  });
});

describe('computeMetrics: bad periods', () => {
  test('from after to, and more than three years, name `to`', async () => {
    await expect(report({ from: '2025-03-10', to: '2025-03-01' })).rejects.toMatchObject({
      status: 400,
      errors: [{ field: 'query.to', message: 'must be on or after from' }],
    });
    await expect(report({ from: '2020-01-01', to: '2023-01-01' })).rejects.toBeInstanceOf(HttpProblem);
    expect((await report({ from: '2020-01-01', to: '2022-12-31' })).volume.created).toBe(0);
  });
});
