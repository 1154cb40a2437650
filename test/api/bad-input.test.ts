import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiRoutes } from '../../src/server/routes.ts';
import {
  createCompany,
  createContact,
  createConversation,
  createReplyScript,
  createTeam,
  serverWorkspace,
  unique,
  uniqueEmail,
} from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let api: Client;
const ids = {} as Record<'contact' | 'company' | 'conversation' | 'team' | 'script', string>;

beforeAll(async () => {
  server = await startTestServer();
  api = serverWorkspace(server).api;
  ids.company = (await createCompany(api)).id;
  ids.contact = (await createContact(api)).id;
  ids.conversation = (await createConversation(api, { message: { body: 'hello' } })).id;
  ids.team = (await createTeam(api)).id;
  ids.script = (await createReplyScript(api)).id;
});
afterAll(() => server?.close());

const cursor = (at: string, id: string) => Buffer.from(JSON.stringify({ at, id })).toString('base64url');

const count = async (path: string) =>
  ((await api.get<{ data: unknown[] }>(`${path}${path.includes('?') ? '&' : '?'}limit=200`)).body.data ?? []).length;

describe('invalid input is a 4xx naming the field', () => {
  const longString = 'x'.repeat(100_001);
  const cases: [string, string, string, unknown, number, string | undefined][] = [
    // [what, method, path, body or query, status, field]
    ['contact email', 'POST', '/api/v1/contacts', { emails: ['not-an-email'] }, 400, 'body.emails.0'],
    ['contact phone', 'POST', '/api/v1/contacts', { phones: ['call me'] }, 400, 'body.phones.0'],
    ['contact time zone', 'POST', '/api/v1/contacts', { timeZone: 'Mars/Olympus' }, 400, 'body.timeZone'],
    ['contact name type', 'POST', '/api/v1/contacts', { name: 42 }, 400, 'body.name'],
    ['contact attributes', 'POST', '/api/v1/contacts', { attributes: [1, 2] }, 400, 'body.attributes'],
    [
      'contact email listed twice',
      'POST',
      '/api/v1/contacts',
      { emails: ['a@x.test', 'A@x.test'] },
      400,
      'body.emails.1',
    ],
    ['body missing', 'POST', '/api/v1/contacts', undefined, 400, undefined],
    ['body is an array', 'POST', '/api/v1/contacts', [], 400, undefined],
    ['company name empty', 'POST', '/api/v1/companies', { name: '  ' }, 400, 'body.name'],
    ['company domain', 'POST', '/api/v1/companies', { name: 'x', domain: 'not a domain' }, 400, 'body.domain'],
    ['company revenue', 'POST', '/api/v1/companies', { name: 'x', revenue: -1 }, 400, 'body.revenue'],
    [
      'company stage',
      'POST',
      '/api/v1/companies',
      { name: 'x', lifecycleStage: 'prospect' },
      400,
      'body.lifecycleStage',
    ],
    [
      'channel',
      'POST',
      '/api/v1/conversations',
      { channel: 'fax', customer: { email: 'a@x.test' } },
      400,
      'body.channel',
    ],
    [
      'customer email',
      'POST',
      '/api/v1/conversations',
      { channel: 'email', customer: { email: 'nope' } },
      400,
      'body.customer.email',
    ],
    ['customer missing', 'POST', '/api/v1/conversations', { channel: 'email' }, 400, 'body.customer'],
    [
      'customer without identity',
      'POST',
      '/api/v1/conversations',
      { channel: 'email', customer: { name: 'x' } },
      400,
      'body.customer',
    ],
    [
      'conversation createdAt',
      'POST',
      '/api/v1/conversations',
      { channel: 'chat', customer: { email: 'a@x.test' }, createdAt: 'yesterday' },
      400,
      'body.createdAt',
    ],
    [
      'tag with comma',
      'POST',
      '/api/v1/conversations',
      { channel: 'chat', customer: { email: 'a@x.test' }, tags: ['a,b'] },
      400,
      'body.tags.0',
    ],
    ['priority', 'PATCH', '/api/v1/conversations/{conversation}', { priority: 'asap' }, 400, 'body.priority'],
    ['status', 'PATCH', '/api/v1/conversations/{conversation}', { status: 'done' }, 400, 'body.status'],
    [
      'message kind',
      'POST',
      '/api/v1/conversations/{conversation}/messages',
      { kind: 'shout', body: 'x' },
      400,
      'body.kind',
    ],
    [
      'message body blank',
      'POST',
      '/api/v1/conversations/{conversation}/messages',
      { kind: 'reply', body: '   ' },
      400,
      'body.body',
    ],
    [
      'message body too long',
      'POST',
      '/api/v1/conversations/{conversation}/messages',
      { kind: 'note', body: longString },
      400,
      'body.body',
    ],
    ['team member id', 'POST', '/api/v1/teams', { name: 'x', memberIds: ['nope'] }, 400, 'body.memberIds.0'],
    [
      'team unknown member',
      'POST',
      '/api/v1/teams',
      { name: unique('t'), memberIds: [randomUUID()] },
      400,
      'body.memberIds.0',
    ],
    [
      'script shortcut',
      'POST',
      '/api/v1/reply-scripts',
      { name: 'x', shortcut: 'Has Space', bodies: { en: 'x' } },
      400,
      'body.shortcut',
    ],
    ['script bodies', 'POST', '/api/v1/reply-scripts', { name: 'x', shortcut: 'x1', bodies: {} }, 400, 'body.bodies'],
    [
      'script language',
      'POST',
      '/api/v1/reply-scripts',
      { name: 'x', shortcut: 'x2', bodies: { english: 'x' } },
      400,
      'body.bodies.english',
    ],
    [
      'render conversation id',
      'POST',
      '/api/v1/reply-scripts/{script}/render',
      { conversationId: 'x' },
      400,
      'body.conversationId',
    ],
    ['api key role', 'POST', '/api/v1/api-keys', { name: 'x', role: 'superuser' }, 400, 'body.role'],
    ['invitation email', 'POST', '/api/v1/invitations', { email: 'x' }, 400, 'body.email'],
    ['member role', 'PATCH', '/api/v1/members/{owner}', { role: 'boss' }, 400, 'body.role'],
    ['workspace name', 'PATCH', '/api/v1/workspace', { name: '' }, 400, 'body.name'],
    ['workspace locale', 'PATCH', '/api/v1/workspace', { defaultLocale: 'fr' }, 400, 'body.defaultLocale'],
    ['login email', 'POST', '/api/v1/auth/login', { email: 'x', password: 'y' }, 400, 'body.email'],
    ['merge source', 'POST', '/api/v1/contacts/{contact}/merge', { sourceId: 'x' }, 400, 'body.sourceId'],
    ['merge into itself', 'POST', '/api/v1/contacts/{contact}/merge', { sourceId: '{contact}' }, 400, 'body.sourceId'],
    [
      'merge unknown source',
      'POST',
      '/api/v1/contacts/{contact}/merge',
      { sourceId: randomUUID() },
      400,
      'body.sourceId',
    ],
    ['workspace time zone', 'PATCH', '/api/v1/workspace', { timeZone: 'Mars/Olympus' }, 400, 'body.timeZone'],
    // PostgreSQL text cannot hold U+0000: refused as input, never a database error.
    ['NUL in a name', 'POST', '/api/v1/contacts', { name: 'a\u0000b' }, 400, 'body.name'],
    [
      'NUL in an attribute key',
      'POST',
      '/api/v1/companies',
      { name: 'x', attributes: { 'k\u0000': 1 } },
      400,
      'body.attributes.k\u0000',
    ],
    [
      'NUL in a message',
      'POST',
      '/api/v1/conversations/{conversation}/messages',
      { kind: 'note', body: '\u0000' },
      400,
      'body.body',
    ],
    // Queries
    [
      'lone surrogate in an attribute',
      'POST',
      '/api/v1/contacts',
      { attributes: { x: '\ud800' } },
      400,
      'body.attributes.x',
    ],
    ['NUL in a search', 'GET', '/api/v1/companies?q=%00', undefined, 400, 'query.q'],
    [
      'cursor with a foreign id',
      'GET',
      `/api/v1/conversations?cursor=${cursor('2024-01-01T00:00:00Z', 'x')}`,
      undefined,
      400,
      'query.cursor',
    ],
    [
      'cursor with no time',
      'GET',
      `/api/v1/contacts/{contact}/timeline?cursor=${cursor('soon', randomUUID())}`,
      undefined,
      400,
      'query.cursor',
    ],
    ['limit zero', 'GET', '/api/v1/conversations?limit=0', undefined, 400, 'query.limit'],
    ['limit too big', 'GET', '/api/v1/contacts?limit=1000', undefined, 400, 'query.limit'],
    ['limit not a number', 'GET', '/api/v1/companies?limit=abc', undefined, 400, 'query.limit'],
    ['status filter', 'GET', '/api/v1/conversations?status=open,bogus', undefined, 400, 'query.status.1'],
    ['channel filter', 'GET', '/api/v1/conversations?channel=fax', undefined, 400, 'query.channel.0'],
    ['assignee filter', 'GET', '/api/v1/conversations?assignee=someone', undefined, 400, 'query.assignee'],
    ['assignee me by API key', 'GET', '/api/v1/conversations?assignee=me', undefined, 400, 'query.assignee'],
    ['search without letters', 'GET', '/api/v1/conversations?q=%21%21%21', undefined, 400, 'query.q'],
    ['cursor garbage', 'GET', '/api/v1/conversations?cursor=garbage', undefined, 400, 'query.cursor'],
    [
      'timeline kinds',
      'GET',
      '/api/v1/contacts/{contact}/timeline?kinds=message,call',
      undefined,
      400,
      'query.kinds.1',
    ],
    ['repeated query key', 'GET', '/api/v1/contacts?q=a&q=b', undefined, 400, 'query.q'],
    // Malformed ids in the path are "not found"
    ['malformed contact id', 'GET', '/api/v1/contacts/123', undefined, 404, undefined],
    ['malformed conversation id', 'PATCH', '/api/v1/conversations/abc', { status: 'open' }, 404, undefined],
    ['unknown contact id', 'GET', `/api/v1/contacts/${randomUUID()}`, undefined, 404, undefined],
    [
      'unknown conversation id',
      'POST',
      `/api/v1/conversations/${randomUUID()}/messages`,
      { kind: 'note', body: 'x' },
      404,
      undefined,
    ],
  ];

  test.each(cases)('%s', async (_what, method, rawPath, body, status, field) => {
    const fill = (text: string) =>
      text
        .replace('{conversation}', ids.conversation)
        .replaceAll('{contact}', ids.contact)
        .replace('{script}', ids.script)
        .replace('{owner}', server.owner.email);
    let path = fill(rawPath);
    if (path.includes(server.owner.email)) {
      const me = await api.get<{ data: { id: string; role: string }[] }>('/api/v1/members');
      path = path.replace(server.owner.email, me.body.data.find((m) => m.role === 'owner')?.id ?? '');
    }
    const filled = body === undefined ? undefined : JSON.parse(fill(JSON.stringify(body)));
    const response = await api.request(method, path, filled === undefined ? {} : { body: filled });
    const problem = expectProblem(response, status, field);
    if (field) expect(problem.detail).toContain(field);
  });
});

describe('duplicates are 409 naming the field', () => {
  test('an email of another contact', async () => {
    const email = uniqueEmail('dup');
    const first = await createContact(api, { emails: [email] });
    expectProblem(
      await api.post('/api/v1/contacts', { emails: [uniqueEmail(), email.toUpperCase()] }),
      409,
      'body.emails.1',
    );
    const other = await createContact(api);
    expectProblem(await api.patch(`/api/v1/contacts/${other.id}`, { emails: [email] }), 409, 'body.emails.0');
    // Its own email again is no conflict.
    expect((await api.patch(`/api/v1/contacts/${first.id}`, { emails: [email] })).status).toBe(200);
  });

  test('a phone or external id of another contact', async () => {
    const phone = `+81 3-${Math.floor(1000 + Math.random() * 8999)}-${Math.floor(1000 + Math.random() * 8999)}`;
    const externalId = unique('ext');
    await createContact(api, { phones: [phone], externalIds: [externalId] });
    expectProblem(await api.post('/api/v1/contacts', { phones: [phone.replace(/[ -]/g, '')] }), 409, 'body.phones.0');
    expectProblem(await api.post('/api/v1/contacts', { externalIds: [externalId] }), 409, 'body.externalIds.0');
  });

  test('a company domain, a team name, a script shortcut', async () => {
    const domain = `${unique('d').toLowerCase()}.example.jp`;
    await createCompany(api, { domain });
    expectProblem(
      await api.post('/api/v1/companies', { name: 'Other', domain: domain.toUpperCase() }),
      409,
      'body.domain',
    );
    const team = await createTeam(api);
    expectProblem(await api.post('/api/v1/teams', { name: team.name }), 409, 'body.name');
    const script = await createReplyScript(api);
    expectProblem(
      await api.post('/api/v1/reply-scripts', { name: 'x', shortcut: script.shortcut, bodies: { en: 'x' } }),
      409,
      'body.shortcut',
    );
  });
});

describe('concurrent duplicates', () => {
  test.each([
    [
      'company domain',
      '/api/v1/companies',
      () => ({ name: 'Race', domain: `${unique('race').toLowerCase()}.example.com` }),
      'body.domain',
    ],
    [
      'script shortcut',
      '/api/v1/reply-scripts',
      () => ({ name: 'Race', shortcut: unique('race').toLowerCase(), bodies: { en: 'x' } }),
      'body.shortcut',
    ],
    ['team name', '/api/v1/teams', () => ({ name: unique('Race') }), 'body.name'],
    ['contact email', '/api/v1/contacts', () => ({ emails: [uniqueEmail('race')] }), undefined],
  ])('one of five identical %s creates wins, the rest are 409', async (_what, path, makeBody, field) => {
    const body = makeBody();
    const responses = await Promise.all(Array.from({ length: 5 }, () => api.post(path, body)));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const response of responses.filter((r) => r.status === 409)) expectProblem(response, 409, field);
  });
});

describe('no partial writes', () => {
  test('a conversation with a valid customer but an unknown assignee creates no contact', async () => {
    const email = uniqueEmail('partial');
    const contactsBefore = await count('/api/v1/contacts');
    const conversationsBefore = await count('/api/v1/conversations');
    const response = await api.post('/api/v1/conversations', {
      channel: 'email',
      customer: { email, name: 'Partial' },
      assigneeId: randomUUID(),
      message: { body: 'hello' },
    });
    expectProblem(response, 400, 'body.assigneeId');
    expect(
      (await api.get<{ data: unknown[] }>(`/api/v1/contacts?email=${encodeURIComponent(email)}`)).body.data,
    ).toEqual([]);
    expect(await count('/api/v1/contacts')).toBe(contactsBefore);
    expect(await count('/api/v1/conversations')).toBe(conversationsBefore);
  });

  test('a contact whose second email clashes is not created at all', async () => {
    const taken = uniqueEmail('taken');
    await createContact(api, { emails: [taken] });
    const fresh = uniqueEmail('fresh');
    const before = await count('/api/v1/contacts');
    expectProblem(await api.post('/api/v1/contacts', { name: 'Half', emails: [fresh, taken] }), 409, 'body.emails.1');
    expect(await count('/api/v1/contacts')).toBe(before);
    expect((await api.get<{ data: unknown[] }>(`/api/v1/contacts?email=${fresh}`)).body.data).toEqual([]);
  });

  test('an update that fails keeps every field as it was', async () => {
    const taken = uniqueEmail('taken');
    await createContact(api, { emails: [taken] });
    const contact = await createContact(api, { name: 'Before' });
    expectProblem(
      await api.patch(`/api/v1/contacts/${contact.id}`, { name: 'After', emails: [taken] }),
      409,
      'body.emails.0',
    );
    expect((await api.get(`/api/v1/contacts/${contact.id}`)).body).toEqual(contact);
    const team = await createTeam(api, { name: unique('Stays') });
    expectProblem(
      await api.patch(`/api/v1/teams/${team.id}`, { name: 'Renamed', memberIds: [randomUUID()] }),
      400,
      'body.memberIds.0',
    );
    expect((await api.get(`/api/v1/teams/${team.id}`)).body).toEqual(team);
    const teamsBefore = await count('/api/v1/teams');
    expectProblem(
      await api.post('/api/v1/teams', { name: unique('New'), memberIds: [randomUUID()] }),
      400,
      'body.memberIds.0',
    );
    expect(await count('/api/v1/teams')).toBe(teamsBefore);
  });

  test('a message with an unknown author changes nothing', async () => {
    const conversation = await createConversation(api, { message: { body: 'hi' } });
    const response = await api.post(`/api/v1/conversations/${conversation.id}/messages`, {
      kind: 'reply',
      body: 'reply',
      authorId: randomUUID(),
      status: 'resolved',
    });
    expectProblem(response, 400, 'body.authorId');
    expect((await api.get(`/api/v1/conversations/${conversation.id}`)).body).toEqual(conversation);
    expect(await count(`/api/v1/conversations/${conversation.id}/messages`)).toBe(1);
  });
});

describe('malformed requests', () => {
  test('invalid JSON is a 400 problem', async () => {
    const response = await api.request('POST', '/api/v1/contacts', {
      raw: { data: '{"name": "x",', contentType: 'application/json' },
    });
    expectProblem(response, 400);
    expectProblem(
      await api.request('POST', '/api/v1/contacts', { raw: { data: '', contentType: 'application/json' } }),
      400,
    );
    expectProblem(
      await api.request('POST', '/api/v1/contacts', {
        raw: { data: '{"__proto__": {"x": 1}}', contentType: 'application/json' },
      }),
      400,
    );
  });

  test('a body that is not JSON is a 415 problem (plain text is read as a string, which is no object: 400)', async () => {
    expectProblem(
      await api.request('POST', '/api/v1/contacts', { raw: { data: 'name=x', contentType: 'text/plain' } }),
      400,
      'body',
    );
    expectProblem(
      await api.request('POST', '/api/v1/contacts', {
        raw: { data: '<name>x</name>', contentType: 'application/xml' },
      }),
      415,
    );
    expectProblem(
      await api.request('POST', '/api/v1/contacts', {
        raw: { data: 'name=x', contentType: 'application/x-www-form-urlencoded' },
      }),
      415,
    );
  });

  test('a body over 1 MB is a 413 problem and writes nothing', async () => {
    const before = await count('/api/v1/contacts');
    const big = JSON.stringify({ name: 'big', attributes: { blob: 'x'.repeat(1_100_000) } });
    expectProblem(
      await api.request('POST', '/api/v1/contacts', { raw: { data: big, contentType: 'application/json' } }),
      413,
    );
    expect(await count('/api/v1/contacts')).toBe(before);
  });

  test('a deeply nested body is a 400, never a 5xx; ordinary nesting is stored', async () => {
    for (const depth of [100, 10_000, 100_000]) {
      const data = `{"name":"deep","attributes":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
      const response = await api.request('POST', '/api/v1/contacts', {
        raw: { data, contentType: 'application/json' },
      });
      const problem = expectProblem(response, 400);
      expect(problem.errors?.[0]?.field).toMatch(/^body\.attributes\.x\.0\.0/);
    }
    const nested = { level1: { level2: { level3: [{ level5: 'ok' }] } } };
    const stored = await api.post<{ attributes: unknown }>('/api/v1/contacts', { attributes: nested });
    expect(stored.status).toBe(201);
    expect(stored.body.attributes).toEqual(nested);
  });

  test('an update with nothing to change answers the object unchanged', async () => {
    const before = (await api.get('/api/v1/workspace')).body;
    const response = await api.patch('/api/v1/workspace', { unknownField: 1 });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(before);
  });

  test('an unknown route is a 404 problem', async () => {
    expectProblem(await api.get('/api/v1/unknown'), 404);
    expectProblem(await api.post('/api/v2/contacts', {}), 404);
  });
});

/** A small seeded generator, so a failure can be replayed with the printed seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, pick };
}

const NASTY_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\ud800',
  "'; drop table contacts; --",
  '%',
  '\\',
  ':*',
  '!(&|)',
  '<script>alert(1)</script>',
  '請求書の再発行について',
  'ＡＰＩ',
  '🙂'.repeat(50),
  'x'.repeat(5000),
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2024-02-30T10:00:00Z',
  '1970-01-01T00:00:00Z',
  '2024-01-01T00:00:00+14:00',
  'open',
  'reply',
  'owner',
  'a@b.co',
  '+81 3-0000-0000',
  '00000000-0000-0000-0000-000000000000',
  'eyJhdCI6Im5vdCBhIGRhdGUiLCJpZCI6Im5vdCBhIHV1aWQifQ',
  'eyJhdCI6IjIwMjQtMDEtMDFUMDA6MDA6MDBaIiwiaWQiOiJ4In0',
];
const NASTY_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -1e308,
  2 ** 53,
  0.5,
  [],
  {},
  [null],
  { a: { b: { c: [1, '2', null] } } },
  { '': 1, 'a\u0000': 2 },
  ...NASTY_STRINGS,
];

/** A path segment; lone surrogates cannot be percent-encoded and become "x". */
function encode(value: string): string {
  try {
    return encodeURIComponent(value) || 'x';
  } catch {
    return 'x';
  }
}

function deepNest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function mutate(rng: ReturnType<typeof random>, value: unknown, depth = 0): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && depth < 3) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const key =
      keys.length > 0 && rng.next() < 0.8 ? rng.pick(keys) : rng.pick(['extra', 'attributes', 'customer', 'id']);
    copy[key] = rng.next() < 0.3 ? mutate(rng, copy[key], depth + 1) : rng.pick(NASTY_VALUES);
    if (rng.next() < 0.05) copy.attributes = deepNest(200 + Math.floor(rng.next() * 3000));
    return copy;
  }
  return rng.pick(NASTY_VALUES);
}

describe('no input produces a 5xx', () => {
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
  const rounds = Number(process.env.FUZZ_ROUNDS ?? 10);

  test(`garbage bodies, queries and ids on every route (seed ${seed})`, async () => {
    const rng = random(seed);
    const valid: Record<string, unknown> = {
      'POST /api/v1/contacts': {
        name: 'Fuzz',
        emails: ['fuzz@example.test'],
        phones: ['+81 3 1111 2222'],
        attributes: {},
      },
      'POST /api/v1/companies': { name: 'Fuzz', domain: 'fuzz.example.com', revenue: 10 },
      'POST /api/v1/conversations': {
        channel: 'chat',
        customer: { email: 'fuzz2@example.test', name: 'F' },
        subject: 'Fuzz',
        createdAt: '2024-01-01T00:00:00Z',
        message: { body: 'x' },
        tags: ['a'],
      },
      'POST /api/v1/conversations/{id}/messages': { kind: 'reply', body: 'x', createdAt: '2024-01-01T00:00:00Z' },
      'PATCH /api/v1/conversations/{id}': { status: 'resolved', tags: ['x'], priority: 'high' },
      'POST /api/v1/reply-scripts': { name: 'x', shortcut: 'fuzz', bodies: { en: 'x' } },
      'POST /api/v1/teams': { name: 'Fuzz', memberIds: [] },
      'PATCH /api/v1/workspace': { name: 'Fuzz', timeZone: 'Asia/Tokyo' },
    };
    const queries = [
      'limit',
      'cursor',
      'q',
      'status',
      'channel',
      'assignee',
      'tag',
      'kinds',
      'email',
      'companyId',
      'contactId',
      'teamId',
    ];
    const idFor = (path: string) =>
      path.startsWith('/api/v1/contacts/')
        ? ids.contact
        : path.startsWith('/api/v1/companies/')
          ? ids.company
          : path.startsWith('/api/v1/conversations/')
            ? ids.conversation
            : path.startsWith('/api/v1/teams/')
              ? ids.team
              : path.startsWith('/api/v1/reply-scripts/')
                ? ids.script
                : randomUUID();
    const failures: string[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const route of apiRoutes) {
        // Deleting the fixtures would only make later rounds dull.
        if (route.method === 'DELETE' || route.path.includes('/merge')) continue;
        const garbageId = rng.next() < 0.3;
        const path = route.path.replace(
          '{id}',
          garbageId ? encode(String(rng.pick(NASTY_STRINGS))) : idFor(route.path),
        );
        const params = new URLSearchParams();
        for (let i = 0; i < 3; i++) params.append(rng.pick(queries), String(rng.pick(NASTY_STRINGS)));
        const base = valid[`${route.method} ${route.path}`] ?? {};
        const body = route.method === 'GET' ? undefined : rng.next() < 0.1 ? rng.pick(NASTY_VALUES) : mutate(rng, base);
        const url = `${path}?${params}`;
        const response = await api.request(route.method, url, body === undefined ? {} : { body });
        if (response.status >= 500) {
          failures.push(
            `${route.method} ${url} ${JSON.stringify(body)?.slice(0, 300)} → ${response.status} ${response.text}`,
          );
        }
      }
    }
    expect(failures, `seed ${seed}`).toEqual([]);
    expect((await api.get('/healthz')).status).toBe(200);
  });
});

/** A contact the API refuses on four fields at once. */
const bad = { name: '', emails: ['not-an-email'], phones: [], locale: 'x'.repeat(40), attributes: 'nope' };

const refusal = async (language?: string) => {
  const response = await api.request('POST', '/api/v1/contacts', {
    body: bad,
    ...(language ? { headers: { 'accept-language': language } } : {}),
  });
  const problem = expectProblem(response, 400, 'body.emails.0');
  return Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e.message]));
};

describe('a refusal names the fields in the language the request asks for', () => {
  test('English unless Japanese is asked for first', async () => {
    for (const language of [undefined, 'en-US,ja;q=0.5', '*']) {
      const english = await refusal(language);
      expect(english['body.emails.0']).toMatch(/email/i);
      expect(Object.values(english).join(' ')).not.toMatch(/[ぁ-んァ-ン]/);
    }
  });

  test('Japanese with Accept-Language: ja, for the same fields', async () => {
    const english = await refusal();
    const japanese = await refusal('ja,en;q=0.8');
    expect(Object.keys(japanese).sort()).toEqual(Object.keys(english).sort());
    expect(japanese).toMatchObject({
      'body.emails.0': 'メールアドレスの形式が正しくありません',
      'body.locale': '20 文字以内にしてください',
      'body.attributes': '形式が正しくありません',
    });
  });
});

describe("a service's own refusals follow the request's language too", () => {
  const ask = async (method: string, path: string, body: unknown, language?: string) =>
    api.request(method, path, { body, ...(language ? { headers: { 'accept-language': language } } : {}) });

  test('a check made by the service, against the workspace', async () => {
    const body = { name: unique('Contact'), companyId: randomUUID() };
    const english = expectProblem(await ask('POST', '/api/v1/contacts', body), 400, 'body.companyId');
    expect(english.errors).toEqual([{ field: 'body.companyId', message: 'is not a company of this workspace' }]);
    const japanese = expectProblem(await ask('POST', '/api/v1/contacts', body, 'ja'), 400, 'body.companyId');
    expect(japanese.errors).toEqual([{ field: 'body.companyId', message: 'このワークスペースの会社ではありません' }]);
    expect(japanese.detail).toBe('body.companyId: このワークスペースの会社ではありません');
  });

  test('a check the schema words itself', async () => {
    const body = { channel: 'email', subject: 'x', customer: { name: 'No way to reach' } };
    const japanese = expectProblem(await ask('POST', '/api/v1/conversations', body, 'ja-JP'), 400, 'body.customer');
    expect(japanese.errors?.[0]?.message).toBe('contactId・email・phone・externalId のいずれかを指定してください');
    const english = expectProblem(await ask('POST', '/api/v1/conversations', body, 'en'), 400, 'body.customer');
    expect(english.errors?.[0]?.message).toBe('needs contactId, email, phone or externalId');
  });

  test('a conflict keeps its 409 and is worded in Japanese', async () => {
    const name = unique('Team');
    await createTeam(api, { name });
    const response = await ask('POST', '/api/v1/teams', { name }, 'ja');
    const problem = expectProblem(response, 409, 'body.name');
    expect(problem.errors).toEqual([{ field: 'body.name', message: '同じ名前のチームがあります' }]);
    const teams = (await api.get<{ data: { name: string }[] }>('/api/v1/teams?limit=200')).body.data;
    expect(teams.filter((team) => team.name === name)).toHaveLength(1);
  });
});
