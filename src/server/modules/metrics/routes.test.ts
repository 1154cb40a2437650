import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addMember, expectStatus, serverWorkspace } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { buildMetricsFixture, type MetricsFixture } from '../../../../test/support/metrics-fixture.ts';
import { expectProblem } from '../../../../test/support/problems.ts';
import { startTestServer, type TestServer } from '../../../../test/support/server.ts';
import type { DrilldownPage, MetricsReport, VolumeHeatmap } from '../../../shared/contracts/metrics.ts';

/** GET /api/v1/metrics, /heatmap and /drilldown through the real HTTP server (fixture: metrics-fixture.ts). */

let server: TestServer;
let api: Client;
let fx: MetricsFixture;
const PERIOD = 'from=2025-03-03&to=2025-03-16';

beforeAll(async () => {
  server = await startTestServer();
  api = serverWorkspace(server).api;
  fx = await buildMetricsFixture(server.app.database.pool, server.workspaceId);
}, 60_000);
afterAll(() => server?.close());

const metrics = async (query: string, client = api) =>
  expectStatus(await client.get<MetricsReport>(`/api/v1/metrics?${PERIOD}&${query}`), 200, query);

describe('GET /api/v1/metrics', () => {
  test('repeated query parameters reach the filters as lists (OR within, AND across)', async () => {
    // One channel: conv1, conv2, conv5 created by email; both channels: all 6.
    expect((await metrics('channel=email')).volume.created).toBe(3);
    expect((await metrics('channel=email&channel=chat')).volume.created).toBe(6);
    // Email or chat, tagged vip, agent B: first responses 300 and 600 → median 450 (as in the service test).
    const r = await metrics(`channel=email&channel=chat&tag=vip&agentId=${fx.agentB}`);
    expect(r.first_response).toMatchObject({ n: 2, median_seconds: 450 });
    expect(r.csat).toMatchObject({ n: 2, percent: 50 });
  });

  test('by, businessHours and compare as query flags; every role may read', async () => {
    const viewer = await addMember(server, api, 'viewer');
    const r = await metrics('by=week&businessHours=true&compare=true', viewer.session);
    expect(r.groups.map((g) => g.key)).toEqual(['2025-03-03', '2025-03-10']);
    expect(r.business_hours).toBe(true);
    expect(r.first_response).toMatchObject({ n: 3, median_seconds: 100 });
    expect(r.previous_period).toEqual({ from: '2025-02-17', to: '2025-03-02' });
    expect(r.csat.change?.significant).toBe(true);
  });

  test('bad dates and periods are 400 problems naming the field', async () => {
    expectProblem(await api.get('/api/v1/metrics?from=2025-03-10&to=2025-03-01'), 400, 'query.to');
    expectProblem(await api.get('/api/v1/metrics?from=2025-02-30&to=2025-03-01'), 400, 'query.from');
    expectProblem(await api.get('/api/v1/metrics?from=2025-03-01'), 400, 'query.to');
    expectProblem(await api.get('/api/v1/metrics?from=1e9&to=2025-03-01'), 400, 'query.from');
    expectProblem(await api.get('/api/v1/metrics?from=0001-01-01&to=0001-12-31'), 400, 'query.from');
    expectProblem(await api.get('/api/v1/metrics?from=2020-01-01&to=2023-06-01'), 400, 'query.to');
    expectProblem(await api.get(`/api/v1/metrics?${PERIOD}&by=weekday`), 400, 'query.by');
    expectProblem(await api.get(`/api/v1/metrics?${PERIOD}&channel=fax`), 400, 'query.channel.0');
    expectProblem(await api.get(`/api/v1/metrics?${PERIOD}&agentId=nobody`), 400, 'query.agentId.0');
    const segment = '01900000-0000-7000-8000-000000000000';
    expectProblem(await api.get(`/api/v1/metrics?${PERIOD}&segmentId=${segment}`), 400, 'query.segmentId');
  });
});

describe('GET /api/v1/metrics/heatmap', () => {
  test('168 cells, conversations created by local weekday and hour', async () => {
    const heatmap = expectStatus(await api.get<VolumeHeatmap>(`/api/v1/metrics/heatmap?${PERIOD}`), 200);
    expect(heatmap.cells).toHaveLength(168);
    const nonZero = heatmap.cells.filter((c) => c.created > 0).map((c) => [c.weekday, c.hour, c.created]);
    // Tokyo times: conv1 Mon 9:00, conv5 Mon 11:00, conv2 Tue 10:00, conv3 Wed 14:00, conv6 Wed 15:00, conv4 Thu 10:00.
    expect(nonZero).toEqual([
      [1, 9, 1],
      [1, 11, 1],
      [2, 10, 1],
      [3, 14, 1],
      [3, 15, 1],
      [4, 10, 1],
    ]);
    const email = expectStatus(await api.get<VolumeHeatmap>(`/api/v1/metrics/heatmap?${PERIOD}&channel=email`), 200);
    expect(email.cells.reduce((sum, c) => sum + c.created, 0)).toBe(3);
  });
});

describe('GET /api/v1/metrics/drilldown', () => {
  const drill = async (query: string) =>
    expectStatus(await api.get<DrilldownPage>(`/api/v1/metrics/drilldown?${PERIOD}&${query}`), 200, query);

  test('the items behind FCR: counted and not counted', async () => {
    const counted = await drill('metric=fcr&band=counted');
    expect(counted.total).toBe(1);
    expect(counted.data).toEqual([
      expect.objectContaining({
        kind: 'conversation',
        conversation_id: fx.conversations.conv1,
        cycle: 1,
        subject: 'Subject of conv1',
        contact_name: 'Customer P',
        agent_id: fx.agentA,
        agent_name: 'Aiko Agent',
        value: 1,
        at: '2025-03-03T01:00:00.000Z',
      }),
    ]);
    const notCounted = await drill('metric=fcr&band=not_counted');
    expect(notCounted.data.map((i) => i.conversation_id).sort()).toEqual(
      [fx.conversations.conv2, fx.conversations.conv3, fx.conversations.conv8].sort(),
    );
  });

  test('responses of one group, scored only, with comment and names', async () => {
    const chat = await drill('metric=csat&by=channel&key=chat');
    expect(chat.total).toBe(2);
    expect(chat.data.map((i) => i.value).sort()).toEqual([3, 4]);
    expect(chat.data[0]).toMatchObject({ kind: 'response', agent_name: 'Ben Agent', contact_name: 'Customer R' });
    const detractors = await drill('metric=nps&band=negative');
    expect(detractors.data.map((i) => i.value).sort()).toEqual([0, 6]);
  });

  test('keyset pages of reply times cover every reply once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const result: DrilldownPage = await drill(`metric=reply&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(result.total).toBe(7);
      seen.push(...result.data.map((i) => i.value ?? -1));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    expect(seen.sort((a, b) => a - b)).toEqual([60, 120, 300, 600, 900, 3600, 7200]);
    expectProblem(await api.get(`/api/v1/metrics/drilldown?${PERIOD}&metric=reply&cursor=nope`), 400, 'query.cursor');
    expectProblem(await api.get(`/api/v1/metrics/drilldown?${PERIOD}&metric=reply&band=counted`), 400, 'query.band');
    expectProblem(await api.get(`/api/v1/metrics/drilldown?${PERIOD}&metric=created&by=week&key=x`), 400, 'query.key');
  });

  test('backlog and created of one week', async () => {
    const backlog = await drill('metric=backlog&by=week&key=2025-03-03');
    expect(backlog.data.map((i) => i.conversation_id)).toEqual([fx.conversations.conv4]);
    const created = await drill('metric=created&by=week&key=2025-03-10');
    expect(created.total).toBe(2);
  });

  test('one cell of the heatmap: the conversations created on that local weekday and hour', async () => {
    // Tokyo times: conv1 Mon 9:00 (UTC Mon 0:00), conv5 Mon 11:00, conv2 Tue 10:00, conv4 Thu 10:00.
    const monday9 = await drill('metric=created&weekday=1&hour=9');
    expect(monday9.total).toBe(1);
    expect(monday9.data.map((i) => i.conversation_id)).toEqual([fx.conversations.conv1]);
    const monday = await drill('metric=created&weekday=1');
    expect(monday.data.map((i) => i.conversation_id).sort()).toEqual(
      [fx.conversations.conv1, fx.conversations.conv5].sort(),
    );
    const tenOclock = await drill('metric=created&hour=10');
    expect(tenOclock.data.map((i) => i.conversation_id).sort()).toEqual(
      [fx.conversations.conv2, fx.conversations.conv4].sort(),
    );
    // The UTC hour of conv1 (0:00) is not its local hour.
    expect((await drill('metric=created&weekday=1&hour=0')).total).toBe(0);
    // Every cell's drill-down holds as many conversations as the heatmap shows.
    const heatmap = expectStatus(await api.get<VolumeHeatmap>(`/api/v1/metrics/heatmap?${PERIOD}&channel=email`), 200);
    for (const cell of heatmap.cells.filter((c) => c.created > 0)) {
      const items = await drill(`metric=created&channel=email&weekday=${cell.weekday}&hour=${cell.hour}`);
      expect(items.total, `${cell.weekday} ${cell.hour}`).toBe(cell.created);
    }
    expectProblem(await api.get(`/api/v1/metrics/drilldown?${PERIOD}&metric=created&weekday=8`), 400, 'query.weekday');
    expectProblem(await api.get(`/api/v1/metrics/drilldown?${PERIOD}&metric=created&hour=24`), 400, 'query.hour');
  });
});
