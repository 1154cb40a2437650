import { describe, expect, test } from 'vitest';
import { createApiKey, createTeam, expectStatus } from '../../../../test/support/factories.ts';
import { apiClient, type Client } from '../../../../test/support/http.ts';
import { insightsApi } from '../../../../test/support/insights-api.ts';
import { expectProblem } from '../../../../test/support/problems.ts';
import type { Annotation, Goal, MetricReferences } from '../../../shared/contracts/metrics.ts';

let agent: Client;
let viewer: Client;
let manager: Client;

const fixture = insightsApi(async ({ server, ws }) => {
  const key = async (role: 'agent' | 'viewer' | 'manager') =>
    apiClient(server.url, (await createApiKey(ws.api, { role })).key ?? '');
  [agent, viewer, manager] = [await key('agent'), await key('viewer'), await key('manager')];
});

const HOUR = 3600;
const byMetric = (refs: MetricReferences) => Object.fromEntries(refs.references.map((r) => [r.metric, r]));

describe('metric references', () => {
  test('none chosen at first; each industry gives its speed targets and the CSAT band', async () => {
    expect(expectStatus(await viewer.get<MetricReferences>('/api/v1/metrics/references'), 200)).toEqual({
      industry: null,
      references: [],
    });
    const expected = { it_services: [2, 8], finance: [4, 24], retail: [24, 48] } as const;
    for (const [industry, [firstReply, resolution]] of Object.entries(expected)) {
      const refs = expectStatus(
        await manager.put<MetricReferences>('/api/v1/metrics/references', { industry }),
        200,
        industry,
      );
      expect(refs.industry).toBe(industry);
      expect(byMetric(refs)).toEqual({
        'csat.percent': { metric: 'csat.percent', low: 70, high: 80, target: 80, source: 'industry' },
        'first_response.median_seconds': {
          metric: 'first_response.median_seconds',
          low: null,
          high: null,
          target: firstReply * HOUR,
          source: 'industry',
        },
        'resolution.median_seconds': {
          metric: 'resolution.median_seconds',
          low: null,
          high: null,
          target: resolution * HOUR,
          source: 'industry',
        },
      });
      expect(await viewer.get('/api/v1/metrics/references').then((r) => r.body)).toEqual(refs);
    }
  });

  test('a custom entry replaces the industry’s for its metric; no industry leaves only the custom ones', async () => {
    await fixture.server.app.database.pool.query(
      `update workspaces set settings = settings || '{"fcrWindowHours": 48}'::jsonb where id = $1`,
      [fixture.ws.workspaceId],
    );
    const refs = expectStatus(
      await fixture.ws.api.put<MetricReferences>('/api/v1/metrics/references', {
        industry: 'finance',
        custom: [
          { metric: 'first_response.median_seconds', target: 1800 },
          { metric: 'nps.score', low: 0, high: 30, target: 40 },
        ],
      }),
      200,
    );
    const refsByMetric = byMetric(refs);
    expect(refsByMetric['first_response.median_seconds']).toEqual({
      metric: 'first_response.median_seconds',
      low: null,
      high: null,
      target: 1800,
      source: 'custom',
    });
    expect(refsByMetric['resolution.median_seconds']).toMatchObject({ target: 24 * HOUR, source: 'industry' });
    expect(refsByMetric['nps.score']).toMatchObject({ low: 0, high: 30, target: 40, source: 'custom' });
    expect(refs.references).toHaveLength(4);

    const custom = expectStatus(
      await fixture.ws.api.put<MetricReferences>('/api/v1/metrics/references', {
        industry: null,
        custom: [{ metric: 'csat.percent', target: 90 }],
      }),
      200,
    );
    expect(custom).toEqual({
      industry: null,
      references: [{ metric: 'csat.percent', low: null, high: null, target: 90, source: 'custom' }],
    });
    // Other workspace settings stay.
    const { rows } = await fixture.server.app.database.pool.query(
      `select settings->>'fcrWindowHours' as hours from workspaces where id = $1`,
      [fixture.ws.workspaceId],
    );
    expect(rows[0]).toEqual({ hours: '48' });
  });

  test('bad input and roles', async () => {
    expectProblem(await fixture.ws.api.put('/api/v1/metrics/references', { industry: 'mining' }), 400, 'body.industry');
    expectProblem(
      await fixture.ws.api.put('/api/v1/metrics/references', { industry: null, custom: [{ metric: 'csat.median' }] }),
      400,
      'body.custom.0.metric',
    );
    expectProblem(await agent.put('/api/v1/metrics/references', { industry: 'retail' }), 403);
  });
});

describe('goals', () => {
  const base = { metric: 'csat.percent', startsOn: '2026-04-01', endsOn: '2026-04-30', target: 80 };

  test('create, list, read, change and delete', async () => {
    const created = expectStatus(await manager.post<Goal>('/api/v1/goals', base), 201, 'create');
    expect(created).toMatchObject({ ...base, scope: 'workspace', scopeValue: '' });
    const team = await createTeam(fixture.ws.api);
    const teamGoal = expectStatus(
      await fixture.ws.api.post<Goal>('/api/v1/goals', {
        metric: 'first_response.median_seconds',
        scope: 'team',
        scopeValue: team.id,
        startsOn: '2026-05-01',
        endsOn: '2026-05-31',
        target: 7200,
      }),
      201,
    );
    const channelGoal = expectStatus(
      await fixture.ws.api.post<Goal>('/api/v1/goals', { ...base, scope: 'channel', scopeValue: 'chat', target: 85 }),
      201,
    );
    const list = expectStatus(await viewer.get<{ data: Goal[] }>('/api/v1/goals'), 200);
    // Latest period first; within a period by metric, then oldest first.
    expect(list.data.map((g) => g.id)).toEqual([teamGoal.id, created.id, channelGoal.id]);
    expect(expectStatus(await viewer.get<Goal>(`/api/v1/goals/${created.id}`), 200)).toEqual(created);

    const changed = expectStatus(
      await manager.patch<Goal>(`/api/v1/goals/${teamGoal.id}`, { target: 3600, scope: 'workspace' }),
      200,
    );
    expect(changed).toMatchObject({ target: 3600, scope: 'workspace', scopeValue: '', startsOn: '2026-05-01' });

    expect((await manager.delete(`/api/v1/goals/${channelGoal.id}`)).status).toBe(204);
    expectProblem(await manager.delete(`/api/v1/goals/${channelGoal.id}`), 404);
    expectProblem(await viewer.get(`/api/v1/goals/${channelGoal.id}`), 404);
  });

  test('bad goals are refused naming the field, and nothing is written', async () => {
    const before = expectStatus(await fixture.ws.api.get<{ data: Goal[] }>('/api/v1/goals'), 200).data.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, endsOn: '2026-03-31' }, 'body.endsOn'],
      [{ ...base, scopeValue: 'chat' }, 'body.scopeValue'],
      [{ ...base, scope: 'team', scopeValue: '018f0000-0000-7000-8000-000000000000' }, 'body.scopeValue'],
      [{ ...base, scope: 'team', scopeValue: 'support' }, 'body.scopeValue'],
      [{ ...base, scope: 'channel', scopeValue: 'fax' }, 'body.scopeValue'],
      [{ ...base, metric: 'csat.median' }, 'body.metric'],
      [{ ...base, startsOn: '2026-02-30' }, 'body.startsOn'],
      [{ ...base, target: 'high' }, 'body.target'],
      [{ ...base, target: 101 }, 'body.target'],
      [{ ...base, metric: 'nps.score', target: -101 }, 'body.target'],
      [{ ...base, metric: 'first_response.median_seconds', target: -1 }, 'body.target'],
    ];
    for (const [body, field] of cases) expectProblem(await fixture.ws.api.post('/api/v1/goals', body), 400, field);
    const goal = expectStatus(await fixture.ws.api.post<Goal>('/api/v1/goals', base), 201);
    expectProblem(
      await fixture.ws.api.patch(`/api/v1/goals/${goal.id}`, { startsOn: '2026-05-01' }),
      400,
      'body.endsOn',
    );
    expectProblem(await fixture.ws.api.patch(`/api/v1/goals/${goal.id}`, { scope: 'team' }), 400, 'body.scopeValue');
    expect(expectStatus(await fixture.ws.api.get<Goal>(`/api/v1/goals/${goal.id}`), 200)).toEqual(goal);
    expect(expectStatus(await fixture.ws.api.get<{ data: Goal[] }>('/api/v1/goals'), 200).data).toHaveLength(
      before + 1,
    );
    // Writes are for managers and above.
    expectProblem(await agent.post('/api/v1/goals', base), 403);
    expectProblem(await agent.patch(`/api/v1/goals/${goal.id}`, { target: 1 }), 403);
    expectProblem(await agent.delete(`/api/v1/goals/${goal.id}`), 403);
  });
});

describe('annotations', () => {
  test('pin notes to days, list within from…to, delete', async () => {
    const launch = expectStatus(
      await manager.post<Annotation>('/api/v1/annotations', { day: '2026-04-10', label: ' キャンペーン開始 ' }),
      201,
    );
    expect(launch).toMatchObject({ day: '2026-04-10', label: 'キャンペーン開始' });
    const outage = expectStatus(
      await fixture.ws.api.post<Annotation>('/api/v1/annotations', { day: '2026-04-02', label: 'Outage' }),
      201,
    );
    await fixture.ws.api.post('/api/v1/annotations', { day: '2026-05-01', label: 'Next month' });
    const april = expectStatus(
      await viewer.get<{ data: Annotation[] }>('/api/v1/annotations?from=2026-04-01&to=2026-04-30'),
      200,
    );
    expect(april.data.map((a) => a.label)).toEqual(['Outage', 'キャンペーン開始']);
    expect(expectStatus(await viewer.get<{ data: Annotation[] }>('/api/v1/annotations'), 200).data).toHaveLength(3);

    expectProblem(
      await fixture.ws.api.post('/api/v1/annotations', { day: '2026-04-10', label: '  ' }),
      400,
      'body.label',
    );
    expectProblem(await fixture.ws.api.post('/api/v1/annotations', { day: '10/04/2026', label: 'x' }), 400, 'body.day');
    expectProblem(await fixture.ws.api.get('/api/v1/annotations?from=2026-05-01&to=2026-04-01'), 400, 'query.to');
    expectProblem(await agent.post('/api/v1/annotations', { day: '2026-04-10', label: 'x' }), 403);
    expectProblem(await agent.delete(`/api/v1/annotations/${outage.id}`), 403);

    expect((await manager.delete(`/api/v1/annotations/${outage.id}`)).status).toBe(204);
    expectProblem(await manager.delete(`/api/v1/annotations/${outage.id}`), 404);
    const after = expectStatus(
      await viewer.get<{ data: Annotation[] }>('/api/v1/annotations?from=2026-04-01&to=2026-04-30'),
      200,
    );
    expect(after.data.map((a) => a.id)).toEqual([launch.id]);
  });
});
