import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { updateConversation } from '../../src/server/modules/conversations/service.ts';
import type { Calendar } from '../../src/shared/contracts/calendars.ts';
import type { Channel, Conversation } from '../../src/shared/contracts/conversations.ts';
import type { SlaBreach, SlaPolicy, SlaReport } from '../../src/shared/contracts/sla.ts';
import {
  addMember,
  addMessage,
  createCompany,
  createContact,
  createConversation,
  createTestWorkspace,
  expectStatus,
  getConversation,
  serverWorkspace,
  type TestMember,
  type TestWorkspace,
} from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { clock, createPolicy, targetsOf, tokyoWeekdays } from '../support/sla.ts';

const MINUTE = 60;
const HOUR = 3600;
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

const list = async (client: Client) =>
  expectStatus(await client.get<{ data: SlaPolicy[] }>('/api/v1/sla/policies'), 200).data;

describe('SLA policies API', () => {
  let calendar: Calendar;
  beforeAll(async () => {
    calendar = await tokyoWeekdays(api);
  });

  test('managers create, change, reorder and delete; everyone reads; the default is tried last', async () => {
    const vip = await createPolicy(manager.session, {
      name: 'VIP',
      conditions: { tags: ['vip'], priority: [] },
      firstResponseSeconds: 30 * MINUTE,
      resolutionSeconds: 4 * HOUR,
      calendarId: calendar.id,
    });
    expect(vip).toMatchObject({
      name: 'VIP',
      description: '',
      position: 0,
      enabled: true,
      isDefault: false,
      // Empty condition lists are dropped: the policy says only what it tests.
      conditions: { tags: ['vip'] },
      firstResponseSeconds: 1800,
      nextResponseSeconds: null,
      resolutionSeconds: 14_400,
      calendarId: calendar.id,
      warnAtPercent: 80,
    });
    const fallback = await createPolicy(api, { name: 'Everyone', isDefault: true, firstResponseSeconds: 8 * HOUR });
    const urgent = await createPolicy(api, {
      name: 'Urgent',
      conditions: { priority: ['urgent', 'high'] },
      firstResponseSeconds: HOUR,
      warnAtPercent: 50,
    });
    expect(urgent.position).toBe(2);
    expect((await list(agent.session)).map((p) => p.name)).toEqual(['VIP', 'Urgent', 'Everyone']);

    const patched = expectStatus(
      await manager.session.patch<SlaPolicy>(`/api/v1/sla/policies/${vip.id}`, {
        name: 'VIP customers',
        enabled: false,
      }),
      200,
    );
    expect(patched).toMatchObject({ name: 'VIP customers', enabled: false, firstResponseSeconds: 1800 });

    const reordered = expectStatus(
      await api.post<{ data: SlaPolicy[] }>('/api/v1/sla/policies/reorder', { ids: [fallback.id, urgent.id, vip.id] }),
      200,
    ).data;
    expect(reordered.map((p) => [p.name, p.position])).toEqual([
      ['Urgent', 1],
      ['VIP customers', 2],
      ['Everyone', 0],
    ]);

    expect((await manager.session.delete(`/api/v1/sla/policies/${vip.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/sla/policies/${vip.id}`)).status).toBe(404);
    expect((await list(api)).map((p) => p.name)).toEqual(['Urgent', 'Everyone']);
    for (const p of [urgent, fallback]) expect((await api.delete(`/api/v1/sla/policies/${p.id}`)).status).toBe(204);
  });

  test('bad input is a 4xx naming the field, and nothing is written', async () => {
    const valid = { name: 'Bad', firstResponseSeconds: HOUR };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ name: 'No target' }, 400, 'body.firstResponseSeconds'],
      [{ ...valid, name: '  ' }, 400, 'body.name'],
      [{ ...valid, firstResponseSeconds: 0 }, 400, 'body.firstResponseSeconds'],
      [{ ...valid, firstResponseSeconds: -60 }, 400, 'body.firstResponseSeconds'],
      [{ ...valid, resolutionSeconds: 90.5 }, 400, 'body.resolutionSeconds'],
      [{ ...valid, nextResponseSeconds: 366 * 86_400 }, 400, 'body.nextResponseSeconds'],
      [{ ...valid, warnAtPercent: 0 }, 400, 'body.warnAtPercent'],
      [{ ...valid, warnAtPercent: 100 }, 400, 'body.warnAtPercent'],
      [{ ...valid, calendarId: '0195f3a0-0000-7000-8000-000000000000' }, 400, 'body.calendarId'],
      [{ ...valid, calendarId: 'tokyo' }, 400, 'body.calendarId'],
      [{ ...valid, conditions: { priority: ['critical'] } }, 400, 'body.conditions.priority.0'],
      [{ ...valid, conditions: { channel: ['fax'] } }, 400, 'body.conditions.channel.0'],
      [{ ...valid, conditions: { tags: [''] } }, 400, 'body.conditions.tags.0'],
      [{ ...valid, isDefault: true, conditions: { tags: ['vip'] } }, 400, 'body.conditions'],
    ];
    for (const [body, status, field] of cases) {
      expectProblem(await manager.session.post('/api/v1/sla/policies', body), status, field);
    }
    expect(await list(api)).toEqual([]);

    const first = await createPolicy(api, { ...valid, name: 'Default', isDefault: true });
    expectProblem(await api.post('/api/v1/sla/policies', { ...valid, isDefault: true }), 409, 'body.isDefault');
    const other = await createPolicy(api, { ...valid, name: 'Other' });
    expectProblem(await api.patch(`/api/v1/sla/policies/${other.id}`, { isDefault: true }), 409, 'body.isDefault');
    expectProblem(
      await api.patch(`/api/v1/sla/policies/${other.id}`, { firstResponseSeconds: null }),
      400,
      'body.firstResponseSeconds',
    );
    expectProblem(
      await api.patch(`/api/v1/sla/policies/${other.id}`, { warnAtPercent: 120 }),
      400,
      'body.warnAtPercent',
    );
    expect((await api.get<SlaPolicy>(`/api/v1/sla/policies/${other.id}`)).body).toEqual(other);

    // Reorder: every policy once, only policies of this workspace.
    expectProblem(await api.post('/api/v1/sla/policies/reorder', { ids: [first.id] }), 400, 'body.ids');
    expectProblem(
      await api.post('/api/v1/sla/policies/reorder', { ids: [first.id, other.id, other.id] }),
      400,
      'body.ids.2',
    );
    expectProblem(
      await api.post('/api/v1/sla/policies/reorder', { ids: [first.id, '0195f3a0-0000-7000-8000-000000000000'] }),
      400,
      'body.ids.1',
    );

    // Roles: agents and viewers read, only managers and above write.
    expectProblem(await agent.session.post('/api/v1/sla/policies', valid), 403);
    expectProblem(await agent.session.patch(`/api/v1/sla/policies/${other.id}`, { name: 'x' }), 403);
    expectProblem(await agent.session.delete(`/api/v1/sla/policies/${other.id}`), 403);
    expectProblem(await agent.session.post('/api/v1/sla/policies/reorder', { ids: [] }), 403);

    // Another workspace's policy is a 404 everywhere.
    const stranger = await createTestWorkspace(server);
    expectProblem(await stranger.api.get(`/api/v1/sla/policies/${other.id}`), 404);
    expectProblem(await stranger.api.patch(`/api/v1/sla/policies/${other.id}`, { name: 'Mine' }), 404);
    expectProblem(await stranger.api.delete(`/api/v1/sla/policies/${other.id}`), 404);
    expectProblem(await stranger.api.post('/api/v1/sla/policies/reorder', { ids: [other.id] }), 400, 'body.ids.0');
    expect((await api.get<SlaPolicy>(`/api/v1/sla/policies/${other.id}`)).body.name).toBe('Other');

    // A calendar SLA deadlines count in is not deleted.
    const timed = await createPolicy(api, { ...valid, name: 'Timed', calendarId: calendar.id });
    expectProblem(await api.delete(`/api/v1/calendars/${calendar.id}`), 409, 'params.id');
    for (const p of [first, other, timed]) await api.delete(`/api/v1/sla/policies/${p.id}`);
  });
});

describe('which policy applies', () => {
  let ws: TestWorkspace;
  const policies: Record<string, SlaPolicy> = {};
  beforeAll(async () => {
    ws = await createTestWorkspace(server);
    const make = async (name: string, input: Record<string, unknown>) => {
      policies[name] = await createPolicy(ws.api, { name, firstResponseSeconds: HOUR, ...input });
    };
    await make('VIP', { conditions: { tags: ['vip'] } });
    await make('Urgent', { conditions: { priority: ['urgent'] } });
    await make('Enterprise plan', { conditions: { companyPlan: ['enterprise'] } });
    await make('Gold tier', { conditions: { companyTier: ['gold'], channel: ['email', 'chat'] } });
    await make('Phone (off)', { conditions: { channel: ['phone'] }, enabled: false });
    await make('Default', { isDefault: true });
  });

  const policyOf = async (input: Record<string, unknown>) => {
    const conversation = await createConversation(ws.api, { message: { body: 'Hello' }, ...input });
    const first = conversation.slaTargets.find((t) => t.kind === 'first_response');
    return first ? first.policyName : null;
  };

  test('the first matching policy in order wins; otherwise the default', async () => {
    expect(await policyOf({ tags: ['vip'], priority: 'urgent' })).toBe('VIP');
    expect(await policyOf({ tags: ['VIP'] })).toBe('VIP');
    expect(await policyOf({ priority: 'urgent' })).toBe('Urgent');
    expect(await policyOf({ priority: 'high' })).toBe('Default');

    const enterprise = await createCompany(ws.api, { plan: 'Enterprise' });
    const gold = await createCompany(ws.api, { plan: 'Starter', attributes: { tier: 'Gold' } });
    const atEnterprise = await createContact(ws.api, { companyId: enterprise.id });
    const atGold = await createContact(ws.api, { companyId: gold.id });
    expect(await policyOf({ customer: { contactId: atEnterprise.id } })).toBe('Enterprise plan');
    expect(await policyOf({ customer: { contactId: atGold.id }, channel: 'chat' })).toBe('Gold tier');
    // Every listed field must hold: tier gold but on the phone channel is not "Gold tier".
    expect(await policyOf({ customer: { contactId: atGold.id }, channel: 'phone' })).toBe('Default');

    // Reordered: Urgent is tried before VIP.
    const order = [policies.Urgent, policies.VIP, policies['Enterprise plan'], policies['Gold tier']];
    await ws.api.post('/api/v1/sla/policies/reorder', {
      ids: [...order, policies['Phone (off)'], policies.Default].map((p) => p?.id),
    });
    expect(await policyOf({ tags: ['vip'], priority: 'urgent' })).toBe('Urgent');

    // No default: a conversation no policy matches has no clock.
    await ws.api.patch(`/api/v1/sla/policies/${policies.Default?.id}`, { enabled: false });
    const none = await createConversation(ws.api, { message: { body: 'Hello' } });
    expect(none).toMatchObject({ slaDueAt: null, slaTargets: [] });
    await ws.api.patch(`/api/v1/sla/policies/${policies.Default?.id}`, { enabled: true });
  });

  test('a priority change selects the policy again and keeps the time already spent', async () => {
    const standard = await createPolicy(ws.api, {
      name: 'Standard email',
      conditions: { channel: ['email'], priority: ['normal', 'high'] },
      firstResponseSeconds: 2 * HOUR,
      resolutionSeconds: 8 * HOUR,
    });
    const critical = await createPolicy(ws.api, {
      name: 'Critical',
      conditions: { priority: ['urgent'] },
      firstResponseSeconds: 30 * MINUTE,
      resolutionSeconds: 4 * HOUR,
    });
    // Standard before Urgent/VIP/…: put the two new ones first.
    const all = await list(ws.api);
    const rest = all.filter((p) => p.id !== standard.id && p.id !== critical.id).map((p) => p.id);
    await ws.api.post('/api/v1/sla/policies/reorder', { ids: [critical.id, standard.id, ...rest] });

    const conversation = await createConversation(ws.api, {
      createdAt: '2025-06-02T01:00:00.000Z',
      message: { body: 'The app crashes on start.' },
    });
    expect((await clock(ws.api, conversation.id, 'first_response')).dueAt).toBe('2025-06-02T03:00:00.000Z');
    // 20 minutes later it becomes urgent: 30 min − 20 min spent = 10 min left → 01:30;
    // resolution: 4 h − 20 min = 3 h 40 min left → 05:00. Calendar time (no calendar).
    await updateConversation(
      server.app.db,
      ws.workspaceId,
      conversation.id,
      { type: 'system', id: null },
      { priority: 'urgent' },
      new Date('2025-06-02T01:20:00.000Z'),
    );
    const after = await getConversation(ws.api, conversation.id);
    expect(after.slaTargets.map((t) => [t.kind, t.policyName, t.targetSeconds, t.dueAt])).toEqual([
      ['first_response', 'Critical', 1800, '2025-06-02T01:30:00.000Z'],
      ['resolution', 'Critical', 14_400, '2025-06-02T05:00:00.000Z'],
    ]);
    // Deleting the policy withdraws its open clocks.
    await ws.api.delete(`/api/v1/sla/policies/${critical.id}`);
    expect(await getConversation(ws.api, conversation.id)).toMatchObject({ slaDueAt: null, slaTargets: [] });
    expect((await targetsOf(server.app, conversation.id)).map((t) => t.status)).toEqual(['cancelled', 'cancelled']);
  });
});

describe('attainment, breach list and export', () => {
  let ws: TestWorkspace;
  let owner: string;
  let member: string;
  beforeAll(async () => {
    ws = await createTestWorkspace(server);
    owner = ws.owner.id;
    member = (await addMember(server, ws.api, 'agent', 'Agent Two')).id;
    // Calendar time: first response 1 h, next response 30 min, resolution 4 h.
    await createPolicy(ws.api, {
      name: 'Simple',
      isDefault: true,
      firstResponseSeconds: HOUR,
      nextResponseSeconds: 30 * MINUTE,
      resolutionSeconds: 4 * HOUR,
    });
    const story = async (
      day: string,
      assigneeId: string,
      channel: Channel,
      steps: [string, 'reply' | 'customer' | 'resolve'][],
    ) => {
      const conversation = await createConversation(ws.api, {
        channel,
        assigneeId,
        createdAt: `${day}T10:00:00.000Z`,
        message: { body: 'Help' },
      });
      for (const [time, step] of steps) {
        const createdAt = `${day}T${time}:00.000Z`;
        if (step === 'customer') await addMessage(ws.api, conversation.id, { kind: 'customer', createdAt });
        else
          await addMessage(ws.api, conversation.id, {
            kind: 'reply',
            authorId: assigneeId,
            createdAt,
            ...(step === 'resolve' ? { status: 'resolved' } : {}),
          });
      }
      return conversation;
    };
    // C1 (owner, email): reply 10:30 (first response met), resolved 12:00 (resolution met).
    await story('2025-10-06', owner, 'email', [
      ['10:30', 'reply'],
      ['12:00', 'resolve'],
    ]);
    // C2 (owner, email): reply 11:30 — first response breached at 11:00, met late; resolved 13:00 (met).
    await story('2025-10-07', owner, 'email', [
      ['11:30', 'reply'],
      ['13:00', 'resolve'],
    ]);
    // C3 (Agent Two, email): reply 10:20 (met); customer 10:40 → next response due 11:10; reply 11:30
    // (breached at 11:10); resolved 15:00 (resolution breached at 14:00).
    await story('2025-10-08', member, 'email', [
      ['10:20', 'reply'],
      ['10:40', 'customer'],
      ['11:30', 'reply'],
      ['15:00', 'resolve'],
    ]);
    // C4 (Agent Two, chat): resolved 10:30 without a reply: first response cancelled (not counted), resolution met.
    const c4 = await createConversation(ws.api, {
      channel: 'chat',
      assigneeId: member,
      createdAt: '2025-10-09T10:00:00.000Z',
      message: { body: 'Never mind' },
    });
    await updateConversation(
      server.app.db,
      ws.workspaceId,
      c4.id,
      { type: 'user', id: member },
      { status: 'resolved' },
      new Date('2025-10-09T10:30:00.000Z'),
    );
  });

  const report = async (query: string) =>
    expectStatus(await ws.api.get<SlaReport>(`/api/v1/metrics/sla?from=2025-10-01&to=2025-10-31${query}`), 200);

  test('attainment per target = met ÷ (met + breached), with Wilson intervals', async () => {
    const sla = await report('');
    // First response: met C1, C3; breached C2 → 2 of 3 = 66.67 %.
    expect(sla.first_response).toMatchObject({ applied: 3, met: 2, breached: 1 });
    expect(sla.first_response.attainment_percent).toBeCloseTo(200 / 3, 10);
    // Wilson, z = 1.96, n = 3, p = 2/3: centre (p + z²/2n)/(1 + z²/n) = 0.5731,
    // half-width z/(1 + z²/n)·√(p(1−p)/n + z²/4n²) = 0.3654 → 20.77 %–93.85 %.
    expect(sla.first_response.ci95?.[0]).toBeCloseTo(20.77, 2);
    expect(sla.first_response.ci95?.[1]).toBeCloseTo(93.85, 2);
    // Next response: C3's only, breached → 0 of 1.
    expect(sla.next_response).toMatchObject({ applied: 1, met: 0, breached: 1, attainment_percent: 0 });
    // Resolution: met C1, C2, C4; breached C3 → 3 of 4 = 75 %.
    expect(sla.resolution).toMatchObject({ applied: 4, met: 3, breached: 1, attainment_percent: 75 });
    // All together: 5 met of 8 = 62.5 %.
    expect(sla.all).toMatchObject({ applied: 8, met: 5, breached: 3, attainment_percent: 62.5 });
    expect(sla.groups).toEqual([]);

    const byAgent = await report('&by=agent');
    // Owner: C1 ×2 met, C2 first response breached, C2 resolution met → 3 of 4.
    // Agent Two: C3 first response met, next response and resolution breached, C4 resolution met → 2 of 4.
    expect(byAgent.groups.map((g) => [g.label, g.all.met, g.all.breached, g.all.attainment_percent])).toEqual([
      ['Agent Two', 2, 2, 50],
      [expect.stringMatching(/^Owner of /), 3, 1, 75],
    ]);
    const byChannel = await report('&by=channel');
    expect(byChannel.groups.map((g) => [g.key, g.all.met, g.all.breached])).toEqual([
      ['email', 4, 3],
      ['chat', 1, 0],
    ]);
    const byPolicy = await report('&by=policy');
    expect(byPolicy.groups.map((g) => [g.label, g.all.applied])).toEqual([['Simple', 8]]);
    // A filter applies to the targets' snapshot: chat only.
    expect((await report('&channel=chat')).all).toMatchObject({ applied: 1, met: 1 });
    const byDay = await report('&by=day');
    expect(byDay.groups).toHaveLength(31);
    expect(byDay.groups.find((g) => g.key === '2025-10-08')?.all).toMatchObject({ met: 1, breached: 2 });
    // Outside the period nothing counts.
    const september = expectStatus(
      await ws.api.get<SlaReport>('/api/v1/metrics/sla?from=2025-09-01&to=2025-09-30'),
      200,
    );
    expect(september.all).toMatchObject({ applied: 0, attainment_percent: null, ci95: null });
    expectProblem(await ws.api.get('/api/v1/metrics/sla?from=2025-10-31&to=2025-10-01'), 400, 'query.to');
    expectProblem(await ws.api.get('/api/v1/metrics/sla?from=2025-10-01&to=2025-10-31&by=moon'), 400, 'query.by');
    expectProblem(await ws.api.get('/api/v1/metrics/sla?to=2025-10-31'), 400, 'query.from');
  });

  test('the breach list, newest first, paginated, and its CSV export', async () => {
    const first = expectStatus(
      await ws.api.get<{ data: SlaBreach[]; nextCursor: string | null }>(
        '/api/v1/sla/breaches?from=2025-10-01&to=2025-10-31&limit=2',
      ),
      200,
    );
    expect(first.data.map((b) => [b.kind, b.dueAt, b.breachedAt, b.metAt])).toEqual([
      ['resolution', '2025-10-08T14:00:00.000Z', '2025-10-08T14:00:00.000Z', '2025-10-08T15:00:00.000Z'],
      ['next_response', '2025-10-08T11:10:00.000Z', '2025-10-08T11:10:00.000Z', '2025-10-08T11:30:00.000Z'],
    ]);
    expect(first.data[0]).toMatchObject({ policyName: 'Simple', agentName: 'Agent Two', channel: 'email', cycle: 1 });
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = expectStatus(
      await ws.api.get<{ data: SlaBreach[]; nextCursor: string | null }>(
        `/api/v1/sla/breaches?from=2025-10-01&to=2025-10-31&limit=2&cursor=${first.nextCursor}`,
      ),
      200,
    );
    expect(second.data.map((b) => [b.kind, b.breachedAt])).toEqual([['first_response', '2025-10-07T11:00:00.000Z']]);
    expect(second.nextCursor).toBeNull();
    const onlyResolution = expectStatus(
      await ws.api.get<{ data: SlaBreach[] }>('/api/v1/sla/breaches?from=2025-10-01&to=2025-10-31&kind=resolution'),
      200,
    );
    expect(onlyResolution.data).toHaveLength(1);
    expectProblem(
      await ws.api.get('/api/v1/sla/breaches?from=2025-10-01&to=2025-10-31&cursor=nope'),
      400,
      'query.cursor',
    );
    expectProblem(await ws.api.get('/api/v1/sla/breaches?from=2025-10-01&to=2025-10-31&kind=lunch'), 400, 'query.kind');

    const csv = await ws.api.get('/api/v1/exports/sla-breaches.csv?from=2025-10-01&to=2025-10-31');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'conversation_id,external_id,subject,customer_name,customer_email,channel,team,agent_email,policy,target,sequence,cycle,target_seconds,started_at,due_at,breached_at,met_at,late_seconds',
    );
    // late_seconds = met − due: 60 min, 20 min, 30 min.
    expect(lines.slice(1).map((line) => line.split(',').slice(9).join(','))).toEqual([
      'resolution,1,1,14400,2025-10-08T10:00:00.000Z,2025-10-08T14:00:00.000Z,2025-10-08T14:00:00.000Z,2025-10-08T15:00:00.000Z,3600',
      'next_response,1,1,1800,2025-10-08T10:40:00.000Z,2025-10-08T11:10:00.000Z,2025-10-08T11:10:00.000Z,2025-10-08T11:30:00.000Z,1200',
      'first_response,1,1,3600,2025-10-07T10:00:00.000Z,2025-10-07T11:00:00.000Z,2025-10-07T11:00:00.000Z,2025-10-07T11:30:00.000Z,1800',
    ]);
    const withBom = await fetch(
      `${server.url}/api/v1/exports/sla-breaches.csv?from=2025-10-01&to=2025-10-31&bom=true`,
      {
        headers: { authorization: `Bearer ${ws.apiKey}` },
      },
    );
    const bytes = new Uint8Array(await withBom.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expectProblem(await ws.api.get('/api/v1/exports/sla-breaches.csv?from=2025-10-01'), 400, 'query.to');
    const agentOfWs = await addMember(server, ws.api, 'agent');
    expectProblem(await agentOfWs.session.get('/api/v1/exports/sla-breaches.csv?from=2025-10-01&to=2025-10-31'), 403);
  });
});

describe('the inbox: due time, sort and filter', () => {
  test('sort=sla_due puts the nearest deadline first; sla=running|due_soon|breached filter', async () => {
    const ws = await createTestWorkspace(server);
    await createPolicy(ws.api, { name: 'One hour', isDefault: true, firstResponseSeconds: HOUR });
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    // Overdue (created 3 h ago), warned (50 min ago: warning at 48 min), fresh (due in an hour).
    const overdue = await createConversation(ws.api, { createdAt: ago(180), message: { body: 'a' } });
    const warned = await createConversation(ws.api, { createdAt: ago(50), message: { body: 'b' } });
    const fresh = await createConversation(ws.api, { message: { body: 'c' } });
    const answered = await createConversation(ws.api, { createdAt: ago(20), message: { body: 'd' } });
    await addMessage(ws.api, answered.id, { kind: 'reply', body: 'Hi' });
    const ids = async (query: string) =>
      expectStatus(await ws.api.get<{ data: Conversation[] }>(`/api/v1/conversations?${query}`), 200).data.map(
        (c) => c.id,
      );
    expect(await ids('sort=sla_due&sla=running')).toEqual([overdue.id, warned.id, fresh.id]);
    expect(await ids('sort=sla_due&sla=due_soon')).toEqual([overdue.id, warned.id]);
    expect(await ids('sla=breached')).toEqual([overdue.id]);
    // Without a filter, conversations without a deadline come last; pages follow the same order.
    expect(await ids('sort=sla_due')).toEqual([overdue.id, warned.id, fresh.id, answered.id]);
    const page1 = expectStatus(
      await ws.api.get<{ data: Conversation[]; nextCursor: string }>('/api/v1/conversations?sort=sla_due&limit=3'),
      200,
    );
    const page2 = expectStatus(
      await ws.api.get<{ data: Conversation[] }>(
        `/api/v1/conversations?sort=sla_due&limit=3&cursor=${page1.nextCursor}`,
      ),
      200,
    );
    expect(page2.data.map((c) => c.id)).toEqual([answered.id]);
    expectProblem(await ws.api.get('/api/v1/conversations?sort=due'), 400, 'query.sort');
    expectProblem(await ws.api.get('/api/v1/conversations?sla=late'), 400, 'query.sla');
  });
});
