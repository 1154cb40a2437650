import { eq } from 'drizzle-orm';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { notifications } from '../../src/server/db/schema/index.ts';
import { dispatchPendingEvents } from '../../src/server/modules/events/dispatch.ts';
import { eventHandlers } from '../../src/server/modules/events/handlers.ts';
import { invitationToken, linkToken } from '../../src/server/modules/surveys/tokens.ts';
import { apiRoutes } from '../../src/server/routes.ts';
import { RESPONSE_IMPORT_COLUMNS } from '../../src/shared/contracts/exports.ts';
import type { Me } from '../../src/shared/contracts/workspaces.ts';
import {
  addMember,
  addMessage,
  createApiKey,
  createCompany,
  createContact,
  createConversation,
  createInvitation,
  createReplyScript,
  createTeam,
  createTestWorkspace,
  expectStatus,
  loginSession,
  type TestWorkspace,
  unique,
} from '../support/factories.ts';
import { apiClient, type Client, sessionClient } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { answer, offerLink } from '../support/surveys.ts';

/**
 * "Every object of another workspace answers 404, for every endpoint": workspace B
 * calls every route of apiRoutes that takes an id with the ids of workspace A's objects.
 */

let server: TestServer;
let a: TestWorkspace;
let b: TestWorkspace;
let bSession: Client;
const ids = {} as Record<
  | 'contact'
  | 'otherContact'
  | 'company'
  | 'conversation'
  | 'message'
  | 'team'
  | 'invitation'
  | 'apiKey'
  | 'script'
  | 'member'
  | 'survey'
  | 'segment'
  | 'email'
  | 'suppressedEmail'
  | 'response'
  | 'calendar'
  | 'goal'
  | 'annotation'
  | 'automationRule'
  | 'webhook'
  | 'webhookDelivery'
  | 'notification'
  | 'recoveryCase'
  | 'slaPolicy'
  | 'actionItem'
  | 'importJob',
  string
>;
let aContactEmail: string;
let aSearchWord: string;
const bIds = {} as Record<'contact' | 'conversation' | 'script' | 'survey', string>;
/** A genuine answer token of A's survey. */
let aToken: string;

/** Which of A's objects a path takes, by the path's prefix. A new prefix must be added here. */
const ID_BY_PREFIX: [string, keyof typeof ids][] = [
  ['/api/v1/members/', 'member'],
  ['/api/v1/teams/', 'team'],
  ['/api/v1/invitations/', 'invitation'],
  ['/api/v1/api-keys/', 'apiKey'],
  ['/api/v1/contacts/', 'contact'],
  ['/api/v1/companies/', 'company'],
  ['/api/v1/conversations/', 'conversation'],
  ['/api/v1/reply-scripts/', 'script'],
  ['/api/v1/surveys/', 'survey'],
  ['/api/v1/survey-responses/', 'response'],
  ['/api/v1/segments/', 'segment'],
  ['/api/v1/outbox/', 'email'],
  ['/api/v1/email-suppressions/', 'suppressedEmail'],
  ['/api/v1/calendars/', 'calendar'],
  ['/api/v1/goals/', 'goal'],
  ['/api/v1/annotations/', 'annotation'],
  ['/api/v1/automation/rules/', 'automationRule'],
  ['/api/v1/webhooks/deliveries/', 'webhookDelivery'],
  ['/api/v1/webhooks/', 'webhook'],
  ['/api/v1/notifications/', 'notification'],
  ['/api/v1/recovery/cases/', 'recoveryCase'],
  ['/api/v1/sla/policies/', 'slaPolicy'],
  ['/api/v1/recovery/action-items/', 'actionItem'],
  ['/api/v1/imports/', 'importJob'],
];

/** Path parameters the walk fills in: ids, and the address of a suppressed email. */
const PARAM = /\{(id|email)\}/;

/** A valid body for each route that takes one, so the 404 comes from the lookup, not from validation. */
function sampleBody(route: { method: string; path: string }): unknown {
  const bodies: Record<string, unknown> = {
    'PATCH /api/v1/members/{id}': { role: 'viewer' },
    'POST /api/v1/webhooks/{id}/rotate-secret': { previousSecretHours: 24 },
    'PATCH /api/v1/teams/{id}': { name: unique('renamed'), memberIds: [] },
    'PATCH /api/v1/contacts/{id}': { name: 'Renamed', emails: [] },
    'POST /api/v1/contacts/{id}/merge': { sourceId: bIds.contact },
    'PATCH /api/v1/companies/{id}': { name: 'Renamed', domain: null },
    'PATCH /api/v1/conversations/{id}': { status: 'resolved', priority: 'urgent', tags: ['x'] },
    'POST /api/v1/conversations/{id}/messages': { kind: 'reply', body: 'Hello from B' },
    'PATCH /api/v1/reply-scripts/{id}': { name: 'Renamed' },
    'POST /api/v1/reply-scripts/{id}/render': { conversationId: bIds.conversation },
    'PATCH /api/v1/surveys/{id}': { name: 'Renamed' },
    'POST /api/v1/surveys/{id}/send': { contactId: bIds.contact },
    'PATCH /api/v1/segments/{id}': { name: 'Renamed', filter: {} },
    'PATCH /api/v1/calendars/{id}': { name: 'Renamed', isDefault: true },
    'PUT /api/v1/calendars/{id}/holidays': { holidays: [{ day: '2026-12-31', name: 'x' }] },
    'POST /api/v1/calendars/{id}/holidays/japan': { year: 2026 },
    'PATCH /api/v1/goals/{id}': { target: 1 },
    'PATCH /api/v1/automation/rules/{id}': { name: 'Renamed', enabled: true },
    'PATCH /api/v1/webhooks/{id}': { description: 'Renamed', enabled: false },
    'POST /api/v1/conversations/{id}/escalate': { reason: 'Escalated from B' },
    'PATCH /api/v1/sla/policies/{id}': { name: 'Renamed', warnAtPercent: 50 },
    'PATCH /api/v1/recovery/cases/{id}': { status: 'closed', outcome: 'recovered' },
    'POST /api/v1/recovery/cases/{id}/steps/{key}': { done: true },
    'POST /api/v1/recovery/cases/{id}/action-items': { title: 'From B' },
    'POST /api/v1/recovery/cases/{id}/follow-up': { delivery: 'link' },
    'POST /api/v1/recovery/cases/{id}/close': { outcome: 'unreachable' },
    'PATCH /api/v1/recovery/action-items/{id}': { done: true },
  };
  return bodies[`${route.method} ${route.path}`];
}

/** Each public route that takes a signed token, called with a given token. */
const PUBLIC_TOKEN_ROUTES: Record<string, (client: Client, token: string) => ReturnType<Client['get']>> = {
  'GET /api/v1/public/surveys/{token}': (client, token) =>
    client.get(`/api/v1/public/surveys/${encodeURIComponent(token)}`),
  'POST /api/v1/public/responses': (client, token) =>
    client.post('/api/v1/public/responses', { token, score: 1, comment: 'forged' }),
  'POST /api/v1/public/events': (client, token) => client.post('/api/v1/public/events', { token, type: 'dismissed' }),
};

/** A fingerprint of every row workspace A owns (API-key use stamps aside), to prove nothing changed. */
async function fingerprint(pool: Pool, workspaceId: string): Promise<Record<string, string>> {
  const { rows: tables } = await pool.query<{ table_name: string }>(
    `select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'workspace_id' order by table_name`,
  );
  const result: Record<string, string> = {};
  const row = `(to_jsonb(t) - 'last_used_at')::text`;
  for (const { table_name } of tables) {
    const { rows } = await pool.query<{ n: number; h: string }>(
      `select count(*)::int as n, md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as h
         from "${table_name}" t where workspace_id = $1`,
      [workspaceId],
    );
    result[table_name] = `${rows[0]?.n}:${rows[0]?.h}`;
  }
  const { rows: workspace } = await pool.query('select to_jsonb(w)::text as j from workspaces w where id = $1', [
    workspaceId,
  ]);
  result.workspaces = workspace[0]?.j;
  const { rows: users } = await pool.query(
    `select string_agg(to_jsonb(u)::text, '|' order by u.id) as j
       from users u join memberships m on m.user_id = u.id where m.workspace_id = $1`,
    [workspaceId],
  );
  result.users = users[0]?.j;
  return result;
}

beforeAll(async () => {
  server = await startTestServer();
  a = { ...(await createTestWorkspace(server, 'Workspace A')) };
  b = await createTestWorkspace(server, 'Workspace B');

  const company = await createCompany(a.api, { domain: `${unique('a').toLowerCase()}.example.com` });
  aContactEmail = `${unique('alice')}@example.test`;
  const contact = await createContact(a.api, { emails: [aContactEmail], companyId: company.id });
  const otherContact = await createContact(a.api);
  const member = await addMember(server, a.api, 'agent');
  const team = await createTeam(a.api, { memberIds: [member.id] });
  aSearchWord = `zebrafish${Date.now()}`;
  const conversation = await createConversation(a.api, {
    customer: { contactId: contact.id },
    subject: `About ${aSearchWord}`,
    assigneeId: member.id,
    teamId: team.id,
    tags: ['vip'],
    message: { body: 'I need help' },
  });
  const message = await addMessage(a.api, conversation.id, {
    kind: 'reply',
    body: 'Here is help',
    authorId: member.id,
  });
  const invitation = await createInvitation(a.api, { role: 'viewer' });
  const apiKey = await createApiKey(a.api, { role: 'agent' });
  const script = await createReplyScript(a.api);
  const survey = await a.api.post<{ id: string }>('/api/v1/surveys', {
    name: 'NPS',
    template: 'nps_relationship',
    status: 'active',
  });
  const sent = await a.api.post<{ invitations: { id: string }[] }>(`/api/v1/surveys/${survey.body.id}/send`, {
    contactId: otherContact.id,
  });
  const outbox = await a.api.get<{ data: { id: string; refId: string }[] }>('/api/v1/outbox');
  const segment = await a.api.post<{ id: string }>('/api/v1/segments', { name: 'All', filter: {} });
  const calendar = await a.api.post<{ id: string }>('/api/v1/calendars', {
    name: 'Hours',
    timeZone: 'Asia/Tokyo',
    ranges: [{ weekday: 1, start: '09:00', end: '18:00' }],
  });
  const slaPolicy = await a.api.post<{ id: string }>('/api/v1/sla/policies', {
    name: 'Standard',
    isDefault: true,
    firstResponseSeconds: 3600,
    calendarId: calendar.body.id,
  });
  const suppressedEmail = `${unique('unsubscribed')}@example.test`;
  await a.api.post('/api/v1/email-suppressions', { email: suppressedEmail });
  const goal = await a.api.post<{ id: string }>('/api/v1/goals', {
    metric: 'csat.percent',
    startsOn: '2026-04-01',
    endsOn: '2026-04-30',
    target: 80,
  });
  const annotation = await a.api.post<{ id: string }>('/api/v1/annotations', { day: '2026-04-10', label: 'Launch' });
  // Switched off: it must not change A's conversation while A's events are dispatched.
  const automationRule = await a.api.post<{ id: string }>('/api/v1/automation/rules', {
    name: 'VIP routing',
    enabled: false,
    trigger: { type: 'event', event: 'conversation.created' },
    actions: [{ type: 'add_tag', tag: 'vip' }],
  });
  // A public address: saved without DNS; no worker runs here, so nothing is sent to it.
  const webhook = await a.api.post<{ id: string }>('/api/v1/webhooks', { url: 'https://93.184.215.14/koe' });
  const ping = await a.api.post<{ id: string }>(`/api/v1/webhooks/${webhook.body.id}/test`);
  // The member assigned above is notified once the events are dispatched.
  await dispatchPendingEvents(server.app, eventHandlers, { workspaceId: a.workspaceId });
  const [notification] = await server.app.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.workspaceId, a.workspaceId));
  Object.assign(ids, {
    contact: contact.id,
    otherContact: otherContact.id,
    company: company.id,
    conversation: conversation.id,
    message: message.id,
    team: team.id,
    invitation: invitation.id,
    apiKey: apiKey.id,
    script: script.id,
    member: member.id,
    survey: survey.body.id,
    segment: segment.body.id,
    calendar: calendar.body.id,
    slaPolicy: slaPolicy.body.id,
    email: outbox.body.data.find((e) => e.refId === sent.body.invitations[0]?.id)?.id ?? '',
    suppressedEmail,
    goal: goal.body.id,
    annotation: annotation.body.id,
    automationRule: automationRule.body.id,
    webhook: webhook.body.id,
    webhookDelivery: ping.body.id,
    notification: notification?.id ?? '',
  });

  // A recovery case with an action item, opened by hand from A's conversation.
  const recoveryCase = await a.api.post<{ id: string }>('/api/v1/recovery/cases', {
    conversationId: conversation.id,
    reason: 'Unhappy customer',
  });
  ids.recoveryCase = recoveryCase.body.id;
  ids.actionItem = (
    await a.api.post<{ id: string }>(`/api/v1/recovery/cases/${ids.recoveryCase}/action-items`, { title: 'Call back' })
  ).body.id;

  // A's survey answered about A's conversation, through the public endpoint.
  const offered = await offerLink(server.app, a.workspaceId, ids.survey, {
    contactId: contact.id,
    conversationId: conversation.id,
  });
  aToken = offered.token;
  ids.response = expectStatus(await answer(server.url, aToken, { score: 9, comment: aSearchWord }), 200).id;

  // An import of A's (a file with the header only: it writes nothing), finished before the walk.
  ids.importJob = expectStatus(
    await a.api.request<{ id: string }>('POST', '/api/v1/imports/responses', {
      raw: { data: `${RESPONSE_IMPORT_COLUMNS.join(',')}\n`, contentType: 'text/csv' },
    }),
    202,
  ).id;
  for (let i = 0; i < 100; i++) {
    const job = await a.api.get<{ status: string }>(`/api/v1/imports/${ids.importJob}`);
    if (job.body.status !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  bIds.contact = (await createContact(b.api)).id;
  bIds.conversation = (await createConversation(b.api)).id;
  bIds.script = (await createReplyScript(b.api)).id;
  bIds.survey = (await b.api.post<{ id: string }>('/api/v1/surveys', { name: 'B', template: 'csat_support' })).body.id;
  bSession = await loginSession(server.url, b.owner.email, b.owner.password);
});
afterAll(() => server?.close());

/** Public routes take a signed token, not an id: the public-token test walks them. */
const idRoutes = apiRoutes.filter((route) => route.auth !== 'public' && PARAM.test(route.path));
const listRoutes = apiRoutes.filter((route) => !route.path.includes('{') && route.method === 'GET');

describe('tenant isolation', () => {
  test('the walk covers routes with ids', () => {
    expect(idRoutes.length).toBeGreaterThanOrEqual(20);
    for (const route of apiRoutes) {
      if (route.auth === 'public') continue;
      // {key} (a playbook step, filled with "contact") and {language} name no object of a workspace.
      expect(route.path, 'only {id} and {email} path parameters are walked').not.toMatch(
        /\{(?!(id|email|key|language)\})/,
      );
    }
    for (const route of apiRoutes.filter((r) => r.auth === 'public' && r.path.includes('{'))) {
      expect(PUBLIC_TOKEN_ROUTES, 'add it to PUBLIC_TOKEN_ROUTES').toHaveProperty([`${route.method} ${route.path}`]);
    }
  });

  test('every route with an id answers 404 to another workspace, and A is unchanged', async () => {
    const before = await fingerprint(server.app.database.pool, a.workspaceId);
    const checked: string[] = [];
    for (const route of idRoutes) {
      const name = `${route.method} ${route.path}`;
      const kind = ID_BY_PREFIX.find(([prefix]) => route.path.startsWith(prefix))?.[1];
      if (!kind) throw new Error(`${name}: add its path prefix to ID_BY_PREFIX in ${import.meta.filename}`);
      const path = route.path.replace(PARAM, encodeURIComponent(ids[kind])).replace('{key}', 'contact');
      const body = sampleBody(route);
      if (route.body && body === undefined) throw new Error(`${name}: add a valid sample body to sampleBody()`);
      if (route.method === 'GET') {
        const own = await a.api.get(path);
        expect(own.status, `${name} as workspace A (control)`).toBe(200);
      }
      for (const [who, client] of [
        ['API key', b.api],
        ['session', bSession],
      ] as const) {
        const response = await client.request(route.method, path, body === undefined ? {} : { body });
        expect(response.status, `${name} as B (${who}): ${response.text}`).toBe(404);
        expectProblem(response, 404);
        expect(response.text).not.toContain(aContactEmail);
      }
      checked.push(name);
    }
    expect(checked).toHaveLength(idRoutes.length);
    expect(await fingerprint(server.app.database.pool, a.workspaceId)).toEqual(before);
    // A still sees all of its objects.
    expect((await a.api.get(`/api/v1/contacts/${ids.contact}`)).status).toBe(200);
    expect((await a.api.get(`/api/v1/conversations/${ids.conversation}`)).body).toMatchObject({
      status: 'open',
      priority: 'normal',
    });
  });

  test("lists of B never contain A's objects", async () => {
    const aIds = Object.values(ids);
    for (const route of listRoutes) {
      for (const client of [b.api, bSession]) {
        const response = await client.get(route.path);
        expect(response.status, `${route.path}: ${response.text}`).toBeLessThan(500);
        for (const id of aIds) expect(response.text, `${route.path} leaks ${id}`).not.toContain(id);
        expect(response.text).not.toContain(aContactEmail);
      }
    }
    // The same lists, filtered by A's ids, are empty.
    for (const path of [
      `/api/v1/contacts?companyId=${ids.company}`,
      `/api/v1/contacts?email=${encodeURIComponent(aContactEmail)}`,
      `/api/v1/contacts?q=${encodeURIComponent(aContactEmail)}`,
      `/api/v1/conversations?contactId=${ids.contact}`,
      `/api/v1/conversations?assignee=${ids.member}`,
      `/api/v1/conversations?teamId=${ids.team}`,
      '/api/v1/conversations?tag=vip',
      `/api/v1/conversations?q=${aSearchWord}`,
      `/api/v1/survey-responses?contactId=${ids.contact}`,
      `/api/v1/survey-responses?surveyId=${ids.survey}`,
      `/api/v1/survey-responses?q=${aSearchWord}`,
      `/api/v1/automation/runs?ruleId=${ids.automationRule}`,
      `/api/v1/recovery/cases?contactId=${ids.contact}`,
      `/api/v1/recovery/cases?conversationId=${ids.conversation}`,
    ]) {
      const response = await b.api.get<{ data: unknown[] }>(path);
      expect(response.status, path).toBe(200);
      expect(response.body.data, path).toEqual([]);
    }
    // Control: A finds its conversation by the same search.
    const own = await a.api.get<{ data: { id: string }[] }>(`/api/v1/conversations?q=${aSearchWord}`);
    expect(own.body.data.map((c) => c.id)).toEqual([ids.conversation]);
  });

  test("B cannot point its own objects at A's objects", async () => {
    const before = await fingerprint(server.app.database.pool, a.workspaceId);
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/v1/contacts', { name: 'x', companyId: ids.company }, 'body.companyId'],
      ['PATCH', `/api/v1/contacts/${bIds.contact}`, { companyId: ids.company }, 'body.companyId'],
      ['POST', `/api/v1/contacts/${bIds.contact}/merge`, { sourceId: ids.contact }, 'body.sourceId'],
      [
        'POST',
        '/api/v1/conversations',
        { channel: 'chat', customer: { contactId: ids.contact } },
        'body.customer.contactId',
      ],
      [
        'POST',
        '/api/v1/conversations',
        { channel: 'chat', customer: { email: 'b@example.test' }, assigneeId: ids.member },
        'body.assigneeId',
      ],
      [
        'POST',
        '/api/v1/conversations',
        { channel: 'chat', customer: { email: 'b@example.test' }, teamId: ids.team },
        'body.teamId',
      ],
      ['PATCH', `/api/v1/conversations/${bIds.conversation}`, { assigneeId: ids.member }, 'body.assigneeId'],
      ['PATCH', `/api/v1/conversations/${bIds.conversation}`, { teamId: ids.team }, 'body.teamId'],
      ['POST', '/api/v1/teams', { name: 'B night team', calendarId: ids.calendar }, 'body.calendarId'],
      [
        'POST',
        '/api/v1/sla/policies',
        { name: 'B', firstResponseSeconds: 60, calendarId: ids.calendar },
        'body.calendarId',
      ],
      [
        'POST',
        `/api/v1/conversations/${bIds.conversation}/messages`,
        { kind: 'reply', body: 'x', authorId: ids.member },
        'body.authorId',
      ],
      ['POST', '/api/v1/teams', { name: unique('t'), memberIds: [ids.member] }, 'body.memberIds.0'],
      [
        'POST',
        `/api/v1/reply-scripts/${bIds.script}/render`,
        { conversationId: ids.conversation },
        'body.conversationId',
      ],
      ['POST', '/api/v1/recovery/cases', { conversationId: ids.conversation, reason: 'x' }, 'body.conversationId'],
      ['POST', '/api/v1/recovery/cases', { contactId: ids.contact, reason: 'x' }, 'body.contactId'],
      [
        'POST',
        '/api/v1/recovery/cases',
        { conversationId: bIds.conversation, reason: 'x', ownerId: ids.member },
        'body.ownerId',
      ],
      [
        'POST',
        `/api/v1/conversations/${bIds.conversation}/escalate`,
        { reason: 'x', toUserId: ids.member },
        'body.toUserId',
      ],
      [
        'POST',
        `/api/v1/conversations/${bIds.conversation}/escalate`,
        { reason: 'x', toTeamId: ids.team },
        'body.toTeamId',
      ],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await b.api.request(method, path, { body });
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}: ${response.text}`).toBe(400);
      expectProblem(response, 400, field);
    }
    // The same email in B is a different person: B gets its own contact.
    const created = await b.api.post<{ contactId: string }>('/api/v1/conversations', {
      channel: 'email',
      customer: { email: aContactEmail },
    });
    expect(created.status).toBe(201);
    expect(created.body.contactId).not.toBe(ids.contact);
    expect(await fingerprint(server.app.database.pool, a.workspaceId)).toEqual(before);
  });

  test("an invitation to another workspace's member needs that member's password", async () => {
    // A's admin invites B's owner and, holding the link, tries to accept it themselves.
    const invitation = await createInvitation(a.api, { email: b.owner.email.toUpperCase(), role: 'viewer' });
    const token = new URL(invitation.acceptUrl ?? '').searchParams.get('token') ?? '';
    const intruder = sessionClient(server.url);
    const refused = await intruder.post('/api/v1/invitations/accept', {
      token,
      name: 'Not them',
      password: 'chosen by A',
    });
    expectProblem(refused, 400, 'body.password');
    expect(refused.text).not.toContain(b.workspaceId);
    expect(intruder.cookies.has('koe_session')).toBe(false);
    const members = await a.api.get<{ data: { email: string }[] }>('/api/v1/members');
    expect(members.body.data.map((m) => m.email)).not.toContain(b.owner.email);

    // B's owner, who knows their password, may join A; their name stays theirs.
    const owner = sessionClient(server.url);
    const joined = await owner.post<Me>('/api/v1/invitations/accept', {
      token,
      name: 'Ignored',
      password: b.owner.password,
    });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({
      role: 'viewer',
      workspace: { id: a.workspaceId },
      user: { name: 'Owner of Workspace B' },
    });
    expect(joined.body.workspaces.map((w) => w.id).sort()).toEqual([a.workspaceId, b.workspaceId].sort());
  });

  test('public survey routes answer 4xx to forged and other-workspace tokens, and write nothing', async () => {
    const secret = server.app.config.secret;
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const aInvitation =
      (await a.api.get<{ data: { id: string }[] }>(`/api/v1/conversations/${ids.conversation}/survey-invitations`)).body
        .data[0]?.id ?? '';
    expect(aInvitation).not.toBe('');
    const [body = '', mac = ''] = aToken.split('.');
    const tokens = {
      tampered: `${body}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`,
      "B's workspace on A's invitation": invitationToken(secret, {
        w: b.workspaceId,
        i: aInvitation,
        s: ids.survey,
        exp,
      }),
      "A's invitation for B's survey": invitationToken(secret, {
        w: a.workspaceId,
        i: aInvitation,
        s: bIds.survey,
        exp,
      }),
      "B's workspace on A's survey link": linkToken(secret, { w: b.workspaceId, s: ids.survey }),
      "B's survey link naming A's contact": linkToken(secret, { w: b.workspaceId, s: bIds.survey, c: ids.contact }),
    };
    const before = [
      await fingerprint(server.app.database.pool, a.workspaceId),
      await fingerprint(server.app.database.pool, b.workspaceId),
    ];
    const anonymous = sessionClient(server.url);
    for (const [what, token] of Object.entries(tokens)) {
      for (const [name, request] of Object.entries(PUBLIC_TOKEN_ROUTES)) {
        const response = await request(anonymous, token);
        expect(response.status, `${name} with ${what}: ${response.text}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${name} with ${what}`).toBeLessThan(500);
        expect(response.text).not.toContain(aSearchWord);
      }
    }
    expect([
      await fingerprint(server.app.database.pool, a.workspaceId),
      await fingerprint(server.app.database.pool, b.workspaceId),
    ]).toEqual(before);
    // Control: A's genuine token opens A's survey.
    const open = PUBLIC_TOKEN_ROUTES['GET /api/v1/public/surveys/{token}'];
    expect(open && (await open(anonymous, aToken)).status).toBe(200);
  });

  test('credentials of one workspace never open another', async () => {
    const anonymous = sessionClient(server.url);
    // A's owner cannot log in to B.
    expectProblem(await anonymous.login(a.owner.email, a.owner.password, b.workspaceId), 401);
    // An API key whose workspace part is rewritten to B's is unknown.
    const forged = a.apiKey.replace(a.workspaceId.replaceAll('-', ''), b.workspaceId.replaceAll('-', ''));
    expect(forged).not.toBe(a.apiKey);
    expectProblem(await apiClient(server.url, forged).get('/api/v1/contacts'), 401);
    // A session cookie whose workspace part is rewritten to B's is unknown.
    const session = await loginSession(server.url, a.owner.email, a.owner.password);
    const token = session.cookies.get('koe_session') ?? '';
    expect(token.startsWith(`${a.workspaceId}.`)).toBe(true);
    session.cookies.set('koe_session', token.replace(a.workspaceId, b.workspaceId));
    expectProblem(await session.get('/api/v1/contacts'), 401);
  });
});
